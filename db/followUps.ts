import type { ScoredCall } from '../core/domain/serviceFigures.ts'
import type { FollowUpCall, FollowUpCategory, FollowUpResult, FollowUpRow, PlannedCall } from '../core/domain/followUp.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface FollowUpDbRow {
  id: number
  client_id: number
  visit_id: number | null
  fee_sheet_id: number | null
  category: FollowUpCategory
  label: string
  due_date: string
  status: 'open' | 'done'
  result: FollowUpResult | null
  attempts: number
  notes: string
  done_at: string | null
  done_by_name: string
  satisfaction: number | null
  version: number
  created_at: string
}

interface FollowUpJoinedRow extends FollowUpDbRow {
  client_name: string
  client_phone: string
  archive_no: string
  consultant_name: string | null
}

function rowToCall(row: FollowUpDbRow): FollowUpCall {
  return {
    id: row.id,
    clientId: row.client_id,
    visitId: row.visit_id,
    feeSheetId: row.fee_sheet_id,
    category: row.category,
    label: row.label,
    dueDate: row.due_date,
    status: row.status,
    result: row.result,
    attempts: row.attempts,
    notes: row.notes,
    doneAt: row.done_at,
    doneByName: row.done_by_name,
    satisfaction: row.satisfaction,
    version: row.version,
    createdAt: row.created_at,
  }
}

/** `asOf`: the day the overdue flag is told against (an open call due before it is overdue). */
function rowToFollowUpRow(row: FollowUpJoinedRow, asOf: string): FollowUpRow {
  return {
    ...rowToCall(row),
    clientName: row.client_name,
    clientPhone: row.client_phone,
    archiveNo: row.archive_no,
    consultantName: row.consultant_name,
    overdue: row.status === 'open' && row.due_date < asOf,
  }
}

/** The client's own consultant (归属咨询师): the one who usually makes or hears of the call. */
const JOINED = `SELECT f.*, c.name AS client_name, c.phone AS client_phone, c.archive_no, s.name AS consultant_name
  FROM follow_up_calls f
  JOIN clients c ON c.id = f.client_id
  LEFT JOIN staff s ON s.id = c.own_consultant_id`

export interface CallSource {
  clientId: number
  visitId: number
  feeSheetId: number
}

/** Inserts the planned calls of a fee sheet; one it already has (same category and label) is left as it is. Returns the new ids. */
export function insertPlannedCalls(db: WritableDb, source: CallSource, calls: readonly PlannedCall[], now: string): number[] {
  const insert = stmt(db,
    `INSERT INTO follow_up_calls (client_id, visit_id, fee_sheet_id, category, label, due_date, created_at)
     VALUES (@clientId, @visitId, @feeSheetId, @category, @label, @dueDate, @now)
     ON CONFLICT (fee_sheet_id, category, label) DO NOTHING
     RETURNING id`,
  )
  return calls.flatMap((call) => {
    const row = insert.get({ ...source, ...call, now }) as { id: number } | undefined
    return row ? [row.id] : []
  })
}

/** Deletes the calls of a fee sheet nobody has closed yet; returns their ids. Closed ones stay, as the record of a talk. */
export function deleteOpenCallsOfSheet(db: WritableDb, feeSheetId: number): number[] {
  return (stmt(db, "DELETE FROM follow_up_calls WHERE fee_sheet_id = ? AND status = 'open' RETURNING id").all(feeSheetId) as { id: number }[]).map((r) => r.id)
}

/** Open calls due on `date`, and with `overdue` every open call due before it: by due date (so the overdue come first), then id. */
export function listDueCalls(db: ReadableDb, date: string, overdue: boolean): FollowUpRow[] {
  const from = overdue ? '0000-00-00' : date
  const rows = stmt(db, `${JOINED} WHERE f.status = 'open' AND f.due_date BETWEEN @from AND @date ORDER BY f.due_date, f.id`).all({ from, date }) as FollowUpJoinedRow[]
  return rows.map((row) => rowToFollowUpRow(row, date))
}

/** Every call of a client, by due date; overdue as of `today`. */
export function listCallsOfClient(db: ReadableDb, clientId: number, today: string): FollowUpRow[] {
  const rows = stmt(db, `${JOINED} WHERE f.client_id = ? ORDER BY f.due_date, f.id`).all(clientId) as FollowUpJoinedRow[]
  return rows.map((row) => rowToFollowUpRow(row, today))
}

export function getCallRow(db: ReadableDb, id: number, today: string): FollowUpRow | undefined {
  const row = stmt(db, `${JOINED} WHERE f.id = ?`).get(id) as FollowUpJoinedRow | undefined
  return row && rowToFollowUpRow(row, today)
}

export interface CallOutcome {
  result: FollowUpResult
  /** 1–5 on a call that reached the client, else null. */
  satisfaction: number | null
  /** The line added to the notes. */
  noteLine: string
  /** Set when the call closes the follow-up. */
  done: { at: string; byStaffId: number | null; byName: string } | null
}

/**
 * Records a call of an open follow-up still at `expectedVersion`: one more attempt, the note line added, and
 * closed when `done` is given. False when another window recorded it first (or it is closed).
 */
export function recordCall(db: WritableDb, id: number, expectedVersion: number, outcome: CallOutcome): boolean {
  const result = stmt(db,
    `UPDATE follow_up_calls SET result = @result, attempts = attempts + 1,
       notes = CASE WHEN notes = '' THEN @noteLine ELSE notes || char(10) || @noteLine END,
       status = CASE WHEN @doneAt IS NULL THEN 'open' ELSE 'done' END,
       done_at = @doneAt, done_by = @doneBy, done_by_name = coalesce(@doneByName, done_by_name),
       satisfaction = @satisfaction, version = version + 1
     WHERE id = @id AND version = @expectedVersion AND status = 'open'`,
  ).run({
    id,
    expectedVersion,
    result: outcome.result,
    satisfaction: outcome.satisfaction,
    noteLine: outcome.noteLine,
    doneAt: outcome.done?.at ?? null,
    doneBy: outcome.done?.byStaffId ?? null,
    doneByName: outcome.done?.byName ?? null,
  })
  return result.changes === 1
}


/**
 * The scored calls due in a run of days (both ends included). The consultant is the visit's (who served
 * it), else the client's own; the nurse is the one of the first deduction (not undone) of a treatment card
 * of the call's fee sheet, as visits record no nurse: a call of a sheet with no deduction has none.
 */
export function satisfactionFactsIn(db: ReadableDb, from: string, to: string): ScoredCall[] {
  return stmt(db,
    `SELECT f.satisfaction AS score, sc.id AS consultantId, sc.name AS consultantName, sn.id AS nurseId, sn.name AS nurseName
     FROM follow_up_calls f
     JOIN clients c ON c.id = f.client_id
     LEFT JOIN visits v ON v.id = f.visit_id
     LEFT JOIN staff sc ON sc.id = coalesce(v.consultant_id, c.own_consultant_id)
     LEFT JOIN staff sn ON sn.id = (
       SELECT d.nurse_id FROM card_deductions d JOIN treatment_cards t ON t.id = d.card_id
       WHERE t.fee_sheet_id = f.fee_sheet_id AND d.undone_at IS NULL ORDER BY d.at, d.id LIMIT 1)
     WHERE f.due_date BETWEEN ? AND ? AND f.satisfaction IS NOT NULL`,
  ).all(from, to) as ScoredCall[]
}
