// Renderer start: from navigation to an interactive desk, in Chromium, on the demo clinic and on a copy of
// the ten-year file, measured alternately in one run (so the ratio is of the same moment of the machine).
//
//   node bench/rendererStart.ts [--runs=10] [--no-ten-year] [--arrivals=30]
//
// Each run is a fresh browser context (no HTTP cache, no storage) in one Chromium process: a cold desk
// window, though the OS file cache and the server are warm. Before the runs each database is brought to
// mid-morning through the API (the board open, 30 arrivals: a third gone, a third consulting, a third
// waiting), and one discarded calibration load counts the rows the settled desk shows.
//
// "Interactive" = the first moment (performance.now(), i.e. ms since navigation start) at which, at once:
//   - the register button (desk-register-submit) is visible and enabled, not loading;
//   - the board shows as many member rows as the settled desk (or its opener, when not opened);
//   - the waiting list and the served list show as many rows as the settled desk;
//   - no loading mask is visible on the desk page.
// It is checked on every animation frame by an init script (so the time is that of the first frame that
// paints it, to within a frame) and marked with performance.mark('desk-interactive'). "Playwright" is
// the bench's own wall clock from page.goto to the locators' resolution, which adds the DevTools
// protocol's round trips. Navigation Timing's domContentLoaded/load are given for context.
import './tz.ts'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { ensureBuild, type Build } from './bundle.ts'
import { deskContext, launchChromium, useSession } from './desk.ts'
import { BENCH_ADMIN, DEMO_ADMIN, ensureBenchAdmin, midMorning, type Who } from './deskDay.ts'
import { DEFAULT_PATH, ensureGenerated, generatorArgs } from './generate.ts'
import { copyDatabase, kb, LoadWindow, mb, median, percentile } from './machine.ts'
import { apiClient, BenchPreview } from './preview.ts'
import { mulberry32 } from './prng.ts'

export const START_PORTS = { demo: 5420, tenYear: 5421 } as const

/** What the settled desk shows; the interactive check waits for the same. */
interface Expected {
  board: number
  opener: boolean
  waiting: number
  served: number
}

interface RunTiming {
  interactive: number
  playwright: number
  responseEnd: number
  domContentLoaded: number
  load: number
  firstContentfulPaint: number | null
  apiCallsBeforeInteractive: number
  scriptBytes: number
  styleBytes: number
  errors: string[]
}

export interface VariantResult {
  label: string
  db: string
  serverStartMs: number
  setup: string
  expected: Expected
  runs: RunTiming[]
  /** The first load of the browser process (calibration, discarded from the figures). */
  calibration: RunTiming
  /** The preview server process after the loads (Node + the same main-process modules + HTTP). */
  serverMemory: { rss: number; peakRss: number } | null
  /** The calls the desk makes when it loads (method and input), recorded in the calibration load. */
  loadCalls: { method: string; input: unknown }[]
}

export interface RendererStartResult {
  build: Build
  load: string
  variants: VariantResult[]
}

const DESK = '#/front-desk'

/** The init script that marks the interactive moment (see the top of this file). */
function watchInteractive(expected: Expected | null): void {
  if (!location.protocol.startsWith('http') || location.hash.startsWith('#/display')) return
  const w = window as unknown as { __deskInteractive?: number }
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
  }
  const count = (selector: string) => [...document.querySelectorAll(selector)].filter(shown).length
  const ready = () => {
    const submit = document.querySelector<HTMLButtonElement>('[data-testid="desk-register-submit"]')
    if (!submit || submit.disabled || submit.classList.contains('is-disabled') || submit.classList.contains('is-loading') || !shown(submit)) return false
    const board = document.querySelector('[data-testid="desk-board"]')
    if (!board || !shown(board)) return false
    const members = count('[data-testid="desk-board"] [data-testid="board-member"]')
    const opener = document.querySelector('[data-testid="board-opener"]')
    if (expected) {
      if (members !== expected.board || (expected.opener && !opener)) return false
      if (count('[data-testid="waiting-row"]') !== expected.waiting || count('[data-testid="served-row"]') !== expected.served) return false
    } else if (members === 0 && !opener) return false
    if ([...document.querySelectorAll('[data-testid="desk-page"] .el-loading-mask')].some(shown)) return false
    return true
  }
  // Checked once per animation frame, just before the frame's layout and paint: a check after every DOM
  // mutation would force extra layouts while Vue mounts and slow the very start it measures.
  const frame = () => {
    if (!ready()) {
      requestAnimationFrame(frame)
      return
    }
    w.__deskInteractive = performance.now()
    performance.mark('desk-interactive')
  }
  requestAnimationFrame(frame)
}

