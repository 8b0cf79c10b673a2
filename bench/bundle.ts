// Bundle sizes: the built renderer, main and preload files, raw and gzip (node:zlib, level 6), and the
// renderer split into what the desk loads at start (index.html's script and styles and every chunk they
// import statically) and the lazy chunks (dynamic import(), e.g. the report charts).
//
//   node bench/bundle.ts [--force] [--out-dir=DIR]
//
// The bench builds into a directory of its own (BENCH_TMP/build, with `electron-vite build --outDir`),
// when it is missing or older than the newest source file, so that a build by another session in out/
// (`npm test` and `npm run web` rebuild it) cannot change the files under a measurement. If the build of
// the current sources fails (a half-edited file), the previous bench build is used, else out/, and the
// report says so. --out-dir measures an existing build instead (e.g. --out-dir=out).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { BENCH_TMP, kb } from './machine.ts'

const ROOT = resolve(import.meta.dirname, '..')
export const BENCH_BUILD = join(BENCH_TMP, 'build')
const STAMP = 'bench-build.json'
/** What the three bundles are built from. */
const SOURCES = ['renderer', 'core', 'electron', 'db', 'electron.vite.config.ts', 'package.json', 'package-lock.json']

export interface Build {
  /** The directory with main/, preload/, renderer/. */
  dir: string
  /** How it came to be used: built now, reused (up to date), or a fallback. */
  how: 'built' | 'reused' | 'fallback' | 'given'
  note: string
  buildSeconds: number | null
  builtAt: string
}

function newestSource(): { ms: number; file: string } {
  let best = { ms: 0, file: '' }
  const visit = (path: string) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(path, name))
    } else if (stat.mtimeMs > best.ms) best = { ms: stat.mtimeMs, file: relative(ROOT, path) }
  }
  for (const source of SOURCES) visit(join(ROOT, source))
  return best
}

function readStamp(dir: string): { newestSourceMs: number; builtAt: string; buildSeconds: number } | null {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as { newestSourceMs: number; builtAt: string; buildSeconds: number }
  } catch {
    return null
  }
}

const shown = (dir: string) => (dir.startsWith(ROOT) ? relative(ROOT, dir) : dir)
const complete = (dir: string) => ['renderer/index.html', 'main/index.js', 'preload/index.cjs'].every((file) => existsSync(join(dir, file)))

/** The bench's build of the current sources: made if missing or stale (see the top of this file). */
export function ensureBuild(options: { force?: boolean; log?: (line: string) => void } = {}): Build {
  const log = options.log ?? console.log
  const newest = newestSource()
  const stamp = readStamp(BENCH_BUILD)
  if (!options.force && stamp && complete(BENCH_BUILD) && stamp.newestSourceMs >= newest.ms) {
    log(`[bundle] reusing ${BENCH_BUILD} (built ${stamp.builtAt}; no source newer)`)
    return { dir: BENCH_BUILD, how: 'reused', note: 'bench build up to date with the sources', buildSeconds: stamp.buildSeconds, builtAt: stamp.builtAt }
  }
  const next = `${BENCH_BUILD}-next`
  rmSync(next, { recursive: true, force: true })
  mkdirSync(dirname(next), { recursive: true })
  log(`[bundle] building the current sources into ${BENCH_BUILD} (newest source: ${newest.file}) …`)
  const started = performance.now()
  try {
    // An absolute --outDir: the renderer's root is renderer/, a relative one would land inside it.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', next, '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' })
    if (!complete(next)) throw new Error('the build finished without index.html, main/index.js and preload/index.cjs')
  } catch (error) {
    rmSync(next, { recursive: true, force: true })
    const output = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message)
    const reason = output.split('\n').find((line) => /error|fail/i.test(line))?.trim() ?? 'build failed'
    const fallback = complete(BENCH_BUILD) ? BENCH_BUILD : complete(join(ROOT, 'out')) ? join(ROOT, 'out') : null
    if (!fallback) throw new Error(`the build failed and there is no earlier build to measure: ${reason}`, { cause: error })
    const builtAt = readStamp(fallback)?.builtAt ?? statSync(join(fallback, 'renderer/index.html')).mtime.toISOString()
    log(`[bundle] the build of the current sources FAILED (${reason}); measuring ${shown(fallback)} of ${builtAt} instead`)
    return { dir: fallback, how: 'fallback', note: `build of the current sources failed (${reason}); measured ${shown(fallback)} built ${builtAt}`, buildSeconds: null, builtAt }
  }
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10
  const builtAt = new Date().toISOString()
  writeFileSync(join(next, STAMP), JSON.stringify({ newestSourceMs: newest.ms, builtAt, buildSeconds }))
  rmSync(BENCH_BUILD, { recursive: true, force: true })
  renameSync(next, BENCH_BUILD)
  log(`[bundle] built in ${buildSeconds} s`)
  return { dir: BENCH_BUILD, how: 'built', note: `built from the working tree in ${buildSeconds} s`, buildSeconds, builtAt }
}

