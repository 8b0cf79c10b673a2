import { z } from 'zod'
import { LOCALES } from '../i18n/locales.ts'
import { DEFAULT_ARCHIVE_TEMPLATE, isValidArchiveTemplate } from './archiveNumber.ts'
import { DEFAULT_CONFIRMATION_TEMPLATE } from './confirmationText.ts'
import { DEFAULT_FOLLOW_UP_PLANS, followUpPlansSchema } from './followUp.ts'
import { DEFAULT_REPORT_VALID_DAYS } from './partnerStore.ts'
import { DEFAULT_REBATE_RATES, rebateRatesSchema } from './rebateRates.ts'
import { bonusRulesSchema } from './storedValue.ts'
import { DEFAULT_CARD_VALID_DAYS } from './treatmentCard.ts'

const prefix = z
  .string()
  .trim()
  .regex(/^[A-Z]{1,2}$/, 'validation.prefix')

/** Longest update URL accepted (a feed URL is a short https address). */
export const UPDATE_URL_MAX = 300

/**
 * An update server the app may fetch installers from: https with a host and no user name or password in
 * it; plain http only on this computer (http://localhost, 127.0.0.1 or [::1]), for testing an update.
 */
export function isUpdateUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return false
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/** The keys, each checked on its own (a patch is a part of them: see settingsPatchSchema). */
const clinicSettingsObject = z.object({
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
      /** Rule 13; defaulted so that policies stored before it still validate. */
      partnerCountsAsTurn: z.boolean().default(false),
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
  /** Automatic updates: off by default (many clinics are offline); an administrator turns them on. */
  updatesEnabled: z.boolean(),
  /** The generic update server (where latest.yml and the installers are); required when updates are on. */
  updateUrl: z.string().trim().max(UPDATE_URL_MAX, 'validation.tooLong'),
  /** The desk locks after this many minutes without keyboard or mouse. */
  idleLockMinutes: z.number().int('validation.range').min(1, 'validation.range').max(240, 'validation.range'),
  /** The day-before confirmation call's text (二次确认话术); placeholders in core/domain/confirmationText.ts. */
  confirmationTemplate: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  /** The follow-up calls (回访) a paid fee sheet brings, per category (core/domain/followUp.ts). */
  followUpPlans: followUpPlansSchema,
  /** Days a partner store's pre-registration (报备) stays open for the client's arrival (core/domain/partnerStore.ts). */
  partnerReportValidDays: z.number().int('validation.range').min(1, 'validation.range').max(365, 'validation.range'),
  /** The consultation supervisor (咨询主管) a partner visit without a deal is handed to for assistance (协助过单); null: none set. */
  consultationSupervisorId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  /** Partner-store rebates and staff-referral commissions (core/domain/rebateRates.ts), whole basis points. */
  rebateRates: rebateRatesSchema,
  /** Days a treatment card (疗程卡) is valid from the day it was paid, that day included (core/domain/treatmentCard.ts). */
  treatmentCardValidDays: z.number().int('validation.range').min(1, 'validation.range').max(3650, 'validation.range'),
  /** Stored value's top-up bonuses (充 ¥x 送 ¥y, core/domain/storedValue.ts); none by default. */
  storedValueBonusRules: bonusRulesSchema,
})

/**
 * Clinic settings, stored key by key; every key has a default so a new clinic works at once. Checks
 * across keys run on the whole set (the handler validates the stored settings merged with a patch).
 */
export const clinicSettingsSchema = clinicSettingsObject.refine(
  (s) => (s.updatesEnabled || s.updateUrl !== '' ? isUpdateUrl(s.updateUrl) : true),
  { message: 'validation.updateUrl', path: ['updateUrl'] },
)
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
    partnerCountsAsTurn: false,
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
  updatesEnabled: false,
  updateUrl: '',
  idleLockMinutes: 10,
  confirmationTemplate: DEFAULT_CONFIRMATION_TEMPLATE,
  followUpPlans: DEFAULT_FOLLOW_UP_PLANS,
  partnerReportValidDays: DEFAULT_REPORT_VALID_DAYS,
  consultationSupervisorId: null,
  rebateRates: DEFAULT_REBATE_RATES,
  treatmentCardValidDays: DEFAULT_CARD_VALID_DAYS,
  storedValueBonusRules: [],
}

/** A change of some keys; zod refuses .partial() of a refined object, so it is made from the plain one. */
export const settingsPatchSchema = clinicSettingsObject.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