async function settledCounts(page: Page): Promise<Expected> {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getBoundingClientRect().height > 0
    const count = (selector: string) => [...document.querySelectorAll(selector)].filter(shown).length
    return {
      board: count('[data-testid="desk-board"] [data-testid="board-member"]'),
      opener: document.querySelector('[data-testid="board-opener"]') !== null,
      waiting: count('[data-testid="waiting-row"]'),
      served: count('[data-testid="served-row"]'),
    }
  })
}

/** One cold load of the desk in a fresh context. */
async function loadOnce(browser: Browser, preview: BenchPreview, who: Who, expected: Expected | null, record?: { method: string; input: unknown }[]): Promise<{ timing: RunTiming; settled: Expected }> {
  const api = apiClient(preview.url)
  await api.signIn(who)
  const context = await deskContext(browser)
  try {
    await useSession(context, api.token)
    await context.addInitScript(watchInteractive, expected)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    if (record) {
      page.on('request', (request) => {
        if (!request.url().endsWith('/api/invoke')) return
        const body = JSON.parse(request.postData() ?? '{}') as { method: string; input: unknown }
        record.push({ method: body.method, input: body.input })
      })
    }
    const started = performance.now()
    await page.goto(preview.url + DESK, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as { __deskInteractive?: number }).__deskInteractive !== undefined, undefined, { timeout: 120_000, polling: 'raf' })
    // The same as Playwright sees it (and a check that the in-page definition holds).
    const submit = page.getByTestId('desk-register-submit')
    await submit.waitFor({ state: 'visible' })
    if (!(await submit.isEnabled())) throw new Error('the register button is not enabled at the interactive mark')
    await page.getByTestId('desk-board').waitFor({ state: 'visible' })
    const playwright = performance.now() - started
    const numbers = await page.evaluate(() => {
      const w = window as unknown as { __deskInteractive: number }
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const before = resources.filter((r) => r.responseEnd <= w.__deskInteractive)
      const bytes = (type: string) => before.filter((r) => r.initiatorType === type || (type === 'script' && r.name.endsWith('.js')) || (type === 'link' && r.name.endsWith('.css'))).reduce((n, r) => n + r.decodedBodySize, 0)
      return {
        interactive: w.__deskInteractive,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        firstContentfulPaint: fcp ? fcp.startTime : null,
        apiCallsBeforeInteractive: before.filter((r) => r.name.endsWith('/api/invoke')).length,
        scriptBytes: bytes('script'),
        styleBytes: bytes('link'),
      }
    })
    // Let the desk settle (late reads, the display state), then count what it shows.
    await page.waitForLoadState('load')
    await page.waitForTimeout(1500)
    const settled = await settledCounts(page)
    return { timing: { ...numbers, playwright, errors }, settled }
  } finally {
    await context.close()
  }
}

interface Variant {
  label: string
  preview: BenchPreview
  who: Who
  setup: string
  serverStartMs: number
  db: string
  expected?: Expected
  calibration?: RunTiming
  runs: RunTiming[]
  loadCalls: { method: string; input: unknown }[]
}

