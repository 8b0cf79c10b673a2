import { z } from 'zod'
import { consultationPayloadSchema, type ConsultationSheet } from '../domain/consultation.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const revision = z.number().int().min(1)

/** Consultation sheets (咨询单): drafts saved as the consultant types, printed versions frozen. */
export const consultationMethods = {
  /** The visit's current sheet (its latest version); an empty draft, prefilled from the client and visit, is made when none exists. */
  'consultations.get': method<ConsultationSheet>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /** Every version of the visit's sheet, oldest first. */
  'consultations.versions': method<ConsultationSheet[]>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: false,
    permission: 'read',
  }),
  /** Saves a draft if it is still at `expectedRevision`; a printed version is refused (it is frozen). */
  'consultations.saveDraft': method<ConsultationSheet>()({
    input: z.object({ sheetId: idSchema, expectedRevision: revision, payload: consultationPayloadSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /** Checks the required fields, then freezes the version and records who printed it and when. A reprint changes nothing. */
  'consultations.markPrinted': method<ConsultationSheet>()({
    input: z.object({ sheetId: idSchema, expectedRevision: revision }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /** Copies the latest printed version into a new draft version n+1 (same sheet number). */
  'consultations.newVersion': method<ConsultationSheet>()({
    input: z.object({ sheetId: idSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
}
