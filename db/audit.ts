import type { AuditEntry, AuditOperator, AuditPage } from '../core/api/audit.ts'
import { auditKindOf, auditKindRanges, type AuditKind } from '../core/domain/auditKinds.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

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

/** What the log is filtered by; every field may be left out. Times are ISO-8601 UTC, as stored. */
export interface AuditFilter {
  /** A staff id; null: the rows without an operator account. */
  operatorId?: number | null | undefined
  /** From this instant on (included). */
  fromAt?: string | undefined
  /** Before this instant (excluded). */
  toAt?: string | undefined
  kind?: AuditKind | undefined
  /** One exact method name. */
  method?: string | undefined
  /** Only rows older than this id (keyset paging, newest first). */
  beforeId?: number | undefined
  limit: number
}

type AuditRow = Omit<AuditEntry, 'kind'>

const SELECT = 'SELECT id, at, operator_id AS operatorId, operator_name AS operator, method, summary FROM audit_log'
/** The index each lead reads (`NOT INDEXED`: the table itself, by rowid). */
const INDEX_OF_LEAD: Readonly<Record<Exclude<Lead, 'kind'>, string>> = {
  date: 'INDEXED BY audit_log_at',
  operator: 'INDEXED BY audit_log_operator',
  method: 'INDEXED BY audit_log_method',
  id: 'NOT INDEXED',
}
/** Bounds of a date range left open on one side: every stored time (ISO-8601, digits first) is between them. */
const EARLIEST = ''
const LATEST = '~'

type Lead = 'date' | 'operator' | 'method' | 'kind' | 'id'

/**
 * Which index answers a filter. Each lead reads the rows of its index in the page's order, so that a page
 * costs about the rows it returns and never a sort of the whole log:
 * - a date range: `audit_log_at (at, id)`, newest first by (at, id) (the same order as by id: rows are
 *   appended as time goes on; keyset paging then continues from the (at, id) of `beforeId`);
 * - else an operator: `audit_log_operator (operator_id, id)`;
 * - else an exact method: `audit_log_method (method, id)`;
 * - else a kind: one method at a time on `audit_log_method`, merged (listByKind);
 * - else the table itself by id.
 */
function leadOf(filter: AuditFilter): Lead {
  if (filter.fromAt !== undefined || filter.toAt !== undefined) return 'date'
  if (filter.operatorId !== undefined) return 'operator'
  if (filter.method !== undefined) return 'method'
  if (filter.kind !== undefined) return 'kind'
  return 'id'
}

/**
 * The SQL of one shape of filter (which filters are set, and the kind), from constant fragments only: the
 * values are always bound. A few dozen shapes at most, each prepared once per connection (db/statements.ts).
 * The lead's index is named (`INDEXED BY`): with the statistics `PRAGMA optimize` gathers, the planner would
 * otherwise walk the whole table for an operator it takes to be common (test/db/audit.test.ts checks the plans).
 */
function sqlOf(filter: DateCursor, lead: Exclude<Lead, 'kind'>): string {
  const where: string[] = []
  // One upper bound, the one that binds, so the range scan starts at the page (never skips earlier pages' rows).
  if (lead === 'date') where.push('at >= @fromAt', cursorBinds(filter) ? '(at, id) < (@beforeAt, @beforeId)' : 'at < @toAt')
  if (filter.operatorId !== undefined) where.push(filter.operatorId === null ? 'operator_id IS NULL' : 'operator_id = @operatorId')
  if (filter.method !== undefined) where.push('method = @method')
  if (filter.kind !== undefined) where.push(`(${auditKindRanges(filter.kind).map((_, i) => `method >= @lo${i} AND method < @hi${i}`).join(' OR ')})`)
  if (lead !== 'date') where.push('id < @beforeId')
  const order = lead === 'date' ? 'at DESC, id DESC' : 'id DESC'
  return `${SELECT} ${INDEX_OF_LEAD[lead]} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`
}

/**
 * A date-led page after the first continues below the (at, id) of `beforeId`; that bound replaces the range's
 * end when it lies inside the range. `beforeAt` is looked up (and kept on the filter) before the SQL is chosen.
 */
function cursorBinds(filter: DateCursor): boolean {
  return filter.beforeAt !== undefined && filter.beforeAt < (filter.toAt ?? LATEST)
}

type DateCursor = AuditFilter & { beforeAt?: string | undefined }

/** The `at` of the row to continue below; an id that is not in the log (never one of a page) continues from the top. */
function withCursor(db: ReadableDb, filter: AuditFilter, lead: Lead): DateCursor {
  if (lead !== 'date' || filter.beforeId === undefined) return filter
  const at = pluckStmt(db, 'SELECT at FROM audit_log WHERE id = ?').get(filter.beforeId) as string | undefined
  return { ...filter, beforeAt: at ?? LATEST }
}

