import type { Complaint, ComplaintChannel, ComplaintStatus, ComplaintStep } from '../core/domain/complaint.ts'
import { pluckStmt, stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** Complaints (投诉) and their steps: db/migrations/0150-complaints.ts. */

interface ComplaintRow {
  id: number
  client_id: number
  client_name: string
  visit_id: number
  visit_date: string
  received_at: string
  channel: ComplaintChannel
  content: string
  handler_id: number
  handler_name: string
  status: ComplaintStatus
  resolution: string
  closed_at: string | null
  closed_by_name: string
  created_by_name: string
  version: number
}

interface StepRow {
  id: number
  complaint_id: number
  at: string
  by_name: string
  note: string
}

const COMPLAINTS = `
  SELECT k.*, c.name AS client_name, v.visit_date, s.name AS handler_name
  FROM complaints k
  JOIN clients c ON c.id = k.client_id
  JOIN visits v ON v.id = k.visit_id
  JOIN staff s ON s.id = k.handler_id`

function rowToComplaint(row: ComplaintRow, steps: ComplaintStep[]): Complaint {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    visitId: row.visit_id,
    visitDate: row.visit_date,
    receivedAt: row.received_at,
    channel: row.channel,
    content: row.content,
    handlerId: row.handler_id,
    handlerName: row.handler_name,
    status: row.status,
    resolution: row.resolution,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    createdByName: row.created_by_name,
    version: row.version,
    steps,
  }
}

const rowToStep = (row: StepRow): ComplaintStep => ({ id: row.id, at: row.at, byName: row.by_name, note: row.note })

/** The rows with their steps, read in one query for all of them. */
function withSteps(db: ReadableDb, rows: ComplaintRow[]): Complaint[] {
  if (rows.length === 0) return []
  const steps = stmt(db, 'SELECT * FROM complaint_steps WHERE complaint_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(
    JSON.stringify(rows.map((r) => r.id)),
  ) as StepRow[]
  const byComplaint = Map.groupBy(steps, (s) => s.complaint_id)
  return rows.map((row) => rowToComplaint(row, (byComplaint.get(row.id) ?? []).map(rowToStep)))
}

export function getComplaint(db: ReadableDb, id: number): Complaint | undefined {
  const row = stmt(db, `${COMPLAINTS} WHERE k.id = ?`).get(id) as ComplaintRow | undefined
  return row && withSteps(db, [row])[0]
}

/** A client's complaints: open first, then newest first. */
export function complaintsOfClient(db: ReadableDb, clientId: number): Complaint[] {
  const rows = stmt(db, `${COMPLAINTS} WHERE k.client_id = ? ORDER BY k.status = 'open' DESC, k.received_at DESC, k.id DESC`).all(clientId) as ComplaintRow[]
  return withSteps(db, rows)
}

/** Every open complaint, oldest first. */
export function openComplaints(db: ReadableDb): Complaint[] {
  const rows = stmt(db, `${COMPLAINTS} WHERE k.status = 'open' ORDER BY k.received_at, k.id`).all() as ComplaintRow[]
  return withSteps(db, rows)
}

export function countOpenComplaints(db: ReadableDb): number {
  return pluckStmt(db, "SELECT count(*) FROM complaints WHERE status = 'open'").get() as number
}

export interface NewComplaint {
  clientId: number
  visitId: number
  receivedAt: string
  channel: ComplaintChannel
  content: string
  handlerId: number
  createdByName: string
  now: string
}

export function insertComplaint(db: WritableDb, c: NewComplaint): number {
  return Number(
    stmt(db,
      `INSERT INTO complaints (client_id, visit_id, received_at, channel, content, handler_id, created_by_name, created_at)
       VALUES (@clientId, @visitId, @receivedAt, @channel, @content, @handlerId, @createdByName, @now)`,
    ).run(c).lastInsertRowid,
  )
}

export interface ComplaintStepInput {
  at: string
  byId: number | null
  byName: string
  note: string
}

/** Adds a step to an open complaint still at expectedVersion; false when it changed or closed meanwhile. */
export function addComplaintStep(db: WritableDb, id: number, expectedVersion: number, step: ComplaintStepInput): boolean {
  const bumped = stmt(db, "UPDATE complaints SET version = version + 1 WHERE id = ? AND version = ? AND status = 'open'").run(id, expectedVersion)
  if (bumped.changes !== 1) return false
  stmt(db, 'INSERT INTO complaint_steps (complaint_id, at, by_id, by_name, note) VALUES (@id, @at, @byId, @byName, @note)').run({ id, ...step })
  return true
}

export interface ComplaintClosing {
  at: string
  byId: number | null
  byName: string
  resolution: string
}

/** Closes an open complaint still at expectedVersion; false when it changed or closed meanwhile. */
export function closeComplaint(db: WritableDb, id: number, expectedVersion: number, closing: ComplaintClosing): boolean {
  const result = stmt(db,
    `UPDATE complaints SET status = 'closed', resolution = @resolution, closed_at = @at, closed_by = @byId, closed_by_name = @byName, version = version + 1
     WHERE id = @id AND version = @expectedVersion AND status = 'open'`,
  ).run({ id, expectedVersion, ...closing })
  return result.changes === 1
}
