import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at version 120: a nurse, a doctor, a client, her visit, a treatment item and a paid sheet. */
function at120(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(120))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '孙护士', 'nurse', 't', 't'), (2, '李医生', 'doctor', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't');
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, list_price_fen, created_at, updated_at)
      VALUES (1, 'GZ01', '光子嫩肤', 'guangzinenfu', 'gznf', 'treatment', 100000, 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, total_fen, payable_fen, paid_fen,
        confirmed_at, confirmed_by, paid_at, paid_by, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'paid', '{"name":"张小丽"}', '2026-11-02', 100000, 100000, 100000, 't', '前台', 't', '前台', 't', '前台', 't', '前台');
  `)
  return db
}

function insertCard(db: WritableDb, values: Record<string, unknown> = {}) {
  const row: Record<string, unknown> = {
    client_id: 1,
    fee_sheet_id: 1,
    line_index: 0,
    item_id: 1,
    code: 'GZ01',
    name: '光子嫩肤',
    sessions_bought: 2,
    bought_on: '2026-11-02',
    expires_on: '2027-11-02',
    created_at: 't',
    ...values,
  }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO treatment_cards (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}

function deduct(db: WritableDb, values: Record<string, unknown> = {}) {
  const row: Record<string, unknown> = { card_id: 1, session_no: 1, at: 't', nurse_id: 1, doctor_id: 2, by_name: '前台', ...values }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO card_deductions (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}

describe('migration 0130 (treatment cards)', () => {
  it('adds empty card and deduction tables to a clinic that has paid sheets', () => {
    const db = at120()
    runMigrations(db, upTo(130))
    expect(db.pragma('user_version', { simple: true })).toBe(130)
    expect(db.prepare('SELECT count(*) FROM treatment_cards').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM card_deductions').pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('keeps a card to its sheet line once, with sessions bought and an expiry not before the purchase', () => {
    const db = at120()
    runMigrations(db, upTo(130))
    const id = insertCard(db)
    expect(db.prepare('SELECT voided, version FROM treatment_cards WHERE id = ?').get(id)).toEqual({ voided: 0, version: 1 })
    expect(() => insertCard(db)).toThrow(/UNIQUE/)
    expect(() => insertCard(db, { line_index: 1, sessions_bought: 0 })).toThrow(/CHECK/)
    expect(() => insertCard(db, { line_index: 1, expires_on: '2026-11-01' })).toThrow(/CHECK/)
    expect(() => insertCard(db, { line_index: 1, bought_on: '2026/11/02' })).toThrow(/CHECK/)
    expect(() => insertCard(db, { line_index: -1 })).toThrow(/CHECK/)
    expect(() => insertCard(db, { line_index: 1, fee_sheet_id: 99 })).toThrow(/FOREIGN KEY/)
    expect(() => db.exec('UPDATE treatment_cards SET voided = 2')).toThrow(/CHECK/)
    expect(() => db.exec('DELETE FROM treatment_cards')).toThrow(/never deleted/)
  })

  it('numbers deductions once per card, never past the sessions bought, never on a void card', () => {
    const db = at120()
    runMigrations(db, upTo(130))
    insertCard(db)
    deduct(db)
    expect(() => deduct(db)).toThrow(/UNIQUE/)
    expect(() => deduct(db, { session_no: 0 })).toThrow(/CHECK/)
    expect(() => deduct(db, { session_no: 2, nurse_id: 99 })).toThrow(/FOREIGN KEY/)
    deduct(db, { session_no: 2, doctor_id: null })
    expect(() => deduct(db, { session_no: 3 })).toThrow(/used up/)
    // An undone one gives the session back; its number stays taken.
    db.exec("UPDATE card_deductions SET undone_at = 't2', undone_by_name = '管理员', undo_reason = '记错' WHERE session_no = 2")
    deduct(db, { session_no: 3 })
    db.exec('UPDATE treatment_cards SET voided = 1')
    db.exec("UPDATE card_deductions SET undone_at = 't3', undo_reason = '退' WHERE session_no = 3")
    expect(() => deduct(db, { session_no: 4 })).toThrow(/void/)
  })

  it('changes a deduction only by undoing it once, with a reason, and never deletes one', () => {
    const db = at120()
    runMigrations(db, upTo(130))
    insertCard(db)
    const id = deduct(db)
    expect(() => db.prepare("UPDATE card_deductions SET undone_at = 't2' WHERE id = ?").run(id)).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE card_deductions SET nurse_id = 2 WHERE id = ?').run(id)).toThrow(/only undone/)
    db.prepare("UPDATE card_deductions SET undone_at = 't2', undone_by_name = '管理员', undo_reason = '记错' WHERE id = ?").run(id)
    expect(() => db.prepare("UPDATE card_deductions SET undo_reason = '改' WHERE id = ?").run(id)).toThrow(/only undone/)
    expect(() => db.exec('DELETE FROM card_deductions')).toThrow(/never deleted/)
  })
})
