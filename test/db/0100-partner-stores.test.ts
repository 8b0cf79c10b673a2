import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at version 90: a consultant with a PIN who owns a client, her visit and a booked appointment. */
function at90(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(90))
  db.exec(`
    INSERT INTO staff (id, name, role, phone, created_at, updated_at, pin_hash, pin_failures) VALUES (1, '王静', 'consultant', '13700000001', 't', 't', 'scrypt$x', 2);
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (2, '李前台', 'receptionist', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, own_consultant_id, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 1, 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, consultant_id, status, status_at, registered_at)
      VALUES (1, 1, '2026-12-03', 'first', 1, 'A001', 'walk_in', 1, 'waiting', 't', 't');
    INSERT INTO appointments (client_id, date, time, duration_minutes, type, consultant_id, created_at, created_by, updated_at)
      VALUES (1, '2026-12-04', '10:30', 60, 'first', 1, 't', 2, 't');
  `)
  return db
}

function at100(): WritableDb {
  const db = at90()
  runMigrations(db, upTo(100))
  return db
}

const insertStore = (db: WritableDb, values: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO partner_stores (name, class, consultant_id, salesperson_id, photo, photo_mime, start_date, created_at, updated_at)
       VALUES (@name, @class, @consultant_id, @salesperson_id, @photo, @photo_mime, @start_date, 't', 't')`,
    )
    .run({ name: '丽人美容院', class: 'A', consultant_id: 1, salesperson_id: 3, photo: null, photo_mime: null, start_date: '2026-11-01', ...values })

const insertReport = (db: WritableDb, values: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO partner_reports (store_id, salesperson_id, client_name, phone, reported_at, valid_until, status, visit_id, cancel_reason, updated_at)
       VALUES (@store_id, 3, '刘女士', @phone, 't', '2026-12-31', @status, @visit_id, @cancel_reason, 't')`,
    )
    .run({ store_id: 1, phone: '13911112222', status: 'open', visit_id: null, cancel_reason: '', ...values })

const addMarketing = (db: WritableDb) => db.exec("INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (3, '赵业务', 'marketing', 't', 't')")

describe('migration 0100 (partner stores)', () => {
  it('rebuilds staff for the marketing role and keeps every row, column and reference', () => {
    const db = at90()
    expect(() => addMarketing(db)).toThrow(/CHECK/)
    runMigrations(db, upTo(100))
    expect(db.pragma('user_version', { simple: true })).toBe(100)
    expect(db.prepare('SELECT id, name, role, phone, pin_hash, pin_failures FROM staff ORDER BY id').all()).toEqual([
      { id: 1, name: '王静', role: 'consultant', phone: '13700000001', pin_hash: 'scrypt$x', pin_failures: 2 },
      { id: 2, name: '李前台', role: 'receptionist', phone: '', pin_hash: null, pin_failures: 0 },
    ])
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(() => addMarketing(db)).not.toThrow()
    expect(() => db.exec("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('x', 'cashier', 't', 't')")).toThrow(/CHECK/)
    // The references of other tables still point at the rebuilt table, and are still enforced.
    expect(() => db.exec('UPDATE clients SET own_consultant_id = 99')).toThrow(/FOREIGN KEY/)
    expect(() => db.exec("INSERT INTO staff (name, role, phone, created_at, updated_at) VALUES ('y', 'nurse', '13700000001', 't', 't')")).toThrow(/UNIQUE/)
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name = 'staff_before_0100'").pluck().get()).toBe(0)
  })

  it('keeps an A-class store with its consultant, and an ordinary one without', () => {
    const db = at100()
    addMarketing(db)
    expect(() => insertStore(db)).not.toThrow()
    expect(() => insertStore(db, { name: '二店', class: 'A', consultant_id: null })).toThrow(/CHECK/)
    expect(() => insertStore(db, { name: '二店', class: 'ordinary', consultant_id: 1 })).toThrow(/CHECK/)
    expect(() => insertStore(db, { name: '二店', class: 'B', consultant_id: null })).toThrow(/CHECK/)
    expect(() => insertStore(db, { name: '丽人美容院', class: 'ordinary', consultant_id: null })).toThrow(/UNIQUE/)
    expect(() => insertStore(db, { name: '二店', class: 'ordinary', consultant_id: null, salesperson_id: 99 })).toThrow(/FOREIGN KEY/)
    expect(db.prepare('SELECT status, version, bank_account_no FROM partner_stores').get()).toEqual({ status: 'active', version: 1, bank_account_no: '' })
  })

  it('keeps a photo only with its type, of an image type', () => {
    const db = at100()
    addMarketing(db)
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0])
    expect(() => insertStore(db, { photo: jpeg, photo_mime: null })).toThrow(/CHECK/)
    expect(() => insertStore(db, { photo: jpeg, photo_mime: 'image/gif' })).toThrow(/CHECK/)
    expect(() => insertStore(db, { photo: Buffer.alloc(0), photo_mime: 'image/jpeg' })).toThrow(/CHECK/)
    insertStore(db, { photo: jpeg, photo_mime: 'image/jpeg' })
    expect(db.prepare('SELECT photo FROM partner_stores').pluck().get()).toEqual(jpeg)
  })

  it('allows one open report per phone, and an arrived report only with its visit', () => {
    const db = at100()
    addMarketing(db)
    insertStore(db)
    insertReport(db)
    expect(() => insertReport(db)).toThrow(/UNIQUE/)
    expect(() => insertReport(db, { status: 'cancelled' })).toThrow(/CHECK/)
    expect(() => insertReport(db, { status: 'cancelled', cancel_reason: '顾客不来了' })).not.toThrow()
    expect(() => insertReport(db, { status: 'arrived' })).toThrow(/CHECK/)
    expect(() => insertReport(db, { phone: '13900001111', status: 'arrived', visit_id: 1 })).not.toThrow()
    expect(() => insertReport(db, { phone: '13900001112', status: 'arrived', visit_id: 1 })).toThrow(/UNIQUE/)
    expect(() => insertReport(db, { phone: '13900001113', status: 'gone' })).toThrow(/CHECK/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM partner_reports WHERE phone = ? AND status = 'open'").all('13911112222') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('partner_reports_open_phone')
  })

  it('keeps the assignment history with a reason', () => {
    const db = at100()
    addMarketing(db)
    insertStore(db)
    const add = db.prepare("INSERT INTO partner_store_assignments (store_id, from_salesperson_id, to_salesperson_id, reason, at) VALUES (1, ?, ?, ?, 't')")
    expect(() => add.run(null, 3, '新建店家')).not.toThrow()
    expect(() => add.run(3, 3, '换人')).toThrow(/CHECK/)
    expect(() => add.run(3, 1, '')).toThrow(/CHECK/)
  })

  it('adds the store and the report to visits, null for the visits there were', () => {
    const db = at100()
    addMarketing(db)
    expect(db.prepare('SELECT partner_store_id, partner_report_id FROM visits').get()).toEqual({ partner_store_id: null, partner_report_id: null })
    expect(() => db.exec('UPDATE visits SET partner_store_id = 5')).toThrow(/FOREIGN KEY/)
    insertStore(db)
    db.exec('UPDATE visits SET partner_store_id = 1')
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM visits WHERE partner_store_id = ? AND visit_date >= ?').all(1, '2026-12-01') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('visits_by_partner_store')
  })
})
