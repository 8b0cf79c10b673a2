import { applyEvent, parseBoardEvent, replay, type BoardEvent, type BoardKind, type BoardState } from '../core/rotation/index.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

interface EventRow {
  seq: number
  type: string
  payload: string
  at: string
  actor: string | null
}

function rowToEvent(row: EventRow): BoardEvent {
  return parseBoardEvent({ ...(JSON.parse(row.payload) as object), seq: row.seq, type: row.type, at: row.at, actor: row.actor })
}

/** The day's events of one board after `afterSeq`, checked against the event schema as they are read back. */
export function loadBoardEvents(db: ReadableDb, date: string, kind: BoardKind, afterSeq = 0): BoardEvent[] {
  const rows = stmt(db, 'SELECT seq, type, payload, at, actor FROM rotation_events WHERE board_date = ? AND board_kind = ? AND seq > ? ORDER BY seq')
    .all(date, kind, afterSeq) as EventRow[]
  return rows.map(rowToEvent)
}

export function loadBoardEvent(db: ReadableDb, date: string, kind: BoardKind, seq: number): BoardEvent | undefined {
  const row = stmt(db, 'SELECT seq, type, payload, at, actor FROM rotation_events WHERE board_date = ? AND board_kind = ? AND seq = ?').get(date, kind, seq) as
    | EventRow
    | undefined
  return row && rowToEvent(row)
}

export function lastBoardEvent(db: ReadableDb, date: string, kind: BoardKind): BoardEvent | undefined {
  const row = stmt(db, 'SELECT seq, type, payload, at, actor FROM rotation_events WHERE board_date = ? AND board_kind = ? ORDER BY seq DESC LIMIT 1').get(date, kind) as
    | EventRow
    | undefined
  return row && rowToEvent(row)
}

/**
 * Folded states of the boards read last, per connection. Only states built from committed events are kept
 * (read outside a transaction): committed events never change (the table is append-only), so a kept state
 * stays true and only the events after it need reading. A few boards are kept: today's is the hot one.
 */
const CACHED_BOARDS = 4
const committedStates = new WeakMap<ReadableDb, Map<string, BoardState>>()

export function loadBoardState(db: ReadableDb, date: string, kind: BoardKind): BoardState {
  let cache = committedStates.get(db)
  if (!cache) committedStates.set(db, (cache = new Map()))
  const key = `${date}|${kind}`
  const cached = cache.get(key)
  const newer = loadBoardEvents(db, date, kind, cached?.lastSeq ?? 0)
  const state = cached ? newer.reduce(applyEvent, cached) : replay(newer)
  if (!db.inTransaction) {
    cache.delete(key)
    cache.set(key, state)
    if (cache.size > CACHED_BOARDS) cache.delete(cache.keys().next().value as string)
  }
  return state
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
