import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Channel } from '../core/domain/client.ts'
import type { Outcome, Visit, VisitRow, VisitStatus, VisitStatusChange, VisitType } from '../core/domain/visit.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface VisitDbRow {
  id: number
  client_id: number
  visit_date: string
  type: VisitType
  queue_no: string
  channel: Channel
  designated_consultant_id: number | null
  intended_category: ServiceCategory | null
  consultant_id: number | null
  assigned_by: Visit['assignedBy']
  status: VisitStatus
  status_at: string
  outcome: Outcome | null
  no_deal_reason: string
  registered_at: string
  version: number
  partner_store_id: number | null
  partner_report_id: number | null
  assist_consultant_id: number | null
  assisted_at: string | null
}

interface VisitJoinedRow extends VisitDbRow {
  client_name: string
  client_phone: string
  archive_no: string
  consultant_name: string | null
  designated_name: string | null
  assist_name: string | null
}

function rowToVisit(row: VisitDbRow): Visit {
  return {
    id: row.id,
    clientId: row.client_id,
    visitDate: row.visit_date,
    type: row.type,
    queueNo: row.queue_no,
    channel: row.channel,
    designatedConsultantId: row.designated_consultant_id,
    intendedCategory: row.intended_category,
    consultantId: row.consultant_id,
    assignedBy: row.assigned_by,
    status: row.status,
    statusAt: row.status_at,
    outcome: row.outcome,
    noDealReason: row.no_deal_reason,
    registeredAt: row.registered_at,
    version: row.version,
    partnerStoreId: row.partner_store_id,
    partnerReportId: row.partner_report_id,
    assistConsultantId: row.assist_consultant_id,
    assistedAt: row.assisted_at,
  }
}

function joinedToRow(row: VisitJoinedRow): VisitRow {
  return {
    ...rowToVisit(row),
    clientName: row.client_name,
    clientPhone: row.client_phone,
    archiveNo: row.archive_no,
    consultantName: row.consultant_name,
    designatedName: row.designated_name,
    assistConsultantName: row.assist_name,
  }
}

const JOINED = `SELECT v.*, c.name AS client_name, c.phone AS client_phone, c.archive_no,
    s.name AS consultant_name, d.name AS designated_name, a.name AS assist_name
  FROM visits v
  JOIN clients c ON c.id = v.client_id
  LEFT JOIN staff s ON s.id = v.consultant_id
  LEFT JOIN staff d ON d.id = v.designated_consultant_id
  LEFT JOIN staff a ON a.id = v.assist_consultant_id`

export interface NewVisit {
  clientId: number
  visitDate: string
  type: VisitType
  queueSeq: number
  queueNo: string
  channel: Channel
  designatedConsultantId: number | null
  intendedCategory: ServiceCategory | null
}

export function insertVisit(db: WritableDb, visit: NewVisit, now: string, actor: string): Visit {
  const result = stmt(db,
      `INSERT INTO visits (client_id, visit_date, type, queue_seq, queue_no, channel, designated_consultant_id,
         intended_category, status, status_at, registered_at)
       VALUES (@clientId, @visitDate, @type, @queueSeq, @queueNo, @channel, @designatedConsultantId,
         @intendedCategory, 'waiting', @now, @now)`,
    )
    .run({ ...visit, now })
  const id = Number(result.lastInsertRowid)
  logStatus(db, id, 'waiting', now, actor)
  return getVisit(db, id) as Visit
}

export function getVisit(db: ReadableDb, id: number): Visit | undefined {
  const row = stmt(db, 'SELECT * FROM visits WHERE id = ?').get(id) as VisitDbRow | undefined
  return row && rowToVisit(row)
}

export function getVisitRow(db: ReadableDb, id: number): VisitRow | undefined {
  const row = stmt(db, `${JOINED} WHERE v.id = ?`).get(id) as VisitJoinedRow | undefined
  return row && joinedToRow(row)
}

