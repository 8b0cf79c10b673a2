import { z } from 'zod'
import { TOP_UP_METHODS, type StoredValueAccount } from '../domain/storedValue.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

/** 1 fen to 1,000,000 yuan: far above any top-up, well inside a safe integer. */
const fen = z.number().int('validation.range').min(1, 'validation.range').max(100_000_000_00, 'validation.range')

/**
 * A client's stored value (储值), core/domain/storedValue.ts. Payments from the balance are fees.pay with a
 * payment of method 'stored_value' (refused beyond the balance); a void of such a sheet pays it back.
 */
export const storedValueMethods = {
  /** The client's account with the whole ledger; an account with no entries has a balance of 0. */
  'storedValue.account': method<StoredValueAccount>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** A top-up paid in by `method`; the settings' bonus rules add their bonus as an entry of its own. */
  'storedValue.topUp': method<StoredValueAccount>()({
    input: z
      .object({ clientId: idSchema, amountFen: fen, method: z.enum(TOP_UP_METHODS), note: z.string().trim().max(200, 'validation.tooLong').default('') })
      .strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Money handed back from the balance: an administrator, with a reason; never more than the balance. */
  'storedValue.refund': method<StoredValueAccount>()({
    input: z.object({ clientId: idSchema, amountFen: fen, reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict(),
    writes: true,
    permission: 'admin',
  }),
}
