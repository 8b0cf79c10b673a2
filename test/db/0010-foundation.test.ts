import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { appendAudit, listAudit } from '../../db/audit.ts'
import { runMigrations } from '../../db/migrate.ts'
import { migration0010 } from '../../db/migrations/0010-foundation.ts'
import { insertStaff } from '../../db/staff.ts'
import type { WritableDb } from '../../db/types.ts'

function freshAt0(): WritableDb {
  return new Database(':memory:') as WritableDb
}

describe('migration 0010 (foundation)', () => {
  it('creates staff, settings and audit_log from an empty database', () => {
    const db = freshAt0()
    runMigrations(db, [migration0010])
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()
    expect(tables).toEqual(['app_meta', 'audit_log', 'settings', 'staff'])
    expect(db.pragma('user_version', { simple: true })).toBe(10)
  })

  it('refuses a second staff member with the same phone but allows many without a phone', () => {
    const db = freshAt0()
    runMigrations(db, [migration0010])
    const base = { role: 'consultant' as const, room: '', skills: [] }
    insertStaff(db, { ...base, name: 'A', phone: '' }, 't')
    insertStaff(db, { ...base, name: 'B', phone: '' }, 't')
    insertStaff(db, { ...base, name: 'C', phone: '13800000001' }, 't')
    expect(() => insertStaff(db, { ...base, name: 'D', phone: '13800000001' }, 't')).toThrow(/UNIQUE/)
  })

  it('rejects rows that break the CHECK constraints', () => {
    const db = freshAt0()
    runMigrations(db, [migration0010])
    expect(() => db.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('x', 'janitor', 't', 't')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'not json', 't')").run()).toThrow(/CHECK/)
  })

  it('uses the audit index when filtering by method', () => {
    const db = freshAt0()
    runMigrations(db, [migration0010])
    for (let i = 0; i < 5; i++) appendAudit(db, { at: 't', operatorId: null, operatorName: 'x', method: i % 2 ? 'staff.create' : 'settings.update', summary: String(i) })
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM audit_log WHERE method = 'staff.create' AND id < 100 ORDER BY id DESC LIMIT 10")
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_method')
    expect(listAudit(db, { limit: 10, method: 'staff.create' }).map((e) => e.summary)).toEqual(['3', '1'])
    expect(listAudit(db, { limit: 2 }).map((e) => e.summary)).toEqual(['4', '3'])
  })
})
