// The crash-safety worker: real desk work through the app's own dispatcher and handlers on one database
// file, each committed write acknowledged on stdout (test/crash/protocol.ts). It never stops by itself
// before MAX_RUN_MS: test/integration/crash-safety.test.ts kills it with SIGKILL at random moments.
//
//   node test/crash/worker.ts <database file> <seed>
//
// It loads, says `loaded`, waits for `go` on stdin (so the parent can start it while it checks the file
// the previous worker left), then opens the file with the app's openDatabase and carries on from whatever
// the file holds. Its choices depend only on the seed and the file's contents.
import './tz.ts'
import { once } from 'node:events'
import { flushCompileCache } from 'node:module'
import { int, mulberry32 } from '../../bench/prng.ts'
import { contract } from '../../core/api/contract.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import { LOCAL_DESK_OPERATOR } from '../../core/api/operator.ts'
import type { BoardView } from '../../core/api/rotation.ts'
import type { RegisterResult } from '../../core/api/visits.ts'
import { localDateOf } from '../../core/domain/dates.ts'
import { roleMay } from '../../core/domain/permissions.ts'
import type { PriceItem } from '../../core/domain/priceItem.ts'
import type { Staff } from '../../core/domain/staff.ts'
import type { VisitRow } from '../../core/domain/visit.ts'
import { openDatabase } from '../../db/open.ts'
import { loadBoardState } from '../../db/rotation.ts'
import { pluckStmt } from '../../db/statements.ts'
import type { WritableDb } from '../../db/types.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { nextAction, WRITE_METHODS, type Action } from './actions.ts'
import { boardDigest } from './digest.ts'
import type { Acked, BoardMark, SheetMark, VisitMark, WorkerLine } from './protocol.ts'

/** A safety net for a parent that forgot the worker: a run is normally killed within a second. */
const MAX_RUN_MS = 60_000
const OPERATOR = LOCAL_DESK_OPERATOR
const FIRST_MORNING = new Date(2026, 10, 23, 9, 0)

// On Linux a write to a pipe is synchronous: once emit returns, the line is in the pipe and survives a kill.
function emit(line: WorkerLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

function requirePermissions(): void {
  for (const method of WRITE_METHODS) {
    if (!roleMay(OPERATOR.role, contract[method].permission)) throw new Error(`${OPERATOR.name} may not call ${method}`)
  }
}

/** Continues the clinic's clock from the last write the file holds (the audit log is written by every one). */
function clockFrom(db: WritableDb): Date {
  const last = pluckStmt(db, 'SELECT max(at) FROM audit_log').get() as string | null
  return last === null ? new Date(FIRST_MORNING) : new Date(Date.parse(last) + 1_000)
}

function nextMorning(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0)
}

function visitMark(visit: VisitRow): VisitMark {
  const { id, visitDate: date, queueNo, status, statusAt, version, consultantId } = visit
  return { id, date, queueNo, status, statusAt, version, consultantId }
}

function sheetMark(sheet: FeeSheet): SheetMark {
  const { id, sheetNo, status, revision } = sheet
  return { id, sheetNo, status, revision, lines: sheet.lines.length, totalFen: status === 'draft' ? null : sheet.totals.total }
}

/** What the parent needs to find the acknowledged write again. */
function acked(action: Action, value: unknown): Acked {
  switch (action.method) {
    case 'staff.create':
      return { method: action.method, staffId: (value as Staff).id }
    case 'prices.create': {
      const item = value as PriceItem
      return { method: action.method, itemId: item.id, code: item.code }
    }
    case 'rotation.open':
      return { method: action.method, date: (value as BoardView).date }
    case 'visits.register': {
      const { visit, client } = value as RegisterResult
      return { method: action.method, visit: visitMark(visit), clientId: client.id, phone: client.phone }
    }
    case 'visits.setStatus':
    case 'visits.assign':
      return { method: action.method, visit: visitMark(value as VisitRow) }
    default:
      return { method: action.method, sheet: sheetMark(value as FeeSheet) }
  }
}

/** The worker's own fold of the day's board, read after the commit: the per-connection cache of db/rotation.ts. */
function boardMark(db: WritableDb, date: string): BoardMark | null {
  const state = loadBoardState(db, date, 'consultant')
  return state.board === null ? null : { date, seq: state.lastSeq, digest: boardDigest(state) }
}

async function run(dbPath: string, seed: number): Promise<never> {
  requirePermissions()
  // A killed worker never reaches exit, where Node would write its compile cache (NODE_COMPILE_CACHE).
  flushCompileCache()
  emit({ kind: 'loaded' })
  await once(process.stdin, 'data')
  process.stdin.destroy()

  const { db } = openDatabase(dbPath)
  const auditRows = pluckStmt(db, 'SELECT count(*) FROM audit_log').get() as number
  emit({ kind: 'opened', auditRows })
  const rng = mulberry32(seed ^ Math.imul(auditRows + 1, 0x9e3779b1))
  let now = clockFrom(db)
  const dispatch = createDispatcher({
    db,
    handlers,
    publish: () => {},
    now: () => new Date(now),
    appInfo: { version: 'crash-test', preview: false },
    log: (message, error) => console.error(message, error),
  })

  const deadline = Date.now() + MAX_RUN_MS
  for (let n = 1; Date.now() < deadline; n++) {
    now = new Date(now.getTime() + int(rng, 5, 60) * 1_000)
    const today = localDateOf(now)
    const action = nextAction(db, rng, today)
    if (action === null) {
      now = nextMorning(now)
      continue
    }
    emit({ kind: 'begin', n, method: action.method })
    const result = await dispatch(action.method, action.input, OPERATOR)
    if (!result.ok) {
      emit({ kind: 'refused', n, method: action.method, code: result.error.code })
      continue
    }
    const auditId = pluckStmt(db, 'SELECT max(id) FROM audit_log').get() as number
    emit({ kind: 'ack', n, auditId, board: boardMark(db, today), ...acked(action, result.value) })
  }
  console.error(`crash worker: not killed within ${MAX_RUN_MS} ms`)
  process.exit(3)
}

const [dbPath, seedText] = process.argv.slice(2)
if (dbPath === undefined || seedText === undefined || !Number.isInteger(Number(seedText))) {
  console.error('usage: node test/crash/worker.ts <database file> <seed>')
  process.exit(64)
}
await run(dbPath, Number(seedText))
