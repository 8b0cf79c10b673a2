import { z } from 'zod'
import { FOLLOW_UP_RESULTS, type FollowUpRow } from '../domain/followUp.ts'
import type { SatisfactionFigures, ServiceFigures } from '../domain/serviceFigures.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'
import { dayRangeSchema } from './reports.ts'

export type { SatisfactionFigures, ServiceFigures } from '../domain/serviceFigures.ts'

const isoDate = z.iso.date('validation.date')
const version = z.number().int().min(1)

/** Follow-up calls (回访) and the service figures; the figures' definitions are in core/domain/serviceFigures.ts. */
export const followUpMethods = {
  /** The open calls due on a day (today by default) and, with `overdue`, every open call due earlier: overdue first, then by due date. */
  'followUps.due': method<FollowUpRow[]>()({
    input: z.object({ date: isoDate.optional(), overdue: z.boolean().default(true) }).strict(),
    writes: false,
    permission: 'read',
  }),
  /** Every call of a client, open or done, by due date. */
  'followUps.ofClient': method<FollowUpRow[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /**
   * The result of a call of an open follow-up: 'reached' (with what was said) and 'unreachable' close it;
   * 'no_answer' keeps it open. Every call counts an attempt and adds a dated line to the notes. A reached
   * call may record the client's satisfaction, 1–5 (满意度); another result takes none.
   */
  'followUps.record': method<FollowUpRow>()({
    input: z
      .object({
        id: idSchema,
        expectedVersion: version,
        result: z.enum(FOLLOW_UP_RESULTS),
        notes: z.string().trim().max(500, 'validation.tooLong').default(''),
        satisfaction: z.number().int('validation.satisfaction').min(1, 'validation.satisfaction').max(5, 'validation.satisfaction').nullable().default(null),
      })
      .strict()
      .refine((v) => v.result !== 'reached' || v.notes !== '', { message: 'validation.followUpNotes', path: ['notes'] })
      .refine((v) => v.result === 'reached' || v.satisfaction === null, { message: 'validation.satisfactionReached', path: ['satisfaction'] }),
    writes: true,
    permission: 'desk',
  }),
  /** Counts only (no money), so every signed-in operator may read them; rates are the screen's division. */
  'reports.serviceFigures': method<ServiceFigures>()({ input: dayRangeSchema, writes: false, permission: 'read' }),
  /** Satisfaction per consultant and nurse over the range, and the open complaints: averages and counts, no money. */
  'reports.satisfaction': method<SatisfactionFigures>()({ input: dayRangeSchema, writes: false, permission: 'read' }),
}
