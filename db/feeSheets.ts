import type {
  FeeDeposit,
  FeePayment,
  FeeSheet,
  FeeSheetClient,
  FeeSheetStatus,
  FeeSheetSummary,
  FloorOverride,
} from '../core/domain/feeSheet.ts'
import { sheetTotals, type Discount, type FeeCategory, type FeeLine, type PaymentMethod, type RoundDown } from '../core/fees/index.ts'
import { capitalAmount } from '../core/money/capital.ts'
import { percentToBasisPoints } from '../core/money/fen.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

// ---------------------------------------------------------------------------------------------------
// Rows and mappers
// ---------------------------------------------------------------------------------------------------

type DiscountKind = 'rate' | 'amount'

interface FeeSheetRow {
  id: number
  sheet_no: string
  visit_id: number
  client_id: number
  consultation_sheet_id: number | null
  replaces_id: number | null
  replaced_by_id: number | null
  status: FeeSheetStatus
  revision: number
  client: string
  consultant_name: string
  doctor_name: string
  visit_date: string
  queue_no: string
  sheet_discount_kind: DiscountKind | null
  sheet_discount_value: number | null
  round_down: RoundDown
  note: string
  total_fen: number | null
  payable_fen: number | null
  paid_fen: number | null
  floor_override_by: string | null
  floor_override_at: string | null
  floor_override_reason: string | null
  confirmed_at: string | null
  confirmed_by: string | null
  paid_at: string | null
  paid_by: string | null
  voided_at: string | null
  voided_by: string | null
  void_reason: string | null
  print_count: number
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
}

interface FeeLineRow {
  id: number
  sheet_id: number
  position: number
  item_id: number
  code: string
  name: string
  unit: string
  category: FeeCategory
  unit_price_fen: number
  floor_price_fen: number | null
  quantity: number
  discount_kind: DiscountKind | null
  discount_value: number | null
  net_fen: number | null
}

interface FeeDepositRow {
  fen: number
  note: string
}

interface FeePaymentRow {
  method: PaymentMethod
  fen: number
  paid_at: string
  paid_by: string
}

/** A discount as stored: a rate in basis points (8折 = 8000), an amount in fen. */
export function discountToColumns(discount: Discount | null): { kind: DiscountKind | null; value: number | null } {
  if (discount === null) return { kind: null, value: null }
  return discount.kind === 'rate' ? { kind: 'rate', value: percentToBasisPoints(discount.percent) } : { kind: 'amount', value: discount.fen }
}

export function columnsToDiscount(kind: DiscountKind | null, value: number | null): Discount | null {
  if (kind === null || value === null) return null
  return kind === 'rate' ? { kind: 'rate', percent: value / 100 } : { kind: 'amount', fen: value }
}

function rowToLine(row: FeeLineRow): FeeLine {
  return {
    itemId: row.item_id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    category: row.category,
    unitPrice: row.unit_price_fen,
    floorPrice: row.floor_price_fen,
    quantity: row.quantity,
    discount: columnsToDiscount(row.discount_kind, row.discount_value),
  }
}

function rowToPayment(row: FeePaymentRow): FeePayment {
  return { method: row.method, fen: row.fen, at: row.paid_at, by: row.paid_by }
}

/** Thrown when stored figures do not add up: the database was changed behind the application's back. */
export class FeeSheetCorruptError extends Error {
  constructor(sheetNo: string, detail: string) {
    super(`fee sheet ${sheetNo}: ${detail}`)
    this.name = 'FeeSheetCorruptError'
  }
}

