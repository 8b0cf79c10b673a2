// `npm test`: every check the project has, in order: lint, types, the build, the security scan,
// unit/db/integration tests, then the end-to-end tests in Chromium over the web preview. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromiumPath } from '../test/e2e/chromium.ts'

const root = resolve(import.meta.dirname, '..')
const bin = (name: string) => resolve(root, 'node_modules/.bin', name)

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const started = Date.now()
  console.log(`\n=== ${title} ===`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = result.status === 0
  console.log(`=== ${title}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`)
  return ok
}

/** Chromium for the end-to-end tests, Chinese fonts for its pages, and poppler's pdftotext to read printed sheets back. */
function ensureChromium(): string | undefined {
  const found = chromiumPath()
  const havePoppler = existsSync('/usr/bin/pdftotext')
  if (found && havePoppler) return found
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium or pdftotext not found: installing Debian packages chromium, fonts-noto-cjk and poppler-utils with apt-get …')
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'poppler-utils'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  return chromiumPath()
}

function countResults(): { passed: number; failed: number; skipped: number } {
  const totals = { passed: 0, failed: 0, skipped: 0 }
  const vitestFile = resolve(root, 'test-results/vitest.json')
  if (existsSync(vitestFile)) {
    const v = JSON.parse(readFileSync(vitestFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    totals.passed += v.numPassedTests
    totals.failed += v.numFailedTests
    totals.skipped += v.numPendingTests + v.numTodoTests
  }
  const playwrightFile = resolve(root, 'test-results/playwright.json')
  if (existsSync(playwrightFile)) {
    const p = JSON.parse(readFileSync(playwrightFile, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
    totals.passed += p.stats.expected + p.stats.flaky
    totals.failed += p.stats.unexpected
    totals.skipped += p.stats.skipped
  }
  return totals
}

console.log(`Node ${process.version} on ${process.platform}-${process.arch}`)
rmSync(resolve(root, 'test-results'), { recursive: true, force: true })
mkdirSync(resolve(root, 'test-results'), { recursive: true })

const chromium = ensureChromium()
const failures: string[] = []
const run = (title: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
  if (!step(title, command, args, env)) failures.push(title)
}

run('ESLint', bin('eslint'), ['.', '--max-warnings=0'])
run('vue-tsc (types)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'])
run('Build (electron-vite)', bin('electron-vite'), ['build'])
run('Security scan (Electronegativity, sources and build)', process.execPath, ['scripts/security-scan.ts'])
run('Vitest (core, db, handlers, main-process logic, components)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
])
if (chromium) {
  run('Playwright (Chromium over the web preview; Electron where its binary exists)', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium })
} else {
  console.log('\nNo Chromium found and none could be installed: set CHROMIUM_PATH. End-to-end tests NOT run.')
  failures.push('Playwright (no Chromium)')
}

const totals = countResults()
console.log(`\n${failures.length ? `Failed steps: ${failures.join('; ')}` : 'All steps passed.'}`)
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0)
