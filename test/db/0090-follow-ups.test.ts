import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { insertPlannedCalls, listDueCalls } from '../../db/followUps.ts'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

/** A clinic at version 90 with a client, her visit and a paid-looking fee sheet (the sheet's own rules are 0070's). */
function at90(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 90))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '小李', 'receptionist', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-12-03', 'review', 1, 'C001', 'walk_in', 'done', 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'draft', '{}', '2026-12-03', 't', 'x', 't', 'x');
  `)
  return db
}

const insert = (db: WritableDb, values: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO follow_up_calls (client_id, visit_id, fee_sheet_id, category, label, due_date, status, result, attempts, done_at, created_at)
       VALUES (@client_id, @visit_id, @fee_sheet_id, @category, @label, @due_date, @status, @result, @attempts, @done_at, 't')`,
    )
    .run({ client_id: 1, visit_id: 1, fee_sheet_id: 1, category: 'skin', label: '次日回访', due_date: '2026-12-04', status: 'open', result: null, attempts: 0, done_at: null, ...values })

describe('migration 0090 (follow-up calls)', () => {
  it('refuses malformed calls', () => {
    const db = at90()
    for (const bad of [
      { category: 'massage' },
      { label: '' },
      { label: '一二三四五六七八九十一二三四五六七八九十一' },
      { due_date: '2026-12-4' },
      { status: 'closed' },
      { result: 'maybe' },
      { attempts: -1 },
      { attempts: 'one' },
    ]) {
      expect(() => insert(db, bad), JSON.stringify(bad)).toThrow(/CHECK|cannot store/)
    }
    expect(() => insert(db, { client_id: 9 })).toThrow(/FOREIGN KEY/)
    expect(() => insert(db, { fee_sheet_id: 9 })).toThrow(/FOREIGN KEY/)
  })

  it('ties the status to the result and the time it was closed', () => {
    const db = at90()
    expect(() => insert(db, { status: 'done' })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'done', done_at: 't' })).toThrow(/CHECK/) // closed without a result
    expect(() => insert(db, { status: 'done', done_at: 't', result: 'no_answer' })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'open', result: 'reached' })).toThrow(/CHECK/)
    expect(() => insert(db, { status: 'open', done_at: 't' })).toThrow(/CHECK/)
    expect(() => insert(db, { label: 'a', status: 'done', done_at: 't', result: 'reached' })).not.toThrow()
    expect(() => insert(db, { label: 'b', status: 'done', done_at: 't', result: 'unreachable' })).not.toThrow()
    expect(() => insert(db, { label: 'c', status: 'open', result: 'no_answer', attempts: 2 })).not.toThrow()
  })

  it('plans a sheet\'s calls once: the same category and label again is left alone', () => {
    const db = at90()
    const source = { clientId: 1, visitId: 1, feeSheetId: 1 }
    const calls = [
      { category: 'skin' as const, label: '次日回访', dueDate: '2026-12-04' },
      { category: 'skin' as const, label: '7天回访', dueDate: '2026-12-10' },
    ]
    expect(insertPlannedCalls(db, source, calls, 't')).toEqual([1, 2])
    expect(insertPlannedCalls(db, source, calls, 't')).toEqual([])
    expect(db.prepare('SELECT count(*) FROM follow_up_calls').pluck().get()).toBe(2)
    expect(() => insert(db, { fee_sheet_id: null, label: '次日回访' })).not.toThrow() // a call of no sheet (by hand, later)
  })

  it('serves the due list from the open calls\' index, in its order, and the other reads from theirs', () => {
    const db = at90()
    const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const due = plan("SELECT * FROM follow_up_calls f WHERE f.status = 'open' AND f.due_date BETWEEN '0000-00-00' AND '2026-12-04' ORDER BY f.due_date, f.id")
    expect(due).toContain('follow_up_calls_open_by_due')
    expect(due).not.toContain('TEMP B-TREE')
    expect(plan("SELECT * FROM follow_up_calls f WHERE f.client_id = 1 ORDER BY f.due_date, f.id")).toContain('follow_up_calls_by_client')
    expect(plan("SELECT status FROM follow_up_calls WHERE due_date BETWEEN '2026-12-01' AND '2026-12-31'")).toContain('follow_up_calls_by_due')
    expect(plan("DELETE FROM follow_up_calls WHERE fee_sheet_id = 1 AND status = 'open'")).toContain('sqlite_autoindex_follow_up_calls')

    insert(db, { label: '7天回访', due_date: '2026-12-10' })
    insert(db, { label: '次日回访', due_date: '2026-12-04' })
    insert(db, { label: '已结束', due_date: '2026-12-01', status: 'done', done_at: 't', result: 'reached' })
    expect(listDueCalls(db, '2026-12-10', true).map((r) => [r.dueDate, r.overdue, r.clientName])).toEqual([
      ['2026-12-04', true, '张小丽'],
      ['2026-12-10', false, '张小丽'],
    ])
  })
})
