// `npm run bench`: the API benchmark (bench/run.ts), then the renderer and memory figures, with one summary
// at the end, written to bench/.data/last-run.md and last-run.json (run.ts's keys kept, `ui` added).
//
//   node bench/all.ts [run.ts's arguments] [--skip-api] [--skip-ui] [--runs=10] [--minutes=60] [--warmup=10]
//
//   bench/run.ts          hot paths at the API handler, on ten years of a large clinic
//   bench/bundle.ts       bundle sizes (builds the current sources first if needed)
//   bench/rendererStart.ts navigation -> interactive desk in Chromium, demo clinic and ten-year file
//   bench/memory.ts       main-process RSS with the ten-year file open; renderer heap over a simulated hour
import './tz.ts'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureBuild, formatBundle, measureBundle, type BundleSizes } from './bundle.ts'
import { kb, LoadWindow, machineLine, mb } from './machine.ts'
import { formatMainMemory, formatRendererHeap, HEAP_GROWTH_GOAL, MAIN_RSS_GOAL_MB, measureMainMemory, measureRendererHeap, type MainMemoryResult, type RendererHeapResult } from './memory.ts'
import { formatRendererStart, measureRendererStart, saveLoadCalls, summarise, type RendererStartResult } from './rendererStart.ts'

const OWN = { 'skip-api': false, 'skip-ui': false, runs: '10', minutes: '60', warmup: '10' }
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => Object.keys(OWN).some((k) => a === `--${k}` || a.startsWith(`--${k}=`))),
  options: {
    'skip-api': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    runs: { type: 'string', default: OWN.runs },
    minutes: { type: 'string', default: OWN.minutes },
    warmup: { type: 'string', default: OWN.warmup },
  },
})
const runArgs = process.argv.slice(2).filter((a) => !Object.keys(OWN).some((k) => a === `--${k}` || a.startsWith(`--${k}=`)))
const dataDir = resolve(import.meta.dirname, '.data')
const log = (line: string) => console.log(line)
const load = new LoadWindow()
const started = performance.now()

// ---------------------------------------------------------------- the API benchmark (its own process)

interface RunJson {
  rows: { operation: string; n: number; median: number; p99: number; max: number; goal: number | null }[]
  [key: string]: unknown
}
let apiReport = 'API benchmark skipped (--skip-api).'
let apiJson: RunJson | null = null
if (!values['skip-api']) {
  log(`[bench] API benchmark: node bench/run.ts ${runArgs.join(' ')}`)
  const result = spawnSync(process.execPath, [resolve(import.meta.dirname, 'run.ts'), ...runArgs], { stdio: 'inherit' })
  if (result.status !== 0) {
    apiReport = `API benchmark FAILED (exit ${result.status}); see its output above.`
  } else {
    apiReport = readFileSync(join(dataDir, 'last-run.md'), 'utf8').trimEnd()
    apiJson = JSON.parse(readFileSync(join(dataDir, 'last-run.json'), 'utf8')) as RunJson
  }
}

// ---------------------------------------------------------------- renderer and memory

const failed: string[] = []
async function step<T>(name: string, run: () => Promise<T> | T): Promise<T | null> {
  log(`\n[bench] ${name} …`)
  try {
    return await run()
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    failed.push(`${name}: ${message}`)
    log(`[bench] ${name} could not be measured: ${message}`)
    return null
  }
}

let bundle: BundleSizes | null = null
let start: RendererStartResult | null = null
let mainMemory: MainMemoryResult | null = null
let heap: RendererHeapResult | null = null
if (!values['skip-ui']) {
  const build = await step('build', () => ensureBuild({ log }))
  if (build) {
    bundle = await step('bundle sizes', () => measureBundle(build))
    start = await step('renderer start', () => measureRendererStart({ runs: Number(values.runs), build, log }))
    if (start) saveLoadCalls(start)
    mainMemory = await step('main-process memory', () => measureMainMemory({ log }))
    heap = await step('renderer heap over a simulated hour', () => measureRendererHeap({ minutes: Number(values.minutes), warmup: Number(values.warmup), build, log }))
  }
}
load.close()

// ---------------------------------------------------------------- the summary

