/**
 * What the workers acknowledged, and the checks that all of it is in the file: every acknowledged write is
 * there with at least its acknowledged state (later writes may have moved it on, never back).
 */
import type { FeeSheetStatus } from '../../core/domain/feeSheet.ts'
import { applyEvent, initialState, type BoardEvent, type BoardState } from '../../core/rotation/index.ts'
import { loadBoardEvents } from '../../db/rotation.ts'
import type { ReadableDb } from '../../db/types.ts'
import { boardDigest } from './digest.ts'
import type { AckLine, BoardMark, SheetMark, VisitMark } from './protocol.ts'
import type { Snapshot } from './snapshot.ts'

const SHEET_RANK: Record<FeeSheetStatus, number> = { draft: 0, confirmed: 1, paid: 2, void: 3 }

/** The latest acknowledged state of each thing written; acknowledgements come in commit order. */
export class AckLedger {
  readonly visits = new Map<number, VisitMark>()
  readonly sheets = new Map<number, SheetMark>()
  readonly clients = new Map<number, string>()
  readonly staff = new Set<number>()
  readonly items = new Map<number, string>()
  readonly openedDays = new Set<string>()
  /** Audit row id -> the method acknowledged with it. */
  readonly audit = new Map<number, string>()
  size = 0

  add(ack: AckLine): void {
    this.size++
    this.audit.set(ack.auditId, ack.method)
    switch (ack.method) {
      case 'staff.create':
        return void this.staff.add(ack.staffId)
      case 'prices.create':
        return void this.items.set(ack.itemId, ack.code)
      case 'rotation.open':
        return void this.openedDays.add(ack.date)
      case 'visits.register':
        this.clients.set(ack.clientId, ack.phone)
        return void this.visits.set(ack.visit.id, ack.visit)
      case 'visits.setStatus':
      case 'visits.assign':
        return void this.visits.set(ack.visit.id, ack.visit)
      default:
        return void this.sheets.set(ack.sheet.id, ack.sheet)
    }
  }
}

function visitProblems(snap: Snapshot, mark: VisitMark): string[] {
  const visit = snap.visits.get(mark.id)
  const name = `acknowledged visit ${mark.id} (${mark.queueNo} ${mark.status} v${mark.version})`
  if (!visit) return [`${name} is missing`]
  const problems: string[] = []
  if (visit.date !== mark.date || visit.queueNo !== mark.queueNo) problems.push(`${name} is now ${visit.date} ${visit.queueNo}`)
  if (visit.version < mark.version) problems.push(`${name} went back to version ${visit.version}`)
  if (visit.version === mark.version && (visit.status !== mark.status || visit.statusAt !== mark.statusAt || visit.consultantId !== mark.consultantId)) {
    problems.push(`${name} differs at the same version: ${visit.status} ${visit.statusAt} consultant ${visit.consultantId}`)
  }
  if (mark.consultantId !== null && visit.consultantId !== mark.consultantId) problems.push(`${name} lost consultant ${mark.consultantId}`)
  const logged = snap.statusLog.get(mark.id) ?? []
  if (!logged.some((c) => c.status === mark.status && c.at === mark.statusAt)) problems.push(`${name} has no status row ${mark.status} at ${mark.statusAt}`)
  return problems
}

function sheetProblems(snap: Snapshot, mark: SheetMark): string[] {
  const sheet = snap.sheets.get(mark.id)
  const name = `acknowledged fee sheet ${mark.sheetNo} (${mark.status} r${mark.revision}, ${mark.lines} lines)`
  if (!sheet) return [`${name} is missing`]
  const lines = snap.lines.get(mark.id)?.count ?? 0
  const problems: string[] = []
  if (sheet.sheetNo !== mark.sheetNo) problems.push(`${name} is now numbered ${sheet.sheetNo}`)
  if (sheet.revision < mark.revision) problems.push(`${name} went back to revision ${sheet.revision}`)
  if (SHEET_RANK[sheet.status] < SHEET_RANK[mark.status]) problems.push(`${name} went back to ${sheet.status}`)
  if (sheet.revision === mark.revision && (sheet.status !== mark.status || lines !== mark.lines)) {
    problems.push(`${name} differs at the same revision: ${sheet.status}, ${lines} lines`)
  }
  if (mark.status !== 'draft' && (lines !== mark.lines || sheet.totalFen !== mark.totalFen)) {
    problems.push(`${name} changed after confirmation: ${lines} lines, total ${sheet.totalFen} (acknowledged ${mark.totalFen})`)
  }
  return problems
}

/** Every acknowledged write, at its latest acknowledged state, against the file. */
export function acknowledgedProblems(snap: Snapshot, ledger: AckLedger): string[] {
  const problems: string[] = []
  for (const mark of ledger.visits.values()) problems.push(...visitProblems(snap, mark))
  for (const mark of ledger.sheets.values()) problems.push(...sheetProblems(snap, mark))
  for (const [id, phone] of ledger.clients) {
    if (snap.clients.get(id)?.phone !== phone) problems.push(`acknowledged client ${id} (${phone}) is missing or changed`)
  }
  for (const id of ledger.staff) if (!snap.staff.has(id)) problems.push(`acknowledged staff member ${id} is missing`)
  for (const [id, code] of ledger.items) if (snap.items.get(id) !== code) problems.push(`acknowledged price item ${id} (${code}) is missing`)
  for (const [id, method] of ledger.audit) {
    if (snap.audit.get(id) !== method) problems.push(`audit row ${id} of acknowledged ${method} is ${snap.audit.get(id) ?? 'missing'}`)
  }
  return problems
}

/**
 * The board each worker folded and cached on its own connection, as acknowledged after a write, against a
 * fresh replay of the stored events up to the same seq.
 */
export function boardMarkProblems(db: ReadableDb, marks: readonly BoardMark[]): string[] {
  const problems: string[] = []
  const dates = [...new Set(marks.map((m) => m.date))]
  for (const date of dates) {
    const events = loadBoardEvents(db, date, 'consultant')
    let state: BoardState = initialState()
    let next = 0
    for (const mark of marks.filter((m) => m.date === date).sort((a, b) => a.seq - b.seq)) {
      while (state.lastSeq < mark.seq && next < events.length) state = applyEvent(state, events[next++] as BoardEvent)
      if (state.lastSeq !== mark.seq) problems.push(`board ${date}: acknowledged seq ${mark.seq} but the log ends at ${state.lastSeq}`)
      else if (boardDigest(state) !== mark.digest) problems.push(`board ${date} at seq ${mark.seq}: the worker's cached board differs from the replay`)
    }
  }
  return problems
}
