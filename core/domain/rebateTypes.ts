import type { Fen } from '../money/fen.ts'
import type { PriceCategory } from './priceItem.ts'
import type { RebateRates } from './rebateRates.ts'

/** The shapes of the rebate maths (core/domain/rebate.ts): what goes in, what comes out. */

/** A line of the paid sheet, as the rebate sees it. */
export interface RebateLineInput {
  code: string
  name: string
  category: PriceCategory
  /** Whole, ≥ 1. */
  quantity: number
  /** What one unit was charged on the sheet after the line's own discount, fen. */
  unitPriceFen: Fen
  /** The price list's price of one unit, fen (the special-price rule compares with it). */
  listPriceFen: Fen
  /** The price list's cost of one unit of a high-cost consumable (thread-lift threads, implants), fen; null when not recorded. */
  costFen: Fen | null
  /** A special-price injection item (特价微整). */
  specialPrice: boolean
}

export interface RebateSheetInput {
  sheetNo: string
  /** The month the sheet was paid, YYYY-MM: the rebate is booked in it. */
  period: string
  lines: readonly RebateLineInput[]
  /** What the client paid for the sheet (its total, deposits applied included), fen; at most what the lines add up to. */
  paidFen: Fen
}

/** How a line counts: kept out, at the special rate, or at the store's share. */
export type RebateRule = 'excluded' | 'special_rate' | 'store_share'
export type ExclusionReason = 'excluded_category' | 'consumable_cost'

/** One line's figures. netFen = chargedFen − discountShareFen; baseFen = netFen − excludedFen. */
export interface RebateLine {
  lineIndex: number
  code: string
  name: string
  category: PriceCategory
  quantity: number
  rule: RebateRule
  chargedFen: Fen
  discountShareFen: Fen
  netFen: Fen
  excludedFen: Fen
  baseFen: Fen
  /** list price × quantity. */
  listFen: Fen
  shareFen: Fen
}

export interface RebateExclusion {
  lineIndex: number
  code: string
  name: string
  reason: ExclusionReason
  /** What is kept out: the line's whole net, or its consumables' cost (never more than the net). */
  excludedFen: Fen
}

export interface SpecialPriceLine {
  lineIndex: number
  code: string
  name: string
  /** The line's net: what was paid for it. */
  priceFen: Fen
  listFen: Fen
  /** 'special_rate' when under the threshold, 'store_share' when at or over it. */
  rule: Exclude<RebateRule, 'excluded'>
  shareFen: Fen
}

/** The figures a statement adds up; a reversal negates every one of them. */
export const REBATE_FIGURES = [
  'linesFen',
  'discountFen',
  'paidFen',
  'excludedFen',
  'baseFen',
  'specialRateBaseFen',
  'standardBaseFen',
  'standardShareFen',
  'specialShareFen',
  'storeShareFen',
] as const
export type RebateFigures = Record<(typeof REBATE_FIGURES)[number], Fen>

/**
 * The rebate of one sheet, or its reversal. linesFen − discountFen = paidFen; paidFen − excludedFen = baseFen =
 * specialRateBaseFen + standardBaseFen; standardShareFen = standardBaseFen × 50% half-up;
 * storeShareFen = standardShareFen + specialShareFen. In a reversal every …Fen field, here and in the lines,
 * is negated; counts and indexes are not.
 */
export interface SheetRebate extends RebateFigures {
  kind: 'rebate' | 'reversal'
  sheetNo: string
  /** YYYY-MM: the month it is booked in (for a reversal, the month of the void or refund). */
  period: string
  /** For a reversal, the month the rebate it reverses was booked in; null for a rebate. */
  reversesPeriod: string | null
  lines: RebateLine[]
  exclusions: RebateExclusion[]
  specialPriceLines: SpecialPriceLine[]
  /** The rates it was worked out with. */
  rates: RebateRates
}

