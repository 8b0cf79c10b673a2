/** The parent's side of the crash worker: start it, read its lines as they stream, kill it. */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Readable, Writable } from 'node:stream'
import { GO, type AckLine, type WorkerLine } from './protocol.ts'

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url))

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** What one run of the worker said before it died. */
export interface RunReport {
  exit: Exit
  auditRowsAtOpen: number | null
  acks: AckLine[]
  /** Writes the dispatcher refused (nothing written), by method and error code. */
  refusals: { method: string; code: string }[]
  /** The write begun and neither acknowledged nor refused when the worker died, if any. */
  inFlight: { n: number; method: string } | null
  /** Text after the last newline: a line cut off by the kill, never counted as an acknowledgement. */
  cutOff: string
  stderr: string
}

export class CrashWorker {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>
  private readonly lines: WorkerLine[] = []
  private readonly listeners = new Set<(line: WorkerLine) => void>()
  private readonly exit: Promise<Exit>
  private tail = ''
  private stderr = ''

  /** Starts the worker; it loads, then waits for go() before it touches the database. */
  constructor(dbPath: string, seed: number, compileCacheDir: string) {
    this.child = spawn(process.execPath, [WORKER, dbPath, String(seed)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Node's compile cache spares each later worker most of the cost of loading the app's modules.
      env: { ...process.env, NODE_COMPILE_CACHE: compileCacheDir },
    })
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk))
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.exit = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })))
  }

  private read(chunk: string): void {
    const parts = (this.tail + chunk).split('\n')
    this.tail = parts.pop() ?? ''
    for (const part of parts) {
      const line = JSON.parse(part) as WorkerLine
      this.lines.push(line)
      for (const listener of this.listeners) listener(line)
    }
  }

  /** The first line (read already or still to come) of a kind; rejects if the worker ends first or time runs out. */
  async first(kind: WorkerLine['kind'], timeoutMs: number): Promise<void> {
    if (this.lines.some((l) => l.kind === kind)) return
    let listener: ((line: WorkerLine) => void) | undefined
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        new Promise<void>((resolve) => this.listeners.add((listener = (line) => line.kind === kind && resolve()))),
        this.exit.then((exit) => Promise.reject(new Error(`worker ended (${JSON.stringify(exit)}) before "${kind}": ${this.stderr}`))),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no "${kind}" from the worker within ${timeoutMs} ms: ${this.stderr}`)), timeoutMs))),
      ])
    } finally {
      if (listener) this.listeners.delete(listener)
      clearTimeout(timer)
    }
  }

  go(): void {
    this.child.stdin.end(GO)
  }

  kill(): void {
    this.child.kill('SIGKILL')
  }

  /** Waits for the process to end and its pipes to drain, then says what it acknowledged. */
  async report(): Promise<RunReport> {
    const exit = await this.exit
    const opened = this.lines.find((l) => l.kind === 'opened')
    const last = this.lines.findLast((l) => l.kind === 'begin' || l.kind === 'ack' || l.kind === 'refused')
    return {
      exit,
      auditRowsAtOpen: opened?.kind === 'opened' ? opened.auditRows : null,
      acks: this.lines.filter((l): l is AckLine => l.kind === 'ack'),
      refusals: this.lines.flatMap((l) => (l.kind === 'refused' ? [{ method: l.method, code: l.code }] : [])),
      inFlight: last?.kind === 'begin' ? { n: last.n, method: last.method } : null,
      cutOff: this.tail,
      stderr: this.stderr,
    }
  }
}
