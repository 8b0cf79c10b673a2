import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Playwright's own Chromium, where `npx playwright install` was run on this machine. */
function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/** CHROMIUM_PATH, Debian's Chromium, or Playwright's own; the test command installs Debian's when none is found. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightsOwn()].filter(Boolean) as string[]
  return candidates.find((path) => existsSync(path))
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
