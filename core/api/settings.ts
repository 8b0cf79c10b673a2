import { z } from 'zod'
import { settingsPatchSchema, type ClinicSettings } from '../domain/settings.ts'
import { LOCALES } from '../i18n/locales.ts'
import { method } from './method.ts'

export const settingsMethods = {
  'settings.get': method<ClinicSettings>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
  'settings.update': method<ClinicSettings>()({ input: settingsPatchSchema, writes: true, permission: 'admin' }),
  /** The interface language is every operator's to switch (also on the sign-in screen); nothing else is. */
  'settings.setLanguage': method<ClinicSettings>()({ input: z.object({ language: z.enum(LOCALES) }).strict(), writes: true, permission: 'public' }),
}
