import { useI18n } from 'vue-i18n'
import type { RebateEntry } from '../../../../core/api/rebates.ts'
import type { RebateExclusion, RebateLine } from '../../../../core/domain/rebateTypes.ts'
import { formatFen } from '../../../../core/money/index.ts'
import { useCategoryLabel } from '../fees/useCategoryLabel.ts'

/** The words of a rebate entry on screen and on paper: money, the rule of a line, why something is excluded. */
export function useRebateLabels() {
  const { t } = useI18n()
  const categoryLabel = useCategoryLabel()
  const money = (fen: number) => formatFen(fen)

  const ruleLabel = (line: RebateLine) => t(`statements.lines.rules.${line.rule}`)

  function exclusionText(entry: RebateEntry, exclusion: RebateExclusion): string {
    const line = entry.lines.find((l) => l.lineIndex === exclusion.lineIndex)
    const category = line ? categoryLabel(line.category) : ''
    return `${t(`statements.reasons.${exclusion.reason}`, { name: exclusion.name, category })} ${money(exclusion.excludedFen)}`
  }

  /** Every exclusion of an entry, one per line of text; empty when nothing was excluded. */
  const exclusionsOf = (entry: RebateEntry) => entry.exclusions.map((e) => exclusionText(entry, e))

  const referralNote = (entry: RebateEntry) =>
    t('statements.table.referralNote', {
      referrer: entry.referrerName,
      referrerAmount: money(entry.referrerFen),
      salesperson: entry.salespersonName,
      salespersonAmount: money(entry.salespersonFen),
    })

  return { money, categoryLabel, ruleLabel, exclusionsOf, referralNote }
}
