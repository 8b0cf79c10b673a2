import { allocateProportionally } from '../money/allocate.ts'
import { MAX_FEN, isFen, isNonNegativeFen, mulBasisPoints, percentToBasisPoints, type Fen } from '../money/fen.ts'
import { FeeInputError, feeError, type FeeError, type FeeErrorScope, type FeeResult } from './errors.ts'
import {
  FEE_CATEGORIES,
  PAYMENT_METHODS,
  ROUND_DOWN_MODES,
  type Discount,
  type FeeLine,
  type FeeSheetInput,
  type FloorViolation,
  type LineFigures,
  type PaymentMethod,
  type SheetTotals,
} from './types.ts'

/** Errors of a discount taken off `base` fen (base null when it is not known because the line is invalid). */
export function validateDiscount(discount: Discount | null, base: Fen | null, scope: FeeErrorScope, index?: number): FeeError[] {
  if (discount === null) return []
  if (discount.kind === 'rate') {
    const p: unknown = discount.percent
    let ok = typeof p === 'number' && p >= 0 && p <= 100
    if (ok) {
      try {
        percentToBasisPoints(p as number)
      } catch {
        ok = false
      }
    }
    return ok ? [] : [feeError('invalid_discount_rate', scope, index)]
  }
  if (discount.kind === 'amount') {
    if (!isNonNegativeFen(discount.fen)) return [feeError('invalid_discount_amount', scope, index)]
    if (base !== null && discount.fen > base) return [feeError('discount_exceeds_amount', scope, index)]
    return []
  }
  return [feeError('invalid_discount_amount', scope, index)]
}

/** The fen a valid discount takes off `base`: for a rate, base less base × percent half-up (the price paid is what is rounded). */
export function discountFen(base: Fen, discount: Discount | null): Fen {
  if (discount === null) return 0
  if (discount.kind === 'amount') return discount.fen
  return base - mulBasisPoints(base, percentToBasisPoints(discount.percent))
}

function lineGross(line: FeeLine): Fen | null {
  if (!isNonNegativeFen(line.unitPrice) || !Number.isSafeInteger(line.quantity) || line.quantity < 1) return null
  return line.unitPrice * line.quantity
}

/** Every error of one line (index given back in the errors). */
export function validateLine(line: FeeLine, index = 0): FeeError[] {
  const errors: FeeError[] = []
  if (!isNonNegativeFen(line.unitPrice)) errors.push(feeError('invalid_unit_price', 'line', index))
  if (line.floorPrice !== null && !isNonNegativeFen(line.floorPrice)) errors.push(feeError('invalid_floor_price', 'line', index))
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) errors.push(feeError('invalid_quantity', 'line', index))
  if (!(FEE_CATEGORIES as readonly string[]).includes(line.category)) errors.push(feeError('invalid_category', 'line', index))
  let gross = lineGross(line)
  if (gross !== null && gross > MAX_FEN) {
    errors.push(feeError('amount_too_large', 'line', index))
    gross = null
  }
  errors.push(...validateDiscount(line.discount, gross, 'line', index))
  return errors
}

/** gross (unitPrice × quantity), the line's own discount, and amount = gross − discount. */
export interface LineAmounts {
  gross: Fen
  discount: Fen
  amount: Fen
}

/** The figures of one line before the whole-sheet discount; throws FeeInputError for an invalid line. */
export function lineAmounts(line: FeeLine): LineAmounts {
  const errors = validateLine(line)
  if (errors.length > 0) throw new FeeInputError(errors)
  const gross = line.unitPrice * line.quantity
  const discount = discountFen(gross, line.discount)
  return { gross, discount, amount: gross - discount }
}

/** What a line costs after its own discount (before the whole-sheet discount and 抹零); throws FeeInputError if invalid. */
export function lineAmount(line: FeeLine): Fen {
  return lineAmounts(line).amount
}

function violationsOf(lines: readonly FeeLine[], charged: readonly Fen[]): FloorViolation[] {
  const out: FloorViolation[] = []
  lines.forEach((line, lineIndex) => {
    if (line.floorPrice === null) return
    const floorAmount = line.floorPrice * line.quantity
    const c = charged[lineIndex] ?? 0
    if (c < floorAmount) out.push({ lineIndex, itemId: line.itemId, code: line.code, floorAmount, charged: c, shortBy: floorAmount - c })
  })
  return out
}

