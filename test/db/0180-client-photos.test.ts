import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)
const SHA_A = 'a'.repeat(64)
const SHA_B = 'b'.repeat(64)

/** A clinic at the version before 180: two clients, one of them with a treatment card. */
function before180(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 180))
  db.exec(`
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't'),
             (2, 'DA000002', '李红', 'lihong', 'lh', 'female', '13900002222', '22220000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't');
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, list_price_fen, created_at, updated_at)
      VALUES (1, 'GZ01', '光子嫩肤', 'guangzinenfu', 'gznf', 'treatment', 100000, 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, total_fen, payable_fen, paid_fen,
        confirmed_at, confirmed_by, paid_at, paid_by, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'paid', '{"name":"张小丽"}', '2026-11-02', 100000, 100000, 100000, 't', '前台', 't', '前台', 't', '前台', 't', '前台');
    INSERT INTO treatment_cards (id, client_id, fee_sheet_id, line_index, item_id, code, name, sessions_bought, bought_on, expires_on, created_at)
      VALUES (1, 1, 1, 0, 1, 'GZ01', '光子嫩肤', 5, '2026-11-02', '2027-11-02', 't');
  `)
  return db
}

const insertPhoto = (db: WritableDb, values: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    client_id: 1, card_id: 1, kind: 'before', taken_on: '2026-11-02', rel_path: `DA000001/2026-11-02/${SHA_A.slice(0, 16)}.jpg`,
    mime: 'image/jpeg', bytes: 1234, sha256: SHA_A, original_name: 'IMG_0001.JPG', created_at: 't', ...values,
  }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO client_photos (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}

function at180(): WritableDb {
  const db = before180()
  runMigrations(db, upTo(180))
  return db
}

describe('migration 0180 (client photos)', () => {
  it('adds an empty photo table and keeps the clients and cards as they were', () => {
    const db = at180()
    expect(db.pragma('user_version', { simple: true })).toBe(180)
    expect(db.prepare('SELECT count(*) FROM client_photos').pluck().get()).toBe(0)
    expect(db.prepare('SELECT id, archive_no FROM clients ORDER BY id').all()).toEqual([
      { id: 1, archive_no: 'DA000001' },
      { id: 2, archive_no: 'DA000002' },
    ])
    expect(db.prepare('SELECT count(*) FROM treatment_cards').pluck().get()).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('takes a photo of a known client and card, of the three kinds and picture types, with a relative path that cannot climb out', () => {
    const db = at180()
    const id = insertPhoto(db)
    expect(db.prepare('SELECT kind, mime, bytes, note, removed_at FROM client_photos WHERE id = ?').get(id)).toEqual({ kind: 'before', mime: 'image/jpeg', bytes: 1234, note: '', removed_at: null })
    const other = (n: number, values: Record<string, unknown>) => insertPhoto(db, { sha256: String(n).repeat(64), rel_path: `DA000001/2026-11-02/${n}.jpg`, ...values })
    expect(() => other(1, { kind: 'during' })).toThrow(/CHECK constraint failed/)
    expect(() => other(2, { mime: 'image/heic' })).toThrow(/CHECK constraint failed/)
    expect(() => other(3, { taken_on: '2026-11-2' })).toThrow(/CHECK constraint failed/)
    expect(() => other(4, { bytes: 0 })).toThrow(/CHECK constraint failed/)
    expect(() => other(5, { rel_path: '../../etc/passwd' })).toThrow(/CHECK constraint failed/)
    expect(() => other(6, { rel_path: '/etc/passwd' })).toThrow(/CHECK constraint failed/)
    expect(() => other(7, { sha256: 'G'.repeat(64) })).toThrow(/CHECK constraint failed/)
    expect(() => other(8, { client_id: 9 })).toThrow(/FOREIGN KEY constraint failed/)
    expect(() => other(9, { card_id: 9 })).toThrow(/FOREIGN KEY constraint failed/)
    expect(other(1, { card_id: null, kind: 'after', mime: 'image/webp' })).toBeGreaterThan(id)
  })

  it('keeps one row per picture and client: the same SHA-256 again is refused for her, taken for another client', () => {
    const db = at180()
    insertPhoto(db)
    expect(() => insertPhoto(db, { rel_path: 'DA000001/2026-11-03/x.jpg', taken_on: '2026-11-03' })).toThrow(/UNIQUE constraint failed: client_photos.client_id, client_photos.sha256/)
    expect(() => insertPhoto(db, { sha256: SHA_B })).toThrow(/UNIQUE constraint failed: client_photos.rel_path/)
    expect(insertPhoto(db, { client_id: 2, card_id: null, rel_path: `DA000002/2026-11-02/${SHA_A.slice(0, 16)}.jpg` })).toBeGreaterThan(0)
  })

  it('never deletes a photo, never changes its file, lets the kind, note and card change, and hides it once with a reason', () => {
    const db = at180()
    const id = insertPhoto(db)
    expect(() => db.prepare('DELETE FROM client_photos').run()).toThrow(/never deleted/)
    for (const change of ["rel_path = 'DA000001/x.jpg'", `sha256 = '${SHA_B}'`, 'bytes = 99', "mime = 'image/png'", 'client_id = 2', "created_at = 'u'"]) {
      expect(() => db.prepare(`UPDATE client_photos SET ${change} WHERE id = ?`).run(id), change).toThrow(/fixed once imported/)
    }
    db.prepare("UPDATE client_photos SET kind = 'after', note = '左脸', card_id = NULL WHERE id = ?").run(id)
    expect(() => db.prepare("UPDATE client_photos SET removed_at = 't' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare("UPDATE client_photos SET remove_reason = '拍错' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/)
    db.prepare("UPDATE client_photos SET removed_at = 't', removed_by_name = '管理员', remove_reason = '拍错' WHERE id = ?").run(id)
    expect(() => db.prepare("UPDATE client_photos SET removed_at = NULL, remove_reason = '' WHERE id = ?").run(id)).toThrow(/fixed once imported/)
    expect(() => db.prepare("UPDATE client_photos SET note = '再改' WHERE id = ?").run(id)).toThrow(/fixed once imported/)
    expect(db.prepare('SELECT kind, note, card_id, remove_reason FROM client_photos WHERE id = ?').get(id)).toEqual({ kind: 'after', note: '左脸', card_id: null, remove_reason: '拍错' })
  })

  it('finds a client’s photos by index', () => {
    const db = at180()
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan('SELECT * FROM client_photos WHERE client_id = 1 AND removed_at IS NULL ORDER BY taken_on, id')).toContain('client_photos_by_client')
    expect(plan('SELECT * FROM client_photos WHERE client_id = 1 ORDER BY taken_on DESC, id DESC')).toContain('client_photos_by_client')
  })
})
