import { z } from 'zod'
import { method } from './method.ts'

export interface AppInfo {
  version: string
  schemaVersion: number
  /** True in the browser web preview, which is tooling and not the product. */
  preview: boolean
}

export interface AuditEntry {
  id: number
  at: string
  operator: string
  method: string
  summary: string
}

export const systemMethods = {
  'app.info': method<AppInfo>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  'audit.list': method<AuditEntry[]>()({
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: z.number().int().positive().optional(),
        method: z.string().max(60).optional(),
      })
      .strict(),
    writes: false,
    permission: 'admin',
  }),
}