function paramsOf(filter: DateCursor, lead: Lead): Record<string, string | number> {
  const beforeId = filter.beforeId ?? Number.MAX_SAFE_INTEGER
  const params: Record<string, string | number> = { limit: filter.limit }
  if (lead === 'date') {
    params.fromAt = filter.fromAt ?? EARLIEST
    if (cursorBinds(filter)) Object.assign(params, { beforeAt: filter.beforeAt, beforeId })
    else params.toAt = filter.toAt ?? LATEST
  } else {
    params.beforeId = beforeId
  }
  if (typeof filter.operatorId === 'number') params.operatorId = filter.operatorId
  if (filter.method !== undefined) params.method = filter.method
  if (filter.kind !== undefined) {
    auditKindRanges(filter.kind).forEach((range, i) => {
      params[`lo${i}`] = range.lo
      params[`hi${i}`] = range.hi
    })
  }
  return params
}

/**
 * For tests: the SQL and parameters a filter runs with, to EXPLAIN them. A kind alone runs the statement of one
 * method per method of the kind (listByKind): that statement is given, with the kind's first method name.
 */
export function auditQueryOf(db: ReadableDb, filter: AuditFilter): { sql: string; params: Record<string, string | number> } {
  const lead = leadOf(filter)
  if (lead === 'kind') return auditQueryOf(db, { beforeId: filter.beforeId, limit: filter.limit, method: auditKindRanges(filter.kind ?? 'other')[0]?.lo ?? '' })
  const cursor = withCursor(db, filter, lead)
  return { sql: sqlOf(cursor, lead), params: paramsOf(cursor, lead) }
}

function selectRows(db: ReadableDb, filter: AuditFilter, lead: Exclude<Lead, 'kind'>): AuditRow[] {
  const cursor = withCursor(db, filter, lead)
  return stmt(db, sqlOf(cursor, lead)).all(paramsOf(cursor, lead)) as AuditRow[]
}

/** The rows that match, newest first, at most `limit`. */
export function listAudit(db: ReadableDb, filter: AuditFilter): AuditEntry[] {
  const lead = leadOf(filter)
  const rows = lead === 'kind' ? listByKind(db, filter) : selectRows(db, filter, lead)
  return rows.map((row) => ({ ...row, kind: auditKindOf(row.method) }))
}

/** A page of the log: `limit` rows and whether there are more (one more row is read to know). */
export function pageAudit(db: ReadableDb, filter: AuditFilter): AuditPage {
  const entries = listAudit(db, { ...filter, limit: filter.limit + 1 })
  const hasMore = entries.length > filter.limit
  return { entries: hasMore ? entries.slice(0, filter.limit) : entries, hasMore }
}

/**
 * A kind alone: the kind's methods that occur in the log (a few; found by skipping from one method to the next
 * on the index), each read newest first on `audit_log_method` up to the limit, merged. A page then reads at
 * most limit rows per method, where one range scan of a busy kind would sort most of the log.
 */
function listByKind(db: ReadableDb, filter: AuditFilter): AuditRow[] {
  const methods = auditKindRanges(filter.kind ?? 'other').flatMap((range) => methodsIn(db, range.lo, range.hi))
  const rows = methods.flatMap((method) => selectRows(db, { method, beforeId: filter.beforeId, limit: filter.limit }, 'method'))
  return rows.sort((a, b) => b.id - a.id).slice(0, filter.limit)
}

/** The distinct method names of the log in [lo, hi). */
export function methodsIn(db: ReadableDb, lo: string, hi: string): string[] {
  return pluckStmt(db,
    `WITH RECURSIVE m(method) AS (
       SELECT (SELECT min(method) FROM audit_log WHERE method >= @lo AND method < @hi)
       UNION ALL
       SELECT (SELECT min(method) FROM audit_log WHERE method > m.method AND method < @hi) FROM m WHERE m.method IS NOT NULL
     )
     SELECT method FROM m WHERE method IS NOT NULL`,
  ).all({ lo, hi }) as string[]
}

/**
 * The operators in the log, by name: each operator id once with the name of its newest row (found by
 * skipping from one id to the next on `audit_log_operator`, not by reading every row), then one entry
 * `{ id: null }` if there are rows without an operator account.
 */
export function auditOperators(db: ReadableDb): AuditOperator[] {
  const operators = stmt(db,
    `WITH RECURSIVE ids(id) AS (
       SELECT min(operator_id) FROM audit_log WHERE operator_id IS NOT NULL
       UNION ALL
       SELECT (SELECT min(operator_id) FROM audit_log WHERE operator_id > ids.id) FROM ids WHERE ids.id IS NOT NULL
     )
     SELECT id, (SELECT operator_name FROM audit_log WHERE operator_id = ids.id ORDER BY id DESC LIMIT 1) AS name
     FROM ids WHERE id IS NOT NULL`,
  ).all() as { id: number; name: string }[]
  operators.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
  const unsigned = pluckStmt(db, 'SELECT EXISTS (SELECT 1 FROM audit_log WHERE operator_id IS NULL)').get() as number
  return unsigned ? [...operators, { id: null, name: '' }] : operators
}
