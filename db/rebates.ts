import type { RebateEntry, RebateEntryKind } from '../core/api/rebates.ts'
import type { RebateRates } from '../core/domain/rebateRates.ts'
import { REBATE_FIGURES, type RebateExclusion, type RebateFigures, type RebateLine, type SpecialPriceLine } from '../core/domain/rebateTypes.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** The figures' columns, in REBATE_FIGURES order (linesFen → lines_fen). */
const COLUMN_OF = Object.fromEntries(REBATE_FIGURES.map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])) as Record<keyof RebateFigures, string>

export interface Commission {
  commissionFen: number
  referrerFen: number
  salespersonFen: number
}

/** An entry as it is booked; never changed afterwards (the table's triggers refuse it). */
export interface NewRebateEntry {
  period: string
  kind: RebateEntryKind
  reversal: boolean
  reversesPeriod: string | null
  feeSheetId: number
  clientId: number
  storeId: number | null
  salespersonId: number
  referrerId: number | null
  figures: RebateFigures
  commission: Commission
  lines: RebateLine[]
  exclusions: RebateExclusion[]
  specialPriceLines: SpecialPriceLine[]
  rates: RebateRates
  bookedAt: string
  bookedByName: string
}

/** A sheet's booked entry with what a reversal needs besides the API's view. */
export interface StoredEntry extends RebateEntry {
  specialPriceLines: SpecialPriceLine[]
  rates: RebateRates
  clientId: number
}

interface EntryRow extends Record<string, unknown> {
  id: number
  period: string
  kind: RebateEntryKind
  reversal: 0 | 1
  reverses_period: string | null
  fee_sheet_id: number
  client_id: number
  store_id: number | null
  salesperson_id: number
  referrer_id: number | null
  commission_fen: number
  referrer_fen: number
  salesperson_fen: number
  lines: string
  exclusions: string
  special_lines: string
  rates: string
  booked_at: string
  sheet_no: string
  visit_date: string
  client_name: string | null
  store_name: string | null
  salesperson_name: string
  referrer_name: string | null
}

const SELECT = `
  SELECT e.*, f.sheet_no, f.visit_date, json_extract(f.client, '$.name') AS client_name, s.name AS store_name,
         sp.name AS salesperson_name, r.name AS referrer_name
  FROM rebate_entries e
  JOIN fee_sheets f ON f.id = e.fee_sheet_id
  JOIN staff sp ON sp.id = e.salesperson_id
  LEFT JOIN partner_stores s ON s.id = e.store_id
  LEFT JOIN staff r ON r.id = e.referrer_id`

function rowToEntry(row: EntryRow): StoredEntry {
  const figures = Object.fromEntries(REBATE_FIGURES.map((f) => [f, row[COLUMN_OF[f]] as number])) as RebateFigures
  return {
    id: row.id,
    period: row.period,
    kind: row.kind,
    reversal: row.reversal === 1,
    reversesPeriod: row.reverses_period,
    feeSheetId: row.fee_sheet_id,
    sheetNo: row.sheet_no,
    clientId: row.client_id,
    clientName: row.client_name ?? '',
    visitDate: row.visit_date,
    storeId: row.store_id,
    storeName: row.store_name ?? '',
    salespersonId: row.salesperson_id,
    salespersonName: row.salesperson_name,
    referrerId: row.referrer_id,
    referrerName: row.referrer_name ?? '',
    bookedAt: row.booked_at,
    ...figures,
    lines: JSON.parse(row.lines) as RebateLine[],
    exclusions: JSON.parse(row.exclusions) as RebateExclusion[],
    specialPriceLines: JSON.parse(row.special_lines) as SpecialPriceLine[],
    rates: JSON.parse(row.rates) as RebateRates,
    commissionFen: row.commission_fen,
    referrerFen: row.referrer_fen,
    salespersonFen: row.salesperson_fen,
  }
}

/** The API's view of an entry: what only a reversal needs is left out. */
export function publicEntry(entry: StoredEntry): RebateEntry {
  const { specialPriceLines: _special, rates: _rates, clientId: _client, ...rest } = entry
  return rest
}

export function insertRebateEntry(db: WritableDb, e: NewRebateEntry): number {
  const figureColumns = REBATE_FIGURES.map((f) => COLUMN_OF[f])
  const sql = `INSERT INTO rebate_entries (period, kind, reversal, reverses_period, fee_sheet_id, client_id, store_id, salesperson_id, referrer_id,
      ${figureColumns.join(', ')}, commission_fen, referrer_fen, salesperson_fen, lines, exclusions, special_lines, rates, booked_at, booked_by_name)
    VALUES (@period, @kind, @reversal, @reversesPeriod, @feeSheetId, @clientId, @storeId, @salespersonId, @referrerId,
      ${REBATE_FIGURES.map((f) => `@${f}`).join(', ')}, @commissionFen, @referrerFen, @salespersonFen, @lines, @exclusions, @specialLines, @rates, @bookedAt, @bookedByName)`
  const result = stmt(db, sql).run({
    period: e.period,
    kind: e.kind,
    reversal: e.reversal ? 1 : 0,
    reversesPeriod: e.reversesPeriod,
    feeSheetId: e.feeSheetId,
    clientId: e.clientId,
    storeId: e.storeId,
    salespersonId: e.salespersonId,
    referrerId: e.referrerId,
    ...e.figures,
    ...e.commission,
    lines: JSON.stringify(e.lines),
    exclusions: JSON.stringify(e.exclusions),
    specialLines: JSON.stringify(e.specialPriceLines),
    rates: JSON.stringify(e.rates),
    bookedAt: e.bookedAt,
    bookedByName: e.bookedByName,
  })
  return Number(result.lastInsertRowid)
}

/** Every entry of a fee sheet, oldest first. */
export function entriesOfSheet(db: ReadableDb, feeSheetId: number): StoredEntry[] {
  return (stmt(db, `${SELECT} WHERE e.fee_sheet_id = ? ORDER BY e.id`).all(feeSheetId) as EntryRow[]).map(rowToEntry)
}

export interface EntryScope {
  storeId?: number | undefined
  salespersonId?: number | undefined
}

/** A month's entries in booking order; a store's scope holds its store rebates only. */
export function entriesOfPeriod(db: ReadableDb, period: string, scope: EntryScope): StoredEntry[] {
  const rows = stmt(db,
    `${SELECT}
     WHERE e.period = @period AND (@storeId IS NULL OR e.store_id = @storeId) AND (@salespersonId IS NULL OR e.salesperson_id = @salespersonId)
     ORDER BY e.id`,
  ).all({ period, storeId: scope.storeId ?? null, salespersonId: scope.salespersonId ?? null }) as EntryRow[]
  return rows.map(rowToEntry)
}

export interface PeriodSums {
  period: string
  entryCount: number
  shareFen: number
  commissionFen: number
}

/** Per month with entries (of one salesperson, or all): how many, the stores' share and the commissions. */
export function periodSums(db: ReadableDb, salespersonId: number | undefined): PeriodSums[] {
  return stmt(db,
    `SELECT period, count(*) AS entryCount,
            coalesce(sum(CASE WHEN kind = 'store_rebate' THEN store_share_fen END), 0) AS shareFen,
            coalesce(sum(commission_fen), 0) AS commissionFen
     FROM rebate_entries WHERE (@salespersonId IS NULL OR salesperson_id = @salespersonId)
     GROUP BY period ORDER BY period DESC`,
  ).all({ salespersonId: salespersonId ?? null }) as PeriodSums[]
}
