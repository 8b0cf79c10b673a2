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
  /** In a table column: no ¥, and nothing for a zero that says nothing. */
  const cell = (fen: number) => formatFen(fen, { symbol: false })

  const ruleLabel = (line: RebateLine) => t(`statements.lines.rules.${line.rule}`)

  function exclusionText(entry: RebateEntry, exclusion: RebateExclusion): string {
    const line = entry.lines.find((l) => l.lineIndex === exclusion.lineIndex)
    const category = line ? categoryLabel(line.category) : ''
    return `${t(`statements.reasons.${exclusion.reason}`, { name: exclusion.name, category })} ${money(exclusion.excludedFen)}`
  }

  /** Every exclusion of an entry, one per line of text; empty when nothing was excluded. */
  const exclusionsOf = (entry: RebateEntry) => entry.exclusions.map((e) => exclusionText(entry, e))

  /** The special-price lines charged at the special rate, one sentence each. */
  const specialNotesOf = (entry: RebateEntry) =>
    entry.lines
      .filter((l) => l.rule === 'special_rate')
      .map((l) => t('statements.lines.specialNote', { name: l.name, price: money(l.netFen), list: money(l.listFen) }))

  const referralNote = (entry: RebateEntry) =>
    t('statements.table.referralNote', {
      deal: money(entry.paidFen),
      referrer: entry.referrerName,
      referrerAmount: money(entry.referrerFen),
      salesperson: entry.salespersonName,
      salespersonAmount: money(entry.salespersonFen),
    })

  return { money, cell, categoryLabel, ruleLabel, exclusionsOf, specialNotesOf, referralNote }
}