function rowToSheet(db: ReadableDb, row: FeeSheetRow): FeeSheet {
  const lines = (stmt(db, 'SELECT * FROM fee_sheet_lines WHERE sheet_id = ? ORDER BY position').all(row.id) as FeeLineRow[]).map(rowToLine)
  const deposits = (stmt(db, 'SELECT fen, note FROM fee_sheet_deposits WHERE sheet_id = ? ORDER BY position').all(row.id) as FeeDepositRow[]).map(
    (d): FeeDeposit => ({ fen: d.fen, note: d.note }),
  )
  const payments = (stmt(db, 'SELECT method, fen, paid_at, paid_by FROM fee_payments WHERE sheet_id = ? ORDER BY id').all(row.id) as FeePaymentRow[]).map(
    rowToPayment,
  )
  const sheetDiscount = columnsToDiscount(row.sheet_discount_kind, row.sheet_discount_value)
  const computed = sheetTotals({ lines, sheetDiscount, roundDown: row.round_down, deposits: deposits.map((d) => d.fen), payments })
  if (!computed.ok) throw new FeeSheetCorruptError(row.sheet_no, computed.errors.map((e) => e.code).join(', '))
  const totals = computed.value
  if (row.total_fen !== null && row.total_fen !== totals.total) throw new FeeSheetCorruptError(row.sheet_no, `stored total ${row.total_fen} ≠ ${totals.total}`)
  const floorOverride: FloorOverride | null =
    row.floor_override_by === null ? null : { by: row.floor_override_by, at: row.floor_override_at ?? '', reason: row.floor_override_reason ?? '' }
  return {
    id: row.id,
    sheetNo: row.sheet_no,
    visitId: row.visit_id,
    clientId: row.client_id,
    consultationSheetId: row.consultation_sheet_id,
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    status: row.status,
    revision: row.revision,
    client: JSON.parse(row.client) as FeeSheetClient,
    consultantName: row.consultant_name,
    doctorName: row.doctor_name,
    visitDate: row.visit_date,
    queueNo: row.queue_no,
    lines,
    sheetDiscount,
    roundDown: row.round_down,
    deposits,
    payments,
    note: row.note,
    totals,
    capitalAmount: capitalAmount(totals.total, { prefix: true }),
    floorOverride,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    paidAt: row.paid_at,
    paidBy: row.paid_by,
    voidedAt: row.voided_at,
    voidedBy: row.voided_by,
    voidReason: row.void_reason,
    printCount: row.print_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}

const SHEETS = `SELECT s.*, (SELECT r.id FROM fee_sheets r WHERE r.replaces_id = s.id) AS replaced_by_id FROM fee_sheets s`

// ---------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------

export function getFeeSheet(db: ReadableDb, id: number): FeeSheet | undefined {
  const row = stmt(db, `${SHEETS} WHERE s.id = ?`).get(id) as FeeSheetRow | undefined
  return row && rowToSheet(db, row)
}

/** The visit's sheets, oldest first. */
export function feeSheetsOfVisit(db: ReadableDb, visitId: number): FeeSheet[] {
  return (stmt(db, `${SHEETS} WHERE s.visit_id = ? ORDER BY s.id`).all(visitId) as FeeSheetRow[]).map((row) => rowToSheet(db, row))
}

/**
 * The sheets of the visits of a day, in number order. Totals are worked out from the lines (a draft has no
 * cached total); a day has at most a few hundred sheets, so reading each is cheap.
 */
export function listFeeSheetsOfDay(db: ReadableDb, date: string): FeeSheetSummary[] {
  const rows = stmt(db, `${SHEETS} WHERE s.visit_date = ? ORDER BY s.sheet_no`).all(date) as FeeSheetRow[]
  return rows.map((row) => {
    const sheet = rowToSheet(db, row)
    return {
      id: sheet.id,
      sheetNo: sheet.sheetNo,
      visitId: sheet.visitId,
      queueNo: sheet.queueNo,
      clientName: sheet.client.name,
      consultantName: sheet.consultantName,
      status: sheet.status,
      totalFen: sheet.totals.total,
      paidFen: sheet.totals.paid,
      createdAt: sheet.createdAt,
    }
  })
}

/** The id of the draft made from this consultation sheet (version), if there is one. */
export function draftOfConsultation(db: ReadableDb, consultationSheetId: number): number | undefined {
  return pluckStmt(db, "SELECT id FROM fee_sheets WHERE consultation_sheet_id = ? AND status = 'draft' ORDER BY id LIMIT 1").get(consultationSheetId) as
    | number
    | undefined
}

// ---------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------

/** What a draft holds that saveDraft replaces as a whole. */
export interface FeeDraftContent {
  lines: readonly FeeLine[]
  sheetDiscount: Discount | null
  roundDown: RoundDown
  deposits: readonly FeeDeposit[]
  note: string
}

export interface NewFeeSheet extends FeeDraftContent {
  sheetNo: string
  visitId: number
  clientId: number
  consultationSheetId: number | null
  replacesId: number | null
  client: FeeSheetClient
  consultantName: string
  doctorName: string
  visitDate: string
  queueNo: string
}

function insertContent(db: WritableDb, sheetId: number, content: FeeDraftContent): void {
  const line = stmt(db,
    `INSERT INTO fee_sheet_lines (sheet_id, position, item_id, code, name, unit, category, unit_price_fen, floor_price_fen, quantity, discount_kind, discount_value)
     VALUES (@sheetId, @position, @itemId, @code, @name, @unit, @category, @unitPrice, @floorPrice, @quantity, @discountKind, @discountValue)`,
  )
  content.lines.forEach((l, position) => {
    const { kind, value } = discountToColumns(l.discount)
    line.run({
      sheetId,
      position,
      itemId: l.itemId,
      code: l.code,
      name: l.name,
      unit: l.unit,
      category: l.category,
      unitPrice: l.unitPrice,
      floorPrice: l.floorPrice,
      quantity: l.quantity,
      discountKind: kind,
      discountValue: value,
    })
  })
  const deposit = stmt(db, 'INSERT INTO fee_sheet_deposits (sheet_id, position, fen, note) VALUES (?, ?, ?, ?)')
  content.deposits.forEach((d, position) => deposit.run(sheetId, position, d.fen, d.note))
}

function clearContent(db: WritableDb, sheetId: number): void {
  stmt(db, 'DELETE FROM fee_sheet_lines WHERE sheet_id = ?').run(sheetId)
  stmt(db, 'DELETE FROM fee_sheet_deposits WHERE sheet_id = ?').run(sheetId)
}

/** A new draft with its lines and deposits; returns its id. */
export function insertFeeSheet(db: WritableDb, sheet: NewFeeSheet, now: string, actor: string): number {
  const { kind, value } = discountToColumns(sheet.sheetDiscount)
  const result = stmt(db,
    `INSERT INTO fee_sheets (sheet_no, visit_id, client_id, consultation_sheet_id, replaces_id, status, revision, client,
       consultant_name, doctor_name, visit_date, queue_no, sheet_discount_kind, sheet_discount_value, round_down, note,
       created_at, created_by, updated_at, updated_by)
     VALUES (@sheetNo, @visitId, @clientId, @consultationSheetId, @replacesId, 'draft', 1, @client,
       @consultantName, @doctorName, @visitDate, @queueNo, @kind, @value, @roundDown, @note,
       @now, @actor, @now, @actor)`,
  ).run({
    sheetNo: sheet.sheetNo,
    visitId: sheet.visitId,
    clientId: sheet.clientId,
    consultationSheetId: sheet.consultationSheetId,
    replacesId: sheet.replacesId,
    client: JSON.stringify(sheet.client),
    consultantName: sheet.consultantName,
    doctorName: sheet.doctorName,
    visitDate: sheet.visitDate,
    queueNo: sheet.queueNo,
    kind,
    value,
    roundDown: sheet.roundDown,
    note: sheet.note,
    now,
    actor,
  })
  const id = Number(result.lastInsertRowid)
  insertContent(db, id, sheet)
  return id
}

/** Replaces a draft's lines, deposits, discount and note if it is still at `expectedRevision`; false when it changed or is no draft. */
export function saveFeeDraft(db: WritableDb, id: number, expectedRevision: number, content: FeeDraftContent, now: string, actor: string): boolean {
  const { kind, value } = discountToColumns(content.sheetDiscount)
  const result = stmt(db,
    `UPDATE fee_sheets SET sheet_discount_kind = ?, sheet_discount_value = ?, round_down = ?, note = ?,
       revision = revision + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND revision = ? AND status = 'draft'`,
  ).run(kind, value, content.roundDown, content.note, now, actor, id, expectedRevision)
  if (result.changes !== 1) return false
  clearContent(db, id)
  insertContent(db, id, content)
  return true
}

export interface Confirmation {
  /** Each line's net (after its share of the sheet discount and 抹零), in line order. */
  nets: readonly number[]
  totalFen: number
  payableFen: number
  floorOverride: FloorOverride | null
}

/** Locks a draft at `expectedRevision`: line nets and totals written, status confirmed. False when it changed or is no draft. */
export function confirmFeeSheet(db: WritableDb, id: number, expectedRevision: number, confirmation: Confirmation, now: string, actor: string): boolean {
  const current = pluckStmt(db, "SELECT revision FROM fee_sheets WHERE id = ? AND status = 'draft'").get(id) as number | undefined
  if (current !== expectedRevision) return false
  // The nets are written while the sheet is still a draft: from the status change on, the lines are locked.
  const net = stmt(db, 'UPDATE fee_sheet_lines SET net_fen = ? WHERE sheet_id = ? AND position = ?')
  confirmation.nets.forEach((fen, position) => net.run(fen, id, position))
  const o = confirmation.floorOverride
  const result = stmt(db,
    `UPDATE fee_sheets SET status = 'confirmed', total_fen = ?, payable_fen = ?, confirmed_at = ?, confirmed_by = ?,
       floor_override_by = ?, floor_override_at = ?, floor_override_reason = ?,
       revision = revision + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND revision = ? AND status = 'draft'`,
  ).run(confirmation.totalFen, confirmation.payableFen, now, actor, o?.by ?? null, o?.at ?? null, o?.reason ?? null, now, actor, id, expectedRevision)
  return result.changes === 1
}

/** Records the payments of a confirmed sheet and marks it paid; false when it is not confirmed. */
export function payFeeSheet(db: WritableDb, id: number, payments: readonly { method: PaymentMethod; fen: number }[], now: string, actor: string): boolean {
  const insert = stmt(db, 'INSERT INTO fee_payments (sheet_id, method, fen, paid_at, paid_by) VALUES (?, ?, ?, ?, ?)')
  for (const p of payments) insert.run(id, p.method, p.fen, now, actor)
  const paid = payments.reduce((s, p) => s + p.fen, 0)
  const result = stmt(db,
    `UPDATE fee_sheets SET status = 'paid', paid_fen = ?, paid_at = ?, paid_by = ?, revision = revision + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND status = 'confirmed'`,
  ).run(paid, now, actor, now, actor, id)
  return result.changes === 1
}

/** Voids a confirmed or paid sheet; false when it is neither. */
export function voidFeeSheet(db: WritableDb, id: number, reason: string, now: string, actor: string): boolean {
  const result = stmt(db,
    `UPDATE fee_sheets SET status = 'void', voided_at = ?, voided_by = ?, void_reason = ?, revision = revision + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND status IN ('confirmed','paid')`,
  ).run(now, actor, reason, now, actor, id)
  return result.changes === 1
}

/** Counts a print of a confirmed or paid sheet; returns the prints before this one (undefined when the sheet is neither). */
export function countFeeSheetPrint(db: WritableDb, id: number): number | undefined {
  const row = stmt(db, "UPDATE fee_sheets SET print_count = print_count + 1 WHERE id = ? AND status IN ('confirmed','paid') RETURNING print_count").get(id) as
    | { print_count: number }
    | undefined
  return row && row.print_count - 1
}

/** Deletes a draft at `expectedRevision` with its lines and deposits; false when it changed or is no draft. */
export function deleteFeeDraft(db: WritableDb, id: number, expectedRevision: number): boolean {
  const current = pluckStmt(db, "SELECT revision FROM fee_sheets WHERE id = ? AND status = 'draft'").get(id) as number | undefined
  if (current !== expectedRevision) return false
  clearContent(db, id)
  return stmt(db, "DELETE FROM fee_sheets WHERE id = ? AND status = 'draft'").run(id).changes === 1
}
