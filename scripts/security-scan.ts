// `node scripts/security-scan.ts [dir]`: Electronegativity (Doyensec's Electron security scanner) over the
// project, offline. Fails when a finding above LOW is not explained in scripts/security/findings.ts (and
// README's "Security scan"), or when a file could not be parsed (a file it cannot read is a file not checked).
import Module, { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { EXCLUDED_CHECKS, judge, SEVERITIES, THRESHOLD, type Finding, type Severity } from './security/findings.ts'

interface ScannerIssue {
  id: string
  severity: { name: string }
  confidence: { name: string }
  file: string
  location: { line: number }
  manualReview?: boolean
}
interface ScannerResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable?: boolean }[]
  issues: ScannerIssue[]
}

const root = resolve(import.meta.dirname, '..')
const input = resolve(process.argv[2] ?? root)
const require = createRequire(import.meta.url)

// The scanner fetches translations and Electron's release list over the network with `got`; offline, got's
// retry timer throws an uncaught error later. Answer its requests as failed at once: it then uses its bundled
// English texts. (The one check that needs the release list is excluded, see EXCLUDED_CHECKS.)
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
const load = loader._load
loader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'got') return () => Promise.reject(new Error('offline: no network requests from the security scan'))
  return load.call(this, request, ...rest)
}

const i18n = require('i18n') as { configure(options: object): void; setLocale(locale: string): void }
i18n.configure({
  locales: ['en-US'],
  defaultLocale: 'en-US',
  directory: dirname(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')),
  updateFiles: false,
  objectNotation: true,
  retryInDefaultLocale: true,
  register: globalThis,
})
i18n.setLocale('en-US')
const run = require('@doyensec/electronegativity') as (options: object, forCli: boolean) => Promise<ScannerResult>

const electronVersion = (require('electron/package.json') as { version: string }).version
const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check.toLowerCase()),
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)

const asSeverity = (name: string): Severity => (SEVERITIES as readonly string[]).includes(name) ? (name as Severity) : 'HIGH'
const findings: Finding[] = result.issues.map((issue) => ({
  check: issue.id,
  severity: asSeverity(issue.severity.name),
  confidence: issue.confidence.name,
  file: issue.file,
  line: issue.location.line,
  manualReview: Boolean(issue.manualReview),
}))
const verdict = judge(findings)
const where = (f: Finding) => `${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.line}`

console.log(`Electronegativity over ${input} (Electron ${electronVersion}): ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${findings.length} findings`)
for (const c of EXCLUDED_CHECKS) console.log(`  not run: ${c.check} (${c.why})`)
for (const f of verdict.minor) console.log(`  ${THRESHOLD} or below: ${where(f)}`)
for (const { finding } of verdict.explained) console.log(`  explained: ${where(finding)}`)
if (input === root) for (const s of verdict.stale) console.log(`  note: explanation no longer needed for ${s.check} in ${s.file}`)
const parseErrors = result.errors.filter((e) => !e.tolerable)
for (const e of parseErrors) console.log(`  COULD NOT PARSE ${e.file}: ${e.message}`)
for (const f of verdict.unexplained) console.log(`  UNEXPLAINED: ${where(f)}`)

const failed = verdict.unexplained.length > 0 || parseErrors.length > 0
console.log(failed ? 'Security scan: FAILED (explain or fix the findings above)' : `Security scan: no unexplained finding above ${THRESHOLD}`)
process.exit(failed ? 1 : 0)
