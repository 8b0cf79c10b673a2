import { z } from 'zod'
import { method } from './method.ts'

export interface AppInfo {
  version: string
  schemaVersion: number
  /** True in the browser web preview, which is tooling and not the product. */
  preview: boolean
}

export const systemMethods = {
  'app.info': method<AppInfo>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
}
