import { allocateProportionally } from '../money/allocate.ts'
import { MAX_FEN, isNonNegativeFen, mulBasisPoints, sumFen, type Fen } from '../money/fen.ts'
import { formatFen } from '../money/format.ts'
import { PRICE_CATEGORIES } from './priceItem.ts'
import type { RebateRates } from './rebateRates.ts'
import { checkAmount, checkPeriod, checkRates, refuseRebate } from './rebateRefusals.ts'
import type { ExclusionReason, RebateExclusion, RebateLine, RebateLineInput, RebateRule, RebateSheetInput, SheetRebate, SpecialPriceLine } from './rebateTypes.ts'

export * from './rebateTypes.ts'
export * from './rebateRates.ts'
export { storeStaffPrice, referralCommission, type ReferralCommission } from './rebateCommission.ts'
export { reversalOf, statementTotals, type StatementTotals } from './rebateStatement.ts'
export { REBATE_MESSAGE_KEYS, checkPeriod, checkRates } from './rebateRefusals.ts'

/**
 * Partner-store rebates (返款) and staff-referral commissions (DOMAIN.md, "Partner stores and the marketing
 * department"), as pure functions over integer fen, rounded half-up once per figure by core/money.
 *
 * A paid fee sheet's rebate, step by step:
 * 1. Each line is charged unitPriceFen × quantity. When the sheet was paid less than the lines add up to (a
 *    whole-sheet discount, 抹零), the difference is spread over ALL lines in proportion to what each was charged,
 *    by core/money's allocateProportionally (largest remainder: each part is the exact share rounded down or up,
 *    the leftover fen go to the largest fractions, ties to the earlier line), so the parts add up exactly and
 *    each line's net is what the client paid for it.
 * 2. A line of an excluded category (anaesthesia, lab test, inpatient stay, infusion) is kept out at its whole net.
 * 3. A special-price injection line (特价微整) whose net is under 80% of its list price × quantity earns 10% of
 *    its net ('special_rate'); at 80% or more it is an ordinary line. An excluded category wins over the flag.
 * 4. An ordinary line ('store_share') whose price-list item gives a consumable cost has cost × quantity kept
 *    out, never more than the line's net. (A 'special_rate' line earns on its price, as DOMAIN.md says: no cost.)
 * 5. base = paid − everything kept out; the ordinary lines' part of it earns 50%, once, half-up, and that share
 *    is spread back over the ordinary lines (largest remainder again) so every line shows its share.
 *    storeShareFen = the 50% share + Σ the special-rate shares; it never exceeds the base.
 */

/** unitPriceFen × quantity of a line that passes every check. */
function chargedOf(line: RebateLineInput, index: number): Fen {
  const params = { line: index + 1, name: String(line.name) }
  const at = (f: string) => `lines.${index}.${f}`
  if (!(PRICE_CATEGORIES as readonly string[]).includes(line.category)) {
    refuseRebate('rebate.invalidCategory', { ...params, category: String(line.category) }, at('category'))
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) refuseRebate('rebate.invalidQuantity', params, at('quantity'))
  if (!isNonNegativeFen(line.unitPriceFen)) refuseRebate('rebate.invalidUnitPrice', params, at('unitPriceFen'))
  if (!isNonNegativeFen(line.listPriceFen)) refuseRebate('rebate.invalidListPrice', params, at('listPriceFen'))
  if (line.costFen !== null && !isNonNegativeFen(line.costFen)) refuseRebate('rebate.invalidCost', params, at('costFen'))
  const charged = line.unitPriceFen * line.quantity
  if (charged > MAX_FEN || line.listPriceFen * line.quantity > MAX_FEN) refuseRebate('rebate.lineTooLarge', params, at('quantity'))
  return charged
}

/** Whether a net is under thresholdBp of listFen, compared exactly (no rounding). */
function underThreshold(netFen: Fen, listFen: Fen, thresholdBp: number): boolean {
  return BigInt(netFen) * 10_000n < BigInt(listFen) * BigInt(thresholdBp)
}

