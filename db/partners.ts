import type {
  BankAccount,
  HandoverNotes,
  PartnerReport,
  PartnerStore,
  PhotoMime,
  ReportStatus,
  StoreAssignment,
  StoreClass,
  StoreFacts,
  StoreStatus,
} from '../core/domain/partnerStore.ts'
import { localDateOf } from '../core/domain/dates.ts'
import { bankFor } from '../core/domain/partnerStore.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** Partner stores (店家), their assignment history and pre-registrations (报备): migration 0100. */

interface StoreDbRow {
  id: number
  name: string
  class: StoreClass
  consultant_id: number | null
  consultant_name: string | null
  salesperson_id: number
  salesperson_name: string
  agreement_no: string
  agreement_text: string
  photo_mime: PhotoMime | null
  bank_name: string
  bank_account_name: string
  bank_account_no: string
  start_date: string
  status: StoreStatus
  version: number
  created_at: string
  updated_at: string
}

/** Every column but the photo itself (read only by getStorePhoto), with the names of the people. */
const STORES = `SELECT p.id, p.name, p.class, p.consultant_id, c.name AS consultant_name, p.salesperson_id, s.name AS salesperson_name,
    p.agreement_no, p.agreement_text, p.photo_mime, p.bank_name, p.bank_account_name, p.bank_account_no, p.start_date, p.status,
    p.version, p.created_at, p.updated_at
  FROM partner_stores p
  JOIN staff s ON s.id = p.salesperson_id
  LEFT JOIN staff c ON c.id = p.consultant_id`

