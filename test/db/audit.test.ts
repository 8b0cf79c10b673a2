import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { contract } from '../../core/api/contract.ts'
import { AUDIT_KINDS, auditKindOf } from '../../core/domain/auditKinds.ts'
import { appendAudit, auditOperators, auditQueryOf, listAudit, methodsIn, pageAudit, type AuditFilter } from '../../db/audit.ts'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

function migrated(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  runMigrations(db, MIGRATIONS)
  return db
}

const plan = (db: WritableDb, filter: AuditFilter): string => {
  const { sql, params } = auditQueryOf(db, filter)
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ')
}

/** Rows every 5 minutes from 2026-01-01 UTC, methods and operators in turn (operator 0 is none). */
function fill(db: WritableDb, count: number, methods: readonly string[]): void {
  const start = Date.UTC(2026, 0, 1)
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const op = i % 4
      appendAudit(db, {
        at: new Date(start + i * 300_000).toISOString(),
        operatorId: op === 0 ? null : op,
        operatorName: op === 0 ? '系统' : `操作员${op}`,
        method: methods[i % methods.length] as string,
        summary: String(i),
      })
    }
  })()
}

const WRITES = Object.entries(contract).filter(([, s]) => s.writes).map(([m]) => m)
const FILTERS: [string, AuditFilter, string][] = [
  ['nothing', { limit: 51 }, 'USING INTEGER PRIMARY KEY'],
  ['an operator', { limit: 51, operatorId: 2 }, 'audit_log_operator'],
  ['no operator account', { limit: 51, operatorId: null }, 'audit_log_operator'],
  ['a date range', { limit: 51, fromAt: '2026-01-02T00:00:00.000Z', toAt: '2026-01-03T00:00:00.000Z' }, 'audit_log_at'],
  ['a date range, a later page', { limit: 51, fromAt: '2026-01-01T00:00:00.000Z', toAt: '2026-01-09T00:00:00.000Z', beforeId: 900 }, 'audit_log_at'],
  ['from a day on', { limit: 51, fromAt: '2026-01-02T00:00:00.000Z' }, 'audit_log_at'],
  ['up to a day', { limit: 51, toAt: '2026-01-02T00:00:00.000Z' }, 'audit_log_at'],
  ['a kind (one method at a time)', { limit: 51, kind: 'registration' }, 'audit_log_method (method=? AND id<?)'],
  ['an operator and a kind', { limit: 51, operatorId: 1, kind: 'fees' }, 'audit_log_operator'],
  ['a date range and an operator', { limit: 51, operatorId: 1, fromAt: '2026-01-02T00:00:00.000Z', toAt: '2026-01-03T00:00:00.000Z' }, 'audit_log_at'],
  ['everything', { limit: 51, operatorId: 3, kind: 'other', fromAt: '2026-01-02T00:00:00.000Z', toAt: '2026-01-03T00:00:00.000Z', beforeId: 700 }, 'audit_log_at'],
]

