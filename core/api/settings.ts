import { z } from 'zod'
import { settingsPatchSchema, type ClinicSettings } from '../domain/settings.ts'
import { method } from './method.ts'

export const settingsMethods = {
  'settings.get': method<ClinicSettings>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  'settings.update': method<ClinicSettings>()({ input: settingsPatchSchema, writes: true, permission: 'admin' }),
}
