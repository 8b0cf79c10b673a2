import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at version 110: a consultant, a salesperson, a store, a client, her visit, a price item and a paid sheet. */
function at110(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, upTo(110))
  db.exec(`
    INSERT INTO staff (id, name, role, created_at, updated_at) VALUES (1, '王静', 'consultant', 't', 't'), (3, '赵业务', 'marketing', 't', 't');
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't');
    INSERT INTO partner_stores (id, name, class, consultant_id, salesperson_id, start_date, created_at, updated_at)
      VALUES (1, '丽人美容院', 'A', 1, 3, '2026-11-01', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at, partner_store_id)
      VALUES (1, 1, '2026-11-02', 'first', 1, 'A001', 'walk_in', 'done', 't', 't', 1);
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, list_price_fen, created_at, updated_at)
      VALUES (1, 'ZS01', '玻尿酸', 'boniaosuan', 'bns', 'treatment', 100000, 't', 't');
    INSERT INTO fee_sheets (id, sheet_no, visit_id, client_id, status, client, visit_date, total_fen, payable_fen, paid_fen,
        confirmed_at, confirmed_by, paid_at, paid_by, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'SF2026-000001', 1, 1, 'paid', '{"name":"张小丽"}', '2026-11-02', 100000, 100000, 100000, 't', '前台', 't', '前台', 't', '前台', 't', '前台');
  `)
  return db
}

const FIGURES = {
  lines_fen: 100000,
  discount_fen: 0,
  paid_fen: 100000,
  excluded_fen: 0,
  base_fen: 100000,
  special_rate_base_fen: 0,
  standard_base_fen: 100000,
  standard_share_fen: 50000,
  special_share_fen: 0,
  store_share_fen: 50000,
}

function insertEntry(db: WritableDb, values: Record<string, unknown> = {}) {
  const row: Record<string, unknown> = {
    period: '2026-11',
    kind: 'store_rebate',
    reversal: 0,
    reverses_period: null,
    fee_sheet_id: 1,
    client_id: 1,
    store_id: 1,
    salesperson_id: 3,
    referrer_id: null,
    ...FIGURES,
    commission_fen: 0,
    referrer_fen: 0,
    salesperson_fen: 0,
    rates: '{}',
    booked_at: 't',
    ...values,
  }
  const columns = Object.keys(row)
  return db.prepare(`INSERT INTO rebate_entries (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row)
}

const negated = Object.fromEntries(Object.entries(FIGURES).map(([k, v]) => [k, 0 - v]))

describe('migration 0120 (rebates)', () => {
  it('adds the special-price flag to the price list, off for the items already there', () => {
    const db = at110()
    runMigrations(db, upTo(120))
    expect(db.pragma('user_version', { simple: true })).toBe(120)
    expect(db.prepare('SELECT code, special_price FROM price_items').all()).toEqual([{ code: 'ZS01', special_price: 0 }])
    expect(() => db.exec('UPDATE price_items SET special_price = 2')).toThrow(/CHECK/)
    db.exec('UPDATE price_items SET special_price = 1')
    expect(db.prepare('SELECT special_price FROM price_items').pluck().get()).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('books one entry and one reversal per sheet and kind, and never changes or deletes one', () => {
    const db = at110()
    runMigrations(db, upTo(120))
    expect(() => insertEntry(db, { reversal: 1, reverses_period: '2026-11', ...negated })).toThrow(/without its entry/)
    insertEntry(db)
    expect(() => insertEntry(db)).toThrow(/UNIQUE/)
    insertEntry(db, { period: '2026-12', reversal: 1, reverses_period: '2026-11', ...negated })
    expect(() => insertEntry(db, { period: '2026-12', reversal: 1, reverses_period: '2026-11', ...negated })).toThrow(/UNIQUE/)
    expect(() => db.exec('UPDATE rebate_entries SET store_share_fen = 0')).toThrow(/never changed/)
    expect(() => db.exec('DELETE FROM rebate_entries')).toThrow(/never deleted/)
    expect(db.prepare('SELECT count(*) FROM rebate_entries').pluck().get()).toBe(2)
  })

  it('refuses entries that break their rules', () => {
    const db = at110()
    runMigrations(db, upTo(120))
    expect(() => insertEntry(db, { period: '2026-13' })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { period: '2026-1' })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { store_id: null })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { kind: 'referral' })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { store_share_fen: -1 })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { commission_fen: 10 })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { lines: '{"a":1}' })).toThrow(/CHECK/)
    expect(() => insertEntry(db, { store_id: 9 })).toThrow(/FOREIGN KEY/)
    expect(() => insertEntry(db, { kind: 'referral', store_id: null, referrer_id: 1, commission_fen: 5000, referrer_fen: 2500, salesperson_fen: 2000 })).toThrow(/CHECK/)
    insertEntry(db, { kind: 'referral', store_id: null, referrer_id: 1, commission_fen: 5000, referrer_fen: 2500, salesperson_fen: 2500 })
    // A reversal is booked in its own month or later, never before.
    insertEntry(db)
    expect(() => insertEntry(db, { period: '2026-10', reversal: 1, reverses_period: '2026-11', ...negated })).toThrow(/CHECK/)
  })

  it('refuses new entries in a closed month, and a closed month never reopens', () => {
    const db = at110()
    runMigrations(db, upTo(120))
    db.exec("INSERT INTO rebate_periods (period, closed_at, closed_by_name) VALUES ('2026-11', 't', '管理员')")
    expect(() => insertEntry(db)).toThrow(/closed/)
    insertEntry(db, { period: '2026-12' })
    expect(() => db.exec("UPDATE rebate_periods SET closed_at = 'x'")).toThrow(/never reopens/)
    expect(() => db.exec('DELETE FROM rebate_periods')).toThrow(/never reopens/)
    expect(() => db.exec("INSERT INTO rebate_periods (period, closed_at) VALUES ('2026-11', 't')")).toThrow(/UNIQUE|PRIMARY/)
  })

  it('keeps one referral per client, by someone other than the salesperson', () => {
    const db = at110()
    runMigrations(db, upTo(120))
    const add = (referrer: number, salesperson: number) =>
      db.prepare("INSERT INTO client_referrals (client_id, referrer_id, salesperson_id, assigned_at) VALUES (1, ?, ?, 't')").run(referrer, salesperson)
    expect(() => add(3, 3)).toThrow(/CHECK/)
    expect(() => add(1, 99)).toThrow(/FOREIGN KEY/)
    add(1, 3)
    expect(() => add(1, 3)).toThrow(/UNIQUE|PRIMARY/)
  })
})
