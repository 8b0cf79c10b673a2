// Memory: (a) the main process's resident memory with the ten-year database open and the desk loaded
// (goal: under 250 MB); (b) the renderer's JS heap over an hour-long simulated desk day in Chromium
// (goal: no growth beyond 20 % after the warm-up: no leak).
//
//   node bench/memory.ts [--main-only] [--heap-only] [--minutes=60] [--warmup=10] [--demo]
//
// (a) bench/memoryMain.ts in a child Node process: a copy of bench/.data/clinic-10y.sqlite opened with the
//     app's openDatabase, the real dispatcher and handlers, an administrator set up and signed in, a
//     mid-morning (board open, 30 arrivals), then the calls the desk makes when it loads (as recorded by
//     bench/rendererStart.ts from the real desk, else a built-in list), once and 20 times more. It runs
//     twice: bundled into one JS file by Vite with node_modules external, as electron-vite bundles the main
//     process (the figure held against the goal), and from the TypeScript sources (Node's type stripping
//     adds its own memory). Either way it is Node, not Electron: Electron's main process adds a baseline of
//     its own (its browser-process parts), not measured here because the Electron binary is not on this
//     machine.
// (b) The bench's web preview (bench/preview.ts) on a copy of the ten-year file (or the demo clinic with
//     --demo), with a server clock the bench sets; the desk page in Chromium with Playwright's clock
//     installed at the same time, 09:00 on the day after the history. Each simulated minute the page's
//     clock runs 60 s (page.clock.runFor fires every timer due: the header's clock, the waiting minutes,
//     the idle lock's check), the server's clock is set to the page's, the mouse moves (someone is at the
//     desk), and the day goes on: arrivals about every 1.7 minutes registered through the desk's UI (new
//     clients with Alt+N, returning clients found by phone with Alt+F), assigned clients called and their
//     consultations started from the waiting list's buttons, clients who wait assigned from their row when
//     someone is free, and consultations ended 15-45 minutes later through the API as a consultant's own
//     desk would (the page receives them as change events and re-renders). The JS heap is read through
//     the DevTools protocol after two forced collections (HeapProfiler.collectGarbage, then
//     Runtime.getHeapUsage; DOM nodes and listeners from Memory.getDOMCounters), after the warm-up and
//     every 10 minutes. The day's data grows the heap by itself (every visit is a row on a list), so a
//     desk page is also loaded fresh on the same state at the end of the warm-up and at the end; the goal
//     is held against leak = (long-running page's growth - fresh pages' growth) / heap after the warm-up.
//     The raw growth from the warm-up is printed beside it.
import './tz.ts'
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page, Response } from 'playwright-core'
import { build as viteBuild } from 'vite'
import type { BoardView } from '../core/api/rotation.ts'
import type { RegisterResult } from '../core/api/visits.ts'
import type { VisitRow } from '../core/domain/visit.ts'
import { ensureBuild, type Build } from './bundle.ts'
import { deskContext, launchChromium, useSession } from './desk.ts'
import { BENCH_ADMIN, benchPhone, DEMO_ADMIN, ensureBenchAdmin, openBoard, type Who } from './deskDay.ts'
import { DEFAULT_END, DEFAULT_PATH, ensureGenerated, generatorArgs } from './generate.ts'
import { BENCH_TMP, copyDatabase, LoadWindow, mb } from './machine.ts'
import { gender, personName } from './people.ts'
import { apiClient, BenchPreview } from './preview.ts'
import { int, mulberry32 } from './prng.ts'
import { LOAD_CALLS_FILE } from './rendererStart.ts'

const ROOT = resolve(import.meta.dirname, '..')
export const MAIN_RSS_GOAL_MB = 250
export const HEAP_GROWTH_GOAL = 0.2
export const HEAP_PORT = 5422

// ---------------------------------------------------------------- (a) the main process

interface Stage {
  stage: string
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  peakRss: number
  ms?: number
}

export interface MainMemoryRun {
  how: string
  stages: Stage[]
  calls: string[]
  callsFrom: string
  refused: Record<string, string>
  /** RSS with the desk loaded (the stage held against the goal). */
  rss: number
  peakRss: number
}

