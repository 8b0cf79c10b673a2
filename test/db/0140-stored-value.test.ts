import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at version 130: two clients, a visit of the first and a paid sheet. */
function at130(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(130))
  db.exec(`
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't'),
             (2, 'DA000002', '李娜', 'lina', 'ln', 'female', '13900002222', '22220000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, total_fen, payable_fen, paid_fen,
        confirmed_at, confirmed_by, paid_at, paid_by, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'paid', '{"name":"张小丽"}', '2026-11-02', 100000, 100000, 100000, 't', '前台', 't', '前台', 't', '前台', 't', '前台');
  `)
  return db
}

function entry(db: WritableDb, values: Record<string, unknown>) {
  const row: Record<string, unknown> = { client_id: 1, kind: 'top_up', amount_fen: 10000, method: 'cash', fee_sheet_id: null, at: 't', by_name: '前台', ...values }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO stored_value_ledger (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}
const sum = (db: WritableDb, clientId: number) => db.prepare('SELECT coalesce(sum(amount_fen), 0) FROM stored_value_ledger WHERE client_id = ?').pluck().get(clientId)

describe('migration 0140 (stored value)', () => {
  it('adds an empty ledger to a clinic with clients and sheets', () => {
    const db = at130()
    runMigrations(db, upTo(140))
    expect(db.pragma('user_version', { simple: true })).toBe(140)
    expect(db.prepare('SELECT count(*) FROM stored_value_ledger').pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('checks the kind, the sign of the amount per kind, the method of a top-up and the sheet of a payment', () => {
    const db = at130()
    runMigrations(db, upTo(140))
    entry(db, { amount_fen: 50000 })
    expect(() => entry(db, { kind: 'gift' })).toThrow(/CHECK/)
    expect(() => entry(db, { amount_fen: 0 })).toThrow(/CHECK/)
    expect(() => entry(db, { amount_fen: -1 })).toThrow(/CHECK/)
    expect(() => entry(db, { method: 'stored_value' })).toThrow(/CHECK/)
    expect(() => entry(db, { method: null })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'bonus', method: 'cash' })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'bonus', method: null, amount_fen: -5 })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'refund', method: null, amount_fen: 5 })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'payment', method: null, amount_fen: -5 })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'payment', method: null, amount_fen: 5, fee_sheet_id: 1 })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'payment_reversal', method: null, amount_fen: -5, fee_sheet_id: 1 })).toThrow(/CHECK/)
    expect(() => entry(db, { kind: 'refund', method: null, amount_fen: -5, fee_sheet_id: 1 })).toThrow(/CHECK/)
    expect(() => entry(db, { client_id: 99 })).toThrow(/FOREIGN KEY/)
    expect(() => entry(db, { kind: 'payment', method: null, amount_fen: -5, fee_sheet_id: 99 })).toThrow(/FOREIGN KEY/)
    entry(db, { kind: 'payment', method: null, amount_fen: -100, fee_sheet_id: 1 })
    expect(() => entry(db, { kind: 'payment', method: null, amount_fen: -100, fee_sheet_id: 1 })).toThrow(/UNIQUE/)
    entry(db, { kind: 'payment_reversal', method: null, amount_fen: 100, fee_sheet_id: 1 })
    expect(() => entry(db, { kind: 'payment_reversal', method: null, amount_fen: 100, fee_sheet_id: 1 })).toThrow(/UNIQUE/)
    expect(sum(db, 1)).toBe(50000)
  })

  it('refuses an entry that would take a client’s sum below zero, whoever else has money', () => {
    const db = at130()
    runMigrations(db, upTo(140))
    entry(db, { client_id: 2, amount_fen: 90000 })
    expect(() => entry(db, { kind: 'refund', method: null, amount_fen: -1 })).toThrow(/never go negative|would go negative/)
    entry(db, { amount_fen: 10000 })
    expect(() => entry(db, { kind: 'payment', method: null, amount_fen: -10001, fee_sheet_id: 1 })).toThrow(/would go negative/)
    entry(db, { kind: 'payment', method: null, amount_fen: -10000, fee_sheet_id: 1 })
    expect(sum(db, 1)).toBe(0)
    expect(sum(db, 2)).toBe(90000)
  })

  it('never changes nor deletes an entry', () => {
    const db = at130()
    runMigrations(db, upTo(140))
    const id = entry(db, {})
    expect(() => db.prepare('UPDATE stored_value_ledger SET amount_fen = 1 WHERE id = ?').run(id)).toThrow(/never changed/)
    expect(() => db.prepare('UPDATE stored_value_ledger SET note = ? WHERE id = ?').run('x', id)).toThrow(/never changed/)
    expect(() => db.prepare('DELETE FROM stored_value_ledger WHERE id = ?').run(id)).toThrow(/never deleted/)
    expect(sum(db, 1)).toBe(10000)
  })
})
