// The child process of bench/memory.ts (a): a Node process with the main process's modules, the ten-year
// database open and the desk loaded, reporting its memory at each stage as one JSON line on stdout.
//
//   node --expose-gc bench/memoryMain.ts COPY.sqlite [CALLS.json]
//
// It is Node 24 with the same modules the main process runs (db/, electron/api: the dispatcher and every
// handler), not Electron: Electron's main process adds its own baseline (its Chromium browser-process
// parts, which are not measured here).
import './tz.ts'
import { existsSync, readFileSync } from 'node:fs'

type Stage = { stage: string; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; peakRss: number; ms?: number }
const stages: Stage[] = []

function peakRss(): number {
  const status = readFileSync('/proc/self/status', 'utf8')
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024
}
function note(stage: string, ms?: number): void {
  const m = process.memoryUsage()
  stages.push({ stage, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, peakRss: peakRss(), ...(ms === undefined ? {} : { ms }) })
}

/** A local date, `days` after `date` (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const t = new Date(y, m - 1, d + days)
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`
}
const localToday = () => addDays(new Date().toLocaleDateString('sv'), 0)
const dayNumber = (date: string) => Date.UTC(...(date.split('-').map(Number) as [number, number, number])) / 86_400_000

/** The calls the desk makes when it loads, as recorded by bench/rendererStart.ts; these if none was recorded. */
const FALLBACK_CALLS: { method: string; input: unknown }[] = [
  { method: 'settings.get', input: {} },
  { method: 'display.state', input: {} },
  { method: 'session.current', input: {} },
  { method: 'session.operators', input: {} },
  { method: 'backups.status', input: {} },
  { method: 'appointments.list', input: { from: localToday(), to: addDays(localToday(), 1) } },
  { method: 'followUps.due', input: { overdue: true } },
  { method: 'staff.list', input: { includeInactive: true } },
  { method: 'visits.ofDay', input: {} },
  { method: 'rotation.board', input: { kind: 'consultant' } },
]

const [path, callsFile] = process.argv.slice(2)
if (!path) throw new Error('usage: node bench/memoryMain.ts COPY.sqlite [CALLS.json]')
note('node started (no app module loaded)')

const { openDatabase } = await import('../db/open.ts')
const { createDispatcher } = await import('../electron/api/dispatcher.ts')
const { handlers } = await import('../electron/api/handlers/index.ts')
const { newDeskSession } = await import('../electron/api/sessions.ts')
const { BENCH_ADMIN, ensureBenchAdmin, midMorning } = await import('./deskDay.ts')
const { mulberry32 } = await import('./prng.ts')
note('main-process modules loaded (db, dispatcher, handlers)')

let started = performance.now()
const { db } = openDatabase(path)
note('ten-year database open (openDatabase: pragmas, quick_check)', performance.now() - started)

const dispatch = createDispatcher({ db, handlers, publish: () => {}, appInfo: { version: 'bench', preview: false }, log: (message, error) => console.error(message, error) })
const desk = newDeskSession()
const api = {
  async call<T>(method: string, input: unknown): Promise<T> {
    const result = await dispatch(method, input, desk)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  },
}
const admin = await ensureBenchAdmin(api)
if (admin === 'present') {
  const staff = (await api.call<{ id: number; name: string }[]>('session.operators', {})).find((s) => s.name === BENCH_ADMIN.name)
  if (!staff) throw new Error(`${BENCH_ADMIN.name} is not on the sign-in list`)
  await api.call('session.signIn', { staffId: staff.id, pin: BENCH_ADMIN.pin })
}
note(admin === 'added' ? 'administrator set up (setup.complete: one scrypt PIN hash) and signed in' : 'administrator signed in')

started = performance.now()
await midMorning(api, mulberry32(7), 30)
note('mid-morning: board opened, 30 arrivals (register, consult, done)', performance.now() - started)

/** A recorded call's dates moved by as many days as have passed since it was recorded (the desk asks for "today"). */
function shiftDates(input: unknown, days: number): unknown {
  return JSON.parse(JSON.stringify(input), (_key, value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? addDays(value, days) : value))
}
const file = callsFile && existsSync(callsFile) ? (JSON.parse(readFileSync(callsFile, 'utf8')) as { recordedAt: string; calls: { method: string; input: unknown }[] }) : null
const shift = file ? dayNumber(localToday()) - dayNumber(new Date(file.recordedAt).toLocaleDateString('sv')) : 0
const recorded = file ? file.calls.map((c) => ({ method: c.method, input: shiftDates(c.input, shift) })) : null
const calls = (recorded ?? FALLBACK_CALLS).filter((c) => !c.method.startsWith('session.sign'))
// A call the handlers refuse (the working tree's renderer may be ahead of its handlers) is counted, not fatal.
const refused = new Map<string, string>()
async function loadDesk(): Promise<void> {
  for (const c of calls) {
    const result = await dispatch(c.method, c.input, desk)
    if (!result.ok) refused.set(c.method, result.error.message)
  }
}
started = performance.now()
await loadDesk()
note('desk loaded (its load calls, once)', performance.now() - started)

started = performance.now()
for (let i = 0; i < 20; i++) await loadDesk()
note('desk loaded 20 more times (reloads, a second window)', performance.now() - started)

const gc = (globalThis as { gc?: () => void }).gc
if (gc) {
  gc()
  note('after a full garbage collection')
}
console.log(JSON.stringify({ stages, calls: calls.map((c) => c.method), refused: Object.fromEntries(refused), callsFrom: recorded ? 'recorded by bench/rendererStart.ts' : 'built-in list' }))
