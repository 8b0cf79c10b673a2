/**
 * What must hold in the file after any crash, whatever was in flight: nothing half written. Each write of
 * the desk touches several tables in one transaction; these relations between the tables break when only
 * part of one survived.
 */
import { canMove, type VisitStatus } from '../../core/domain/visit.ts'
import { replay, type AssignedEvent, type BoardEvent, type BoardState } from '../../core/rotation/index.ts'
import { getFeeSheet } from '../../db/feeSheets.ts'
import { loadBoardEvents } from '../../db/rotation.ts'
import type { ReadableDb } from '../../db/types.ts'
import type { Snapshot, VisitRecord } from './snapshot.ts'

/** Statuses in which a visit still holds its consultant on the board (leaving them finishes the turn). */
const ON_BOARD: ReadonlySet<VisitStatus> = new Set(['waiting', 'called', 'consulting', 'with_doctor'])

interface StoredBoard {
  date: string
  events: BoardEvent[]
  state: BoardState | null
  replayError: string | null
}

export function integrityProblems(db: ReadableDb): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok').map((r) => `integrity_check: ${r}`)
  if (rows.length === 0) problems.push('integrity_check returned nothing')
  for (const row of db.pragma('foreign_key_check') as unknown[]) problems.push(`foreign_key_check: ${JSON.stringify(row)}`)
  return problems
}

function storedBoards(db: ReadableDb, snap: Snapshot): StoredBoard[] {
  return snap.boardDates.map((date) => {
    const events = loadBoardEvents(db, date, 'consultant')
    try {
      return { date, events, state: replay(events), replayError: null }
    } catch (error) {
      return { date, events, state: null, replayError: error instanceof Error ? error.message : String(error) }
    }
  })
}

const assignedEvents = (board: StoredBoard) => board.events.filter((e): e is AssignedEvent => e.type === 'assigned')

/**
 * The dispatcher writes one audit row in the transaction of each write, so the audit log counts the writes
 * that committed; each count must match what those writes left in their own tables.
 */
function auditProblems(snap: Snapshot, boards: readonly StoredBoard[]): string[] {
  const sheets = [...snap.sheets.values()]
  const confirmed = sheets.filter((s) => s.status !== 'draft').length
  const paid = sheets.filter((s) => s.status === 'paid').length
  // An assignment made at registration carries the registration's own time; a later visits.assign a later one.
  const lateAssignments = boards.flatMap(assignedEvents).filter((e) => e.at > (snap.visits.get(e.visitId)?.registeredAt ?? '')).length
  const expected: Record<string, number> = {
    'staff.create': snap.staff.size,
    'prices.create': snap.items.size,
    'rotation.open': boards.flatMap((b) => b.events).filter((e) => e.type === 'opened').length,
    'visits.register': snap.visits.size,
    'visits.setStatus': snap.statusRows - snap.visits.size,
    'visits.assign': lateAssignments,
    'fees.create': sheets.length,
    'fees.saveDraft': sheets.reduce((n, s) => n + s.revision - 1, 0) - confirmed - paid,
    'fees.confirm': confirmed,
    'fees.pay': paid,
  }
  const audited = new Map<string, number>()
  for (const method of snap.audit.values()) audited.set(method, (audited.get(method) ?? 0) + 1)
  const problems: string[] = []
  for (const method of new Set([...Object.keys(expected), ...audited.keys()])) {
    const want = expected[method]
    const got = audited.get(method) ?? 0
    if (want === undefined) problems.push(`audit rows of an unexpected method ${method}`)
    else if (got !== want) problems.push(`${got} audit rows of ${method} but the tables hold ${want} such writes`)
  }
  return problems
}

