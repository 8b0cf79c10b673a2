/** Everything the crash checks look at, read once per round from the database the killed worker left. */
import type { FeeSheetStatus } from '../../core/domain/feeSheet.ts'
import type { VisitStatus, VisitType } from '../../core/domain/visit.ts'
import type { ReadableDb } from '../../db/types.ts'

export interface VisitRecord {
  id: number
  clientId: number
  date: string
  type: VisitType
  queueSeq: number
  queueNo: string
  consultantId: number | null
  assignedBy: string | null
  status: VisitStatus
  statusAt: string
  outcome: string | null
  registeredAt: string
  version: number
}

export interface StatusChange {
  status: VisitStatus
  at: string
}

export interface SheetRecord {
  id: number
  sheetNo: string
  visitId: number
  status: FeeSheetStatus
  revision: number
  totalFen: number | null
  payableFen: number | null
  paidFen: number | null
}

export interface LineFigures {
  count: number
  netSum: number
  nullNets: number
  maxPosition: number
}

export interface Snapshot {
  visits: Map<number, VisitRecord>
  statusLog: Map<number, StatusChange[]>
  statusRows: number
  callsByVisit: Map<number, number>
  clients: Map<number, { phone: string; ownConsultantId: number | null }>
  staff: Set<number>
  items: Map<number, string>
  sheets: Map<number, SheetRecord>
  lines: Map<number, LineFigures>
  deposits: Map<number, number>
  payments: Map<number, number>
  audit: Map<number, string>
  counters: Map<string, number>
  boardDates: string[]
}

function all<T>(db: ReadableDb, sql: string): T[] {
  return db.prepare(sql).all() as T[]
}

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((row) => [row.id, row]))
}

function sums(db: ReadableDb, sql: string): Map<number, number> {
  return new Map(all<{ id: number; n: number }>(db, sql).map((row) => [row.id, row.n]))
}

function statusLogOf(db: ReadableDb): Map<number, StatusChange[]> {
  const log = new Map<number, StatusChange[]>()
  for (const row of all<StatusChange & { visitId: number }>(db, 'SELECT visit_id AS visitId, status, at FROM visit_status_log ORDER BY id')) {
    const changes = log.get(row.visitId) ?? []
    changes.push({ status: row.status, at: row.at })
    log.set(row.visitId, changes)
  }
  return log
}

export function readSnapshot(db: ReadableDb): Snapshot {
  const statusLog = statusLogOf(db)
  return {
    visits: byId(
      all<VisitRecord>(db,
        `SELECT id, client_id AS clientId, visit_date AS date, type, queue_seq AS queueSeq, queue_no AS queueNo,
           consultant_id AS consultantId, assigned_by AS assignedBy, status, status_at AS statusAt, outcome,
           registered_at AS registeredAt, version
         FROM visits`,
      ),
    ),
    statusLog,
    statusRows: [...statusLog.values()].reduce((n, changes) => n + changes.length, 0),
    callsByVisit: sums(db, "SELECT visit_id AS id, count(*) AS n FROM calls WHERE kind = 'call' GROUP BY visit_id"),
    clients: new Map(
      all<{ id: number; phone: string; own: number | null }>(db, 'SELECT id, phone, own_consultant_id AS own FROM clients').map((c) => [
        c.id,
        { phone: c.phone, ownConsultantId: c.own },
      ]),
    ),
    staff: new Set(all<{ id: number }>(db, 'SELECT id FROM staff').map((s) => s.id)),
    items: new Map(all<{ id: number; code: string }>(db, 'SELECT id, code FROM price_items').map((i) => [i.id, i.code])),
    sheets: byId(
      all<SheetRecord>(db,
        `SELECT id, sheet_no AS sheetNo, visit_id AS visitId, status, revision, total_fen AS totalFen,
           payable_fen AS payableFen, paid_fen AS paidFen
         FROM fee_sheets`,
      ),
    ),
    lines: new Map(
      all<LineFigures & { id: number }>(db,
        `SELECT sheet_id AS id, count(*) AS count, coalesce(sum(net_fen), 0) AS netSum,
           sum(net_fen IS NULL) AS nullNets, max(position) AS maxPosition
         FROM fee_sheet_lines GROUP BY sheet_id`,
      ).map(({ id, ...figures }) => [id, figures]),
    ),
    deposits: sums(db, 'SELECT sheet_id AS id, sum(fen) AS n FROM fee_sheet_deposits GROUP BY sheet_id'),
    payments: sums(db, 'SELECT sheet_id AS id, sum(fen) AS n FROM fee_payments GROUP BY sheet_id'),
    audit: new Map(all<{ id: number; method: string }>(db, 'SELECT id, method FROM audit_log').map((a) => [a.id, a.method])),
    counters: new Map(all<{ name: string; value: number }>(db, 'SELECT name, value FROM counters').map((c) => [c.name, c.value])),
    boardDates: all<{ d: string }>(db, "SELECT DISTINCT board_date AS d FROM rotation_events WHERE board_kind = 'consultant' ORDER BY d").map((r) => r.d),
  }
}
