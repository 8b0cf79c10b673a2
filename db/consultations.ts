import type { ConsultationPayload, ConsultationSheet, SheetStatus } from '../core/domain/consultation.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface SheetRow {
  id: number
  visit_id: number
  client_id: number
  sheet_no: string
  version: number
  status: SheetStatus
  revision: number
  payload: string
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
  printed_at: string | null
  printed_by: string | null
}

function rowToSheet(row: SheetRow): ConsultationSheet {
  return {
    id: row.id,
    visitId: row.visit_id,
    clientId: row.client_id,
    sheetNo: row.sheet_no,
    version: row.version,
    status: row.status,
    revision: row.revision,
    payload: JSON.parse(row.payload) as ConsultationPayload,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    printedAt: row.printed_at,
    printedBy: row.printed_by,
  }
}

const SHEETS = 'SELECT s.*, v.client_id FROM consultation_sheets s JOIN visits v ON v.id = s.visit_id'

export function getSheet(db: ReadableDb, id: number): ConsultationSheet | undefined {
  const row = stmt(db, `${SHEETS} WHERE s.id = ?`).get(id) as SheetRow | undefined
  return row && rowToSheet(row)
}

/** The visit's latest version, or undefined when the visit has no sheet yet. */
export function latestSheetOfVisit(db: ReadableDb, visitId: number): ConsultationSheet | undefined {
  const row = stmt(db, `${SHEETS} WHERE s.visit_id = ? ORDER BY s.version DESC LIMIT 1`).get(visitId) as SheetRow | undefined
  return row && rowToSheet(row)
}

export function listSheetVersions(db: ReadableDb, visitId: number): ConsultationSheet[] {
  return (stmt(db, `${SHEETS} WHERE s.visit_id = ? ORDER BY s.version`).all(visitId) as SheetRow[]).map(rowToSheet)
}

export interface NewSheet {
  visitId: number
  sheetNo: string
  version: number
  payload: ConsultationPayload
}

export function insertSheet(db: WritableDb, sheet: NewSheet, now: string, actor: string): ConsultationSheet {
  const result = stmt(db,
    `INSERT INTO consultation_sheets (visit_id, sheet_no, version, status, revision, payload, created_at, created_by, updated_at, updated_by)
     VALUES (@visitId, @sheetNo, @version, 'draft', 1, @payload, @now, @actor, @now, @actor)`,
  ).run({ ...sheet, payload: JSON.stringify(sheet.payload), now, actor })
  return getSheet(db, Number(result.lastInsertRowid)) as ConsultationSheet
}

/** Saves a draft's form if it is still at `expectedRevision`; false when it changed or is no draft. */
export function updateDraft(db: WritableDb, id: number, expectedRevision: number, payload: ConsultationPayload, now: string, actor: string): boolean {
  const result = stmt(db,
    `UPDATE consultation_sheets SET payload = ?, revision = revision + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND revision = ? AND status = 'draft'`,
  ).run(JSON.stringify(payload), now, actor, id, expectedRevision)
  return result.changes === 1
}

/** Freezes a draft at `expectedRevision`; false when it changed or is no draft. */
export function markSheetPrinted(db: WritableDb, id: number, expectedRevision: number, now: string, actor: string): boolean {
  const result = stmt(db,
    `UPDATE consultation_sheets SET status = 'printed', printed_at = ?, printed_by = ?
     WHERE id = ? AND revision = ? AND status = 'draft'`,
  ).run(now, actor, id, expectedRevision)
  return result.changes === 1
}
