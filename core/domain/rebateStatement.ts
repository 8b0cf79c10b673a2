import { sumFen } from '../money/fen.ts'
import { checkPeriod, refuseRebate } from './rebateRefusals.ts'
import { REBATE_FIGURES, type RebateFigures, type SheetRebate } from './rebateTypes.ts'

/** A copy of a record with every …Fen number negated (as 0 − x, so that a zero stays +0). */
function negated<T extends object>(record: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) out[key] = key.endsWith('Fen') && typeof value === 'number' ? 0 - value : value
  return out as T
}

/**
 * The reversal (冲回) of a rebate whose fee sheet was voided or refunded: every amount negated, in the sheet, its
 * lines, exclusions and special-price lines, booked in `period` (YYYY-MM), the month of the void, so a closed
 * month is never changed; it names the month it reverses. The rebate given is not touched. Refused: a period
 * that is not YYYY-MM, one before the rebate's own month, and the reversal of a reversal.
 */
export function reversalOf(rebate: SheetRebate, period: string): SheetRebate {
  checkPeriod(period)
  const { sheetNo } = rebate
  if (rebate.kind === 'reversal') refuseRebate('rebate.reversalOfReversal', { sheetNo }, 'kind', 'rule_violation')
  if (period < rebate.period) refuseRebate('rebate.reversalBeforeRebate', { sheetNo, period, original: rebate.period }, 'period', 'rule_violation')
  return {
    ...negated(rebate),
    kind: 'reversal',
    period,
    reversesPeriod: rebate.period,
    lines: rebate.lines.map((l) => negated(l)),
    exclusions: rebate.exclusions.map((e) => negated(e)),
    specialPriceLines: rebate.specialPriceLines.map((s) => negated(s)),
    rates: { ...rebate.rates, excludedCategories: [...rebate.rates.excludedCategories] },
  }
}

/** A monthly statement's totals: every figure the sum of its entries' (rebates and reversals alike). */
export interface StatementTotals extends RebateFigures {
  /** The statement's month; null for a statement without entries. */
  period: string | null
  rebates: number
  reversals: number
}

/** The totals of a month's entries (per store or per salesperson: the caller chooses them). All must be of one month. */
export function statementTotals(entries: readonly SheetRebate[]): StatementTotals {
  const period = entries[0]?.period ?? null
  entries.forEach((e, i) => {
    if (e.period !== period) refuseRebate('rebate.statementMixedPeriods', { first: String(period), other: e.period }, `entries.${i}.period`)
  })
  const figures = Object.fromEntries(REBATE_FIGURES.map((f) => [f, sumFen(entries.map((e) => e[f]))])) as RebateFigures
  return {
    period,
    rebates: entries.filter((e) => e.kind === 'rebate').length,
    reversals: entries.filter((e) => e.kind === 'reversal').length,
    ...figures,
  }
}
