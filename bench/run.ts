// `npm run bench`: latency of the desk's hot paths at the API handler, on ten years of a large clinic.
//
//   node bench/run.ts [generated.sqlite] [--seed=N] [--end=YYYY-MM-DD] [--years=N] [--force]
//                     [--iterations=2000] [--registrations=1000] [--work-dir=DIR]
//
// --work-dir puts the working copy elsewhere (default: the OS temp dir). On a RAM disk (/dev/shm) the
// fsync of each commit costs nothing, which separates the CPU cost of a call from the storage cost.
// Generates the history if missing (bench/generate.ts), copies it to a temp file (the writes of the
// registration days go there, the generated file stays pristine), opens the copy with the app's
// openDatabase, builds the real dispatcher and handlers, and times `await dispatch(...)` with
// process.hrtime.bigint(). The baseline is a raw prepared point lookup by primary key in the same run.
import './tz.ts'
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { LOCAL_DESK_OPERATOR } from '../core/api/operator.ts'
import type { RegisterResult } from '../core/api/visits.ts'
import type { VisitRow, VisitType } from '../core/domain/visit.ts'
import { passiveCheckpoint } from '../db/checkpoint.ts'
import { closeDatabase, openDatabase } from '../db/open.ts'
import { createDispatcher } from '../electron/api/dispatcher.ts'
import { handlers } from '../electron/api/handlers/index.ts'
import { ensureGenerated, generatorArgs, type Marker } from './generate.ts'
import { category, channel, gender, mobile, OCCUPATIONS, personName } from './people.ts'
import { gaussian, int, mulberry32, pick } from './prng.ts'
import { elapsedMs, Samples, table, type Row } from './stats.ts'

const args = generatorArgs(process.argv.slice(2))
const loadAtStart = loadavg()[0] as number
const ITERATIONS = args.iterations
const WARMUP = Math.max(50, Math.round(ITERATIONS / 10))
const REGISTRATIONS = args.registrations
const log = (line: string) => console.log(line)

// ---------------------------------------------------------------- the database

const marker: Marker = ensureGenerated(args.path, args.options, args.force, log)
const generatedBytes = statSync(args.path).size
const workDir = mkdtempSync(join(args.workDir ?? tmpdir(), 'clinic-bench-'))
const dbPath = join(workDir, 'clinic.sqlite')
process.on('exit', () => rmSync(workDir, { recursive: true, force: true })) // also when a call fails
copyFileSync(args.path, dbPath) // the generated file is closed and checkpointed: a plain copy is complete
{
  // Flush the copy now: otherwise the kernel writes its hundreds of MB back during the write benchmarks,
  // and every commit's fsync waits behind it.
  const copyStart = process.hrtime.bigint()
  const fd = openSync(dbPath, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  log(`[bench] copied to ${dbPath} and flushed it (${elapsedMs(copyStart).toFixed(0)} ms to fsync)`)
}
const openStart = process.hrtime.bigint()
const { db } = openDatabase(dbPath)
const openMs = elapsedMs(openStart)
const sqliteVersion = db.prepare('SELECT sqlite_version()').pluck().get() as string
const analyzed = Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get())

// The clinic's clock: the desk's "today" is the generator's end date, then the days after it.
let clock = new Date()
const setClock = (date: string, minute: number) => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  clock = new Date(y, m - 1, d, 0, minute, int(rng, 0, 59))
}
// As in the app, the write-ahead log is checkpointed when the desk is idle (see db/checkpoint.ts), not
// inside a registration. Arrivals are minutes apart at a real desk; here every simulated minute that
// wrote ends with that idle checkpoint, timed on its own row.
let wroteSinceCheckpoint = false
const idleCheckpoint = new Samples('idle checkpoint')
const dispatch = createDispatcher({
  db,
  handlers,
  afterWrite: () => (wroteSinceCheckpoint = true),
  publish: () => {},
  now: () => clock,
  appInfo: { version: 'bench', preview: false },
  log: (message, error) => console.error(message, error),
})
const op = LOCAL_DESK_OPERATOR