const summary: string[][] = []
const add = (figure: string, value: string, goal = '', met = '') => summary.push([figure, value, goal, met])
for (const row of apiJson?.rows ?? []) {
  if (row.goal !== null) add(`API: ${row.operation}, p99 (median)`, `${row.p99.toFixed(3)} ms (${row.median.toFixed(3)})`, `< ${row.goal} ms`, row.p99 < row.goal ? 'yes' : 'NO')
}
if (bundle) {
  const r = bundle.renderer
  add('renderer, desk initial load: JS raw / gzip', `${kb(r.initialJs.raw)} / ${kb(r.initialJs.gzip)} KiB`)
  add('renderer, desk initial load: CSS raw / gzip', `${kb(r.initialCss.raw)} / ${kb(r.initialCss.gzip)} KiB`)
  add('renderer, lazy chunks: JS raw / gzip', `${kb(r.lazyJs.raw)} / ${kb(r.lazyJs.gzip)} KiB`)
  add('main bundle raw / gzip (node_modules external)', `${kb(bundle.main.reduce((n, f) => n + f.raw, 0))} / ${kb(bundle.main.reduce((n, f) => n + f.gzip, 0))} KiB`)
}
if (start) {
  const s = start.variants.map((v) => ({ v, s: summarise(v) }))
  for (const { v, s: x } of s) add(`desk interactive, ${v.label}: median (p90), ${v.runs.length} cold loads`, `${x.interactive.median.toFixed(0)} ms (${x.interactive.p90.toFixed(0)})`)
  const [demo, ten] = s
  if (demo && ten) add('desk interactive, ten-year / demo (same run)', `${(ten.s.interactive.median / demo.s.interactive.median).toFixed(2)}×`)
}
if (mainMemory) {
  for (const run of mainMemory.runs) {
    const pass = run.rss / 2 ** 20 < MAIN_RSS_GOAL_MB
    add(`main-process RSS, ten-year file + desk loaded, Node (${run.how}); peak`, `${mb(run.rss)} MB; ${mb(run.peakRss)} MB`, `< ${MAIN_RSS_GOAL_MB} MB`, pass ? 'PASS' : 'FAIL')
  }
}
if (heap) {
  add(`renderer JS heap, ${heap.minutes}-min simulated day: growth beyond the data's`, `${(heap.leak * 100).toFixed(1)} %`, `≤ ${HEAP_GROWTH_GOAL * 100} %`, heap.leak <= HEAP_GROWTH_GOAL ? 'PASS' : 'FAIL')
  add('renderer JS heap: raw growth after warm-up (incl. the day\'s data)', `${(heap.growth * 100).toFixed(1)} % (${heap.samples.find((x) => x.minute === heap?.warmup)?.usedMB.toFixed(2)} → ${heap.samples.at(-1)?.usedMB.toFixed(2)} MB)`)
}
for (const f of failed) add('NOT MEASURED', f)

const width = (t: string) => [...t].reduce((n, ch) => n + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1), 0)
function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat((w[i] as number) - width(c))).join(' | ')} |`
  return [line(head), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

const sections = [
  apiReport,
  bundle ? formatBundle(bundle) : '',
  start ? formatRendererStart(start) : '',
  mainMemory ? formatMainMemory(mainMemory) : '',
  heap ? formatRendererHeap(heap) : '',
  [
    `Summary, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machineLine()}; whole bench ${((performance.now() - started) / 60_000).toFixed(1)} min, ${load}`,
    '',
    table(['figure', 'value', 'goal', 'met'], summary),
  ].join('\n'),
].filter(Boolean)
const report = sections.join('\n\n')
console.log(`\n${sections.slice(1).join('\n\n')}\n`)

mkdirSync(dataDir, { recursive: true })
writeFileSync(join(dataDir, 'last-run.md'), `${report}\n`)
writeFileSync(
  join(dataDir, 'last-run.json'),
  JSON.stringify(
    {
      ...(apiJson ?? { api: 'skipped' }),
      ui: {
        load: load.toString(),
        bundle,
        rendererStart: start && { ...start, summaries: start.variants.map((v) => ({ label: v.label, ...summarise(v) })) },
        mainMemory,
        rendererHeap: heap,
        notMeasured: failed,
        summary: summary.map(([figure, value, goal, met]) => ({ figure, value, goal, met })),
      },
    },
    null,
    2,
  ),
)
log(`[bench] written ${join(dataDir, 'last-run.md')} and last-run.json`)
