import { z } from 'zod'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import { CHANNELS } from '../domain/client.ts'
import type { Client } from '../domain/client.ts'
import type { PartnerArrival } from '../domain/partnerStore.ts'
import { VISIT_STATUSES, VISIT_TYPES, type VisitHistoryEntry, type VisitRow } from '../domain/visit.ts'
import { clientFieldsSchema, idSchema } from './clients.ts'
import { method } from './method.ts'

const isoDate = z.iso.date('validation.date')
const version = z.number().int().min(1)

export interface RegisterResult {
  visit: VisitRow
  client: Client
  /** Set when the desk asked to assign at once and it could not: the client waits, and this says why. */
  assignRefusal: string | null
  /**
   * Set when the arrival matched an open pre-registration (报备): the store it counts for and the salesperson's
   * hand-over notes for the consultant. Null when it matched none; absent from callers that predate it.
   */
  partner?: PartnerArrival | null
}

/** A visit as the consultation screen reads it: the row, and the partner store it counts for with the hand-over notes. */
export interface VisitDetail {
  visit: VisitRow
  partner: PartnerArrival | null
}

export interface DailyLog {
  date: string
  visits: VisitRow[]
  /** Visit id -> the total of its confirmed and paid fee sheets, fen (voided and draft sheets do not count); absent: none. */
  amounts: Record<number, number>
  totals: { consultantId: number | null; name: string; visits: number; deals: number; noDeals: number; amountFen: number }[]
}

export const visitMethods = {
  'visits.register': method<RegisterResult>()({
    input: z
      .object({
        clientId: idSchema.optional(),
        newClient: clientFieldsSchema.extend({ allowSharedPhone: z.boolean().default(false) }).strict().optional(),
        type: z.enum(VISIT_TYPES),
        channel: z.enum(CHANNELS).optional(),
        designatedConsultantId: idSchema.nullable().default(null),
        intendedCategory: z.enum(SERVICE_CATEGORIES).nullable().default(null),
        /** Give the client a consultant now by the rules; otherwise they wait for the desk to assign. */
        assign: z.boolean().default(true),
      })
      .strict()
      .refine((v) => (v.clientId === undefined) !== (v.newClient === undefined), { message: 'validation.clientOrNew', path: ['clientId'] }),
    writes: true,
    permission: 'desk',
  }),
  'visits.ofDay': method<VisitRow[]>()({ input: z.object({ date: isoDate.optional() }).strict(), writes: false, permission: 'read' }),
  /** The status changes in order, and the assistance (协助过单) among them when there was one. */
  'visits.history': method<VisitHistoryEntry[]>()({ input: z.object({ visitId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** For the consultant: the visit with its partner store, salesperson and hand-over notes (交接信息). */
  'visits.detail': method<VisitDetail>()({ input: z.object({ visitId: idSchema }).strict(), writes: false, permission: 'consult' }),
  /**
   * 协助过单: a partner client's first visit, consulted and without a deal, is handed to the consultation
   * supervisor (setting consultationSupervisorId) who assists the visit's consultant; both stay on the visit.
   */
  'visits.requestAssistance': method<VisitRow>()({
    input: z.object({ visitId: idSchema, expectedVersion: version }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /** Rules 2, 4, 5 by the visit's type and designation; or rule 9 when memberId and a reason are given. */
  'visits.assign': method<VisitRow>()({
    input: z
      .object({
        visitId: idSchema,
        expectedVersion: version,
        memberId: idSchema.optional(),
        reason: z.string().trim().max(200, 'validation.tooLong').optional(),
      })
      .strict(),
    writes: true,
    permission: 'desk',
  }),
  'visits.setStatus': method<VisitRow>()({
    input: z.object({ visitId: idSchema, expectedVersion: version, status: z.enum(VISIT_STATUSES) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'visits.setOutcome': method<VisitRow>()({
    input: z
      .object({
        visitId: idSchema,
        expectedVersion: version,
        outcome: z.enum(['deal', 'no_deal']),
        reason: z.string().trim().max(200, 'validation.tooLong').default(''),
      })
      .strict()
      .refine((v) => v.outcome === 'deal' || v.reason !== '', { message: 'validation.noDealReason', path: ['reason'] }),
    writes: true,
    permission: 'outcome',
  }),
  'reports.dailyLog': method<DailyLog>()({ input: z.object({ date: isoDate.optional() }).strict(), writes: false, permission: 'read' }),
  'reports.dailyLogXlsx': method<{ fileName: string; base64: string }>()({
    input: z.object({ date: isoDate.optional() }).strict(),
    writes: false,
    permission: 'read',
  }),
}
