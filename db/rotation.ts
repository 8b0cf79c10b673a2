import { parseBoardEvent, replay, type BoardEvent, type BoardKind, type BoardState } from '../core/rotation/index.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

interface EventRow {
  seq: number
  type: string
  payload: string
  at: string
  actor: string | null
}

/** The day's events of one board, checked against the event schema as they are read back. */
export function loadBoardEvents(db: ReadableDb, date: string, kind: BoardKind): BoardEvent[] {
  const rows = stmt(db, 'SELECT seq, type, payload, at, actor FROM rotation_events WHERE board_date = ? AND board_kind = ? ORDER BY seq')
    .all(date, kind) as EventRow[]
  return rows.map((row) => parseBoardEvent({ ...(JSON.parse(row.payload) as object), seq: row.seq, type: row.type, at: row.at, actor: row.actor }))
}

export function loadBoardState(db: ReadableDb, date: string, kind: BoardKind): BoardState {
  return replay(loadBoardEvents(db, date, kind))
}

/** Appends one event; the UNIQUE (date, kind, seq) key refuses a second writer of the same seq. */
export function appendBoardEvent(db: WritableDb, date: string, kind: BoardKind, event: BoardEvent): void {
  const { seq, type, at, actor, ...payload } = event
  stmt(db, 'INSERT INTO rotation_events (board_date, board_kind, seq, type, payload, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    date,
    kind,
    seq,
    type,
    JSON.stringify(payload),
    at,
    actor,
  )
}

/** The last day before `date` on which this kind of board was opened (for continuing its order, rule 1). */
export function previousBoardDate(db: ReadableDb, date: string, kind: BoardKind): string | null {
  const row = stmt(db, "SELECT max(board_date) AS d FROM rotation_events WHERE board_kind = ? AND board_date < ? AND type = 'opened'")
    .get(kind, date) as { d: string | null }
  return row.d
}

export function boardDatesBetween(db: ReadableDb, from: string, to: string, kind: BoardKind): string[] {
  return pluckStmt(db, "SELECT board_date FROM rotation_events WHERE board_kind = ? AND board_date BETWEEN ? AND ? AND type = 'opened' ORDER BY board_date")
    .all(kind, from, to) as string[]
}
