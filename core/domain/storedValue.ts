import { z } from 'zod'

/**
 * Member cards with stored value (会员卡储值), DOMAIN.md "After the deal": a client's account is the ledger of
 * every movement — top-ups (充值) with the bonus their rule gives (赠送), payments of fee sheets from the
 * balance, the reversal of such a payment when its sheet is voided, and refunds (退款, by an administrator).
 * The balance is the sum of the ledger, derived on every read and never stored; it never goes negative, also
 * when two windows pay at once (every movement is written in one immediate transaction that re-reads it).
 * All in integer fen.
 */

export const LEDGER_KINDS = ['top_up', 'bonus', 'payment', 'payment_reversal', 'refund'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

/** How a top-up was paid in (stored value itself is not one). */
export const TOP_UP_METHODS = ['cash', 'wechat', 'alipay', 'card'] as const
export type TopUpMethod = (typeof TOP_UP_METHODS)[number]

export interface LedgerEntry {
  id: number
  clientId: number
  kind: LedgerKind
  /** Signed: top-ups, bonuses and reversals add; payments and refunds take away. */
  amountFen: number
  /** The running balance right after this entry (worked out on read, in ledger order). */
  balanceFen: number
  /** For a top-up: how it was paid in; null otherwise. */
  method: TopUpMethod | null
  /** For a payment or its reversal: the fee sheet. */
  feeSheetId: number | null
  sheetNo: string | null
  note: string
  at: string
  byName: string
}

export interface StoredValueAccount {
  clientId: number
  clientName: string
  balanceFen: number
  /** Σ top-ups (money actually paid in), Σ bonuses given, Σ spent (payments less reversals), Σ refunded. */
  toppedUpFen: number
  bonusFen: number
  spentFen: number
  refundedFen: number
  /** Newest first. */
  entries: LedgerEntry[]
}

/** A bonus rule: a top-up of at least `minFen` is given `bonusFen` (充 10,000 送 1,000). */
export interface BonusRule {
  minFen: number
  bonusFen: number
}

export const bonusRulesSchema = z
  .array(z.object({ minFen: z.number().int().min(1).max(100_000_000_00), bonusFen: z.number().int().min(0).max(100_000_000_00) }).strict())
  .max(20, 'validation.tooLong')

/** The bonus a top-up earns: that of the largest rule it reaches; 0 when it reaches none. */
export function bonusFor(amountFen: number, rules: readonly BonusRule[]): number {
  let best: BonusRule | null = null
  for (const rule of rules) if (amountFen >= rule.minFen && (best === null || rule.minFen > best.minFen)) best = rule
  return best?.bonusFen ?? 0
}