/** A visit's status rows tell its whole history; its row agrees with their last one and with its version. */
function historyProblems(visit: VisitRecord, snap: Snapshot): string[] {
  const log = snap.statusLog.get(visit.id) ?? []
  const name = `visit ${visit.id} (${visit.date} ${visit.queueNo})`
  const first = log[0]
  const last = log.at(-1)
  if (!first || !last) return [`${name} has no status rows`]
  const problems: string[] = []
  if (first.status !== 'waiting' || first.at !== visit.registeredAt) problems.push(`${name} does not start waiting at registration`)
  log.slice(1).forEach((change, i) => {
    const from = (log[i] as (typeof log)[number]).status
    if (!canMove(from, change.status)) problems.push(`${name} moved ${from} -> ${change.status}`)
  })
  if (last.status !== visit.status || last.at !== visit.statusAt) problems.push(`${name} is ${visit.status} at ${visit.statusAt}, its last status row ${last.status} at ${last.at}`)
  const version = log.length + (visit.consultantId === null ? 0 : 1) + (visit.outcome === null ? 0 : 1)
  if (visit.version !== version) problems.push(`${name} is at version ${visit.version}, its changes make ${version}`)
  const calls = log.filter((c) => c.status === 'called').length
  if ((snap.callsByVisit.get(visit.id) ?? 0) !== calls) problems.push(`${name} was called ${calls} times but has ${snap.callsByVisit.get(visit.id) ?? 0} call rows`)
  const seen = log.some((c) => c.status === 'called' || c.status === 'consulting')
  if (seen && visit.type !== 'review' && visit.consultantId === null) problems.push(`${name} was called or seen without a consultant`)
  return problems
}

/** Clients come only with a registration; a first visit's consultant becomes the client's own when seen. */
function clientProblems(snap: Snapshot): string[] {
  const visitsOf = new Map<number, VisitRecord[]>()
  for (const visit of snap.visits.values()) visitsOf.set(visit.clientId, [...(visitsOf.get(visit.clientId) ?? []), visit])
  const problems: string[] = []
  for (const [id, client] of snap.clients) {
    const visits = (visitsOf.get(id) ?? []).sort((a, b) => a.id - b.id)
    if (visits.length === 0) problems.push(`client ${id} (${client.phone}) has no visit`)
    const seen = visits.find((v) => v.type === 'first' && v.consultantId !== null && snap.statusLog.get(v.id)?.some((c) => c.status === 'consulting'))
    const own = seen?.consultantId ?? null
    if (client.ownConsultantId !== own) problems.push(`client ${id} has own consultant ${client.ownConsultantId}, its first consultation says ${own}`)
  }
  return problems
}

/** Counters hand out numbers in the same transaction that uses them: no number lost, none given twice. */
function counterProblems(snap: Snapshot): string[] {
  const expected = new Map<string, number>()
  const bump = (name: string) => expected.set(name, (expected.get(name) ?? 0) + 1)
  if (snap.clients.size > 0) expected.set('archive', snap.clients.size)
  for (const sheet of snap.sheets.values()) bump(`fees:${sheet.sheetNo.slice(2, 6)}`)
  const maxSeq = new Map<string, number>()
  for (const visit of snap.visits.values()) {
    const name = `queue:${visit.date}:${visit.type}`
    bump(name)
    maxSeq.set(name, Math.max(maxSeq.get(name) ?? 0, visit.queueSeq))
  }
  const problems: string[] = []
  for (const name of new Set([...expected.keys(), ...snap.counters.keys()])) {
    const value = snap.counters.get(name) ?? 0
    if (value !== (expected.get(name) ?? 0)) problems.push(`counter ${name} is ${value}, the rows using it number ${expected.get(name) ?? 0}`)
    if (maxSeq.has(name) && maxSeq.get(name) !== value) problems.push(`counter ${name} is ${value}, the highest queue number ${maxSeq.get(name)}`)
  }
  return problems
}

