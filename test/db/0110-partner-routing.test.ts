import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/**
 * A clinic at version 100: two consultants, a salesperson, an A-class store, two visits (one the store's,
 * matched to its report, assigned and consulted, with a status log and a call) and a waiting one.
 */
function at100(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(100))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '王静', 'consultant', 't', 't'), (2, '陈主管', 'consultant', 't', 't'),
      (3, '赵业务', 'marketing', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, own_consultant_id, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 1, 't', 't');
    INSERT INTO partner_stores (id, name, class, consultant_id, salesperson_id, start_date, created_at, updated_at)
      VALUES (1, '丽人美容院', 'A', 1, 3, '2026-11-01', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, consultant_id, assigned_by, status, status_at,
        outcome, no_deal_reason, registered_at, version)
      VALUES (1, 1, '2026-12-02', 'first', 1, 'A001', 'walk_in', 1, 'rotation', 'done', 't2', 'no_deal', '价格', 't1', 4),
             (2, 1, '2026-12-03', 'returning', 1, 'B001', 'walk_in', NULL, NULL, 'waiting', 't3', NULL, '', 't3', 1);
    INSERT INTO partner_reports (id, store_id, salesperson_id, client_name, phone, reported_at, valid_until, status, visit_id, updated_at)
      VALUES (1, 1, 3, '张小丽', '13900001111', 't0', '2026-12-31', 'arrived', 1, 't');
    UPDATE visits SET partner_store_id = 1, partner_report_id = 1 WHERE id = 1;
    INSERT INTO visit_status_log (visit_id, status, at, actor) VALUES (1, 'waiting', 't1', '前台'), (1, 'consulting', 't2', '前台'), (2, 'waiting', 't3', '前台');
    INSERT INTO calls (visit_id, kind, at, consultant_id, actor) VALUES (1, 'call', 't2', 1, '前台');
  `)
  return db
}

const plan = (db: WritableDb, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' ')

describe('migration 0110 (partner routing)', () => {
  it('rebuilds visits so assigned_by takes partner, keeping every row, column and reference', () => {
    const db = at100()
    const before = db.prepare('SELECT * FROM visits ORDER BY id').all()
    expect(() => db.exec("UPDATE visits SET assigned_by = 'partner' WHERE id = 1")).toThrow(/CHECK/)
    runMigrations(db, upTo(110))
    expect(db.pragma('user_version', { simple: true })).toBe(110)
    const after = db.prepare('SELECT * FROM visits ORDER BY id').all() as Record<string, unknown>[]
    expect(after).toEqual((before as Record<string, unknown>[]).map((row) => ({ ...row, assist_consultant_id: null, assisted_at: null })))
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT count(*) FROM visit_status_log').pluck().get()).toBe(3)
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(1)
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name = 'visits_before_0110'").pluck().get()).toBe(0)

    expect(() => db.exec("UPDATE visits SET assigned_by = 'partner' WHERE id = 1")).not.toThrow()
    expect(() => db.exec("UPDATE visits SET assigned_by = 'store' WHERE id = 1")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE visits SET outcome = 'maybe' WHERE id = 1")).toThrow(/CHECK/)
    expect(() => db.exec("INSERT INTO visits (client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at) VALUES (1, '2026-12-03', 'first', 1, 'B001', 'walk_in', 'waiting', 't', 't')")).toThrow(/UNIQUE/)
    // The references into and out of the rebuilt table are still enforced.
    expect(() => db.exec('UPDATE visits SET consultant_id = 99 WHERE id = 2')).toThrow(/FOREIGN KEY/)
    expect(() => db.exec('UPDATE visits SET partner_store_id = 9 WHERE id = 2')).toThrow(/FOREIGN KEY/)
    expect(() => db.exec("INSERT INTO visit_status_log (visit_id, status, at, actor) VALUES (9, 'waiting', 't', 'x')")).toThrow(/FOREIGN KEY/)
    expect(() => db.exec('DELETE FROM visits WHERE id = 1')).toThrow(/FOREIGN KEY/)
  })

  it('keeps every index, and the new one is used', () => {
    const db = at100()
    const indexesBefore = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits' AND sql IS NOT NULL ORDER BY name").pluck().all()
    runMigrations(db, upTo(110))
    const indexesAfter = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits' AND sql IS NOT NULL ORDER BY name").pluck().all()
    expect(indexesAfter).toEqual([...indexesBefore, 'visits_by_assistant'].sort())
    expect(plan(db, 'SELECT id FROM visits WHERE visit_date = ? AND status = ?', '2026-12-03', 'waiting')).toContain('visits_day')
    expect(plan(db, 'SELECT id FROM visits WHERE partner_store_id = ? AND visit_date >= ?', 1, '2026-12-01')).toContain('visits_by_partner_store')
    expect(plan(db, 'SELECT id FROM visits WHERE assist_consultant_id = ? AND visit_date >= ?', 2, '2026-12-01')).toContain('visits_by_assistant')
  })

  it('records an assisting consultant only with the time, and only a staff member', () => {
    const db = at100()
    runMigrations(db, upTo(110))
    expect(() => db.exec('UPDATE visits SET assist_consultant_id = 2 WHERE id = 1')).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE visits SET assisted_at = 't9' WHERE id = 1")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE visits SET assist_consultant_id = 99, assisted_at = 't9' WHERE id = 1")).toThrow(/FOREIGN KEY/)
    db.exec("UPDATE visits SET assist_consultant_id = 2, assisted_at = 't9' WHERE id = 1")
    expect(db.prepare('SELECT consultant_id, assist_consultant_id, assisted_at FROM visits WHERE id = 1').get()).toEqual({ consultant_id: 1, assist_consultant_id: 2, assisted_at: 't9' })
  })
})
