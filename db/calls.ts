import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

export type CallKind = 'call' | 'recall' | 'skip'

export interface CallRecord {
  id: number
  visitId: number
  kind: CallKind
  at: string
  consultantId: number | null
  room: string
  actor: string
}

/** A call joined with what the waiting room may see of it. */
export interface CallWithVisit extends CallRecord {
  queueNo: string
  clientName: string
  consultantName: string | null
  /** The role of who called them in (consultant_id holds the nurse or doctor of a board call). */
  staffRole: string | null
}

export function insertCall(db: WritableDb, call: Omit<CallRecord, 'id'>): number {
  const result = stmt(db, 'INSERT INTO calls (visit_id, kind, at, consultant_id, room, actor) VALUES (@visitId, @kind, @at, @consultantId, @room, @actor)')
    .run(call)
  return Number(result.lastInsertRowid)
}

/** The latest calls, recalls and skips of a day, newest first. */
export function recentCalls(db: ReadableDb, date: string, limit: number): CallWithVisit[] {
  return stmt(db,
      `SELECT k.id, k.visit_id AS visitId, k.kind, k.at, k.consultant_id AS consultantId, k.room, k.actor,
              v.queue_no AS queueNo, c.name AS clientName, s.name AS consultantName, s.role AS staffRole
       FROM calls k
       JOIN visits v ON v.id = k.visit_id
       JOIN clients c ON c.id = v.client_id
       LEFT JOIN staff s ON s.id = k.consultant_id
       WHERE v.visit_date = ?
       ORDER BY k.id DESC LIMIT ?`,
    )
    .all(date, limit) as CallWithVisit[]
}

export function callsOfVisit(db: ReadableDb, visitId: number): CallRecord[] {
  return stmt(db, 'SELECT id, visit_id AS visitId, kind, at, consultant_id AS consultantId, room, actor FROM calls WHERE visit_id = ? ORDER BY id')
    .all(visitId) as CallRecord[]
}
