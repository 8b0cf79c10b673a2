import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/chromium.ts'

const PORT = Number(process.env.E2E_PORT ?? 5399)
// Another port and file let two runs share a machine (E2E_PORT=5401 E2E_DB=.data/e2e-2.sqlite).
const DB = process.env.E2E_DB ?? '.data/e2e.sqlite'
// The clinic's zone for the preview servers (started from this process) and for the browser alike, so
// "today" is the same day on both sides whatever the machine's zone.
process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web-preview', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
  webServer: {
    command: `node scripts/web.ts --no-build --fresh --port ${PORT} --db ${DB}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