async function startVariant(label: string, port: number, dbPath: string, rendererDir: string, seed: boolean, arrivals: number, log: (line: string) => void): Promise<Variant> {
  const preview = new BenchPreview({ port, dbPath, rendererDir, seed })
  const started = performance.now()
  await preview.start(300_000)
  const serverStartMs = performance.now() - started
  const setupApi = apiClient(preview.url)
  let who: Who = DEMO_ADMIN
  let setup = 'demo clinic seeded by the preview (setup.loadDemo)'
  if (!seed) {
    const added = await ensureBenchAdmin(setupApi)
    who = BENCH_ADMIN
    setup = added === 'added' ? `administrator ${BENCH_ADMIN.name} added through setup.complete (the file has no PINs)` : 'administrator present'
  }
  await setupApi.signIn(who)
  const day = await midMorning(setupApi, mulberry32(port), arrivals)
  setup += `; mid-morning: board of ${day.consultants} consultants, ${day.visits} arrivals through the API`
  log(`[start] ${label}: preview on ${preview.url} started in ${(serverStartMs / 1000).toFixed(1)} s; ${setup}`)
  return { label, preview, who, setup, serverStartMs, db: dbPath, runs: [], loadCalls: [] }
}

export async function measureRendererStart(options: { runs?: number; tenYear?: boolean; arrivals?: number; build?: Build; log?: (line: string) => void } = {}): Promise<RendererStartResult> {
  const log = options.log ?? console.log
  const runs = options.runs ?? 10
  const arrivals = options.arrivals ?? 30
  const build = options.build ?? ensureBuild({ log })
  const rendererDir = join(build.dir, 'renderer')
  const work = mkdtempSync(join(tmpdir(), 'clinic-bench-start-'))
  const variants: Variant[] = []
  let browser: Browser | null = null
  const load = new LoadWindow()
  try {
    variants.push(await startVariant('demo clinic', START_PORTS.demo, join(work, 'demo.sqlite'), rendererDir, true, arrivals, log))
    if (options.tenYear !== false) {
      const gen = generatorArgs([])
      ensureGenerated(DEFAULT_PATH, gen.options, false, log)
      const copy = join(work, 'ten-year.sqlite')
      copyDatabase(DEFAULT_PATH, copy)
      variants.push(await startVariant('ten-year file', START_PORTS.tenYear, copy, rendererDir, false, arrivals, log))
    }
    browser = await launchChromium()
    for (const v of variants) {
      const first = await loadOnce(browser, v.preview, v.who, null, v.loadCalls)
      v.calibration = first.timing
      v.expected = first.settled
      log(`[start] ${v.label}: calibration load ${first.timing.interactive.toFixed(0)} ms; settled desk: ${JSON.stringify(first.settled)}`)
    }
    // Alternate the variants, so that both see the same load on the machine.
    for (let i = 0; i < runs; i++) {
      for (const v of variants) {
        const { timing, settled } = await loadOnce(browser, v.preview, v.who, v.expected ?? null)
        if (JSON.stringify(settled) !== JSON.stringify(v.expected)) log(`[start]   ${v.label}: the settled desk changed: ${JSON.stringify(settled)}`)
        v.runs.push(timing)
        log(`[start]   ${v.label} run ${i + 1}/${runs}: interactive ${timing.interactive.toFixed(0)} ms (Playwright ${timing.playwright.toFixed(0)} ms)`)
      }
    }
    load.close()
    return {
      build,
      load: load.toString(),
      variants: variants.map((v) => ({
        label: v.label,
        db: v.db,
        serverStartMs: v.serverStartMs,
        setup: v.setup,
        expected: v.expected as Expected,
        runs: v.runs,
        calibration: v.calibration as RunTiming,
        serverMemory: v.preview.memory(),
        loadCalls: v.loadCalls,
      })),
    }
  } finally {
    await browser?.close()
    for (const v of variants) await v.preview.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

const f0 = (n: number | null) => (n === null || !Number.isFinite(n) ? '-' : n.toFixed(0))

export function summarise(v: VariantResult) {
  const pick = (key: keyof RunTiming) => v.runs.map((r) => r[key] as number)
  return {
    interactive: { median: median(pick('interactive')), p90: percentile(pick('interactive'), 0.9), min: Math.min(...pick('interactive')), max: Math.max(...pick('interactive')) },
    playwright: median(pick('playwright')),
    domContentLoaded: median(pick('domContentLoaded')),
    load: median(pick('load')),
    fcp: median(v.runs.map((r) => r.firstContentfulPaint ?? Number.NaN)),
    apiCalls: median(pick('apiCallsBeforeInteractive')),
    scriptBytes: median(pick('scriptBytes')),
    styleBytes: median(pick('styleBytes')),
    errors: v.runs.reduce((n, r) => n + r.errors.length, 0) + v.calibration.errors.length,
  }
}

export function formatRendererStart(result: RendererStartResult): string {
  const rows = result.variants.map((v) => ({ v, s: summarise(v) }))
  const head = '| database | runs | interactive median ms | p90 | min–max | Playwright sees it | DOMContentLoaded | load | FCP | API calls before | JS / CSS fetched KiB | server start s |'
  const lines = [
    `Renderer start (navigation → interactive desk, Chromium, a fresh context per run; ${result.load}; renderer: ${result.build.note})`,
    '',
    head,
    `|---|${'---:|'.repeat(11)}`,
    ...rows.map(
      ({ v, s }) =>
        `| ${v.label} | ${v.runs.length} | **${f0(s.interactive.median)}** | ${f0(s.interactive.p90)} | ${f0(s.interactive.min)}–${f0(s.interactive.max)} | ${f0(s.playwright)} | ${f0(s.domContentLoaded)} | ${f0(s.load)} | ${f0(s.fcp)} | ${s.apiCalls} | ${kb(s.scriptBytes)} / ${kb(s.styleBytes)} | ${(v.serverStartMs / 1000).toFixed(1)} |`,
    ),
    '',
  ]
  const [demo, ten] = rows
  if (demo && ten) lines.push(`Ten-year file / demo clinic, interactive median: ${(ten.s.interactive.median / demo.s.interactive.median).toFixed(2)}× (same run, loads alternated)`)
  for (const { v, s } of rows) {
    lines.push(
      `- ${v.label}: ${v.setup}; settled desk: ${v.expected.board} board rows${v.expected.opener ? ' (opener)' : ''}, ${v.expected.waiting} waiting, ${v.expected.served} served; ` +
        `first load of the browser process (discarded) ${f0(v.calibration.interactive)} ms; renderer errors ${s.errors}` +
        (v.serverMemory ? `; preview server process after the loads: RSS ${mb(v.serverMemory.rss)} MB, peak ${mb(v.serverMemory.peakRss)} MB` : ''),
    )
  }
  const calls = result.variants[0]?.loadCalls.map((c) => c.method)
  if (calls) lines.push(`- The desk's calls at load (recorded): ${calls.join(', ')}`)
  lines.push('- The preview serves the renderer over HTTP from 127.0.0.1 and the API over fetch; the app serves it over app:// and IPC, so this is the renderer\'s own start, not Electron\'s window creation.')
  return lines.join('\n')
}

export const LOAD_CALLS_FILE = resolve(import.meta.dirname, '.data/desk-load-calls.json')

export function saveLoadCalls(result: RendererStartResult): void {
  const v = result.variants.find((x) => x.label === 'ten-year file') ?? result.variants[0]
  if (!v) return
  mkdirSync(resolve(import.meta.dirname, '.data'), { recursive: true })
  writeFileSync(LOAD_CALLS_FILE, JSON.stringify({ recordedAt: new Date().toISOString(), from: v.label, calls: v.loadCalls }, null, 2))
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, 'no-ten-year': { type: 'boolean', default: false }, arrivals: { type: 'string', default: '30' } } })
  const result = await measureRendererStart({ runs: Number(values.runs), tenYear: !values['no-ten-year'], arrivals: Number(values.arrivals) })
  saveLoadCalls(result)
  console.log(`\n${formatRendererStart(result)}\n`)
  writeFileSync(resolve(import.meta.dirname, '.data/renderer-start.json'), JSON.stringify(result, null, 2))
}