describe('the audit log query (db/audit.ts)', () => {
  it('leads every filter by an index, in the order of the page (no scan of the log, no sort of it)', () => {
    const db = migrated()
    fill(db, 3000, WRITES)
    db.exec('ANALYZE') // as PRAGMA optimize leaves it in the app: the plans must hold with statistics too
    for (const [name, filter, index] of FILTERS) {
      const detail = plan(db, filter)
      expect(detail, name).toContain(index)
      expect(detail, name).not.toMatch(/SCAN audit_log|TEMP B-TREE/)
    }
  })

  it('binds every value: the SQL of a filter is the same whatever its values', () => {
    const db = migrated()
    fill(db, 10, WRITES)
    const a = auditQueryOf(db, { limit: 5, operatorId: 1, kind: 'fees', fromAt: '2026-01-01T00:00:00.000Z' })
    const b = auditQueryOf(db, { limit: 9, operatorId: 7, kind: 'fees', fromAt: "x' OR 1=1 --" })
    expect(a.sql).toBe(b.sql)
    expect(a.sql).not.toContain('2026')
    expect(b.sql).not.toContain('OR 1=1')
    expect(listAudit(db, { limit: 5, fromAt: "x' OR 1=1 --" })).toEqual([])
  })

  it('finds by each kind exactly the rows whose method is of that kind, in SQLite as in auditKindOf', () => {
    const db = migrated()
    const methods = [...WRITES, 'backups.auto', 'backups.restore', 'reports.x', 'misc', 'zzz.top', 'a.first']
    fill(db, methods.length * 2, methods)
    const all = listAudit(db, { limit: 1000 })
    for (const kind of AUDIT_KINDS) {
      const expected = all.filter((e) => auditKindOf(e.method) === kind).map((e) => e.id)
      expect(listAudit(db, { limit: 1000, kind }).map((e) => e.id), kind).toEqual(expected)
      expect(listAudit(db, { limit: 1000, kind, operatorId: 2 }).map((e) => e.id), kind).toEqual(all.filter((e) => auditKindOf(e.method) === kind && e.operatorId === 2).map((e) => e.id))
      expect(listAudit(db, { limit: 1000, kind, fromAt: '2026-01-01T01:00:00.000Z' }).map((e) => e.id), kind).toEqual(all.filter((e) => auditKindOf(e.method) === kind && e.at >= '2026-01-01T01:00:00.000Z').map((e) => e.id))
    }
    expect(all.every((e) => e.kind === auditKindOf(e.method))).toBe(true)
    expect(methodsIn(db, 'backups.', 'backups/')).toEqual(['backups.auto', 'backups.restore', 'backups.setSchedule'])
  })

  it('pages newest first with beforeId and hasMore, without gaps or repeats, in every shape', () => {
    const db = migrated()
    fill(db, 500, WRITES)
    const shapes: AuditFilter[] = [
      { limit: 7 },
      { limit: 7, operatorId: 1 },
      { limit: 7, operatorId: null },
      { limit: 7, kind: 'registration' },
      { limit: 7, kind: 'fees', operatorId: 3 },
      { limit: 7, fromAt: '2026-01-01T10:00:00.000Z', toAt: '2026-01-01T20:00:00.000Z' },
      { limit: 7, fromAt: '2026-01-01T10:00:00.000Z', toAt: '2026-01-01T20:00:00.000Z', kind: 'rotation' },
    ]
    const all = listAudit(db, { limit: 1000 })
    for (const shape of shapes) {
      const { limit, ...rest } = shape
      const expected = listAudit(db, { ...rest, limit: 1000 }).map((e) => e.id)
      expect(expected.length, JSON.stringify(shape)).toBeGreaterThan(limit)
      const seen: number[] = []
      let beforeId: number | undefined
      for (;;) {
        const page = pageAudit(db, { ...shape, beforeId })
        seen.push(...page.entries.map((e) => e.id))
        expect(page.entries.length).toBeLessThanOrEqual(limit)
        if (!page.hasMore) break
        expect(page.entries).toHaveLength(limit)
        beforeId = page.entries.at(-1)?.id
      }
      expect(seen, JSON.stringify(shape)).toEqual(expected)
      expect(expected).toEqual([...expected].sort((a, b) => b - a))
      // What the filter says, and nothing else.
      const rows = all.filter((e) => expected.includes(e.id))
      if ('operatorId' in rest) expect(rows.every((e) => e.operatorId === rest.operatorId)).toBe(true)
      if (rest.kind) expect(rows.every((e) => e.kind === rest.kind)).toBe(true)
      if (rest.fromAt) expect(rows.every((e) => e.at >= (rest.fromAt as string) && e.at < (rest.toAt as string))).toBe(true)
    }
    expect(pageAudit(db, { limit: 500 }).hasMore).toBe(false)
    expect(pageAudit(db, { limit: 499 }).hasMore).toBe(true)
  })

  it('lists the operators once each, by their newest name, and one entry for the rows without an account', () => {
    const db = migrated()
    expect(auditOperators(db)).toEqual([])
    const row = (operatorId: number | null, operatorName: string) => appendAudit(db, { at: '2026-01-01T00:00:00.000Z', operatorId, operatorName, method: 'staff.create', summary: '' })
    row(5, '王静')
    row(2, '李娜')
    row(5, '王静（主任）')
    row(2, '李娜')
    expect(auditOperators(db)).toEqual([
      { id: 2, name: '李娜' },
      { id: 5, name: '王静（主任）' },
    ])
    row(null, '系统')
    expect(auditOperators(db).at(-1)).toEqual({ id: null, name: '' })
    const { detail } = { detail: (db.prepare('EXPLAIN QUERY PLAN SELECT min(operator_id) FROM audit_log WHERE operator_id > 2').all() as { detail: string }[]).map((r) => r.detail).join(' ') }
    expect(detail).toContain('audit_log_operator')
  })
})
