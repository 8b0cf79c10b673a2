import { z } from 'zod'
import { LOCALES } from '../i18n/locales.ts'

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
})
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>

export const DEFAULT_SETTINGS: ClinicSettings = {
  clinicName: '医美诊所',
  clinicAddress: '',
  clinicPhone: '',
  queuePrefixes: { first: 'A', returning: 'B', review: 'C' },
  language: 'zh-CN',
}

export const settingsPatchSchema = clinicSettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