/** A confirmed sheet's line nets add up to its total; deposits and payments account for the rest. */
function feeProblems(db: ReadableDb, snap: Snapshot): string[] {
  const problems: string[] = []
  for (const sheet of snap.sheets.values()) {
    const name = `fee sheet ${sheet.sheetNo} (${sheet.status})`
    const lines = snap.lines.get(sheet.id) ?? { count: 0, netSum: 0, nullNets: 0, maxPosition: -1 }
    const deposits = snap.deposits.get(sheet.id) ?? 0
    const payments = snap.payments.get(sheet.id) ?? 0
    if (lines.maxPosition !== lines.count - 1) problems.push(`${name} has ${lines.count} lines up to position ${lines.maxPosition}`)
    if (sheet.status === 'draft') {
      if (sheet.totalFen !== null || lines.nullNets !== lines.count) problems.push(`${name} has totals or line nets before confirmation`)
      continue
    }
    if (lines.count === 0 || lines.nullNets > 0) problems.push(`${name} has ${lines.count} lines, ${lines.nullNets} without a net`)
    if (lines.netSum !== sheet.totalFen) problems.push(`${name} lines net ${lines.netSum}, total ${sheet.totalFen}`)
    if (sheet.payableFen !== (sheet.totalFen ?? 0) - deposits) problems.push(`${name} payable ${sheet.payableFen}, total ${sheet.totalFen} less deposits ${deposits}`)
    if (getFeeSheet(db, sheet.id)?.totals.total !== sheet.totalFen) problems.push(`${name}: the fee maths over its stored lines do not give its total ${sheet.totalFen}`)
    const paidAsStored = sheet.status === 'paid' ? sheet.payableFen : null
    if (sheet.paidFen !== paidAsStored || payments !== (paidAsStored ?? 0)) problems.push(`${name} paid ${sheet.paidFen}, payments ${payments}, payable ${sheet.payableFen}`)
  }
  return problems
}

/** The board replayed from its events agrees with the visits: who was given whom, who is still serving. */
function boardProblems(snap: Snapshot, board: StoredBoard): string[] {
  const name = `board ${board.date}`
  if (board.state?.board == null) return [`${name} does not replay: ${board.replayError ?? 'never opened'}`]
  const problems: string[] = []
  const visitsOfDay = [...snap.visits.values()].filter((v) => v.date === board.date && v.consultantId !== null)
  const assigned = assignedEvents(board)
  if (assigned.length !== visitsOfDay.length) problems.push(`${name} has ${assigned.length} assignments for ${visitsOfDay.length} assigned visits`)
  for (const event of assigned) {
    const visit = snap.visits.get(event.visitId)
    if (visit?.date !== board.date || visit.consultantId !== event.memberId || visit.assignedBy !== event.how) {
      problems.push(`${name} gave visit ${event.visitId} to ${event.memberId} (${event.how}); the visit says ${visit?.consultantId} (${visit?.assignedBy})`)
    }
  }
  const servedBy = new Map(board.state.board.members.filter((m) => m.status === 'serving').map((m) => [m.visitId, m.id]))
  for (const visit of visitsOfDay) {
    const serving = servedBy.get(visit.id)
    if (ON_BOARD.has(visit.status) !== (serving === visit.consultantId)) {
      problems.push(`${name}: visit ${visit.id} is ${visit.status} with ${visit.consultantId}, the board has it served by ${serving ?? 'nobody'}`)
    }
  }
  for (const [visitId] of servedBy) if (!visitsOfDay.some((v) => v.id === visitId)) problems.push(`${name} serves visit ${visitId} that has no consultant`)
  for (const a of board.state.board.assignments) {
    const status = snap.visits.get(a.visitId)?.status
    if (status !== undefined && ON_BOARD.has(status) !== (a.finishedAt === null)) problems.push(`${name}: visit ${a.visitId} is ${status}, its turn finished at ${a.finishedAt}`)
  }
  return problems
}

export function invariantProblems(db: ReadableDb, snap: Snapshot): string[] {
  const boards = storedBoards(db, snap)
  return [
    ...auditProblems(snap, boards),
    ...[...snap.visits.values()].flatMap((v) => historyProblems(v, snap)),
    ...clientProblems(snap),
    ...counterProblems(snap),
    ...feeProblems(db, snap),
    ...boards.flatMap((b) => boardProblems(snap, b)),
  ]
}
