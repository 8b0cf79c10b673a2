import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { FeeLine } from '../../core/fees/index.ts'
import {
  columnsToDiscount,
  confirmFeeSheet,
  countFeeSheetPrint,
  deleteFeeDraft,
  discountToColumns,
  getFeeSheet,
  insertFeeSheet,
  listFeeSheetsOfDay,
  payFeeSheet,
  saveFeeDraft,
  voidFeeSheet,
  type NewFeeSheet,
} from '../../db/feeSheets.ts'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const before70 = MIGRATIONS.filter((m) => m.version < 70)

/** A database at 0060 with a client, a visit, a consultation sheet and two price items in it. */
function at60(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, before70)
  expect(db.pragma('user_version', { simple: true })).toBe(60)
  db.exec(`
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
    VALUES (1, 'DA202600001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900000001', '10000000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
    VALUES (1, 1, '2026-11-23', 'first', 1, 'A001', 'walk_in', 'waiting', 't', 't');
    INSERT INTO consultation_sheets (id, visit_id, sheet_no, version, status, payload, created_at, created_by, updated_at, updated_by)
    VALUES (1, 1, 'ZX2026-000001', 1, 'draft', '{}', 't', 'x', 't', 'x');
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, unit, list_price_fen, floor_price_fen, active, created_at, updated_at)
    VALUES (1, 'HA01', '玻尿酸', 'boniaosuan', 'bns', 'treatment', '支', 380000, 300000, 1, 't', 't'),
           (2, 'MZ01', '局麻', 'juma', 'jm', 'anaesthesia', '次', 20000, NULL, 1, 't', 't');
  `)
  return db
}

function migrated(): WritableDb {
  const db = at60()
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 70))
  return db
}

const hyaluronic: FeeLine = { itemId: 1, code: 'HA01', name: '玻尿酸', unit: '支', category: 'treatment', unitPrice: 380000, floorPrice: 300000, quantity: 2, discount: { kind: 'rate', percent: 85.5 } }
const anaesthesia: FeeLine = { itemId: 2, code: 'MZ01', name: '局麻', unit: '次', category: 'anaesthesia', unitPrice: 20000, floorPrice: null, quantity: 1, discount: null }

function newSheet(overrides: Partial<NewFeeSheet> = {}): NewFeeSheet {
  return {
    sheetNo: 'SF2026-000001',
    visitId: 1,
    clientId: 1,
    consultationSheetId: 1,
    replacesId: null,
    client: { name: '张小丽', archiveNo: 'DA202600001', gender: 'female', age: 36, phone: '13900000001' },
    consultantName: '王静',
    doctorName: '',
    visitDate: '2026-11-23',
    queueNo: 'A001',
    lines: [hyaluronic, anaesthesia],
    sheetDiscount: null,
    roundDown: 'yuan',
    deposits: [{ fen: 50000, note: 'DJ-0001' }],
    note: '',
    ...overrides,
  }
}

/** A confirmed sheet: the lines of newSheet, nets written. */
function confirmed(db: WritableDb): number {
  const id = insertFeeSheet(db, newSheet(), 't1', '王静')
  const sheet = getFeeSheet(db, id)
  if (!sheet) throw new Error('no sheet')
  expect(confirmFeeSheet(db, id, 1, { nets: sheet.totals.lines.map((l) => l.net), totalFen: sheet.totals.total, payableFen: sheet.totals.payable, floorOverride: null }, 't2', '王静')).toBe(true)
  return id
}

