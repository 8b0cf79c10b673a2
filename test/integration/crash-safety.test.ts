/**
 * Crash safety (issue 7): a worker process does real desk work through the app's dispatcher and handlers
 * on one database file (test/crash/worker.ts) and acknowledges each committed write; it is killed with
 * SIGKILL at random moments, many times over, each new worker carrying on with the file the last one left.
 * After every kill the file must pass integrity_check, hold every acknowledged write, hold nothing half
 * written, and its rotation boards must replay to what the workers had folded.
 *
 * CRASH_SEED=<n> replays a run (the seed is printed); CRASH_KILLS=<n> changes the number of kills.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { int, mulberry32 } from '../../bench/prng.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { integrityProblems, invariantProblems } from '../crash/invariants.ts'
import { AckLedger, acknowledgedProblems, boardMarkProblems } from '../crash/ledger.ts'
import type { BoardMark } from '../crash/protocol.ts'
import { CrashWorker, type RunReport } from '../crash/runner.ts'
import { readSnapshot, type Snapshot } from '../crash/snapshot.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const SEED = Number(process.env.CRASH_SEED ?? 20261123)
const KILLS = Number(process.env.CRASH_KILLS ?? 50)
/** The kill comes this long after the worker's first acknowledgement, uniformly drawn. */
const KILL_AFTER_MS = [5, 300] as const
const START_TIMEOUT_MS = 20_000
/** Workers started ahead of their turn: loading the app's modules is most of what a worker costs. */
const LOOKAHEAD = 2

/** Each worker's own seed, from the test's seed and its place in the run. */
const workerSeed = (kill: number) => (Math.imul(SEED, 0x9e3779b1) ^ Math.imul(kill, 0x85ebca6b)) >>> 1

const tempDir = useTempDir()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Checked {
  problems: string[]
  auditRows: number
  /** The write in flight at the kill had committed (its acknowledgement never went out). */
  inFlightCommitted: boolean
}

/**
 * The write in flight at the kill either committed whole (one audit row more than acknowledged) or not at
 * all; with nothing in flight, the file holds exactly the acknowledged writes.
 */
function inFlightProblems(snap: Snapshot, run: RunReport, auditBefore: number): string[] {
  const extra = snap.audit.size - auditBefore - run.acks.length
  if (extra === 0) return []
  const newest = snap.audit.get(Math.max(...snap.audit.keys()))
  if (extra === 1 && run.inFlight !== null && newest === run.inFlight.method) return []
  return [`${extra} writes beyond the ${run.acks.length} acknowledged (in flight: ${run.inFlight?.method ?? 'none'}, newest audit row ${newest})`]
}

function runProblems(run: RunReport, auditBefore: number): string[] {
  const problems = run.refusals.filter((r) => r.code === 'internal').map((r) => `${r.method} failed inside: ${run.stderr}`)
  if (run.auditRowsAtOpen !== auditBefore) problems.push(`the worker opened the file with ${run.auditRowsAtOpen} audit rows, not ${auditBefore}`)
  return problems
}

/** Opens the file as the app does after a crash (pragmas, quick_check) and checks all of it. */
function checkAfterKill(dbPath: string, ledger: AckLedger, run: RunReport, auditBefore: number): Checked {
  const { db } = openDatabase(dbPath)
  try {
    const snap = readSnapshot(db)
    const marks = run.acks.map((a) => a.board).filter((m): m is BoardMark => m !== null)
    const problems = [
      ...integrityProblems(db),
      ...runProblems(run, auditBefore),
      ...inFlightProblems(snap, run, auditBefore),
      ...acknowledgedProblems(snap, ledger),
      ...boardMarkProblems(db, marks),
      ...invariantProblems(db, snap),
    ]
    return { problems, auditRows: snap.audit.size, inFlightCommitted: snap.audit.size - auditBefore > run.acks.length }
  } finally {
    closeDatabase(db)
  }
}

async function runUntilKilled(worker: CrashWorker, killAfterMs: number): Promise<RunReport> {
  try {
    await worker.first('loaded', START_TIMEOUT_MS)
    worker.go()
    await worker.first('ack', START_TIMEOUT_MS)
    await sleep(killAfterMs)
  } finally {
    worker.kill()
  }
  return worker.report()
}

class Tally {
  kills = 0
  acks = 0
  inFlight = 0
  inFlightCommitted = 0
  readonly byMethod = new Map<string, number>()

  add(run: RunReport, checked: Checked): void {
    this.kills++
    this.acks += run.acks.length
    if (run.inFlight) this.inFlight++
    if (checked.inFlightCommitted) this.inFlightCommitted++
    for (const ack of run.acks) this.byMethod.set(ack.method, (this.byMethod.get(ack.method) ?? 0) + 1)
  }

  summary(auditRows: number, ms: number): string {
    return (
      `[crash-safety] ${this.kills} kills, ${this.acks} acknowledged writes, ${auditRows} committed; ` +
      `${this.inFlight} kills landed with a write in flight (${this.inFlightCommitted} committed unacknowledged, ` +
      `${this.inFlight - this.inFlightCommitted} not committed); ${(ms / 1000).toFixed(1)} s\n` +
      `[crash-safety] acknowledged: ${[...this.byMethod].map(([method, n]) => `${method} ${n}`).join(', ')}`
    )
  }
}

describe('crash safety of the desk writes', () => {
  it(`keeps every acknowledged write and nothing half written across ${KILLS} SIGKILLs`, async () => {
    console.log(`[crash-safety] seed ${SEED}: rerun with CRASH_SEED=${SEED}`)
    const t0 = performance.now()
    const dir = tempDir()
    const dbPath = dbPathIn(dir)
    const rng = mulberry32(SEED)
    const ledger = new AckLedger()
    const tally = new Tally()
    let auditRows = 0
    // The workers ahead load while the current one works and its file is checked; each waits for go().
    const ahead: CrashWorker[] = []
    let started = 0
    const startAhead = () => {
      while (ahead.length < LOOKAHEAD && started < KILLS) ahead.push(new CrashWorker(dbPath, workerSeed(++started), join(dir, 'compile-cache')))
    }
    try {
      startAhead()
      for (let kill = 1; kill <= KILLS; kill++) {
        const worker = ahead.shift() as CrashWorker
        startAhead()
        const killAfterMs = int(rng, ...KILL_AFTER_MS)
        const run = await runUntilKilled(worker, killAfterMs)
        const where = `seed ${SEED}, kill ${kill} (${killAfterMs} ms after the first acknowledgement)`
        expect(run.exit.signal, `${where}: the worker ended by itself: ${run.stderr}`).toBe('SIGKILL')
        for (const ack of run.acks) ledger.add(ack)
        const checked = checkAfterKill(dbPath, ledger, run, auditRows)
        expect(checked.problems, where).toEqual([])
        auditRows = checked.auditRows
        tally.add(run, checked)
      }
    } finally {
      for (const worker of ahead) worker.kill()
    }
    console.log(tally.summary(auditRows, performance.now() - t0))
    expect(tally.kills).toBe(KILLS)
    // Kills that never land inside a write would prove little.
    expect(tally.inFlight).toBeGreaterThan(KILLS / 4)
  }, 80_000)
})
