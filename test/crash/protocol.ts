/**
 * What the crash worker writes to stdout, one JSON object a line. `begin` goes out just before a write is
 * dispatched, `ack` only after its envelope came back ok (the transaction committed), `refused` after a
 * refusal (nothing written). A `begin` without its answer is the write in flight when the worker died.
 */
import type { FeeSheetStatus } from '../../core/domain/feeSheet.ts'
import type { VisitStatus } from '../../core/domain/visit.ts'

/** A visit as the worker saw it acknowledged. */
export interface VisitMark {
  id: number
  date: string
  queueNo: string
  status: VisitStatus
  statusAt: string
  version: number
  consultantId: number | null
}

/** A fee sheet as the worker saw it acknowledged. */
export interface SheetMark {
  id: number
  sheetNo: string
  status: FeeSheetStatus
  revision: number
  lines: number
  totalFen: number | null
}

/** The worker's own (cached) fold of today's board right after the write. */
export interface BoardMark {
  date: string
  seq: number
  digest: string
}

export type Acked =
  | { method: 'staff.create'; staffId: number }
  | { method: 'prices.create'; itemId: number; code: string }
  | { method: 'rotation.open'; date: string }
  | { method: 'visits.register'; visit: VisitMark; clientId: number; phone: string }
  | { method: 'visits.setStatus' | 'visits.assign'; visit: VisitMark }
  | { method: 'fees.create' | 'fees.saveDraft' | 'fees.confirm' | 'fees.pay'; sheet: SheetMark }

export type AckLine = { kind: 'ack'; n: number; auditId: number; board: BoardMark | null } & Acked

export type WorkerLine =
  | { kind: 'loaded' }
  | { kind: 'opened'; auditRows: number }
  | { kind: 'begin'; n: number; method: string }
  | AckLine
  | { kind: 'refused'; n: number; method: string; code: string }

/** The line the parent writes to the worker's stdin once the database is free for it. */
export const GO = 'go\n'
