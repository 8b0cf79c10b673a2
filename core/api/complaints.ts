import { z } from 'zod'
import { COMPLAINT_CHANNELS, type Complaint } from '../domain/complaint.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const version = z.number().int().min(1)
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

/**
 * Complaints (投诉) against a visit, core/domain/complaint.ts. The desk logs them, adds the steps taken and
 * closes them with a resolution (an administrator holds the desk's rights too); everyone signed in reads them.
 */
export const complaintMethods = {
  /** A client's complaints, the open ones first, then newest first, each with its steps. */
  'complaints.ofClient': method<Complaint[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** Every open complaint, oldest first: for the reports and the desk. */
  'complaints.open': method<Complaint[]>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  /** Logs a complaint against a visit of the client; the handler is an active staff member. receivedAt defaults to now. */
  'complaints.create': method<Complaint>()({
    input: z
      .object({
        visitId: idSchema,
        receivedAt: z.iso.datetime({ offset: true, message: 'validation.date' }).optional(),
        channel: z.enum(COMPLAINT_CHANNELS),
        content: text(1000),
        handlerId: idSchema,
      })
      .strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Adds a dated step (who did what) to an open complaint still at expectedVersion. */
  'complaints.addStep': method<Complaint>()({
    input: z.object({ id: idSchema, expectedVersion: version, note: text(500) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Closes an open complaint still at expectedVersion; the resolution is required. */
  'complaints.close': method<Complaint>()({
    input: z.object({ id: idSchema, expectedVersion: version, resolution: text(500) }).strict(),
    writes: true,
    permission: 'desk',
  }),
}
