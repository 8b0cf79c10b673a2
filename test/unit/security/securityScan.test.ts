import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPLAINED, judge, type Finding } from '../../../scripts/security/findings.ts'
import { useTempDir } from '../../helpers/tempDb.ts'

const finding = (check: string, severity: Finding['severity'], file: string): Finding => ({ check, severity, confidence: 'FIRM', file, line: 1, manualReview: false })

describe('judging the security scan', () => {
  it('lets an explained finding pass, lists LOW ones, and stops an unexplained MEDIUM or HIGH', () => {
    const verdict = judge([
      finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/modules/windows.ts'),
      finding('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'),
      finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/modules/other.ts'),
      finding('NODE_INTEGRATION_JS_CHECK', 'MEDIUM', 'electron/main/modules/windows.ts'),
    ])
    expect(verdict.explained.map((e) => e.finding.file)).toEqual(['electron/main/modules/windows.ts'])
    expect(verdict.minor.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK'])
    expect(verdict.unexplained.map((f) => `${f.check} ${f.file}`)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK electron/main/modules/other.ts',
      'NODE_INTEGRATION_JS_CHECK electron/main/modules/windows.ts',
    ])
  })

  it('names explanations that no longer match anything', () => {
    const verdict = judge([], EXPLAINED)
    expect(verdict.stale.length).toBe(EXPLAINED.reduce((n, e) => n + e.files.length, 0))
  })
})

const tempDir = useTempDir()
const ELECTRON = ['elec', 'tron'].join('')

describe('the scan itself (Electronegativity, offline)', () => {
  it('fails on a window with no isolation, no sandbox and no navigation guard, and names the finding', () => {
    const dir = join(tempDir(), 'app')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: '45.0.0' } }))
    writeFileSync(
      join(dir, 'main.js'),
      // Spelled out at run time: this test file itself must not look like code that imports Electron.
      `const { BrowserWindow } = require('${ELECTRON}')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n`,
    )
    const root = resolve(import.meta.dirname, '../../..')
    const scan = spawnSync(process.execPath, ['scripts/security-scan.ts', dir], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(scan.status, scan.stdout + scan.stderr).toBe(1)
    expect(scan.stdout).toMatch(/UNEXPLAINED: CONTEXT_ISOLATION_JS_CHECK HIGH\/\w+ main\.js:2/)
    expect(scan.stdout).toMatch(/UNEXPLAINED: SANDBOX_JS_CHECK MEDIUM\/\w+ main\.js:2/)
    // No navigation guard at all in this app: a global check.
    expect(scan.stdout).toMatch(/UNEXPLAINED: LIMIT_NAVIGATION_GLOBAL_CHECK HIGH/)
    expect(scan.stdout).toContain('Security scan: FAILED')
  }, 60_000)
})
