import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import { migration0050 } from '../../db/migrations/0050-price-list.ts'
import { findPriceItemByCode, insertPriceItem, listPriceItems } from '../../db/priceItems.ts'
import { insertStaff } from '../../db/staff.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

function at40(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  runMigrations(db, upTo(40))
  return db
}

const item = { code: 'ZS-001', name: '玻尿酸注射', category: 'treatment' as const, unit: '支', listPriceFen: 128000, floorPriceFen: 102400, costFen: null, specialPrice: false }

const insertRaw = (db: WritableDb, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO price_items (code, name, name_pinyin, name_initials, category, unit, list_price_fen, floor_price_fen, cost_fen, active, created_at, updated_at)
       VALUES (@code, @name, '', '', @category, '', @list, @floor, @cost, @active, 't', 't')`,
    )
    .run({ code: 'X1', name: 'x', category: 'medicine', list: 100, floor: null, cost: null, active: 1, ...values })

describe('migration 0050 (price list)', () => {
  it('adds price_items to a database at 40 and keeps what was there', () => {
    const db = at40()
    insertStaff(db, { name: '王静', role: 'consultant', phone: '', room: '', skills: [] }, 't')
    expect(migration0050.version).toBe(50)
    runMigrations(db, upTo(50))
    expect(db.pragma('user_version', { simple: true })).toBe(50)
    expect(db.prepare('SELECT name FROM staff').pluck().all()).toEqual(['王静'])
    const columns = db.prepare("SELECT name FROM pragma_table_info('price_items')").pluck().all()
    expect(columns).toEqual([
      'id', 'code', 'name', 'name_pinyin', 'name_initials', 'category', 'unit', 'list_price_fen', 'floor_price_fen', 'cost_fen', 'active', 'created_at', 'updated_at',
    ])
  })

  // db/priceItems.ts writes today's columns, so the checks through it run on the latest schema.
  it('keeps codes unique without regard to letter case', () => {
    const db = at40()
    runMigrations(db, MIGRATIONS)
    insertPriceItem(db, item, true, 't')
    expect(() => insertPriceItem(db, { ...item, code: 'zs-001' }, true, 't')).toThrow(/UNIQUE/)
    expect(findPriceItemByCode(db, 'zS-001')?.name).toBe('玻尿酸注射')
  })

  it('refuses rows that break the CHECK constraints', () => {
    const db = at40()
    runMigrations(db, upTo(50))
    expect(() => insertRaw(db, { category: 'surgery' })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { list: -1 })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { list: 100, floor: 101 })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { floor: -1 })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { cost: -5 })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { active: 2 })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { code: '' })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { code: ' X1' })).toThrow(/CHECK/)
    expect(() => insertRaw(db, { list: 1.5 })).toThrow(/INTEGER|datatype/i)
    insertRaw(db, { list: 100, floor: 100, cost: 0 })
    expect(db.prepare('SELECT count(*) FROM price_items').pluck().get()).toBe(1)
  })

  it('looks a code up through its index, and searches by pinyin initials', () => {
    const db = at40()
    runMigrations(db, MIGRATIONS)
    for (let i = 0; i < 50; i++) insertPriceItem(db, { ...item, code: `C${i}`, name: i === 7 ? '水光针' : `项目${i}` }, true, 't')
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM price_items WHERE code = 'c7'").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX price_items_code \(code=\?\)/)
    expect(listPriceItems(db, { query: 'sgz', includeInactive: false }).map((p) => p.code)).toEqual(['C7'])
    expect(listPriceItems(db, { query: 'shuiguang', includeInactive: false }).map((p) => p.code)).toEqual(['C7'])
    expect(listPriceItems(db, { query: '%', includeInactive: false })).toEqual([])
  })
})
