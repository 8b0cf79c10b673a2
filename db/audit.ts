import type { AuditEntry } from '../core/api/system.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

export interface AuditRecord {
  at: string
  operatorId: number | null
  operatorName: string
  method: string
  summary: string
}

export function appendAudit(db: WritableDb, record: AuditRecord): void {
  stmt(db,
    `INSERT INTO audit_log (at, operator_id, operator_name, method, summary)
     VALUES (@at, @operatorId, @operatorName, @method, @summary)`,
  ).run(record)
}

export function listAudit(db: ReadableDb, query: { limit: number; beforeId?: number | undefined; method?: string | undefined }): AuditEntry[] {
  const params = { limit: query.limit, beforeId: query.beforeId ?? Number.MAX_SAFE_INTEGER, method: query.method ?? null }
  // Two statements rather than `(@method IS NULL OR …)`, so the filtered one can use its index.
  const sql =
    query.method === undefined
      ? `SELECT id, at, operator_name AS operator, method, summary FROM audit_log
         WHERE id < @beforeId ORDER BY id DESC LIMIT @limit`
      : `SELECT id, at, operator_name AS operator, method, summary FROM audit_log
         WHERE method = @method AND id < @beforeId ORDER BY id DESC LIMIT @limit`
  return stmt(db, sql).all(params) as AuditEntry[]
}
