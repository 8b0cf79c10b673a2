import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import { countSignInAdministrators, getSignInRecord, getStaff, listSignInCandidates, setStaffPin } from '../../db/staff.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

function at70(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  runMigrations(db, upTo(70))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '林主任', 'administrator', 't', 't'), (2, '王静', 'consultant', 't', 't');
    INSERT INTO audit_log (at, operator_id, operator_name, method, summary) VALUES ('2026-12-01T01:00:00.000Z', NULL, '前台', 'staff.create', 'x');
  `)
  return db
}

describe('migration 0080 (operators)', () => {
  it('keeps the staff, who cannot sign in until a PIN is set: an upgraded clinic goes through setup', () => {
    const db = at70()
    runMigrations(db, upTo(80))
    expect(db.pragma('user_version', { simple: true })).toBe(80)
    expect(getStaff(db, 1)).toMatchObject({ name: '林主任', hasPin: false })
    expect(getSignInRecord(db, 2)).toEqual({ id: 2, name: '王静', role: 'consultant', active: true, pinHash: null, failures: 0, lockedUntil: null })
    expect(countSignInAdministrators(db)).toBe(0)
    setStaffPin(db, 1, 'scrypt$32768$8$1$c2FsdA==$aGFzaA==', '2026-12-03T00:00:00.000Z')
    expect(countSignInAdministrators(db)).toBe(1)
    expect(countSignInAdministrators(db, 1)).toBe(0)
    expect(listSignInCandidates(db)).toEqual([{ id: 1, name: '林主任', role: 'administrator' }])
  })

  it('refuses a PIN stored in the clear and a negative failure count', () => {
    const db = at70()
    runMigrations(db, upTo(80))
    expect(() => db.prepare("UPDATE staff SET pin_hash = '1234' WHERE id = 1").run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE staff SET pin_failures = -1 WHERE id = 1').run()).toThrow(/CHECK/)
  })

  it('indexes the audit log by date and by operator for its screen', () => {
    const db = at70()
    runMigrations(db, upTo(80))
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan("SELECT * FROM audit_log WHERE at >= '2026-12-01' AND at < '2026-12-02' ORDER BY at DESC, id DESC")).toContain('audit_log_at')
    expect(plan('SELECT * FROM audit_log WHERE operator_id = 3 AND id < 100 ORDER BY id DESC')).toContain('audit_log_operator')
  })
})