/** One line's rule and what it keeps out of the base (steps 2–4). */
function classify(line: RebateLineInput, netFen: Fen, listFen: Fen, rates: RebateRates): { rule: RebateRule; excludedFen: Fen; reason: ExclusionReason | null } {
  if (rates.excludedCategories.includes(line.category)) return { rule: 'excluded', excludedFen: netFen, reason: 'excluded_category' }
  if (line.specialPrice && underThreshold(netFen, listFen, rates.specialPriceThresholdBp)) return { rule: 'special_rate', excludedFen: 0, reason: null }
  if (line.costFen === null) return { rule: 'store_share', excludedFen: 0, reason: null }
  return { rule: 'store_share', excludedFen: Math.min(netFen, line.costFen * line.quantity), reason: 'consumable_cost' }
}

/** The rebate of a paid fee sheet of a partner store's client (see the steps at the top of this file). */
export function rebateOfFeeSheet(sheet: RebateSheetInput, rates: RebateRates): SheetRebate {
  const checkedRates = checkRates(rates)
  checkPeriod(sheet.period)
  checkAmount(sheet.paidFen, 'rebate.invalidPaid', 'paidFen')
  const charged = sheet.lines.map((line, i) => chargedOf(line, i))
  const linesFen = sumFen(charged)
  if (linesFen > MAX_FEN) refuseRebate('rebate.sheetTooLarge', {}, 'lines')
  if (sheet.paidFen > linesFen) refuseRebate('rebate.paidExceedsLines', { paid: formatFen(sheet.paidFen), lines: formatFen(linesFen) }, 'paidFen')

  const discountShares = allocateProportionally(linesFen - sheet.paidFen, charged)
  const exclusions: RebateExclusion[] = []
  const specialPriceLines: SpecialPriceLine[] = []
  const lines: RebateLine[] = sheet.lines.map((line, lineIndex) => {
    const chargedFen = charged[lineIndex] ?? 0
    const discountShareFen = discountShares[lineIndex] ?? 0
    const netFen = chargedFen - discountShareFen
    const listFen = line.listPriceFen * line.quantity
    const { rule, excludedFen, reason } = classify(line, netFen, listFen, checkedRates)
    const shareFen = rule === 'special_rate' ? mulBasisPoints(netFen, checkedRates.specialPriceShareBp) : 0
    const { code, name, category, quantity } = line
    if (reason !== null) exclusions.push({ lineIndex, code, name, reason, excludedFen })
    if (line.specialPrice && rule !== 'excluded') specialPriceLines.push({ lineIndex, code, name, priceFen: netFen, listFen, rule, shareFen })
    return { lineIndex, code, name, category, quantity, rule, chargedFen, discountShareFen, netFen, excludedFen, baseFen: netFen - excludedFen, listFen, shareFen }
  })

  const baseOf = (rule: RebateRule) => sumFen(lines.filter((l) => l.rule === rule).map((l) => l.baseFen))
  const standardBaseFen = baseOf('store_share')
  const specialRateBaseFen = baseOf('special_rate')
  const standardShareFen = mulBasisPoints(standardBaseFen, checkedRates.storeShareBp)
  const standardShares = allocateProportionally(
    standardShareFen,
    lines.map((l) => (l.rule === 'store_share' ? l.baseFen : 0)),
  )
  lines.forEach((l, i) => {
    if (l.rule === 'store_share') l.shareFen = standardShares[i] ?? 0
  })
  for (const s of specialPriceLines) s.shareFen = lines[s.lineIndex]?.shareFen ?? 0
  const specialShareFen = sumFen(lines.filter((l) => l.rule === 'special_rate').map((l) => l.shareFen))
  const excludedFen = sumFen(lines.map((l) => l.excludedFen))

  return {
    kind: 'rebate',
    sheetNo: sheet.sheetNo,
    period: sheet.period,
    reversesPeriod: null,
    linesFen,
    discountFen: linesFen - sheet.paidFen,
    paidFen: sheet.paidFen,
    excludedFen,
    baseFen: sheet.paidFen - excludedFen,
    specialRateBaseFen,
    standardBaseFen,
    standardShareFen,
    specialShareFen,
    storeShareFen: standardShareFen + specialShareFen,
    lines,
    exclusions,
    specialPriceLines,
    rates: { ...checkedRates, excludedCategories: [...checkedRates.excludedCategories] },
  }
}