describe('migration 0070 (fee sheets)', () => {
  it('adds the tables to a database at 0060 and keeps the rows already there', () => {
    const db = migrated()
    expect(db.pragma('user_version', { simple: true })).toBe(70)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'fee%' ORDER BY name").pluck().all()
    expect(tables).toEqual(['fee_payments', 'fee_sheet_deposits', 'fee_sheet_lines', 'fee_sheets'])
    for (const table of tables as string[]) expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table)).toBe(1)
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['张小丽'])
    expect(db.prepare('SELECT sheet_no FROM consultation_sheets').pluck().all()).toEqual(['ZX2026-000001'])
    expect(db.prepare('SELECT code FROM price_items ORDER BY id').pluck().all()).toEqual(['HA01', 'MZ01'])
  })

  it('stores a sheet and reads it back with its totals worked out from the lines', () => {
    const db = migrated()
    const id = insertFeeSheet(db, newSheet(), 't1', '王静')
    const sheet = getFeeSheet(db, id)
    expect(sheet).toMatchObject({ sheetNo: 'SF2026-000001', status: 'draft', revision: 1, consultationSheetId: 1, replacesId: null, replacedById: null, printCount: 0 })
    expect(sheet?.lines).toEqual([hyaluronic, anaesthesia])
    // 2 × 3800.00 at 85.5% = 6498.00, + 200.00 = 6698.00; round to the yuan changes nothing; 500.00 deposit.
    expect(sheet?.totals).toMatchObject({ subtotal: 780000, lineDiscounts: 110200, total: 669800, deposits: 50000, payable: 619800, paid: 0 })
    expect(sheet?.capitalAmount).toBe('人民币陆仟陆佰玖拾捌元整')
    expect(db.prepare('SELECT discount_kind, discount_value FROM fee_sheet_lines ORDER BY position').all()).toEqual([
      { discount_kind: 'rate', discount_value: 8550 },
      { discount_kind: null, discount_value: null },
    ])
    expect(listFeeSheetsOfDay(db, '2026-11-23')).toEqual([
      { id, sheetNo: 'SF2026-000001', visitId: 1, queueNo: 'A001', clientName: '张小丽', consultantName: '王静', status: 'draft', totalFen: 669800, paidFen: 0, createdAt: 't1' },
    ])
  })

  it('round-trips discounts through their integer columns', () => {
    for (const d of [null, { kind: 'rate' as const, percent: 80 }, { kind: 'rate' as const, percent: 85.55 }, { kind: 'amount' as const, fen: 1234 }]) {
      const { kind, value } = discountToColumns(d)
      expect(columnsToDiscount(kind, value)).toEqual(d)
    }
  })

  it('lets a draft change, with its revision', () => {
    const db = migrated()
    const id = insertFeeSheet(db, newSheet(), 't1', '王静')
    expect(saveFeeDraft(db, id, 1, { lines: [anaesthesia], sheetDiscount: null, roundDown: 'none', deposits: [], note: '改' }, 't2', '王静')).toBe(true)
    expect(saveFeeDraft(db, id, 1, { lines: [], sheetDiscount: null, roundDown: 'none', deposits: [], note: '' }, 't3', '王静')).toBe(false)
    expect(getFeeSheet(db, id)).toMatchObject({ revision: 2, note: '改', lines: [anaesthesia], deposits: [] })
    expect(deleteFeeDraft(db, id, 1)).toBe(false)
    expect(deleteFeeDraft(db, id, 2)).toBe(true)
    expect(db.prepare('SELECT count(*) FROM fee_sheet_lines').pluck().get()).toBe(0)
  })

  it('locks a confirmed sheet in the database itself: lines, deposits, money and the sheet are kept', () => {
    const db = migrated()
    const id = confirmed(db)
    expect(db.prepare('SELECT net_fen FROM fee_sheet_lines WHERE sheet_id = ? ORDER BY position').pluck().all(id)).toEqual([649800, 20000])
    expect(() => db.prepare('UPDATE fee_sheet_lines SET quantity = 1 WHERE sheet_id = ?').run(id)).toThrow(/locked/)
    expect(() => db.prepare('UPDATE fee_sheet_lines SET unit_price_fen = 1 WHERE sheet_id = ?').run(id)).toThrow(/locked/)
    expect(() => db.prepare('DELETE FROM fee_sheet_lines WHERE sheet_id = ?').run(id)).toThrow(/kept/)
    expect(() =>
      db
        .prepare("INSERT INTO fee_sheet_lines (sheet_id, position, item_id, code, name, unit, category, unit_price_fen, quantity) VALUES (?, 9, 2, 'MZ01', '局麻', '次', 'anaesthesia', 1, 1)")
        .run(id),
    ).toThrow(/draft fee sheet only/)
    expect(() => db.prepare('UPDATE fee_sheet_deposits SET fen = 1 WHERE sheet_id = ?').run(id)).toThrow(/locked/)
    expect(() => db.prepare('DELETE FROM fee_sheet_deposits WHERE sheet_id = ?').run(id)).toThrow(/kept/)
    expect(() => db.prepare("INSERT INTO fee_sheet_deposits (sheet_id, position, fen, note) VALUES (?, 5, 100, '')").run(id)).toThrow(/draft fee sheet only/)
    expect(() => db.prepare('UPDATE fee_sheets SET total_fen = 1 WHERE id = ?').run(id)).toThrow(/locked/)
    expect(() => db.prepare("UPDATE fee_sheets SET round_down = 'none' WHERE id = ?").run(id)).toThrow(/locked/)
    expect(() => db.prepare("UPDATE fee_sheets SET client = '{}' WHERE id = ?").run(id)).toThrow(/locked/)
    expect(() => db.prepare('DELETE FROM fee_sheets WHERE id = ?').run(id)).toThrow(/kept/)
    expect(() => db.prepare("UPDATE fee_sheets SET status = 'draft' WHERE id = ?").run(id)).toThrow(/go back/)
    expect(saveFeeDraft(db, id, 2, { lines: [], sheetDiscount: null, roundDown: 'none', deposits: [], note: '' }, 't3', 'x')).toBe(false)
    expect(deleteFeeDraft(db, id, 2)).toBe(false)
    // What may still happen: printing, payment, voiding.
    expect(countFeeSheetPrint(db, id)).toBe(0)
    expect(countFeeSheetPrint(db, id)).toBe(1)
    expect(() => db.prepare("INSERT INTO fee_payments (sheet_id, method, fen, paid_at, paid_by) VALUES (?, 'bitcoin', 1, 't', 'x')").run(id)).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO fee_payments (sheet_id, method, fen, paid_at, paid_by) VALUES (?, 'cash', 0, 't', 'x')").run(id)).toThrow(/CHECK/)
    expect(payFeeSheet(db, id, [{ method: 'wechat', fen: 619800 }], 't4', '前台')).toBe(true)
    expect(() => db.prepare('UPDATE fee_payments SET fen = 1').run()).toThrow(/never changed/)
    expect(() => db.prepare('DELETE FROM fee_payments').run()).toThrow(/never deleted/)
    expect(() => db.prepare('UPDATE fee_sheets SET paid_fen = 1 WHERE id = ?').run(id)).toThrow(/locked/)
    expect(() => db.prepare("INSERT INTO fee_payments (sheet_id, method, fen, paid_at, paid_by) VALUES (?, 'cash', 1, 't', 'x')").run(id)).toThrow(/confirmed fee sheet only/)
    expect(voidFeeSheet(db, id, '开错项目', 't5', '管理员')).toBe(true)
    expect(() => db.prepare("UPDATE fee_sheets SET void_reason = '改' WHERE id = ?").run(id)).toThrow(/locked/)
    expect(() => db.prepare("UPDATE fee_sheets SET status = 'paid' WHERE id = ?").run(id)).toThrow(/go back/)
    expect(getFeeSheet(db, id)).toMatchObject({ status: 'void', voidReason: '开错项目', printCount: 2, paidAt: 't4', lines: [hyaluronic, anaesthesia] })
  })

  it('links a reissued sheet to the one it replaces, once', () => {
    const db = migrated()
    const id = confirmed(db)
    voidFeeSheet(db, id, '更正', 't3', '管理员')
    const next = insertFeeSheet(db, newSheet({ sheetNo: 'SF2026-000002', replacesId: id }), 't4', '管理员')
    expect(getFeeSheet(db, id)?.replacedById).toBe(next)
    expect(getFeeSheet(db, next)?.replacesId).toBe(id)
    expect(() => insertFeeSheet(db, newSheet({ sheetNo: 'SF2026-000003', replacesId: id }), 't5', '管理员')).toThrow(/UNIQUE/)
    expect(() => insertFeeSheet(db, newSheet({ sheetNo: 'SF2026-000002' }), 't5', '管理员')).toThrow(/UNIQUE/)
  })

  it('rejects rows that break the constraints', () => {
    const db = migrated()
    const id = insertFeeSheet(db, newSheet(), 't1', '王静')
    const line = (price: number, quantity: number, kind: string | null, value: number | null) =>
      db
        .prepare(
          `INSERT INTO fee_sheet_lines (sheet_id, position, item_id, code, name, unit, category, unit_price_fen, quantity, discount_kind, discount_value)
           VALUES (?, 7, 2, 'MZ01', '局麻', '次', 'anaesthesia', ?, ?, ?, ?)`,
        )
        .run(id, price, quantity, kind, value)
    expect(() => line(-1, 1, null, null)).toThrow(/CHECK/)
    expect(() => line(1.5, 1, null, null)).toThrow(/cannot store REAL/)
    expect(() => line(100, 0, null, null)).toThrow(/CHECK/)
    expect(() => line(100, 1, 'rate', 10001)).toThrow(/CHECK/)
    expect(() => line(100, 1, 'amount', -1)).toThrow(/CHECK/)
    expect(() => line(100, 1, 'rate', null)).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO fee_sheet_deposits (sheet_id, position, fen) VALUES (?, 3, 0)").run(id)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE fee_sheets SET status = 'paid' WHERE id = ?").run(id)).toThrow(/go back|CHECK/)
    expect(() => db.prepare("UPDATE fee_sheets SET status = 'confirmed' WHERE id = ?").run(id)).toThrow(/CHECK/) // no totals, no confirmer
    expect(() => db.prepare("UPDATE fee_sheets SET print_count = 1 WHERE id = ?").run(id)).toThrow(/CHECK/)
    expect(() => insertFeeSheet(db, newSheet({ sheetNo: 'SF2026-000009', visitId: 99 }), 't', 'x')).toThrow(/FOREIGN KEY/)
  })

  it('finds a visit’s sheets, a sheet number, a day’s sheets and a sheet’s lines through indexes', () => {
    const db = migrated()
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan('SELECT * FROM fee_sheets WHERE visit_id = 1 ORDER BY id')).toContain('USING INDEX fee_sheets_visit')
    expect(plan("SELECT * FROM fee_sheets WHERE sheet_no = 'SF2026-000001'")).toContain('USING INDEX fee_sheets_no')
    expect(plan("SELECT * FROM fee_sheets WHERE visit_date = '2026-11-23' ORDER BY sheet_no")).toContain('USING INDEX fee_sheets_day')
    expect(plan("SELECT id FROM fee_sheets WHERE consultation_sheet_id = 1 AND status = 'draft'")).toContain('USING INDEX fee_sheets_consultation')
    expect(plan('SELECT id FROM fee_sheets WHERE replaces_id = 1')).toContain('fee_sheets_replaces')
    expect(plan('SELECT * FROM fee_sheet_lines WHERE sheet_id = 1 ORDER BY position')).toMatch(/USING INDEX sqlite_autoindex_fee_sheet_lines_1/)
    expect(plan('SELECT * FROM fee_payments WHERE sheet_id = 1 ORDER BY id')).toContain('fee_payments_sheet')
  })
})
