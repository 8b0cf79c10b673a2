import '../../../core/i18n/storedValueMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { FeeSheet } from '../../../core/domain/feeSheet.ts'
import type { PaymentMethod } from '../../../core/fees/index.ts'
import { formatFen } from '../../../core/money/format.ts'
import { balanceOf, insertEntry, paymentOfSheet } from '../../../db/storedValue.ts'
import type { HandlerContext } from '../context.ts'

/**
 * The stored value's part of a payment and of a void (core/domain/storedValue.ts), inside fees.pay's and the
 * void's transaction: a payment of method 'stored_value' is taken from the client's balance (refused beyond
 * it), and the void of such a paid sheet pays it back. Each returns a short Chinese note for the fee
 * handler's audit line ('' when the stored value was not concerned).
 */

/** Takes the stored-value part of the payments from the client's balance, or refuses when it is not enough. */
export function payFromStoredValue(ctx: HandlerContext, sheet: FeeSheet, payments: readonly { method: PaymentMethod; fen: number }[]): string {
  const amount = payments.filter((p) => p.method === 'stored_value').reduce((s, p) => s + p.fen, 0)
  if (amount <= 0) return ''
  const balance = balanceOf(ctx.db, sheet.clientId)
  if (balance < amount) {
    throw new DomainError('rule_violation', 'error.storedValueInsufficient', { balance: formatFen(balance), amount: formatFen(amount) }, 'payments')
  }
  insertEntry(ctx.db, {
    clientId: sheet.clientId,
    kind: 'payment',
    amountFen: 0 - amount,
    method: null,
    feeSheetId: sheet.id,
    note: '',
    at: ctx.now(),
    byId: ctx.operator.id,
    byName: ctx.operator.name,
  })
  ctx.emit({ topic: 'storedValue', ids: [sheet.clientId] })
  return `储值扣款 ${formatFen(amount)}，储值余额 ${formatFen(balance - amount)}`
}

/** Pays back to the balance what a sheet being voided took from it (once). */
export function reverseStoredValueOf(ctx: HandlerContext, sheet: FeeSheet): string {
  const payment = paymentOfSheet(ctx.db, sheet.id)
  if (!payment || paymentOfSheet(ctx.db, sheet.id, 'payment_reversal')) return ''
  const amount = 0 - payment.amountFen
  insertEntry(ctx.db, {
    clientId: payment.clientId,
    kind: 'payment_reversal',
    amountFen: amount,
    method: null,
    feeSheetId: sheet.id,
    note: '',
    at: ctx.now(),
    byId: ctx.operator.id,
    byName: ctx.operator.name,
  })
  ctx.emit({ topic: 'storedValue', ids: [payment.clientId] })
  return `储值退回 ${formatFen(amount)}，储值余额 ${formatFen(balanceOf(ctx.db, payment.clientId))}`
}
