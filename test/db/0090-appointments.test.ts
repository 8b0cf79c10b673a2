import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at version 80 with a consultant, a client and one of her visits. */
function at80(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(80))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '王静', 'consultant', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-12-03', 'first', 1, 'A001', 'walk_in', 'waiting', 't', 't');
  `)
  return db
}

function at90(): WritableDb {
  const db = at80()
  runMigrations(db, upTo(90))
  return db
}

const insert = (db: WritableDb, values: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO appointments (client_id, date, time, duration_minutes, type, consultant_id, category, item_ids, status, cancel_reason, visit_id, created_at, updated_at)
       VALUES (@client_id, @date, @time, @duration_minutes, @type, @consultant_id, @category, @item_ids, @status, @cancel_reason, @visit_id, 't', 't')`,
    )
    .run({
      client_id: 1,
      date: '2026-12-04',
      time: '10:30',
      duration_minutes: 60,
      type: 'first',
      consultant_id: 1,
      category: null,
      item_ids: '[]',
      status: 'booked',
      cancel_reason: '',
      visit_id: null,
      ...values,
    })

describe('migration 0090 (appointments)', () => {
  it('adds the tables and keeps what was there', () => {
    const db = at90()
    expect(db.pragma('user_version', { simple: true })).toBe(90)
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['张小丽'])
    expect(db.prepare('SELECT queue_no FROM visits').pluck().all()).toEqual(['A001'])
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('appointments','appointment_confirmations','follow_up_calls') ORDER BY name").pluck().all()
    expect(tables).toEqual(['appointment_confirmations', 'appointments', 'follow_up_calls'])
    expect(() => insert(db)).not.toThrow()
    expect(db.prepare('SELECT status, version, notes, item_ids FROM appointments').get()).toEqual({ status: 'booked', version: 1, notes: '', item_ids: '[]' })
  })

  it('ties checked_in to a visit both ways, one appointment per visit', () => {
    const db = at90()
    expect(() => insert(db, { status: 'checked_in' })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'booked', visit_id: 1 })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'checked_in', visit_id: 1 })).not.toThrow()
    expect(() => insert(db, { status: 'checked_in', visit_id: 1 })).toThrow(/UNIQUE/)
    expect(() => insert(db, { status: 'checked_in', visit_id: 99 })).toThrow(/FOREIGN KEY/)
  })

  it('needs a reason to be cancelled', () => {
    const db = at90()
    expect(() => insert(db, { status: 'cancelled' })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'cancelled', cancel_reason: '顾客出差' })).not.toThrow()
    const { lastInsertRowid } = insert(db)
    expect(() => db.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(lastInsertRowid)).toThrow(/CHECK/)
  })

  it('refuses malformed values', () => {
    const db = at90()
    for (const bad of [
      { date: '2026-12-4' },
      { date: 'tomorrow' },
      { time: '9:30' },
      { time: '10:75' },
      { duration_minutes: 10 },
      { duration_minutes: 481 },
      { type: 'walk_in' },
      { status: 'pending' },
      { category: 'massage' },
      { item_ids: '{"a":1}' },
      { item_ids: 'not json' },
      { duration_minutes: '60 min' },
    ]) {
      expect(() => insert(db, bad), JSON.stringify(bad)).toThrow(/CHECK|cannot store/)
    }
    expect(() => insert(db, { client_id: 99 })).toThrow(/FOREIGN KEY/)
    expect(() => insert(db, { consultant_id: 99 })).toThrow(/FOREIGN KEY/)
    expect(() => insert(db, { consultant_id: null, category: 'injection', item_ids: '[3,4]' })).not.toThrow()
  })

  it('logs confirmation calls with a known result against an existing appointment', () => {
    const db = at90()
    const { lastInsertRowid } = insert(db)
    const call = db.prepare("INSERT INTO appointment_confirmations (appointment_id, result, at, by_name) VALUES (?, ?, '2026-12-03T02:00:00.000Z', '前台')")
    expect(() => call.run(lastInsertRowid, 'no_answer')).not.toThrow()
    expect(() => call.run(lastInsertRowid, 'maybe')).toThrow(/CHECK/)
    expect(() => call.run(999, 'confirmed')).toThrow(/FOREIGN KEY/)
  })

  it('indexes the lists by date, by consultant, by client, and the calls by appointment', () => {
    const db = at90()
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    const byDate = plan("SELECT * FROM appointments a WHERE a.date BETWEEN '2026-12-01' AND '2026-12-07' ORDER BY a.date, a.time, a.id")
    expect(byDate).toContain('appointments_by_date')
    expect(byDate).not.toContain('TEMP B-TREE')
    expect(plan("SELECT * FROM appointments a WHERE a.consultant_id = 1 AND a.date BETWEEN '2026-12-01' AND '2026-12-07' ORDER BY a.date, a.time, a.id")).toContain('appointments_by_consultant')
    expect(plan("SELECT * FROM appointments a WHERE a.consultant_id = 1 AND a.date = '2026-12-04' AND a.status IN ('booked','confirmed')")).toContain('appointments_by_consultant')
    expect(plan("SELECT * FROM appointments a WHERE a.client_id = 1 AND a.date = '2026-12-04'")).toContain('appointments_by_client')
    expect(plan('SELECT result FROM appointment_confirmations k WHERE k.appointment_id = 1 ORDER BY k.id DESC LIMIT 1')).toContain('appointment_confirmations_by_appointment')
  })
})