/** A store as a reader sees it: `admin` false masks the bank account number. */
function rowToStore(row: StoreDbRow, admin: boolean): PartnerStore {
  const bank: BankAccount = { bankName: row.bank_name, accountName: row.bank_account_name, accountNo: row.bank_account_no }
  return {
    id: row.id,
    name: row.name,
    storeClass: row.class,
    consultantId: row.consultant_id,
    consultantName: row.consultant_name,
    salespersonId: row.salesperson_id,
    salespersonName: row.salesperson_name,
    agreementNo: row.agreement_no,
    agreementText: row.agreement_text,
    photoMime: row.photo_mime,
    bank: bankFor(bank, admin),
    bankMasked: !admin,
    startDate: row.start_date,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export interface StoreFilter {
  status: StoreStatus | 'all'
  /** Only this salesperson's stores. */
  salespersonId?: number | undefined
}

export function listStores(db: ReadableDb, filter: StoreFilter, admin: boolean): PartnerStore[] {
  const rows = stmt(db, `${STORES} WHERE (@status = 'all' OR p.status = @status) AND (@salesperson IS NULL OR p.salesperson_id = @salesperson) ORDER BY p.name, p.id`).all({
    status: filter.status,
    salesperson: filter.salespersonId ?? null,
  }) as StoreDbRow[]
  return rows.map((row) => rowToStore(row, admin))
}

export function getStore(db: ReadableDb, id: number, admin: boolean): PartnerStore | undefined {
  const row = stmt(db, `${STORES} WHERE p.id = ?`).get(id) as StoreDbRow | undefined
  return row && rowToStore(row, admin)
}

export function findStoreByName(db: ReadableDb, name: string): { id: number } | undefined {
  return stmt(db, 'SELECT id FROM partner_stores WHERE name = ?').get(name) as { id: number } | undefined
}

export function getStorePhoto(db: ReadableDb, id: number): { mime: PhotoMime; bytes: Buffer } | null {
  const row = stmt(db, 'SELECT photo, photo_mime FROM partner_stores WHERE id = ? AND photo IS NOT NULL').get(id) as { photo: Buffer; photo_mime: PhotoMime } | undefined
  return row ? { mime: row.photo_mime, bytes: row.photo } : null
}

export interface StoreFields {
  name: string
  storeClass: StoreClass
  consultantId: number | null
  agreementNo: string
  agreementText: string
  startDate: string
  status: StoreStatus
}

/** A photo to set (bytes and type), null to remove it, undefined to keep it. */
export type PhotoChange = { mime: PhotoMime; bytes: Buffer } | null | undefined

export function insertStore(db: WritableDb, fields: StoreFields, salespersonId: number, photo: PhotoChange, bank: BankAccount | undefined, now: string): number {
  const result = stmt(db,
    `INSERT INTO partner_stores (name, class, consultant_id, salesperson_id, agreement_no, agreement_text, photo, photo_mime,
       bank_name, bank_account_name, bank_account_no, start_date, status, created_at, updated_at)
     VALUES (@name, @storeClass, @consultantId, @salespersonId, @agreementNo, @agreementText, @photo, @photoMime,
       @bankName, @accountName, @accountNo, @startDate, @status, @now, @now)`,
  ).run({
    ...fields,
    salespersonId,
    photo: photo?.bytes ?? null,
    photoMime: photo?.mime ?? null,
    bankName: bank?.bankName ?? '',
    accountName: bank?.accountName ?? '',
    accountNo: bank?.accountNo ?? '',
    now,
  })
  return Number(result.lastInsertRowid)
}

/** Changes a store still at `expectedVersion`; false when another window changed it first. */
export function updateStore(db: WritableDb, id: number, expectedVersion: number, fields: StoreFields, photo: PhotoChange, bank: BankAccount | undefined, now: string): boolean {
  const result = stmt(db,
    `UPDATE partner_stores SET name = @name, class = @storeClass, consultant_id = @consultantId, agreement_no = @agreementNo,
       agreement_text = @agreementText, start_date = @startDate, status = @status,
       photo = CASE WHEN @keepPhoto THEN photo ELSE @photo END, photo_mime = CASE WHEN @keepPhoto THEN photo_mime ELSE @photoMime END,
       bank_name = coalesce(@bankName, bank_name), bank_account_name = coalesce(@accountName, bank_account_name),
       bank_account_no = coalesce(@accountNo, bank_account_no),
       version = version + 1, updated_at = @now
     WHERE id = @id AND version = @expectedVersion`,
  ).run({
    ...fields,
    id,
    expectedVersion,
    keepPhoto: photo === undefined ? 1 : 0,
    photo: photo?.bytes ?? null,
    photoMime: photo?.mime ?? null,
    bankName: bank?.bankName ?? null,
    accountName: bank?.accountName ?? null,
    accountNo: bank?.accountNo ?? null,
    now,
  })
  return result.changes === 1
}

export interface Assignment {
  storeId: number
  fromSalespersonId: number | null
  toSalespersonId: number
  reason: string
}

/** Moves the store to another salesperson (if still at `expectedVersion`) and keeps the hand-over in its history. */
export function reassignStore(db: WritableDb, expectedVersion: number, assignment: Assignment, by: { id: number | null; name: string }, now: string): boolean {
  const moved = stmt(db, 'UPDATE partner_stores SET salesperson_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
    assignment.toSalespersonId,
    now,
    assignment.storeId,
    expectedVersion,
  )
  if (moved.changes !== 1) return false
  insertAssignment(db, assignment, by, now)
  return true
}

export function insertAssignment(db: WritableDb, a: Assignment, by: { id: number | null; name: string }, now: string): void {
  stmt(db,
    `INSERT INTO partner_store_assignments (store_id, from_salesperson_id, to_salesperson_id, reason, at, by_staff_id, by_name)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.storeId, a.fromSalespersonId, a.toSalespersonId, a.reason, now, by.id, by.name)
}

export function listAssignments(db: ReadableDb, storeId: number): StoreAssignment[] {
  return stmt(db,
    `SELECT a.id, a.store_id AS storeId, a.from_salesperson_id AS fromSalespersonId, f.name AS fromName,
       a.to_salesperson_id AS toSalespersonId, t.name AS toName, a.reason, a.at, a.by_name AS byName
     FROM partner_store_assignments a
     JOIN staff t ON t.id = a.to_salesperson_id
     LEFT JOIN staff f ON f.id = a.from_salesperson_id
     WHERE a.store_id = ? ORDER BY a.id`,
  ).all(storeId) as StoreAssignment[]
}

/**
 * What the lifecycle rules need of a store: its last consultation and its first deal, from the visits it is
 * credited with, and the local day of its last hand-over to another salesperson.
 */
export function storeFacts(db: ReadableDb, storeId: number): StoreFacts {
  const row = stmt(db,
    `SELECT
       (SELECT max(v.visit_date) FROM visits v WHERE v.partner_store_id = @id
          AND EXISTS (SELECT 1 FROM visit_status_log l WHERE l.visit_id = v.id AND l.status = 'consulting')) AS lastConsultationDate,
       (SELECT min(v.visit_date) FROM visits v WHERE v.partner_store_id = @id AND v.outcome = 'deal') AS firstDealDate,
       (SELECT max(a.at) FROM partner_store_assignments a WHERE a.store_id = @id AND a.from_salesperson_id IS NOT NULL) AS reassignedAt`,
  ).get({ id: storeId }) as Omit<StoreFacts, 'reassignedDate'> & { reassignedAt: string | null }
  const { reassignedAt, ...facts } = row
  return { ...facts, reassignedDate: reassignedAt === null ? null : localDateOf(new Date(reassignedAt)) }
}

interface ReportDbRow {
  id: number
  store_id: number
  store_name: string
  salesperson_id: number
  salesperson_name: string
  client_name: string
  phone: string
  notes_income: string
  notes_work: string
  notes_family: string
  notes_wanted: string
  notes_other: string
  reported_at: string
  valid_until: string
  reported_by_name: string
  status: ReportStatus
  visit_id: number | null
  cancel_reason: string
}

const REPORTS = `SELECT r.*, p.name AS store_name, s.name AS salesperson_name
  FROM partner_reports r
  JOIN partner_stores p ON p.id = r.store_id
  JOIN staff s ON s.id = r.salesperson_id`

export function notesOf(row: Pick<ReportDbRow, 'notes_income' | 'notes_work' | 'notes_family' | 'notes_wanted' | 'notes_other'>): HandoverNotes {
  return { income: row.notes_income, work: row.notes_work, family: row.notes_family, wanted: row.notes_wanted, other: row.notes_other }
}

function rowToReport(row: ReportDbRow): PartnerReport {
  return {
    id: row.id,
    storeId: row.store_id,
    storeName: row.store_name,
    salespersonId: row.salesperson_id,
    salespersonName: row.salesperson_name,
    clientName: row.client_name,
    phone: row.phone,
    notes: notesOf(row),
    reportedAt: row.reported_at,
    validUntil: row.valid_until,
    reportedByName: row.reported_by_name,
    status: row.status,
    visitId: row.visit_id,
    cancelReason: row.cancel_reason,
  }
}

export function getReport(db: ReadableDb, id: number): PartnerReport | undefined {
  const row = stmt(db, `${REPORTS} WHERE r.id = ?`).get(id) as ReportDbRow | undefined
  return row && rowToReport(row)
}

/** The open report of a phone (at most one: a partial unique index), whether or not it is still valid. */
export function openReportOfPhone(db: ReadableDb, phone: string): PartnerReport | undefined {
  const row = stmt(db, `${REPORTS} WHERE r.phone = ? AND r.status = 'open'`).get(phone) as ReportDbRow | undefined
  return row && rowToReport(row)
}

export interface ReportFilter {
  status: ReportStatus | 'all'
  storeId?: number | undefined
  salespersonId?: number | undefined
  /** The clinic's day: an open report past its last day is listed as expired (it is closed so at the next write). */
  today: string
}

export function listReports(db: ReadableDb, filter: ReportFilter): PartnerReport[] {
  const rows = stmt(db,
    `SELECT * FROM (
       SELECT q.*, CASE WHEN q.status = 'open' AND q.valid_until < @today THEN 'expired' ELSE q.status END AS shown_status FROM (${REPORTS}) q
     ) WHERE (@status = 'all' OR shown_status = @status) AND (@store IS NULL OR store_id = @store)
       AND (@salesperson IS NULL OR salesperson_id = @salesperson)
     ORDER BY reported_at DESC, id DESC LIMIT 1000`,
  ).all({ status: filter.status, store: filter.storeId ?? null, salesperson: filter.salespersonId ?? null, today: filter.today }) as (ReportDbRow & { shown_status: ReportStatus })[]
  return rows.map((row) => ({ ...rowToReport(row), status: row.shown_status }))
}

export interface NewReport {
  storeId: number
  salespersonId: number
  clientName: string
  phone: string
  notes: HandoverNotes
  validUntil: string
}

export function insertReport(db: WritableDb, report: NewReport, by: { id: number | null; name: string }, now: string): number {
  const { notes } = report
  const result = stmt(db,
    `INSERT INTO partner_reports (store_id, salesperson_id, client_name, phone, notes_income, notes_work, notes_family, notes_wanted,
       notes_other, reported_at, valid_until, reported_by, reported_by_name, updated_at)
     VALUES (@storeId, @salespersonId, @clientName, @phone, @income, @work, @family, @wanted, @other, @now, @validUntil, @byId, @byName, @now)`,
  ).run({ ...report, ...notes, byId: by.id, byName: by.name, now })
  return Number(result.lastInsertRowid)
}

/** Closes an open report: arrived (with its visit), expired or cancelled (with a reason); false if it was not open. */
export function closeReport(db: WritableDb, id: number, close: { status: 'arrived'; visitId: number } | { status: 'expired' } | { status: 'cancelled'; reason: string }, now: string): boolean {
  const visitId = close.status === 'arrived' ? close.visitId : null
  const reason = close.status === 'cancelled' ? close.reason : ''
  return stmt(db, "UPDATE partner_reports SET status = ?, visit_id = ?, cancel_reason = ?, updated_at = ? WHERE id = ? AND status = 'open'").run(close.status, visitId, reason, now, id).changes === 1
}

/** The active staff member of a role, for checks; undefined when none. */
export function activeStaffOfRole(db: ReadableDb, id: number, role: 'marketing' | 'consultant'): { id: number; name: string } | undefined {
  return stmt(db, 'SELECT id, name FROM staff WHERE id = ? AND role = ? AND active = 1').get(id, role) as { id: number; name: string } | undefined
}
