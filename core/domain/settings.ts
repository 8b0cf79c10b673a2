import { z } from 'zod'
import { LOCALES } from '../i18n/locales.ts'
import { DEFAULT_ARCHIVE_TEMPLATE, isValidArchiveTemplate } from './archiveNumber.ts'

const prefix = z
  .string()
  .trim()
  .regex(/^[A-Z]{1,2}$/, 'validation.prefix')

/** Clinic settings, stored key by key; every key has a default so a new clinic works at once. */
export const clinicSettingsSchema = z.object({
  clinicName: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  clinicAddress: z.string().trim().max(120, 'validation.tooLong'),
  clinicPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+\-() ]*$/, 'validation.phone'),
  queuePrefixes: z
    .object({ first: prefix, returning: prefix, review: prefix })
    .refine((p) => new Set([p.first, p.returning, p.review]).size === 3, { message: 'validation.prefixesDistinct' }),
  language: z.enum(LOCALES),
  archiveNumberTemplate: z.string().trim().refine(isValidArchiveTemplate, 'validation.archiveTemplate'),
  /** The consultant board's policies (DOMAIN.md rotation rules 2, 4, 5, 9). */
  rotationPolicies: z
    .object({
      rotationMode: z.enum(['order', 'fewestTurns']),
      designatedCountsAsTurn: z.boolean(),
      returningCountsAsTurn: z.boolean(),
      returningOwnerAbsent: z.enum(['rotation', 'wait']),
      manualCountsAsTurn: z.boolean(),
    })
    .strict(),
  /** Rule 1: open the day in sign-in order, or continue from the previous working day. */
  rotationOpenMode: z.enum(['signIn', 'continue']),
  /** A visit waiting longer than this is flagged on the desk. */
  waitAlertMinutes: z.number().int().min(1, 'validation.range').max(600, 'validation.range'),
  /** More clients waiting than this is flagged on the desk. */
  waitingCountAlert: z.number().int().min(1, 'validation.range').max(500, 'validation.range'),
  /** The call sentence; {number} {name} {consultant} {room}. */
  callTemplate: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  /** For a client with no consultant's room (a review visit). */
  callTemplateNoRoom: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  callVoice: z.string().max(200, 'validation.tooLong'),
  callVolume: z.number().min(0, 'validation.range').max(1, 'validation.range'),
  callRepeat: z.number().int().min(1, 'validation.range').max(3, 'validation.range'),
  ticketPaper: z.enum(['80mm', 'A6']),
  printTicketOnRegister: z.boolean(),
})
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>

export const DEFAULT_SETTINGS: ClinicSettings = {
  clinicName: '医美诊所',
  clinicAddress: '',
  clinicPhone: '',
  queuePrefixes: { first: 'A', returning: 'B', review: 'C' },
  language: 'zh-CN',
  archiveNumberTemplate: DEFAULT_ARCHIVE_TEMPLATE,
  rotationPolicies: {
    rotationMode: 'order',
    designatedCountsAsTurn: false,
    returningCountsAsTurn: false,
    returningOwnerAbsent: 'rotation',
    manualCountsAsTurn: true,
  },
  rotationOpenMode: 'signIn',
  waitAlertMinutes: 20,
  waitingCountAlert: 8,
  callTemplate: '请 {number} 号 {name} 到 {room} 号咨询室',
  callTemplateNoRoom: '请 {number} 号 {name} 到前台',
  callVoice: '',
  callVolume: 1,
  callRepeat: 2,
  ticketPaper: '80mm',
  printTicketOnRegister: false,
}

export const settingsPatchSchema = clinicSettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
