import {
  hasNul,
  PRICE_CODE_PATTERN,
  PRICE_LIMITS,
  parsePriceCategory,
  parseYuanToFen,
  yuanNumberToFen,
  type PriceCategory,
  type YuanParse,
} from '../../../core/domain/priceItem.ts'
import type { CellValue, SheetRow, XlsxSheet } from './xlsxReader.ts'

/** The workbook's columns. Headers are matched in Chinese or English, with or without "(元)". */
export const IMPORT_COLUMNS = ['code', 'name', 'category', 'unit', 'listPrice', 'floorPrice', 'cost', 'active', 'specialPrice'] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['code', 'name', 'category', 'listPrice']

/** The headers written on export (the first name of each column below). */
export const EXPORT_HEADERS: Record<ImportColumn, string> = {
  code: '编码',
  name: '名称',
  category: '类别',
  unit: '单位',
  listPrice: '价格(元)',
  floorPrice: '最低价(元)',
  cost: '成本(元)',
  active: '启用',
  specialPrice: '特价微整',
}

const HEADER_NAMES: Record<ImportColumn, string[]> = {
  code: ['编码', '项目编码', '代码', '编号', 'code', 'itemcode'],
  name: ['名称', '项目名称', '品名', '项目', 'name', 'itemname'],
  category: ['类别', '分类', '类型', '项目类别', 'category', 'type'],
  unit: ['单位', 'unit'],
  listPrice: ['价格', '单价', '标准价', '价目', '售价', 'price', 'listprice', 'unitprice'],
  floorPrice: ['最低价', '底价', '最低价格', 'floor', 'floorprice', 'minimumprice', 'minprice'],
  cost: ['成本', '成本价', 'cost', 'costprice'],
  active: ['启用', '是否启用', '状态', 'active', 'enabled'],
  specialPrice: ['特价微整', '特价', '是否特价', 'specialprice', 'special'],
}

const foldHeader = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((?:元|yuan|¥|rmb|cny|fen)\)/g, '')
    .replace(/[\s_*:]+/g, '')

function columnOfHeader(text: string): ImportColumn | undefined {
  const key = foldHeader(text)
  return IMPORT_COLUMNS.find((column) => HEADER_NAMES[column].includes(key))
}

/** A refusal of a whole file (no rows can be read), or of one row. Keys live in core/i18n/priceMessages.ts. */
export interface Reason {
  key: string
  params: Record<string, string | number>
  /** A column named in the message; translated as `prices.column.<column>`. */
  column?: ImportColumn
}

export class SheetError extends Error {
  readonly reason: Reason
  constructor(reason: Reason) {
    super(reason.key)
    this.name = 'SheetError'
    this.reason = reason
  }
}

/** A row that passed every check of its own: what the file says, `undefined` where its column is absent. */
export interface SheetItem {
  row: number
  code: string
  name: string
  category: PriceCategory
  listPriceFen: number
  unit: string | undefined
  floorPriceFen: number | null | undefined
  costFen: number | null | undefined
  /** Undefined when the column is absent or the cell empty: new items are active, existing ones stay as they are. */
  active: boolean | undefined
  /** Undefined when the column is absent or the cell empty: new items are not special-price, existing ones stay as they are. */
  specialPrice: boolean | undefined
}

export interface SheetRowReject {
  row: number
  code: string
  reason: Reason
}

export interface ReadSheet {
  sheetName: string
  items: SheetItem[]
  rejects: SheetRowReject[]
}

class RowProblem extends Error {
  readonly reason: Reason
  constructor(key: string, params: Record<string, string | number> = {}, column?: ImportColumn) {
    super(key)
    this.reason = column ? { key, params, column } : { key, params }
  }
}

function cellText(cell: CellValue | undefined, column: ImportColumn): string {
  if (!cell) return ''
  switch (cell.kind) {
    case 'text':
      return cell.text.normalize('NFC').trim()
    case 'number':
      return cell.text.includes('E') || cell.text.includes('e') ? String(cell.value) : cell.text
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE'
    case 'error':
      throw new RowProblem('prices.reject.cellError', { value: cell.text }, column)
  }
}

function money(cell: CellValue | undefined, column: ImportColumn): number | null {
  if (cell?.kind === 'error') throw new RowProblem('prices.reject.cellError', { value: cell.text }, column)
  let parsed: YuanParse
  if (cell?.kind === 'number') parsed = yuanNumberToFen(cell.value)
  else {
    const text = cellText(cell, column)
    if (text === '') return null
    parsed = parseYuanToFen(text)
  }
  if (parsed.ok) return parsed.fen
  const shown = cell?.kind === 'number' ? cell.text : cellText(cell, column)
  if (parsed.reason === 'negative') throw new RowProblem('prices.reject.moneyNegative', { value: shown }, column)
  if (parsed.reason === 'too_large') throw new RowProblem('prices.reject.moneyTooLarge', { value: shown }, column)
  if (parsed.reason === 'too_many_decimals') throw new RowProblem('prices.reject.moneyDecimals', { value: shown }, column)
  throw new RowProblem('prices.reject.moneyNotNumber', { value: shown }, column)
}

const YES = new Set(['是', '启用', '在用', '有效', 'y', 'yes', 'true', '1', '√', '✓', '✔'])
const NO = new Set(['否', '停用', '禁用', '无效', 'n', 'no', 'false', '0', '×', '✗', '✘'])

