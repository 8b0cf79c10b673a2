import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at the version before 150: a consultant, a client, her visit and a follow-up call already reached. */
function before150(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 150))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '王咨询', 'consultant', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't');
    INSERT INTO follow_up_calls (id, client_id, visit_id, category, label, due_date, status, result, attempts, notes, done_at, created_at)
      VALUES (1, 1, 1, 'skin', '次日回访', '2026-11-03', 'done', 'reached', 1, '很好', 't', 't'),
             (2, 1, 1, 'skin', '7天回访', '2026-11-09', 'open', 'no_answer', 1, '', NULL, 't');
  `)
  return db
}

const insertComplaint = (db: WritableDb, values: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = { client_id: 1, visit_id: 1, received_at: 't', channel: 'phone', content: '红肿', handler_id: 1, created_at: 't', ...values }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO complaints (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}
const step = (db: WritableDb, complaintId: number, note = '回电') =>
  db.prepare("INSERT INTO complaint_steps (complaint_id, at, by_name, note) VALUES (?, 't', '前台', ?)").run(complaintId, note)

describe('migration 0150 (complaints, satisfaction)', () => {
  it('adds empty complaint tables and a null satisfaction to the calls already made', () => {
    const db = before150()
    runMigrations(db, upTo(150))
    expect(db.pragma('user_version', { simple: true })).toBe(150)
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM complaint_steps').pluck().get()).toBe(0)
    expect(db.prepare('SELECT id, satisfaction, notes FROM follow_up_calls ORDER BY id').all()).toEqual([
      { id: 1, satisfaction: null, notes: '很好' },
      { id: 2, satisfaction: null, notes: '' },
    ])
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('takes a score of 1–5 only on a reached call', () => {
    const db = before150()
    runMigrations(db, upTo(150))
    db.prepare('UPDATE follow_up_calls SET satisfaction = 4 WHERE id = 1').run()
    expect(db.prepare('SELECT satisfaction FROM follow_up_calls WHERE id = 1').pluck().get()).toBe(4)
    expect(() => db.prepare('UPDATE follow_up_calls SET satisfaction = 6 WHERE id = 1').run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare('UPDATE follow_up_calls SET satisfaction = 0 WHERE id = 1').run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare('UPDATE follow_up_calls SET satisfaction = 3 WHERE id = 2').run()).toThrow(/CHECK constraint failed/)
  })

  it('closes a complaint only with a resolution and a closing time, adds steps only to an open one, and never deletes or edits either', () => {
    const db = before150()
    runMigrations(db, upTo(150))
    expect(() => insertComplaint(db, { channel: 'mail' })).toThrow(/CHECK constraint failed/)
    expect(() => insertComplaint(db, { content: '' })).toThrow(/CHECK constraint failed/)
    expect(() => insertComplaint(db, { visit_id: 9 })).toThrow(/FOREIGN KEY constraint failed/)
    const id = insertComplaint(db)
    step(db, id)
    expect(() => db.prepare("UPDATE complaints SET status = 'closed', closed_at = 't' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare("UPDATE complaints SET status = 'closed', resolution = '致歉' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/)
    db.prepare("UPDATE complaints SET status = 'closed', resolution = '致歉', closed_at = 't' WHERE id = ?").run(id)
    expect(() => step(db, id, '再回电')).toThrow(/a closed complaint takes no step/)
    expect(() => db.prepare("UPDATE complaint_steps SET note = '改' WHERE complaint_id = ?").run(id)).toThrow(/only added/)
    expect(() => db.prepare('DELETE FROM complaint_steps').run()).toThrow(/only added/)
    expect(() => db.prepare('DELETE FROM complaints').run()).toThrow(/never deleted/)
  })

  it('finds a client’s complaints and the open ones by index', () => {
    const db = before150()
    runMigrations(db, upTo(150))
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan('SELECT * FROM complaints WHERE client_id = 1 ORDER BY id')).toContain('complaints_by_client')
    expect(plan("SELECT * FROM complaints WHERE status = 'open' ORDER BY received_at")).toContain('complaints_open')
    expect(plan('SELECT * FROM complaint_steps WHERE complaint_id = 1 ORDER BY id')).toContain('complaint_steps_by_complaint')
  })
})
