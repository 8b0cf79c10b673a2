/** Why a fee sheet's figures cannot be worked out; the caller turns a code into a message. */
export type FeeErrorCode =
  | 'invalid_unit_price' // unit price not whole fen, negative, or over MAX_FEN
  | 'invalid_floor_price' // floor not whole fen or negative
  | 'invalid_quantity' // not a whole number ≥ 1
  | 'invalid_category'
  | 'invalid_discount_rate' // percent not a number in 0..100 with at most two decimals (over 100% off or a markup)
  | 'invalid_discount_amount' // amount discount not whole fen or negative
  | 'discount_exceeds_amount' // an amount discount larger than the line (or, for the sheet, the sheet)
  | 'invalid_round_down'
  | 'invalid_deposit' // a deposit not whole fen or not > 0
  | 'deposits_exceed_total' // more applied from deposits than the sheet's total
  | 'invalid_payment' // a payment not whole fen or not > 0
  | 'invalid_payment_method'
  | 'payments_exceed_payable' // more taken than is payable after deposits
  | 'amount_too_large' // a line or the sheet over MAX_FEN

export type FeeErrorScope = 'line' | 'sheet' | 'deposit' | 'payment'

export interface FeeError {
  code: FeeErrorCode
  scope: FeeErrorScope
  /** Index of the line, deposit or payment concerned; absent for the sheet. */
  index?: number
}

export type FeeResult<T> = { ok: true; value: T } | { ok: false; errors: FeeError[] }

export function feeError(code: FeeErrorCode, scope: FeeErrorScope, index?: number): FeeError {
  return index === undefined ? { code, scope } : { code, scope, index }
}

/** Thrown by the single-line helpers (lineAmount, lineFigures) when given a line that does not validate. */
export class FeeInputError extends Error {
  readonly errors: FeeError[]
  constructor(errors: FeeError[]) {
    super(`invalid fee input: ${errors.map((e) => e.code).join(', ')}`)
    this.name = 'FeeInputError'
    this.errors = errors
  }
}
