// The bench's web preview: scripts/web.ts's server (test/web-preview/server.ts, the real handlers over a real
// SQLite file on 127.0.0.1) in a child process, with two differences the measurements need:
//  - the renderer is served from a directory given here (the bench's own build, see bench/bundle.ts),
//    so that another session rebuilding out/ cannot change the bundle under a measurement;
//  - optionally a clock the bench sets (bench/simClock.ts), so that an hour of desk time can pass in a
//    few minutes with the server and the page agreeing on the time.
//
//   node bench/preview.ts --port 5420 --db FILE --renderer DIR [--no-seed] [--clock ISO]
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { previewApi, type PreviewApi } from '../test/e2e/previewApi.ts'
import { installSimClock, setSimClock, simNow } from './simClock.ts'

const ROOT = resolve(import.meta.dirname, '..')

/** Messages between the bench and a preview started with a settable clock. */
type ClockMessage = { type: 'setClock'; atMs: number } | { type: 'clock'; atMs: number }

async function serve(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      renderer: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      clock: { type: 'string' },
    },
  })
  if (!values.port || !values.db || !values.renderer) throw new Error('bench/preview.ts needs --port, --db and --renderer')
  if (values.clock) {
    installSimClock(Date.parse(values.clock))
    process.on('message', (message: ClockMessage) => {
      if (message.type !== 'setClock') return
      setSimClock(message.atMs)
      process.send?.({ type: 'clock', atMs: simNow() } satisfies ClockMessage)
    })
  }
  // Loaded after the clock is installed, so every module of the app reads it.
  const { startWebPreview } = await import('../test/web-preview/server.ts')
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }
  const preview = await startWebPreview({ dbPath: resolve(values.db), rendererDir: resolve(values.renderer), port: Number(values.port), seed: !values['no-seed'], version: pkg.version })
  console.log(`Web preview (bench): ${preview.url}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void preview.close().then(() => process.exit(0))
    })
  }
}

/** Resident and peak resident memory of a process, from /proc (Linux), in bytes. */
export function processMemory(pid: number): { rss: number; peakRss: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024
    return { rss: kb('VmRSS'), peakRss: kb('VmHWM') }
  } catch {
    return null
  }
}

export interface BenchPreviewOptions {
  port: number
  dbPath: string
  rendererDir: string
  /** Seed the demo clinic when the database is new (as scripts/web.ts does). */
  seed: boolean
  /** Start the server's clock at this time (epoch ms) and let the bench move it. */
  clockMs?: number
}

/** A preview child process of the bench. */
export class BenchPreview {
  readonly options: BenchPreviewOptions
  private child: ChildProcess | null = null
  private output = ''

  constructor(options: BenchPreviewOptions) {
    this.options = options
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}/`
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  async start(timeoutMs = 120_000): Promise<void> {
    const o = this.options
    const args = [resolve(import.meta.dirname, 'preview.ts'), '--port', String(o.port), '--db', o.dbPath, '--renderer', o.rendererDir]
    if (!o.seed) args.push('--no-seed')
    if (o.clockMs !== undefined) args.push('--clock', new Date(o.clockMs).toISOString())
    // The clinic's time zone, so that the server's "today" is the page's (the page runs in Asia/Shanghai).
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, TZ: 'Asia/Shanghai' } })
    this.child = child
    const started = new Promise<void>((done, fail) => {
      // Opening a copy of the ten-year file runs quick_check (seconds) and, after a new migration, migrates it.
      const timer = setTimeout(() => fail(new Error(`bench preview did not start in ${timeoutMs / 1000} s:\n${this.output}`)), timeoutMs)
      child.stdout?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString()
        if (this.output.includes('Web preview (bench)')) {
          clearTimeout(timer)
          done()
        }
      })
      child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
      child.on('exit', (code) => {
        clearTimeout(timer)
        fail(new Error(`bench preview exited with ${code}:\n${this.output}`))
      })
    })
    await started
  }

  /** Moves the server's clock to `atMs` (only for a preview started with `clockMs`). */
  async setClock(atMs: number): Promise<number> {
    const child = this.child
    if (!child?.send) throw new Error('the preview has no settable clock')
    return new Promise<number>((done) => {
      const onMessage = (message: ClockMessage) => {
        if (message.type !== 'clock') return
        child.off('message', onMessage)
        done(message.atMs)
      }
      child.on('message', onMessage)
      child.send({ type: 'setClock', atMs } satisfies ClockMessage)
    })
  }

  memory(): { rss: number; peakRss: number } | null {
    return this.child?.pid === undefined ? null : processMemory(this.child.pid)
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    await new Promise<void>((done) => {
      // SIGTERM closes the database cleanly (PRAGMA optimize on a ten-year file can take a while).
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.once('exit', () => {
        clearTimeout(timer)
        done()
      })
      child.kill('SIGTERM')
    })
  }
}

/** The preview's API from the bench, as the desk's bridge calls it, under a session token of its own. */
export const apiClient = previewApi
export type ApiClient = PreviewApi

if (import.meta.main) await serve()
