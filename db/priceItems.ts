import { nameSearchKeys } from '../core/domain/nameKeys.ts'
import type { ServiceCategory } from '../core/domain/categories.ts'
import type { PriceCategory, PriceClassification, PriceItem, PriceItemFields } from '../core/domain/priceItem.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface PriceItemRow {
  id: number
  code: string
  name: string
  name_pinyin: string
  name_initials: string
  category: PriceCategory
  unit: string
  list_price_fen: number
  floor_price_fen: number | null
  cost_fen: number | null
  special_price: 0 | 1
  service_category: ServiceCategory | null
  invasive: 0 | 1
  active: 0 | 1
  created_at: string
  updated_at: string
}

export interface PriceItemFilter {
  query?: string | undefined
  category?: PriceCategory | undefined
  includeInactive: boolean
}

function rowToPriceItem(row: PriceItemRow): PriceItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    unit: row.unit,
    listPriceFen: row.list_price_fen,
    floorPriceFen: row.floor_price_fen,
    costFen: row.cost_fen,
    specialPrice: row.special_price === 1,
    serviceCategory: row.service_category,
    invasive: row.invasive === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function fieldsToRow(fields: PriceItemFields) {
  const keys = nameSearchKeys(fields.name)
  return {
    code: fields.code,
    name: fields.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    category: fields.category,
    unit: fields.unit,
    list_price_fen: fields.listPriceFen,
    floor_price_fen: fields.floorPriceFen,
    cost_fen: fields.costFen,
    special_price: fields.specialPrice ? 1 : 0,
  }
}

/** `x LIKE p ESCAPE '\'` must not read the searcher's % or _ as wildcards. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Items in code order. A query matches a code or a name anywhere in it, or the start of the name's pinyin
 * or its initials ("sgz" or "shuiguang" finds 水光针). A clinic has hundreds of items, so a scan is fine.
 */
export function listPriceItems(db: ReadableDb, filter: PriceItemFilter): PriceItem[] {
  const query = filter.query?.trim() ?? ''
  const letters = query.toLowerCase().replace(/\s+/g, '')
  const rows = stmt(db,
      `SELECT * FROM price_items
       WHERE (@includeInactive = 1 OR active = 1)
         AND (@category IS NULL OR category = @category)
         AND (@query = '' OR code LIKE @contains ESCAPE '\\' OR instr(lower(name), lower(@query)) > 0
              OR (@letters <> '' AND (name_initials LIKE @prefix ESCAPE '\\' OR name_pinyin LIKE @prefix ESCAPE '\\')))
       ORDER BY code COLLATE NOCASE, id`,
    )
    .all({
      includeInactive: filter.includeInactive ? 1 : 0,
      category: filter.category ?? null,
      query,
      contains: `%${likeEscape(query)}%`,
      letters: /^[a-z]+$/.test(letters) ? letters : '',
      prefix: `${likeEscape(letters)}%`,
    }) as PriceItemRow[]
  return rows.map(rowToPriceItem)
}

/** Every item, active or not, in code order: for export and import. */
export function allPriceItems(db: ReadableDb): PriceItem[] {
  return (stmt(db, 'SELECT * FROM price_items ORDER BY code COLLATE NOCASE, id').all() as PriceItemRow[]).map(rowToPriceItem)
}

export function getPriceItem(db: ReadableDb, id: number): PriceItem | undefined {
  const row = stmt(db, 'SELECT * FROM price_items WHERE id = ?').get(id) as PriceItemRow | undefined
  return row && rowToPriceItem(row)
}

/** The item with this code, whatever the letter case (the column and its unique index are NOCASE). */
export function findPriceItemByCode(db: ReadableDb, code: string): PriceItem | undefined {
  const row = stmt(db, 'SELECT * FROM price_items WHERE code = ?').get(code) as PriceItemRow | undefined
  return row && rowToPriceItem(row)
}

/** The classification's columns; `keep` 1 when it was not given (the import), so an update leaves it as it is. */
function classificationToRow(c: Partial<PriceClassification>) {
  const given = c.serviceCategory !== undefined || c.invasive !== undefined
  return { keep: given ? 0 : 1, service_category: c.serviceCategory ?? null, invasive: c.invasive ? 1 : 0 }
}

export function insertPriceItem(db: WritableDb, fields: PriceItemFields & Partial<PriceClassification>, active: boolean, now: string): PriceItem {
  const result = stmt(db,
      `INSERT INTO price_items (code, name, name_pinyin, name_initials, category, unit, list_price_fen, floor_price_fen,
         cost_fen, special_price, service_category, invasive, active, created_at, updated_at)
       VALUES (@code, @name, @name_pinyin, @name_initials, @category, @unit, @list_price_fen, @floor_price_fen,
         @cost_fen, @special_price, @service_category, @invasive, @active, @now, @now)`,
    )
    .run({ ...fieldsToRow(fields), ...classificationToRow(fields), active: active ? 1 : 0, now })
  return getPriceItem(db, Number(result.lastInsertRowid)) as PriceItem
}

export function updatePriceItem(db: WritableDb, id: number, fields: PriceItemFields & Partial<PriceClassification>, active: boolean, now: string): PriceItem | undefined {
  stmt(db,
    `UPDATE price_items SET code = @code, name = @name, name_pinyin = @name_pinyin, name_initials = @name_initials,
       category = @category, unit = @unit, list_price_fen = @list_price_fen, floor_price_fen = @floor_price_fen,
       cost_fen = @cost_fen, special_price = @special_price,
       service_category = CASE WHEN @keep = 1 THEN service_category ELSE @service_category END,
       invasive = CASE WHEN @keep = 1 THEN invasive ELSE @invasive END,
       active = @active, updated_at = @now
     WHERE id = @id`,
  ).run({ ...fieldsToRow(fields), ...classificationToRow(fields), active: active ? 1 : 0, now, id })
  return getPriceItem(db, id)
}

export function setPriceItemActive(db: WritableDb, id: number, active: boolean, now: string): PriceItem | undefined {
  stmt(db, 'UPDATE price_items SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, now, id)
  return getPriceItem(db, id)
}