async function call<T>(samples: Samples | null, method: string, input: unknown): Promise<T> {
  const start = process.hrtime.bigint()
  const result = await dispatch(method, input, op)
  const ms = elapsedMs(start)
  if (!result.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${result.error.message}`)
  samples?.add(ms)
  return result.value as T
}

async function tryCall<T>(samples: Samples | null, method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const start = process.hrtime.bigint()
  const result = await dispatch(method, input, op)
  const ms = elapsedMs(start)
  if (result.ok) samples?.add(ms) // a refusal (still nobody free) is not what the row measures
  return result.ok ? { ok: true, value: result.value as T } : { ok: false, message: result.error.message }
}

const rng = mulberry32(args.options.seed ^ 0x5eed)
const maxClientId = db.prepare('SELECT max(id) FROM clients').pluck().get() as number
const clientById = db.prepare('SELECT id, name, name_initials AS initials, phone, own_consultant_id AS owner FROM clients WHERE id = ?')
type ClientKey = { id: number; name: string; initials: string; phone: string; owner: number | null }
const randomClient = (): ClientKey => clientById.get(int(rng, 1, maxClientId)) as ClientKey

// ---------------------------------------------------------------- baseline

log(`[bench] baseline: raw prepared SELECT * FROM clients WHERE id = ? …`)
const baseline = new Samples('baseline')
{
  const point = db.prepare('SELECT * FROM clients WHERE id = ?')
  for (let i = 0; i < 2000; i++) point.get(int(rng, 1, maxClientId))
  for (let i = 0; i < 20_000; i++) {
    const id = int(rng, 1, maxClientId)
    const start = process.hrtime.bigint()
    point.get(id)
    baseline.add(elapsedMs(start))
  }
}

// ---------------------------------------------------------------- searches

interface SearchKind {
  label: string
  query: (c: ClientKey) => string
}
const searchKinds: SearchKind[] = [
  { label: 'clients.search phone, 11 digits', query: (c) => c.phone },
  { label: 'clients.search phone, last 4', query: (c) => c.phone.slice(-4) },
  { label: 'clients.search name, Chinese prefix (2 chars)', query: (c) => [...c.name].slice(0, 2).join('') },
  { label: 'clients.search pinyin initials', query: (c) => c.initials },
]
const rows: Row[] = [{ operation: 'baseline: raw indexed point lookup (clients by id)', samples: baseline }]
const hits: Record<string, number> = {}
for (const kind of searchKinds) {
  log(`[bench] ${kind.label} …`)
  const samples = new Samples(kind.label)
  let found = 0
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const result = await call<unknown[]>(i < WARMUP ? null : samples, 'clients.search', { query: kind.query(randomClient()) })
    if (i >= WARMUP) found += result.length
  }
  hits[kind.label] = found / ITERATIONS
  rows.push({ operation: kind.label, samples, goal: 10, note: `${(found / ITERATIONS).toFixed(1)} results on average` })
}

// ---------------------------------------------------------------- a past day's full board

const pastBoard = new Samples('rotation.board past day')
{
  log(`[bench] rotation.board of past days (full days of events) …`)
  const dates = db.prepare("SELECT board_date FROM rotation_events WHERE board_kind = 'consultant' AND type = 'opened' AND board_date >= date(?, '-365 days') ORDER BY board_date").pluck().all(marker.end) as string[]
  const n = Math.round(ITERATIONS / 2)
  for (let i = 0; i < WARMUP + n; i++) await call(i < WARMUP ? null : pastBoard, 'rotation.board', { date: pick(rng, dates) })
}

// ---------------------------------------------------------------- registration days

const consultants = db.prepare("SELECT id FROM staff WHERE role = 'consultant' AND active = 1 ORDER BY id").pluck().all() as number[]
const registerFirst = new Samples('register first')
const registerReturning = new Samples('register returning')
const registerReview = new Samples('register review')
const todayBoard = new Samples('rotation.board today')
const setStatus = new Samples('visits.setStatus')
const assignLater = new Samples('visits.assign')
const openBoard = new Samples('rotation.open')
let refusals = 0
const eventsAtEndOfDay: number[] = []
const phoneTaken = db.prepare('SELECT 1 FROM clients WHERE phone = ?')

function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** One desk day through the API: open the board, ~150 arrivals of mixed types, consultations that end. */
async function deskDay(date: string, timed: boolean): Promise<void> {
  const t = <S extends Samples>(s: S): S | null => (timed ? s : null)
  setClock(date, 540)
  await call(t(openBoard), 'rotation.open', { memberIds: consultants })
  const n = Math.max(60, Math.round(153 + gaussian(rng) * 12))
  const arrivals = Array.from({ length: n }, () => {
    const r = rng()
    const m = r < 0.6 ? int(rng, 570, 1199) : r < 0.85 ? Math.round(660 + 40 * gaussian(rng)) : Math.round(900 + 60 * gaussian(rng))
    return Math.min(1230, Math.max(570, m))
  }).sort((a, b) => a - b)
  const serving: { visit: VisitRow; end: number }[] = []
  const waiting: VisitRow[] = []
  const here = new Set<number>()

  const start = async (visit: VisitRow, minute: number) => {
    const consulting = await call<VisitRow>(t(setStatus), 'visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status: 'consulting' })
    serving.push({ visit: consulting, end: minute + int(rng, 20, 70) })
  }

  for (let minute = 570; minute <= 1260; minute++) {
    if (wroteSinceCheckpoint) {
      const started = process.hrtime.bigint()
      passiveCheckpoint(db)
      if (timed) idleCheckpoint.add(elapsedMs(started))
      wroteSinceCheckpoint = false
    }
    let freed = false
    for (let i = serving.length - 1; i >= 0; i--) {
      const s = serving[i] as { visit: VisitRow; end: number }
      if (s.end > minute && minute < 1260) continue
      serving.splice(i, 1)
      setClock(date, minute)
      await call(t(setStatus), 'visits.setStatus', { visitId: s.visit.id, expectedVersion: s.visit.version, status: 'done' })
      freed = true
    }
    if (freed) {
      for (let i = 0; i < waiting.length; ) {
        const visit = waiting[i] as VisitRow
        const result = await tryCall<VisitRow>(t(assignLater), 'visits.assign', { visitId: visit.id, expectedVersion: visit.version })
        if (!result.ok) {
          i++
          continue
        }
        waiting.splice(i, 1)
        await start(result.value, minute)
      }
    }
    while (arrivals.length > 0 && arrivals[0] === minute) {
      arrivals.shift()
      setClock(date, minute)
      const r = rng()
      const type: VisitType = r < 0.545 ? 'first' : r < 0.845 ? 'returning' : 'review'
      let input: Record<string, unknown>
      if (type === 'first') {
        const g = gender(rng)
        let phone = mobile(rng)
        while (phoneTaken.get(phone)) phone = mobile(rng)
        input = {
          type,
          newClient: { name: personName(rng, g), gender: g, phone, occupation: pick(rng, OCCUPATIONS), channel: channel(rng), intendedCategory: category(rng) },
          assign: true,
        }
      } else {
        let client = randomClient()
        while (here.has(client.id) || client.owner === null) client = randomClient()
        here.add(client.id)
        input = { type, clientId: client.id, assign: true }
      }
      const samples = type === 'first' ? registerFirst : type === 'returning' ? registerReturning : registerReview
      const result = await call<RegisterResult>(t(samples), 'visits.register', input)
      here.add(result.client.id)
      await call(t(todayBoard), 'rotation.board', {})
      const visit = result.visit
      if (visit.consultantId !== null) await start(visit, minute)
      else if (type !== 'review') {
        refusals += timed ? 1 : 0
        waiting.push(visit)
      } else {
        let row = visit
        for (const status of ['consulting', 'treatment', 'done']) row = await call<VisitRow>(null, 'visits.setStatus', { visitId: row.id, expectedVersion: row.version, status })
      }
    }
  }
  for (const visit of waiting) await call(null, 'visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status: 'left' })
  if (timed) eventsAtEndOfDay.push(db.prepare("SELECT count(*) FROM rotation_events WHERE board_date = ? AND board_kind = 'consultant'").pluck().get(date) as number)
}

let day = 0
log(`[bench] registration days from ${marker.end}: board opened with ${consultants.length} consultants; the first day is warm-up …`)
while (registerFirst.n < REGISTRATIONS) {
  const date = addDays(marker.end, day)
  await deskDay(date, day > 0)
  log(`[bench]   ${date}: ${registerFirst.n} first-visit registrations timed so far`)
  day++
}

// Raw write floor: one INSERT in an immediate transaction, with the app's pragmas (synchronous=FULL).
const rawWrite = new Samples('raw write')
{
  db.exec('CREATE TABLE bench_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL)')
  const insert = db.prepare('INSERT INTO bench_probe (at) VALUES (?)')
  const write = db.transaction((at: string) => insert.run(at))
  for (let i = 0; i < WARMUP + 1000; i++) {
    const start = process.hrtime.bigint()
    write.immediate(clock.toISOString())
    if (i >= WARMUP) rawWrite.add(elapsedMs(start))
  }
}

rows.push(
  { operation: 'visits.register new client, first visit + assign', samples: registerFirst, goal: 5 },
  { operation: 'visits.register returning client + assign', samples: registerReturning, goal: 5 },
  { operation: 'rotation.board today (after each arrival)', samples: todayBoard },
  { operation: 'rotation.board a past full day', samples: pastBoard },
  { operation: 'visits.register review (no board turn)', samples: registerReview },
  { operation: 'visits.setStatus consulting / done (frees board)', samples: setStatus },
  { operation: 'rotation.open (20 consultants)', samples: openBoard },
  { operation: 'raw write txn: 1 INSERT, synchronous=FULL', samples: rawWrite },
  { operation: 'idle checkpoint (PASSIVE, between arrivals)', samples: idleCheckpoint },
)
if (assignLater.n > 0) rows.push({ operation: 'visits.assign (client who waited)', samples: assignLater })

// ---------------------------------------------------------------- report

const counts = marker.counts
const cpu = cpus()
const lines = [
  `Clinic front desk benchmark, ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; SQLite ${sqliteVersion}; better-sqlite3 13`,
  `History: generator v${marker.version}, seed ${marker.seed}, ${counts.days} days up to ${addDays(marker.end, -1)}; ` +
    `${counts.clients.toLocaleString('en')} clients, ${counts.visits.toLocaleString('en')} visits ` +
    `(${counts.visitsByType.first.toLocaleString('en')} first, ${counts.visitsByType.returning.toLocaleString('en')} returning, ${counts.visitsByType.review.toLocaleString('en')} review), ` +
    `${counts.visitStatusRows.toLocaleString('en')} status rows, ${counts.rotationEvents.toLocaleString('en')} rotation events, ` +
    `${counts.consultants} consultants over the years (${counts.activeConsultants} active), ${counts.staff} staff; ` +
    `file ${(generatedBytes / 1e6).toFixed(0)} MB, generated in ${counts.seconds} s`,
  `Load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] as number).toFixed(2)}: other work on the machine inflates p99 and max`,
  `Working copy: ${dbPath}; openDatabase (pragmas + quick_check) on it: ${openMs.toFixed(0)} ms; sqlite_stat1 present: ${analyzed ? 'yes' : 'no'}`,
  `Registration: ${day - 1} timed desk days after 1 warm-up day, board of ${consultants.length} consultants, ` +
    `rotation events per day at closing ${Math.min(...eventsAtEndOfDay)}..${Math.max(...eventsAtEndOfDay)}; ` +
    `${refusals} arrivals had to wait for a free consultant`,
  `Searches: ${ITERATIONS} timed per kind after ${WARMUP} warm-up; average results: ` +
    Object.entries(hits)
      .map(([k, v]) => `${k.replace('clients.search ', '')} ${v.toFixed(1)}`)
      .join(', '),
  '',
  table(rows, baseline),
]
const report = lines.join('\n')
console.log(`\n${report}\n`)
const dataDir = resolve(import.meta.dirname, '.data')
mkdirSync(dataDir, { recursive: true })
writeFileSync(join(dataDir, 'last-run.md'), `${report}\n`)
writeFileSync(
  join(dataDir, 'last-run.json'),
  JSON.stringify(
    { marker, openMs, rows: rows.map((r) => ({ operation: r.operation, n: r.samples.n, median: r.samples.median, p99: r.samples.p99, max: r.samples.max, goal: r.goal ?? null })) },
    null,
    2,
  ),
)
closeDatabase(db)
rmSync(workDir, { recursive: true, force: true })