// ---------------------------------------------------------------- sizes

export interface FileSize {
  file: string
  raw: number
  gzip: number
}

export interface BundleSizes {
  build: Build
  renderer: {
    initial: FileSize[]
    lazy: FileSize[]
    other: FileSize[]
    initialJs: { raw: number; gzip: number }
    initialCss: { raw: number; gzip: number }
    lazyJs: { raw: number; gzip: number }
    lazyCss: { raw: number; gzip: number }
  }
  main: FileSize[]
  preload: FileSize[]
}

function size(dir: string, file: string): FileSize {
  const content = readFileSync(join(dir, file))
  return { file, raw: content.length, gzip: gzipSync(content, { level: 6 }).length }
}

function filesUnder(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(under, entry.name)) : entry.name === STAMP ? [] : [join(under, entry.name)],
  )
}

const STATIC_IMPORT = /\bimport\s*(?:[^"'`()]*?\bfrom\s*)?["'`](\.\/[^"'`]+)["'`]/g
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g

/** The renderer files the desk loads at start: index.html's entry and styles, closed over static imports. */
function initialFiles(rendererDir: string): Set<string> {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\.?\/?([^"]+)"/g)].map((m) => m[1] as string).filter((f) => !f.startsWith('data:') && existsSync(join(rendererDir, f)))
  const initial = new Set<string>(['index.html'])
  const queue = [...entry]
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (initial.has(file)) continue
    initial.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(join(rendererDir, file), 'utf8').replace(DYNAMIC_IMPORT, '')
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(join(dirname(file), m[1] as string))
  }
  return initial
}

export function measureBundle(build: Build): BundleSizes {
  const rendererDir = join(build.dir, 'renderer')
  const initial = initialFiles(rendererDir)
  const all = filesUnder(rendererDir).map((file) => size(rendererDir, file))
  const sum = (files: FileSize[], ext: string) =>
    files.filter((f) => f.file.endsWith(ext)).reduce((acc, f) => ({ raw: acc.raw + f.raw, gzip: acc.gzip + f.gzip }), { raw: 0, gzip: 0 })
  const isCode = (f: FileSize) => f.file.endsWith('.js') || f.file.endsWith('.css')
  const init = all.filter((f) => initial.has(f.file))
  const lazy = all.filter((f) => !initial.has(f.file) && isCode(f))
  const other = all.filter((f) => !initial.has(f.file) && !isCode(f))
  const bySize = (a: FileSize, b: FileSize) => b.raw - a.raw
  return {
    build,
    renderer: {
      initial: init.sort(bySize),
      lazy: lazy.sort(bySize),
      other: other.sort(bySize),
      initialJs: sum(init, '.js'),
      initialCss: sum(init, '.css'),
      lazyJs: sum(lazy, '.js'),
      lazyCss: sum(lazy, '.css'),
    },
    main: filesUnder(join(build.dir, 'main')).map((file) => size(join(build.dir, 'main'), file)).sort(bySize),
    preload: filesUnder(join(build.dir, 'preload')).map((file) => size(join(build.dir, 'preload'), file)).sort(bySize),
  }
}

export function formatBundle(b: BundleSizes): string {
  const row = (label: string, f: { raw: number; gzip: number }) => `| ${label} | ${kb(f.raw)} | ${kb(f.gzip)} |`
  const r = b.renderer
  return [
    `Bundle sizes (${b.build.note}; gzip = node:zlib level 6; the app loads them from disk over app://, uncompressed, so raw is what Chromium parses)`,
    '',
    '| file | raw KiB | gzip KiB |',
    '|---|---:|---:|',
    row('**renderer, desk initial load: JS**', r.initialJs),
    row('**renderer, desk initial load: CSS**', r.initialCss),
    ...r.initial.map((f) => row(`  initial: ${f.file}`, f)),
    row('**renderer, lazy chunks: JS**', r.lazyJs),
    row('**renderer, lazy chunks: CSS**', r.lazyCss),
    ...r.lazy.map((f) => row(`  lazy: ${f.file}`, f)),
    ...r.other.map((f) => row(`  other: ${f.file}`, f)),
    ...b.main.map((f) => row(`main: ${f.file} (dependencies external: node_modules not counted)`, f)),
    ...b.preload.map((f) => row(`preload: ${f.file}`, f)),
  ].join('\n')
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, 'out-dir': { type: 'string' } } })
  const given = values['out-dir']
  const build: Build = given
    ? { dir: resolve(given), how: 'given', note: `measured ${given} as given`, buildSeconds: null, builtAt: statSync(resolve(given, 'renderer/index.html')).mtime.toISOString() }
    : ensureBuild({ force: values.force })
  const sizes = measureBundle(build)
  console.log(`\n${formatBundle(sizes)}\n`)
  mkdirSync(resolve(import.meta.dirname, '.data'), { recursive: true })
  writeFileSync(resolve(import.meta.dirname, '.data/bundle.json'), JSON.stringify(sizes, null, 2))
}
