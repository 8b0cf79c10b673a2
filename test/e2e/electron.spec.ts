/**
 * The real desktop app through Playwright's Electron driver: the built app (out/) on the Electron binary
 * from node_modules, with a fresh database file. Skipped, saying why, where the Electron binary is not
 * installed (it cannot be downloaded on machines without internet beyond the npm registry).
 *
 * This runs the unpackaged build: the packaged app has the EnableNodeCliInspectArguments fuse off, which
 * Playwright's _electron.launch needs.
 */
import { expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'

const root = join(import.meta.dirname, '..', '..')

/** The binary that `npm start` would run. Never `require('electron')`: that would try to download it. */
function electronBinary(): string | null {
  try {
    const dir = join(root, 'node_modules', 'electron')
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()

test.describe('desktop app (Electron)', () => {
  test.skip(binary === null, 'Electron binary not installed: cannot be downloaded on this machine; run npm start once on a machine with internet')

  let app: ElectronApplication
  let desk: Page
  let dataDir: string

  test.beforeAll(async () => {
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: build first (npx electron-vite build)`)
    }
    dataDir = mkdtempSync(join(tmpdir(), 'front-desk-e2e-'))
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
    delete env.ELECTRON_RUN_AS_NODE
    delete env.ELECTRON_RENDERER_URL
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [root],
      cwd: root,
      env: {
        ...env,
        FRONT_DESK_DB: join(dataDir, 'clinic.sqlite'),
        // Its own userData: its own single-instance lock (a running desk app must not swallow it), logs, window state.
        FRONT_DESK_USER_DATA: join(dataDir, 'user-data'),
        FRONT_DESK_EXIT_ON_UNHANDLED: '1',
      },
      timeout: 60_000,
    })
    desk = await deskWindow(app)
    await desk.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('the desk window loads the app from app://desk', async () => {
    expect(desk.url()).toMatch(/^app:\/\/desk\/index\.html/)
    await expect(desk).toHaveTitle(/医美前台|Front Desk/i)
    await expect(desk.locator('#app')).not.toBeEmpty()
    await expect(desk.locator('h1, [role="heading"]').first()).toBeVisible()
  })

  test('the page sees window.frontDesk with exactly invoke, onChange and preview, and no Node', async () => {
    const surface = await desk.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const bridge = w.frontDesk as Record<string, unknown> | undefined
      return {
        keys: bridge ? Object.keys(bridge).sort() : null,
        invoke: typeof bridge?.invoke,
        onChange: typeof bridge?.onChange,
        preview: bridge?.preview,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
      }
    })
    expect(surface).toEqual({
      keys: ['invoke', 'onChange', 'preview'],
      invoke: 'function',
      onChange: 'function',
      preview: false,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    })
  })

  test('an API call goes through the one IPC channel and answers with an envelope', async () => {
    const result = await desk.evaluate(async () => {
      const bridge = (window as unknown as { frontDesk: { invoke(m: string, i: unknown): Promise<unknown> } }).frontDesk
      return { info: await bridge.invoke('app.info', {}), unknown: await bridge.invoke('no.such', {}) }
    })
    expect(result.info).toMatchObject({ ok: true, value: { preview: false } })
    expect(result.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  test('a committed write is pushed to the page as a bare change event, and unsubscribe stops it', async () => {
    const heard = await desk.evaluate(async () => {
      type Bridge = { invoke(m: string, i: unknown): Promise<unknown>; onChange(l: (...args: unknown[]) => void): () => void }
      const bridge = (window as unknown as { frontDesk: Bridge }).frontDesk
      const calls: unknown[][] = []
      const off = bridge.onChange((...args) => calls.push(args))
      await bridge.invoke('settings.update', { clinicName: '端到端测试诊所' })
      await new Promise((resolve) => setTimeout(resolve, 300))
      off()
      await bridge.invoke('settings.update', { clinicName: '医美诊所' })
      await new Promise((resolve) => setTimeout(resolve, 300))
      return calls
    })
    expect(heard.length).toBeGreaterThan(0)
    for (const args of heard) expect(args).toHaveLength(1)
    expect(heard.map((args) => (args[0] as { topic: string }).topic)).toContain('settings')
    // The listener gets the ChangeEvent only, never Electron's IpcRendererEvent (which carries `sender`).
    for (const [event] of heard) expect(Object.keys(event as object).every((k) => k === 'topic' || k === 'ids')).toBe(true)
  })

  test('navigation away from the app and new windows are refused', async () => {
    await desk.evaluate(() => {
      window.open('https://example.com/', '_blank')
      window.location.href = 'https://example.com/'
    })
    await desk.waitForTimeout(500)
    expect(desk.url()).toMatch(/^app:\/\/desk\//)
    expect(app.windows().every((w) => !w.url().startsWith('https://example.com'))).toBe(true)
  })
})

/** The desk window, not the queue display (which opens too when a second screen is connected). */
async function deskWindow(app: ElectronApplication): Promise<Page> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const page = app.windows().find((w) => w.url().startsWith('app://desk/') && !w.url().includes('#/display'))
    if (page) return page
    await app.waitForEvent('window', { timeout: 1_000 }).catch(() => undefined)
  }
  throw new Error('The desk window did not open within 30 s')
}
