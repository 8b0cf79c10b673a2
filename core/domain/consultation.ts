import { z } from 'zod'
import { CHANNELS, GENDERS } from './client.ts'
import { isValidPhone } from './phone.ts'

/** Body areas a client may be concerned with (部位); labels in the renderer's `consultation.areas`. */
export const CONSULTATION_AREAS = ['face', 'eyes', 'nose', 'lips', 'skin', 'body', 'breast', 'other'] as const
export type ConsultationArea = (typeof CONSULTATION_AREAS)[number]

export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const
export type MaritalStatus = (typeof MARITAL_STATUSES)[number]

/** The yes/no health questions of the sheet, in the order they are asked and printed. */
export const HEALTH_QUESTIONS = ['allergies', 'medicalHistory', 'medication', 'pregnancy', 'contraindications'] as const
export type HealthQuestion = (typeof HEALTH_QUESTIONS)[number]

export const SHEET_STATUSES = ['draft', 'printed'] as const
export type SheetStatus = (typeof SHEET_STATUSES)[number]

const text = (max: number) => z.string().max(max, 'validation.tooLong')

/** A yes/no answer (null: not asked yet) with what the client said about it. */
export const healthAnswerSchema = z
  .object({ answer: z.enum(['yes', 'no']).nullable(), details: text(500) })
  .strict()

/**
 * A line of the recommended plan: a snapshot of the price-list item (code, name, unit, unit price in fen)
 * as it was when chosen, so a later price change does not rewrite a printed sheet. `itemId` is null for
 * a line typed by hand.
 */
export const planLineSchema = z
  .object({
    itemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
    code: text(30),
    name: text(100),
    unit: text(10),
    unitPriceFen: z.number().int().min(0).max(100_000_000_00).nullable(),
    quantity: z.number().int().min(1, 'validation.range').max(999, 'validation.range'),
    note: text(200),
  })
  .strict()
export type PlanLine = z.infer<typeof planLineSchema>

/**
 * The whole form of a consultation sheet (咨询单, DOMAIN.md). A draft may be incomplete: this schema
 * only bounds types and lengths; `printableIssues` says what must be filled before printing.
 */
export const consultationPayloadSchema = z
  .object({
    client: z
      .object({
        name: text(30),
        gender: z.enum(GENDERS),
        age: z.number().int().min(0, 'validation.range').max(130, 'validation.range').nullable(),
        phone: text(30),
        occupation: text(30),
        maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
        address: text(120),
        archiveNo: text(40),
      })
      .strict(),
    visit: z
      .object({
        date: text(10),
        queueNo: text(10),
        channel: z.enum(CHANNELS),
        consultantId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
        consultantName: text(30),
        doctorId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
        doctorName: text(30),
      })
      .strict(),
    concerns: z
      .object({
        areas: z.array(z.enum(CONSULTATION_AREAS)).max(CONSULTATION_AREAS.length),
        otherArea: text(60),
        goals: text(2000),
        expectations: text(2000),
        previousTreatments: text(2000),
      })
      .strict(),
    health: z
      .object({
        allergies: healthAnswerSchema,
        medicalHistory: healthAnswerSchema,
        medication: healthAnswerSchema,
        pregnancy: healthAnswerSchema,
        contraindications: healthAnswerSchema,
      })
      .strict(),
    assessment: text(4000),
    plan: z.array(planLineSchema).max(50),
    expertOpinion: text(4000),
  })
  .strict()
export type ConsultationPayload = z.infer<typeof consultationPayloadSchema>

export interface ConsultationSheet {
  id: number
  visitId: number
  clientId: number
  /** The sheet's number, the same on every version (e.g. ZX2026-000123). */
  sheetNo: string
  version: number
  status: SheetStatus
  /** Bumped by every save: a save names the revision it started from (optimistic concurrency). */
  revision: number
  payload: ConsultationPayload
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  printedAt: string | null
  printedBy: string | null
}

const noAnswer = () => ({ answer: null, details: '' })

/** An empty form; the handler fills the client and visit parts from the records. */
export function emptyPayload(): ConsultationPayload {
  return {
    client: { name: '', gender: 'unknown', age: null, phone: '', occupation: '', maritalStatus: null, address: '', archiveNo: '' },
    visit: { date: '', queueNo: '', channel: 'walk_in', consultantId: null, consultantName: '', doctorId: null, doctorName: '' },
    concerns: { areas: [], otherArea: '', goals: '', expectations: '', previousTreatments: '' },
    health: { allergies: noAnswer(), medicalHistory: noAnswer(), medication: noAnswer(), pregnancy: noAnswer(), contraindications: noAnswer() },
    assessment: '',
    plan: [],
    expertOpinion: '',
  }
}

/** The message keys of `printableIssues` (translated by the API and by the renderer alike). */
export const PRINT_ISSUES = ['validation.required', 'validation.phone', 'validation.gender', 'validation.planLineName'] as const
export type PrintIssue = (typeof PRINT_ISSUES)[number]

/**
 * What stops a sheet from being printed, field path -> message key: the required client fields of
 * DOMAIN.md (name, gender, age, phone, occupation) and a name on each plan line. Empty when printable.
 */
export function printableIssues(payload: ConsultationPayload): Record<string, PrintIssue> {
  const issues: Record<string, PrintIssue> = {}
  const c = payload.client
  if (c.name.trim() === '') issues['client.name'] = 'validation.required'
  if (c.gender === 'unknown') issues['client.gender'] = 'validation.gender'
  if (c.age === null) issues['client.age'] = 'validation.required'
  if (c.phone.trim() === '') issues['client.phone'] = 'validation.required'
  else if (!isValidPhone(c.phone.trim())) issues['client.phone'] = 'validation.phone'
  if (c.occupation.trim() === '') issues['client.occupation'] = 'validation.required'
  payload.plan.forEach((line, i) => {
    if (line.name.trim() === '') issues[`plan.${i}.name`] = 'validation.planLineName'
  })
  return issues
}

/** The sheet number: a prefix, the year and a running number of six digits, e.g. ZX2026-000123. */
export function formatSheetNumber(year: string, seq: number): string {
  return `ZX${year}-${String(seq).padStart(6, '0')}`
}
