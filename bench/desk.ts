// What the renderer benchmarks share: the browser and a signed-in desk page (bench/deskDay.ts: the API side).
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// As test/e2e/chromium.ts.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/** The desk's window: the size of a front-desk monitor, the clinic's locale and time zone. */
export async function deskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
}

/**
 * The page starts with a desk session the bench has already signed in (session tokens live in the tab's
 * sessionStorage, see test/web-preview/bridge.js): the desk starts as a signed-in window does, and the
 * PIN's scrypt check (~50-100 ms, on the sign-in screen in the app) stays out of the start time.
 */
export async function useSession(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript((t) => {
    if (location.protocol.startsWith('http') && !location.hash.startsWith('#/display')) sessionStorage.setItem('frontDesk.deskSession', t)
  }, token)
}
