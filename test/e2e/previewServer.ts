import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A web preview of its own for a test that restarts it (the shared one is started by playwright.config). */
export class PreviewServer {
  readonly dbPath: string
  readonly port: number
  private child: ChildProcess | null = null

  /** `seed: false` starts from an empty clinic, as a first run of the app does. */
  private readonly seed: boolean

  constructor(port: number, dbPath = join(mkdtempSync(join(tmpdir(), 'front-desk-e2e-')), 'clinic.sqlite'), options: { seed?: boolean } = {}) {
    this.port = port
    this.dbPath = dbPath
    this.seed = options.seed ?? true
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`
  }

  async start(): Promise<void> {
    const root = resolve(import.meta.dirname, '../..')
    this.child = spawn(process.execPath, ['scripts/web.ts', '--no-build', '--port', String(this.port), '--db', this.dbPath, ...(this.seed ? [] : ['--no-seed'])], { cwd: root, stdio: 'pipe' })
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('web preview did not start in 20 s')), 20_000)
      this.child?.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Web preview')) {
          clearTimeout(timer)
          done()
        }
      })
      this.child?.on('exit', (code) => fail(new Error(`web preview exited with ${code}`)))
    })
  }

  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    await new Promise<void>((done) => {
      // SIGTERM closes the database cleanly; a preview that has not exited in 10 s is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(timer)
        done()
      })
      child.kill('SIGTERM')
    })
    this.child = null
  }
}
