import { createHash } from 'node:crypto'
import type { ImportAdd, ImportChange, ImportedItem } from '../../../core/api/prices.ts'
import { formatFen, type PriceItem } from '../../../core/domain/priceItem.ts'
import { findPriceItemByCode } from '../../../db/priceItems.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { readPriceSheet, SheetError, type SheetRowReject } from './priceSheet.ts'
import { readFirstSheet, XlsxReadError } from './xlsxReader.ts'

/** What an import would do, before translation: the preview shows it and the apply writes it. */
export interface ImportPlan {
  sheetName: string
  add: ImportAdd[]
  change: ImportChange[]
  unchanged: number
  reject: SheetRowReject[]
  /** Of the file's bytes and of this plan: equal hashes mean the same file would write the same rows. */
  hash: string
}

const COMPARED: (keyof ImportedItem)[] = ['name', 'category', 'unit', 'listPriceFen', 'floorPriceFen', 'costFen', 'specialPrice', 'active']

const asImported = (item: PriceItem): ImportedItem => ({
  code: item.code,
  name: item.name,
  category: item.category,
  unit: item.unit,
  listPriceFen: item.listPriceFen,
  floorPriceFen: item.floorPriceFen,
  costFen: item.costFen,
  specialPrice: item.specialPrice,
  active: item.active,
})

/** Reads a workbook and compares it with the price list. Throws XlsxReadError or SheetError for a file it cannot use. */
export function planImport(db: ReadableDb, file: Buffer): ImportPlan {
  const sheet = readPriceSheet(readFirstSheet(file))
  const add: ImportAdd[] = []
  const change: ImportChange[] = []
  const reject = [...sheet.rejects]
  let unchanged = 0

  for (const row of sheet.items) {
    const existing = findPriceItemByCode(db, row.code)
    const before = existing && asImported(existing)
    // An absent column (undefined) keeps what the item has; a new item gets the defaults.
    const after: ImportedItem = {
      code: before?.code ?? row.code,
      name: row.name,
      category: row.category,
      unit: row.unit ?? before?.unit ?? '',
      listPriceFen: row.listPriceFen,
      floorPriceFen: row.floorPriceFen === undefined ? (before?.floorPriceFen ?? null) : row.floorPriceFen,
      costFen: row.costFen === undefined ? (before?.costFen ?? null) : row.costFen,
      specialPrice: row.specialPrice ?? before?.specialPrice ?? false,
      active: row.active ?? before?.active ?? true,
    }
    if (after.floorPriceFen !== null && after.floorPriceFen > after.listPriceFen) {
      reject.push({ row: row.row, code: row.code, reason: { key: 'prices.reject.floorAboveList', params: { floor: formatFen(after.floorPriceFen), price: formatFen(after.listPriceFen) } } })
      continue
    }
    if (!existing || !before) {
      add.push({ row: row.row, item: after })
      continue
    }
    const changed = COMPARED.filter((key) => before[key] !== after[key])
    if (changed.length === 0) unchanged++
    else change.push({ row: row.row, id: existing.id, before, after, changed })
  }
  reject.sort((a, b) => a.row - b.row)

  const hash = createHash('sha256')
    .update(createHash('sha256').update(file).digest('hex'))
    .update(JSON.stringify({ add, change: change.map((c) => [c.id, c.before, c.after]), unchanged, reject }))
    .digest('hex')
  return { sheetName: sheet.sheetName, add, change, unchanged, reject, hash }
}

export { SheetError, XlsxReadError }