export interface MainMemoryResult {
  load: string
  plainNodeRss: number
  runs: MainMemoryRun[]
}

/** memoryMain.ts bundled as electron-vite bundles the main process: one ES module, node_modules external. */
async function bundleMemoryMain(): Promise<string> {
  const outDir = join(BENCH_TMP, 'memory-main')
  // The bundle imports node_modules (better-sqlite3, zod, ...) as the main bundle does: let it find ours.
  const modules = join(BENCH_TMP, 'node_modules')
  mkdirSync(BENCH_TMP, { recursive: true })
  if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir')
  await viteBuild({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: { ssr: resolve(import.meta.dirname, 'memoryMain.ts'), outDir, emptyOutDir: true, minify: false, target: 'node24', rolldownOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } } },
  })
  return join(outDir, 'memoryMain.mjs')
}

function runChild(script: string, dbCopy: string): Omit<MainMemoryRun, 'how' | 'rss' | 'peakRss'> {
  const args = ['--expose-gc', script, dbCopy, ...(existsSync(LOAD_CALLS_FILE) ? [LOAD_CALLS_FILE] : [])]
  const out = execFileSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 })
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Omit<MainMemoryRun, 'how' | 'rss' | 'peakRss'>
}

export async function measureMainMemory(options: { log?: (line: string) => void } = {}): Promise<MainMemoryResult> {
  const log = options.log ?? console.log
  const gen = generatorArgs([])
  ensureGenerated(DEFAULT_PATH, gen.options, false, log)
  const load = new LoadWindow()
  const plainNodeRss = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.memoryUsage().rss))'], { encoding: 'utf8' }))
  const bundled = await bundleMemoryMain()
  const runs: MainMemoryRun[] = []
  for (const [how, script] of [
    ['bundled JS (as electron-vite builds main)', bundled],
    ['TypeScript sources (Node type stripping)', resolve(import.meta.dirname, 'memoryMain.ts')],
  ] as const) {
    const work = mkdtempSync(join(tmpdir(), 'clinic-bench-mem-'))
    try {
      const copy = join(work, 'clinic.sqlite')
      copyDatabase(DEFAULT_PATH, copy)
      log(`[memory] main process, ${how}: child Node on a fresh copy of the ten-year file …`)
      const run = runChild(script, copy)
      const loaded = run.stages.find((s) => s.stage.startsWith('desk loaded (')) ?? (run.stages.at(-1) as Stage)
      runs.push({ how, ...run, rss: loaded.rss, peakRss: loaded.peakRss })
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  load.close()
  return { load: load.toString(), plainNodeRss, runs }
}

export function formatMainMemory(r: MainMemoryResult): string {
  const lines = [`Main-process memory (a child Node ${process.version} process with the main process's modules, NOT Electron: Electron's own main-process baseline comes on top and is not measured here; ${r.load})`, '']
  for (const run of r.runs) {
    const pass = run.rss / 2 ** 20 < MAIN_RSS_GOAL_MB
    lines.push(
      `${run.how}: RSS with the ten-year database open and the desk loaded **${mb(run.rss)} MB** (goal < ${MAIN_RSS_GOAL_MB} MB: ${pass ? 'PASS' : 'FAIL'}); peak RSS so far ${mb(run.peakRss)} MB`,
      '',
      '| stage | RSS MB | JS heap used MB | heap total MB | external MB | peak RSS MB | ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...run.stages.map((s) => `| ${s.stage} | ${mb(s.rss)} | ${mb(s.heapUsed)} | ${mb(s.heapTotal)} | ${mb(s.external)} | ${mb(s.peakRss)} | ${s.ms === undefined ? '' : s.ms.toFixed(0)} |`),
      '',
    )
  }
  const first = r.runs[0]
  if (first) {
    lines.push(`- Desk load calls (${first.callsFrom}): ${first.calls.join(', ')}`)
    const refused = Object.entries(first.refused)
    if (refused.length > 0) lines.push(`- Refused by the handlers of this working tree: ${refused.map(([m, e]) => `${m} (${e})`).join(', ')}`)
  }
  lines.push(`- A plain \`node -e\` starts at ${mb(r.plainNodeRss)} MB RSS on this machine; the peak includes the sign-in's scrypt PIN check (32 MiB, by design).`)
  return lines.join('\n')
}

// ---------------------------------------------------------------- (b) the renderer's heap over a day

interface FreshSample {
  usedMB: number
  nodes: number
  listeners: number
  rows: string
}

interface HeapSample {
  minute: number
  clock: string
  usedMB: number
  totalMB: number
  nodes: number
  listeners: number
  documents: number
  visitsToday: number
}

export interface RendererHeapResult {
  build: Build
  load: string
  db: string
  minutes: number
  warmup: number
  samples: HeapSample[]
  /** End of the hour over end of the warm-up, minus one: includes the day's data (more visits on the lists). */
  growth: number
  /** Desk pages loaded fresh on the state at the end of the warm-up and at the end. */
  freshAtWarmup: FreshSample
  fresh: FreshSample
  /** The long-running page's growth beyond the fresh pages' growth, over its heap after the warm-up: what the day leaked. The goal's figure. */
  leak: number
  counts: Record<string, number>
  failures: string[]
  errors: string[]
  wallSeconds: number
}

const isCall = (method: string) => (response: Response) => response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes(`"method":"${method}"`)

/** Clicks and waits for the API call it makes; the envelope's value, or throws with the refusal. */
async function clickFor<T>(page: Page, method: string, click: () => Promise<void>): Promise<T> {
  const answered = page.waitForResponse(isCall(method), { timeout: 15_000 })
  await click()
  const envelope = (await (await answered).json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value
}

async function registerThroughDesk(page: Page, client: { name: string; phone: string } | null, newName: string): Promise<RegisterResult> {
  if (client) {
    await page.keyboard.press('Alt+f')
    await page.getByTestId('desk-search').waitFor()
    await page.getByTestId('desk-search').fill(client.phone)
    await page.getByTestId('desk-search-result').first().waitFor({ timeout: 15_000 })
    await page.keyboard.press('Enter')
    await page.getByTestId('desk-selected-client').waitFor()
    await page.getByTestId('desk-visit-type-returning').click()
  } else {
    await page.keyboard.press('Alt+n')
    await page.getByTestId('desk-new-name').waitFor()
    await page.getByTestId('desk-new-name').click()
    await page.keyboard.type(newName)
    await page.getByTestId('desk-new-phone').fill(benchPhone())
  }
  const result = await clickFor<RegisterResult>(page, 'visits.register', () => page.keyboard.press('Alt+r'))
  await page.getByTestId('desk-result-queue').filter({ hasText: result.visit.queueNo }).waitFor()
  return result
}

const rowAction = (page: Page, visitId: number, action: string) => page.locator(`[data-testid="waiting-row"][data-visit-id="${visitId}"]`).getByTestId(`visit-action-${action}`)

export async function measureRendererHeap(options: { minutes?: number; warmup?: number; demo?: boolean; build?: Build; log?: (line: string) => void } = {}): Promise<RendererHeapResult> {
  const log = options.log ?? console.log
  const minutes = options.minutes ?? 60
  const warmup = options.warmup ?? 10
  const build = options.build ?? ensureBuild({ log })
  const work = mkdtempSync(join(tmpdir(), 'clinic-bench-heap-'))
  const dbPath = join(work, 'clinic.sqlite')
  const rng = mulberry32(0x4ea9)
  const returning: { name: string; phone: string }[] = []
  let who: Who = DEMO_ADMIN
  if (!options.demo) {
    ensureGenerated(DEFAULT_PATH, generatorArgs([]).options, false, log)
    copyDatabase(DEFAULT_PATH, dbPath)
    who = BENCH_ADMIN
    // Clients on file, for returning visits found by phone (read from the pristine generated file).
    const source = new Database(DEFAULT_PATH, { readonly: true, fileMustExist: true })
    const max = source.prepare('SELECT max(id) FROM clients').pluck().get() as number
    const byId = source.prepare('SELECT name, phone FROM clients WHERE id = ? AND own_consultant_id IS NOT NULL')
    while (returning.length < 100) {
      const row = byId.get(int(rng, 1, max)) as { name: string; phone: string } | undefined
      if (row && !returning.some((r) => r.phone === row.phone)) returning.push(row)
    }
    source.close()
  }
  const startMs = Date.parse(`${DEFAULT_END}T09:00:00+08:00`)
  const preview = new BenchPreview({ port: HEAP_PORT, dbPath, rendererDir: join(build.dir, 'renderer'), seed: Boolean(options.demo), clockMs: startMs })
  const load = new LoadWindow()
  const wallStart = performance.now()
  let browser: Browser | null = null
  const counts: Record<string, number> = { arrivals: 0, newClients: 0, returningClients: 0, calls: 0, consultationsStarted: 0, assignedFromRow: 0, consultationsEnded: 0 }
  const failures: string[] = []
  const errors: string[] = []
  try {
    await preview.start(300_000)
    browser = await launchChromium()
    const api = apiClient(preview.url)
    if (!options.demo) await ensureBenchAdmin(api)
    await api.signIn(who)
    await openBoard(api)
    const deskApi = apiClient(preview.url)
    await deskApi.signIn(who)
    const context = await deskContext(browser)
    await useSession(context, deskApi.token)
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.clock.install({ time: startMs })
    await page.goto(preview.url + '#/front-desk')
    await page.getByTestId('desk-register-submit').waitFor()
    await page.getByTestId('board-member').first().waitFor()
    const sync = async () => preview.setClock(await page.evaluate(() => Date.now()))
    await sync()
    const cdp = await context.newCDPSession(page)
    const samples: HeapSample[] = []
    const sample = async (minute: number) => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      const heap = await cdp.send('Runtime.getHeapUsage')
      const dom = await cdp.send('Memory.getDOMCounters')
      const clock = await page.evaluate(() => new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }))
      const visitsToday = (await api.call<VisitRow[]>('visits.ofDay', {})).length
      const s = { minute, clock, usedMB: heap.usedSize / 2 ** 20, totalMB: heap.totalSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, visitsToday }
      samples.push(s)
      log(`[memory] heap at ${clock} (minute ${minute}): ${s.usedMB.toFixed(2)} MB used, ${s.nodes} DOM nodes, ${s.listeners} listeners, ${visitsToday} visits today`)
    }
    await sample(0)
    // The same desk state in a page that has just loaded. Taken at the end of the warm-up and at the end:
    // the fresh pages' difference is what the day's data adds (more rows on the lists), the long-running
    // page's difference beyond it is what the day leaked; one-time costs (code compiled on first use,
    // caches) are in the long-running page at both points and cancel out.
    const shownRows = () => page.evaluate(() => ['board-member', 'waiting-row', 'served-row'].map((id) => document.querySelectorAll(`[data-testid="${id}"]`).length).join('/'))
    const freshDesk = async (): Promise<FreshSample> => {
      const rows = await shownRows()
      const freshApi = apiClient(preview.url)
      await freshApi.signIn(who)
      const freshContext = await deskContext(browser as Browser)
      try {
        await useSession(freshContext, freshApi.token)
        const freshPage = await freshContext.newPage()
        await freshPage.clock.install({ time: await page.evaluate(() => Date.now()) })
        await freshPage.goto(preview.url + '#/front-desk')
        await freshPage.waitForFunction(
          (expected) => ['board-member', 'waiting-row', 'served-row'].map((id) => document.querySelectorAll(`[data-testid="${id}"]`).length).join('/') === expected,
          rows,
          { timeout: 60_000 },
        )
        await freshPage.clock.runFor(10_000)
        const freshCdp = await freshContext.newCDPSession(freshPage)
        await freshCdp.send('HeapProfiler.collectGarbage')
        await freshCdp.send('HeapProfiler.collectGarbage')
        const heap = await freshCdp.send('Runtime.getHeapUsage')
        const dom = await freshCdp.send('Memory.getDOMCounters')
        const f = { usedMB: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, rows }
        log(`[memory] a fresh desk page on the same state (${rows} board/waiting/served rows): ${f.usedMB.toFixed(2)} MB used, ${f.nodes} DOM nodes, ${f.listeners} listeners`)
        return f
      } finally {
        await freshContext.close()
      }
    }
    let freshAtWarmup: FreshSample | null = null

    const ends = new Map<number, number>() // visit id -> minute its consultation ends
    const attempt = async (what: string, run: () => Promise<void>) => {
      try {
        await run()
      } catch (error) {
        failures.push(`${what}: ${(error as Error).message.split('\n')[0]}`)
        await page.keyboard.press('Escape').catch(() => {})
      }
    }
    for (let minute = 1; minute <= warmup + minutes; minute++) {
      await page.clock.runFor(60_000)
      await sync()
      await page.mouse.move(int(rng, 200, 1200), int(rng, 100, 800))
      const today = await api.call<VisitRow[]>('visits.ofDay', {})
      // A consultant's desk ends consultations that are due.
      for (const v of today) {
        const end = ends.get(v.id)
        if (v.status === 'consulting' && end !== undefined && end <= minute) {
          await api.call('visits.setStatus', { visitId: v.id, expectedVersion: v.version, status: 'done' })
          ends.delete(v.id)
          counts.consultationsEnded = (counts.consultationsEnded ?? 0) + 1
        }
      }
      // The receptionist: start the consultations of those called, call the next assigned client.
      const called = today.find((v) => v.status === 'called')
      if (called) {
        await attempt('start a consultation', async () => {
          await clickFor(page, 'visits.setStatus', () => rowAction(page, called.id, 'consult').click())
          ends.set(called.id, minute + int(rng, 15, 45))
          counts.consultationsStarted = (counts.consultationsStarted ?? 0) + 1
        })
      }
      const toCall = today.find((v) => v.status === 'waiting' && v.consultantId !== null)
      if (toCall) {
        await attempt('call a client', async () => {
          await clickFor(page, 'queue.call', () => rowAction(page, toCall.id, 'call').click())
          counts.calls = (counts.calls ?? 0) + 1
        })
      }
      // A first visit waits when nobody is free; a returning client waits for their own consultant (the
      // desk tries again every five minutes; a refusal is the desk's answer, shown as a message).
      const unassigned = today.find((v) => v.status === 'waiting' && v.consultantId === null && v.type === 'first')
      if (unassigned && (await api.call<BoardView>('rotation.board', { kind: 'consultant' })).nextMemberId !== null) {
        await attempt('assign a waiting client', async () => {
          await clickFor(page, 'visits.assign', () => rowAction(page, unassigned.id, 'assign').click())
          counts.assignedFromRow = (counts.assignedFromRow ?? 0) + 1
        })
      }
      const owner = minute % 5 === 0 ? today.find((v) => v.status === 'waiting' && v.consultantId === null && v.type === 'returning') : undefined
      if (owner) {
        try {
          await clickFor(page, 'visits.assign', () => rowAction(page, owner.id, 'assign').click())
          counts.assignedFromRow = (counts.assignedFromRow ?? 0) + 1
        } catch {
          counts.refusedOwnConsultantBusy = (counts.refusedOwnConsultantBusy ?? 0) + 1
        }
      }
      // An arrival about every 1.7 minutes: three in four new clients, the rest returning clients on file.
      if (rng() < 0.6) {
        const onFile = returning.length > 0 && rng() < 0.25 ? (returning.shift() ?? null) : null
        await attempt(onFile ? 'register a returning client' : 'register a new client', async () => {
          await registerThroughDesk(page, onFile, personName(rng, gender(rng)))
          counts.arrivals = (counts.arrivals ?? 0) + 1
          if (onFile) counts.returningClients = (counts.returningClients ?? 0) + 1
          else counts.newClients = (counts.newClients ?? 0) + 1
        })
      }
      if (minute === warmup || minute === warmup + minutes || (minute > warmup && (minute - warmup) % 10 === 0)) await sample(minute)
      if (minute === warmup) freshAtWarmup = await freshDesk()
    }
    const locked = await page.getByTestId('sign-in').isVisible()
    if (locked) failures.push('the desk was locked (sign-in screen) at the end')
    const fresh = await freshDesk()
    await context.close()
    load.close()
    const base = samples.find((s) => s.minute === warmup) as HeapSample
    const end = samples.at(-1) as HeapSample
    return {
      build,
      load: load.toString(),
      db: options.demo ? 'demo clinic' : 'copy of the ten-year file',
      minutes,
      warmup,
      samples,
      growth: end.usedMB / base.usedMB - 1,
      freshAtWarmup: freshAtWarmup as FreshSample,
      fresh,
      leak: (end.usedMB - base.usedMB - (fresh.usedMB - (freshAtWarmup as FreshSample).usedMB)) / base.usedMB,
      counts,
      failures,
      errors,
      wallSeconds: (performance.now() - wallStart) / 1000,
    }
  } finally {
    await browser?.close()
    await preview.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

export function formatRendererHeap(r: RendererHeapResult): string {
  const pass = r.leak <= HEAP_GROWTH_GOAL
  const first = r.samples[0]
  const base = r.samples.find((s) => s.minute === r.warmup)
  const end = r.samples.at(-1)
  const lines = [
    `Renderer JS heap over a simulated desk day (${r.db}; ${r.warmup} min warm-up + ${r.minutes} min, in ${r.wallSeconds.toFixed(0)} s of wall time; ${r.load})`,
    '',
    `Growth of the long-running desk page beyond what the day's data adds: **${(r.leak * 100).toFixed(1)} %** of its heap after the warm-up ` +
      `(goal ≤ ${HEAP_GROWTH_GOAL * 100} %: ${pass ? 'PASS' : 'FAIL'}). Raw growth from the end of the warm-up: ${(r.growth * 100).toFixed(1)} % ` +
      `(${base?.usedMB.toFixed(2)} → ${end?.usedMB.toFixed(2)} MB, ${base?.visitsToday ?? '?'} → ${end?.visitsToday ?? '?'} visits on the lists); ` +
      `a page loaded fresh on the same state: ${r.freshAtWarmup.usedMB.toFixed(2)} → ${r.fresh.usedMB.toFixed(2)} MB (the data's share).`,
    '',
    '| minute | desk clock | JS heap used MB (after GC) | heap total MB | DOM nodes | JS listeners | documents | visits today |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...r.samples.map((s) => `| ${s.minute} | ${s.clock} | ${s.usedMB.toFixed(2)} | ${s.totalMB.toFixed(2)} | ${s.nodes} | ${s.listeners} | ${s.documents} | ${s.visitsToday} |`),
    `| fresh page on the state of minute ${r.warmup} | | ${r.freshAtWarmup.usedMB.toFixed(2)} | | ${r.freshAtWarmup.nodes} | ${r.freshAtWarmup.listeners} | | rows ${r.freshAtWarmup.rows} |`,
    `| fresh page on the end state | | ${r.fresh.usedMB.toFixed(2)} | | ${r.fresh.nodes} | ${r.fresh.listeners} | | rows ${r.fresh.rows} |`,
    '',
    `- The day: ${Object.entries(r.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Actions that failed: ${r.failures.length === 0 ? 'none' : `${r.failures.length}: ${[...new Set(r.failures)].slice(0, 5).join('; ')}`}`,
    `- Renderer errors: ${r.errors.length === 0 ? 'none' : `${r.errors.length}: ${[...new Set(r.errors)].slice(0, 3).join('; ')}`}`,
  ]
  if (first) lines.push(`- Right after the desk loaded (minute 0, before the warm-up): ${first.usedMB.toFixed(2)} MB.`)
  return lines.join('\n')
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      'main-only': { type: 'boolean', default: false },
      'heap-only': { type: 'boolean', default: false },
      minutes: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      demo: { type: 'boolean', default: false },
    },
  })
  const out: Record<string, unknown> = {}
  mkdirSync(resolve(import.meta.dirname, '.data'), { recursive: true })
  if (!values['heap-only']) {
    const main = await measureMainMemory()
    out.main = main
    console.log(`\n${formatMainMemory(main)}\n`)
  }
  if (!values['main-only']) {
    const heap = await measureRendererHeap({ minutes: Number(values.minutes), warmup: Number(values.warmup), demo: values.demo })
    out.heap = heap
    console.log(`\n${formatRendererHeap(heap)}\n`)
  }
  writeFileSync(resolve(import.meta.dirname, '.data/memory.json'), JSON.stringify(out, null, 2))
}
