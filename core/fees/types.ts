import { PRICE_CATEGORIES, type PriceCategory } from '../domain/priceItem.ts'
import type { Fen } from '../money/fen.ts'

/** Item categories of the price list, as the fee sheet and the rebate rules see them: one list for both. */
export const FEE_CATEGORIES = PRICE_CATEGORIES
export type FeeCategory = PriceCategory

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'stored_value'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/**
 * A discount: a rate to pay (`percent` 80 = 8折 = pay 80%; 0 = free; at most two decimals, so 8.55折 = 85.5),
 * or an amount in fen taken off.
 */
export type Discount = { kind: 'rate'; percent: number } | { kind: 'amount'; fen: Fen }

/** 抹零: 'jiao' drops the fen; 'yuan' drops jiao and fen (down to whole yuan). Always rounds down. */
export const ROUND_DOWN_MODES = ['none', 'jiao', 'yuan'] as const
export type RoundDown = (typeof ROUND_DOWN_MODES)[number]

/**
 * A line of a fee sheet, with a snapshot of the price-list item as it was when the line was made.
 * Quantity is a whole number ≥ 1: fractional doses are priced per unit in the price list (a unit of
 * "0.5ml" or "单位"), so a sheet never multiplies by a decimal.
 */
export interface FeeLine {
  itemId: number
  code: string
  name: string
  unit: string
  category: FeeCategory
  /** List price of one unit, fen. */
  unitPrice: Fen
  /** Lowest price of one unit that a non-administrator may charge, fen; null when the item has no floor. */
  floorPrice: Fen | null
  quantity: number
  discount: Discount | null
}

export interface Payment {
  method: PaymentMethod
  /** Amount taken, fen, > 0; for cash the amount kept, not the note handed over (change is not recorded here). */
  fen: Fen
}

export interface FeeSheetInput {
  lines: readonly FeeLine[]
  sheetDiscount: Discount | null
  roundDown: RoundDown
  /** Deposits (定金) applied to this sheet, fen, each > 0; only the part used, never more than the total. */
  deposits: readonly Fen[]
  payments: readonly Payment[]
}

/** The figures of one line. gross − discount = amount; amount − sheetDiscountShare − roundOffShare = net. */
export interface LineFigures {
  /** unitPrice × quantity. */
  gross: Fen
  /** The line's own discount. */
  discount: Fen
  /** What the line costs before the whole-sheet discount and 抹零. */
  amount: Fen
  /** This line's part of the whole-sheet discount (spread over the lines in proportion to `amount`). */
  sheetDiscountShare: Fen
  /** This line's part of the 抹零 (spread in proportion to amount less the sheet discount share). */
  roundOffShare: Fen
  /** What the line finally costs; the nets add up to the sheet's total (the base for rebates). */
  net: Fen
}

export interface SheetTotals {
  lines: LineFigures[]
  /** Σ gross. */
  subtotal: Fen
  /** Σ line discounts. */
  lineDiscounts: Fen
  /** The whole-sheet discount, fen. */
  sheetDiscount: Fen
  /** The 抹零, fen dropped. */
  roundOff: Fen
  /** subtotal − lineDiscounts − sheetDiscount − roundOff. */
  total: Fen
  /** Σ deposits applied. */
  deposits: Fen
  /** total − deposits. */
  payable: Fen
  /** Σ payments. */
  paid: Fen
  /** payable − paid: what is still owed, ≥ 0 (0 when the sheet is settled). */
  balance: Fen
  /** Σ payments per method (every method present, 0 when unused). */
  paidByMethod: Record<PaymentMethod, Fen>
  /** Lines whose price after their own and the whole-sheet discount is under the floor (administrator only). */
  floorViolations: FloorViolation[]
}

export interface FloorViolation {
  /** Index of the line in the sheet. */
  lineIndex: number
  itemId: number
  code: string
  /** floorPrice × quantity. */
  floorAmount: Fen
  /** The amount charged that is compared with the floor. */
  charged: Fen
  /** floorAmount − charged, > 0. */
  shortBy: Fen
}
