import { z } from 'zod'
import { AUDIT_KINDS, type AuditKind } from '../domain/auditKinds.ts'
import { method } from './method.ts'

const isoDate = z.iso.date('validation.date')
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_PAGE_MAX = 200

/** One row of the audit log: who did what, when (ISO-8601 UTC), with its readable summary. */
export interface AuditEntry {
  id: number
  at: string
  /** Null: no signed-in operator (an automatic backup, the desk before operators existed). */
  operatorId: number | null
  /** The operator's name as it was then. */
  operator: string
  method: string
  kind: AuditKind
  summary: string
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[]
  /** More entries match, older than the last one: ask again with `beforeId` = its id. */
  hasMore: boolean
}

/** An operator who appears in the log; `id: null` stands for every row without an operator account. */
export interface AuditOperator {
  id: number | null
  /** The name of their newest row (a renamed staff member shows the new name); empty for `id: null`. */
  name: string
}

export const auditListInput = z
  .object({
    /** Null: the rows without an operator account (automatic jobs, the desk before sign-in). */
    operatorId: id.nullable().optional(),
    /** Clinic-local days, both included. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    kind: z.enum(AUDIT_KINDS).optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_SIZE),
    /** Keyset paging: only rows older than this id (the last id of the previous page). */
    beforeId: id.optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'validation.dateRange', path: ['to'] })

/** The audit log screen (issue 6): every committed write of the API, and backups and restores. */
export const auditMethods = {
  'audit.list': method<AuditPage>()({ input: auditListInput, writes: false, permission: 'admin' }),
  /** The operators for the screen's filter, by name. */
  'audit.operators': method<AuditOperator[]>()({ input: z.object({}).strict(), writes: false, permission: 'admin' }),
}