function yesNo(cell: CellValue | undefined, column: 'active' | 'specialPrice'): boolean | undefined {
  if (!cell) return undefined
  if (cell.kind === 'bool') return cell.value
  const text = cellText(cell, column).normalize('NFKC').toLowerCase()
  if (text === '') return undefined
  if (YES.has(text) || (column === 'specialPrice' && text === '特价')) return true
  if (NO.has(text)) return false
  throw new RowProblem(column === 'active' ? 'prices.reject.activeUnknown' : 'prices.reject.specialUnknown', { value: text }, column)
}

type Columns = Partial<Record<ImportColumn, number>>

function readRow(row: SheetRow, columns: Columns): SheetItem {
  const cell = (column: ImportColumn) => (columns[column] === undefined ? undefined : row.cells.get(columns[column]))
  const has = (column: ImportColumn) => columns[column] !== undefined

  const code = cellText(cell('code'), 'code')
  if (code === '') throw new RowProblem('prices.reject.codeMissing')
  if (code.length > PRICE_LIMITS.code) throw new RowProblem('prices.reject.codeTooLong', { code: code.slice(0, 40), max: PRICE_LIMITS.code })
  if (!PRICE_CODE_PATTERN.test(code)) throw new RowProblem('prices.reject.codeInvalid', { code: code.slice(0, 40) })

  const name = cellText(cell('name'), 'name').replace(/\s+/g, ' ')
  if (name === '') throw new RowProblem('prices.reject.nameMissing')
  if (name.length > PRICE_LIMITS.name) throw new RowProblem('prices.reject.nameTooLong', { max: PRICE_LIMITS.name })
  // Excel writes a NUL as `_x0000_`, which reads back as the character itself.
  if (hasNul(name)) throw new RowProblem('prices.reject.nameNul')

  const categoryText = cellText(cell('category'), 'category')
  if (categoryText === '') throw new RowProblem('prices.reject.categoryMissing')
  const category = parsePriceCategory(categoryText)
  if (!category) throw new RowProblem('prices.reject.categoryUnknown', { value: categoryText.slice(0, 30) })

  const unit = has('unit') ? cellText(cell('unit'), 'unit') : undefined
  if (unit !== undefined && unit.length > PRICE_LIMITS.unit) throw new RowProblem('prices.reject.unitTooLong', { max: PRICE_LIMITS.unit })

  const listPriceFen = money(cell('listPrice'), 'listPrice')
  if (listPriceFen === null) throw new RowProblem('prices.reject.priceMissing')
  const floorPriceFen = has('floorPrice') ? money(cell('floorPrice'), 'floorPrice') : undefined
  const costFen = has('cost') ? money(cell('cost'), 'cost') : undefined
  const active = has('active') ? yesNo(cell('active'), 'active') : undefined
  const specialPrice = has('specialPrice') ? yesNo(cell('specialPrice'), 'specialPrice') : undefined

  return { row: row.row, code, name, category, listPriceFen, unit, floorPriceFen, costFen, active, specialPrice }
}

function findHeader(rows: SheetRow[]): { index: number; columns: Columns } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns: Columns = {}
    for (const [index, value] of [...(rows[i]?.cells ?? [])].sort(([a], [b]) => a - b)) {
      if (value.kind !== 'text') continue
      const column = columnOfHeader(value.text)
      if (column && columns[column] === undefined) columns[column] = index
    }
    if (columns.code !== undefined && columns.name !== undefined) {
      const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined)
      if (missing.length > 0) throw new SheetError({ key: 'prices.import.missingColumns', params: { columns: missing.map((c) => EXPORT_HEADERS[c]).join('、') } })
      return { index: i, columns }
    }
  }
  throw new SheetError({ key: 'prices.import.noHeader', params: { columns: REQUIRED_COLUMNS.map((c) => EXPORT_HEADERS[c]).join('、') } })
}

const isBlank = (row: SheetRow) => [...row.cells.values()].every((c) => c.kind === 'text' && c.text.trim() === '')

/**
 * The items of a price-list sheet, each row checked on its own; a row that fails is kept aside with its
 * Excel row number and the reason. Codes repeated in the file (letter case aside) reject every such row.
 */
export function readPriceSheet(sheet: XlsxSheet): ReadSheet {
  const { index, columns } = findHeader(sheet.rows)
  const body = sheet.rows.slice(index + 1).filter((row) => !isBlank(row))
  if (body.length === 0) throw new SheetError({ key: 'prices.import.noRows', params: {} })

  const rowsByCode = new Map<string, number[]>()
  const codes = body.map((row) => {
    let code = ''
    try {
      code = cellText(columns.code === undefined ? undefined : row.cells.get(columns.code), 'code')
    } catch {
      // reported by readRow
    }
    if (code !== '') rowsByCode.set(code.toLowerCase(), [...(rowsByCode.get(code.toLowerCase()) ?? []), row.row])
    return code
  })

  const items: SheetItem[] = []
  const rejects: SheetRowReject[] = []
  body.forEach((row, i) => {
    const code = codes[i] ?? ''
    const same = rowsByCode.get(code.toLowerCase()) ?? []
    if (same.length > 1) {
      rejects.push({ row: row.row, code, reason: { key: 'prices.reject.duplicateCode', params: { code, rows: same.join(',') } } })
      return
    }
    try {
      items.push(readRow(row, columns))
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error
      rejects.push({ row: row.row, code: code.slice(0, 40), reason: error.reason })
    }
  })
  return { sheetName: sheet.name, items, rejects }
}