/** The day's visits in registration order (the order of the daily consultation log). */
export function listVisitsOfDay(db: ReadableDb, date: string): VisitRow[] {
  return (stmt(db, `${JOINED} WHERE v.visit_date = ? ORDER BY v.registered_at, v.id`).all(date) as VisitJoinedRow[]).map(joinedToRow)
}

export function listVisitsOfClient(db: ReadableDb, clientId: number): VisitRow[] {
  return (stmt(db, `${JOINED} WHERE v.client_id = ? ORDER BY v.visit_date DESC, v.id DESC`).all(clientId) as VisitJoinedRow[]).map(joinedToRow)
}

export function hasOpenVisitOnDay(db: ReadableDb, clientId: number, date: string): Visit | undefined {
  const row = stmt(db, `SELECT * FROM visits WHERE client_id = ? AND visit_date = ? AND status NOT IN ('done','left','cancelled') LIMIT 1`)
    .get(clientId, date) as VisitDbRow | undefined
  return row && rowToVisit(row)
}

function logStatus(db: WritableDb, visitId: number, status: VisitStatus, at: string, actor: string): void {
  stmt(db, 'INSERT INTO visit_status_log (visit_id, status, at, actor) VALUES (?, ?, ?, ?)').run(visitId, status, at, actor)
}

/**
 * Moves a visit to a new status if it is still at `expectedVersion`; returns false when another window
 * changed it first (the caller reports a conflict and writes nothing).
 */
export function updateVisitStatus(db: WritableDb, id: number, expectedVersion: number, status: VisitStatus, now: string, actor: string): boolean {
  const result = stmt(db, 'UPDATE visits SET status = ?, status_at = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(status, now, id, expectedVersion)
  if (result.changes === 0) return false
  logStatus(db, id, status, now, actor)
  return true
}

export function setVisitConsultant(db: WritableDb, id: number, consultantId: number | null, assignedBy: Visit['assignedBy']): void {
  stmt(db, 'UPDATE visits SET consultant_id = ?, assigned_by = ?, version = version + 1 WHERE id = ?').run(consultantId, assignedBy, id)
}

export function setVisitOutcome(db: WritableDb, id: number, outcome: Outcome, reason: string): void {
  stmt(db, 'UPDATE visits SET outcome = ?, no_deal_reason = ?, version = version + 1 WHERE id = ?').run(outcome, reason, id)
}

/** Marks a visit as a partner store's, with the report it matched (null: credited by an administrator without one). */
export function setVisitPartner(db: WritableDb, id: number, storeId: number, reportId: number | null): void {
  stmt(db, 'UPDATE visits SET partner_store_id = ?, partner_report_id = ?, version = version + 1 WHERE id = ?').run(storeId, reportId, id)
}

/** Records the consultant assisting a visit (协助过单) if it is still at `expectedVersion`; false: changed meanwhile. */
export function setVisitAssistant(db: WritableDb, id: number, expectedVersion: number, assistantId: number, now: string): boolean {
  return stmt(db, 'UPDATE visits SET assist_consultant_id = ?, assisted_at = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(assistantId, now, id, expectedVersion).changes === 1
}

export function visitStatusHistory(db: ReadableDb, visitId: number): VisitStatusChange[] {
  return stmt(db, 'SELECT status, at, actor FROM visit_status_log WHERE visit_id = ? ORDER BY id').all(visitId) as VisitStatusChange[]
}

/** Whether a client was ever received for a consultation (a visit of theirs moved to 'consulting'). */
export function wasEverConsulted(db: ReadableDb, clientId: number): boolean {
  return stmt(db,
    `SELECT 1 FROM visits v WHERE v.client_id = ? AND EXISTS (SELECT 1 FROM visit_status_log l WHERE l.visit_id = v.id AND l.status = 'consulting') LIMIT 1`,
  ).get(clientId) !== undefined
}
