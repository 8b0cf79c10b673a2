import type { z } from 'zod'

/**
 * What an operator must be allowed to do to call a method. The dispatcher checks it against the signed-in
 * operator's role (core/domain/permissions.ts) before the input is even parsed:
 * - public: callable before sign-in (first-run setup, sign-in itself, the waiting-room display);
 * - read: any signed-in operator;
 * - desk: the front desk's work (arrivals, rotation, calls, payment);
 * - consult: consultation and fee sheets;
 * - outcome: recording a visit's outcome, done by the consultant or by the desk on their word;
 * - admin: staff, price list, settings, restore, audit, reports over ranges;
 * - partners: partner stores' pre-registration (报备) and the list of stores, by the desk and the marketing
 *   department (a salesperson sees only their own stores and reports: the handlers narrow it);
 * - marketing: keeping partner stores (filing, changes, reassignment, lifecycle reminders);
 * - treat: the treatment room's work (deducting a session of a treatment card, 划扣).
 */
export const PERMISSIONS = ['public', 'read', 'desk', 'consult', 'outcome', 'admin', 'partners', 'marketing', 'treat'] as const
export type Permission = (typeof PERMISSIONS)[number]

export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I
  /** Writes run in one immediate transaction, leave an audit row and push change events. */
  writes: boolean
  permission: Permission
  /** Type-only marker of the result; never set at run time. */
  readonly result?: R
}

/** `method<Result>()({ input, writes, permission })`: the result type is given, the input inferred. */
export function method<R>() {
  return <I extends z.ZodType>(spec: { input: I; writes: boolean; permission: Permission }): MethodSpec<I, R> => spec
}