/**
 * Lines charged under their floor (floorPrice × quantity) after their own discount: only an administrator may
 * confirm such a sheet. sheetTotals also counts each line's share of the whole-sheet discount; 抹零 is not
 * counted (it is at most ¥0.99 and has a permission of its own). Throws FeeInputError for an invalid line.
 */
export function floorViolations(lines: readonly FeeLine[]): FloorViolation[] {
  return violationsOf(
    lines,
    lines.map((l) => lineAmount(l)),
  )
}

const ROUND_UNIT: Record<FeeSheetInput['roundDown'], number> = { none: 1, jiao: 10, yuan: 100 }

/**
 * All the figures of a fee sheet, or every error found. Order of work, all in whole fen, half-up:
 * lines (gross − own discount = amount) → subtotal, lineDiscounts → whole-sheet discount on Σ amount →
 * 抹零 rounds what is left down to the jiao or the yuan → total → deposits applied → payable → payments → balance.
 * The sheet discount and the 抹零 are spread over the lines in proportion (largest remainder), so the line nets
 * add up to the total exactly.
 */
export function sheetTotals(input: FeeSheetInput): FeeResult<SheetTotals> {
  const errors: FeeError[] = []
  input.lines.forEach((line, i) => errors.push(...validateLine(line, i)))
  if (!(ROUND_DOWN_MODES as readonly string[]).includes(input.roundDown)) errors.push(feeError('invalid_round_down', 'sheet'))
  input.deposits.forEach((d, i) => {
    if (!isFen(d) || d <= 0 || d > MAX_FEN) errors.push(feeError('invalid_deposit', 'deposit', i))
  })
  input.payments.forEach((p, i) => {
    if (!(PAYMENT_METHODS as readonly string[]).includes(p.method)) errors.push(feeError('invalid_payment_method', 'payment', i))
    if (!isFen(p.fen) || p.fen <= 0 || p.fen > MAX_FEN) errors.push(feeError('invalid_payment', 'payment', i))
  })
  if (errors.length > 0) {
    // The sheet discount can still be checked on its own.
    errors.push(...validateDiscount(input.sheetDiscount, null, 'sheet'))
    return { ok: false, errors }
  }

  const figures = input.lines.map((l) => lineAmounts(l))
  const subtotal = figures.reduce((s, f) => s + f.gross, 0)
  if (subtotal > MAX_FEN) return { ok: false, errors: [feeError('amount_too_large', 'sheet')] }
  const lineDiscounts = figures.reduce((s, f) => s + f.discount, 0)
  const afterLines = subtotal - lineDiscounts

  const sheetErrors = validateDiscount(input.sheetDiscount, afterLines, 'sheet')
  if (sheetErrors.length > 0) return { ok: false, errors: sheetErrors }
  const sheetDiscount = discountFen(afterLines, input.sheetDiscount)
  const afterSheet = afterLines - sheetDiscount
  const roundOff = afterSheet % ROUND_UNIT[input.roundDown]
  const total = afterSheet - roundOff

  const amounts = figures.map((f) => f.amount)
  const sheetShares = allocateProportionally(sheetDiscount, amounts)
  const afterSheetByLine = amounts.map((a, i) => a - (sheetShares[i] ?? 0))
  const roundShares = allocateProportionally(roundOff, afterSheetByLine)
  const lines: LineFigures[] = figures.map((f, i) => {
    const sheetDiscountShare = sheetShares[i] ?? 0
    const roundOffShare = roundShares[i] ?? 0
    return { ...f, sheetDiscountShare, roundOffShare, net: f.amount - sheetDiscountShare - roundOffShare }
  })

  const deposits = input.deposits.reduce((s, d) => s + d, 0)
  if (deposits > total) return { ok: false, errors: [feeError('deposits_exceed_total', 'sheet')] }
  const payable = total - deposits
  const paidByMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, Fen>
  let paid = 0
  for (const p of input.payments) {
    paid += p.fen
    paidByMethod[p.method] += p.fen
  }
  if (paid > payable) return { ok: false, errors: [feeError('payments_exceed_payable', 'sheet')] }

  return {
    ok: true,
    value: {
      lines,
      subtotal,
      lineDiscounts,
      sheetDiscount,
      roundOff,
      total,
      deposits,
      payable,
      paid,
      balance: payable - paid,
      paidByMethod,
      floorViolations: violationsOf(input.lines, afterSheetByLine),
    },
  }
}
