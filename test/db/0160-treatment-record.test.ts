import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at the version before 160: a nurse, a doctor, an assistant nurse, a client with a card and a deduction. */
function before160(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 160))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '孙护士', 'nurse', 't', 't'), (2, '李医生', 'doctor', 't', 't'), (3, '钱护士', 'nurse', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't');
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, list_price_fen, created_at, updated_at)
      VALUES (1, 'GZ01', '光子嫩肤', 'guangzinenfu', 'gznf', 'treatment', 100000, 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, total_fen, payable_fen, paid_fen,
        confirmed_at, confirmed_by, paid_at, paid_by, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'paid', '{"name":"张小丽"}', '2026-11-02', 100000, 100000, 100000, 't', '前台', 't', '前台', 't', '前台', 't', '前台');
    INSERT INTO treatment_cards (id, client_id, fee_sheet_id, line_index, item_id, code, name, sessions_bought, bought_on, expires_on, created_at)
      VALUES (1, 1, 1, 0, 1, 'GZ01', '光子嫩肤', 5, '2026-11-02', '2027-11-02', 't');
    INSERT INTO card_deductions (id, card_id, session_no, at, nurse_id, doctor_id, note, by_name) VALUES (1, 1, 1, 't', 1, 2, '首次', '前台');
  `)
  return db
}

const deduct = (db: WritableDb, values: Record<string, unknown>) => {
  const row: Record<string, unknown> = { card_id: 1, session_no: 2, at: 't2', nurse_id: 1, doctor_id: 2, by_name: '前台', ...values }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO card_deductions (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}

describe('migration 0160 (treatment record)', () => {
  it('gives the deductions already made no body area and no assistant, and the clients no marital status and no address', () => {
    const db = before160()
    runMigrations(db, upTo(160))
    expect(db.pragma('user_version', { simple: true })).toBe(160)
    expect(db.prepare('SELECT id, body_area, assistant_id, note FROM card_deductions').all()).toEqual([{ id: 1, body_area: '', assistant_id: null, note: '首次' }])
    expect(db.prepare('SELECT id, marital_status, address FROM clients').all()).toEqual([{ id: 1, marital_status: null, address: '' }])
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('keeps a body area of at most 60 characters and an assistant who is a staff member other than the doctor', () => {
    const db = before160()
    runMigrations(db, upTo(160))
    const id = deduct(db, { body_area: '双下眼睑', assistant_id: 3 })
    expect(db.prepare('SELECT body_area, assistant_id FROM card_deductions WHERE id = ?').get(id)).toEqual({ body_area: '双下眼睑', assistant_id: 3 })
    expect(() => deduct(db, { session_no: 3, body_area: '脸'.repeat(61) })).toThrow(/CHECK constraint failed/)
    expect(() => deduct(db, { session_no: 3, assistant_id: 2 })).toThrow(/CHECK constraint failed/)
    expect(() => deduct(db, { session_no: 3, assistant_id: 99 })).toThrow(/FOREIGN KEY constraint failed/)
    // Without a doctor, any staff member may assist.
    expect(deduct(db, { session_no: 3, doctor_id: null, assistant_id: 2 })).toBeGreaterThan(0)
  })

  it('never changes the body area or the assistant of a deduction, and still lets it be undone once', () => {
    const db = before160()
    runMigrations(db, upTo(160))
    expect(() => db.prepare("UPDATE card_deductions SET body_area = '额头' WHERE id = 1").run()).toThrow(/only undone, once/)
    expect(() => db.prepare('UPDATE card_deductions SET assistant_id = 3 WHERE id = 1').run()).toThrow(/only undone, once/)
    expect(() => db.prepare("UPDATE card_deductions SET note = '改' WHERE id = 1").run()).toThrow(/only undone, once/)
    db.prepare("UPDATE card_deductions SET undone_at = 'u', undone_by_name = '管理员', undo_reason = '记错' WHERE id = 1").run()
    expect(() => db.prepare("UPDATE card_deductions SET undo_reason = '再改' WHERE id = 1").run()).toThrow(/only undone, once/)
  })

  it('takes only the consultation sheet’s marital statuses and an address of at most 200 characters', () => {
    const db = before160()
    runMigrations(db, upTo(160))
    db.prepare("UPDATE clients SET marital_status = 'married', address = '上海市静安区南京西路 1 号' WHERE id = 1").run()
    expect(db.prepare('SELECT marital_status, address FROM clients').get()).toEqual({ marital_status: 'married', address: '上海市静安区南京西路 1 号' })
    expect(() => db.prepare("UPDATE clients SET marital_status = 'engaged' WHERE id = 1").run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare('UPDATE clients SET address = ? WHERE id = 1').run('路'.repeat(201))).toThrow(/CHECK constraint failed/)
    db.prepare('UPDATE clients SET marital_status = NULL WHERE id = 1').run()
  })

  it('reads a client’s record through the cards-by-client index and each card’s deductions by their unique key', () => {
    const db = before160()
    runMigrations(db, upTo(160))
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT d.id FROM treatment_cards t JOIN card_deductions d ON d.card_id = t.id WHERE t.client_id = 1 ORDER BY d.at DESC, d.id DESC').all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ')
    expect(plan).toContain('treatment_cards_by_client')
    expect(plan).toContain('sqlite_autoindex_card_deductions_1')
  })
})
