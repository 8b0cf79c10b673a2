// What Electronegativity reports, judged against the findings this project has explained (README,
// "Security scan"). Pure: scripts/security-scan.ts runs the scanner and prints the verdict.

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const
export type Severity = (typeof SEVERITIES)[number]

export interface Finding {
  check: string
  severity: Severity
  confidence: string
  file: string
  line: number
  manualReview: boolean
}

/** A check's findings in these files are known and reasoned about; `why` is what README says. */
export interface Explanation {
  check: string
  files: readonly string[]
  why: string
}

const WINDOWS = ['electron/main/modules/windows.ts', 'out/main/index.js']
const WINDOW_OPTIONS_WHY =
  'Both windows take their webPreferences from windowOptions() (electron/main/logic/windowOptions.ts): ' +
  "contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick'. The scanner " +
  'reads only the object literal at `new BrowserWindow(...)`, which spreads those options in; ' +
  'test/electron/windowOptions.test.ts checks every flag.'

export const EXPLAINED: readonly Explanation[] = [
  { check: 'CONTEXT_ISOLATION_JS_CHECK', files: WINDOWS, why: WINDOW_OPTIONS_WHY },
  { check: 'SANDBOX_JS_CHECK', files: WINDOWS, why: WINDOW_OPTIONS_WHY },
  { check: 'AUXCLICK_JS_CHECK', files: WINDOWS, why: WINDOW_OPTIONS_WHY },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    files: ['electron/main/modules/security.ts', 'out/main/index.js'],
    why:
      'shell.openExternal is called only from the window-open handler, and only for an https URL whose host is on ' +
      'the allow list (electron/main/logic/externalLinks.ts, tested in test/electron/externalLinks.test.ts); every ' +
      'other URL is refused and logged, and no window is ever opened.',
  },
]

/** Checks not run, and why: the scan must work offline, as CI and a clinic's machine do. */
export const EXCLUDED_CHECKS: readonly Explanation[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    files: [],
    why:
      "Downloads Electron's release list from the internet to compare versions; offline it crashes the scanner. " +
      'Electron is pinned to a supported major (45) in package.json and updated with the app.',
  },
]

/** Findings above LOW must be explained; at or below LOW they are listed only. */
export const THRESHOLD: Severity = 'LOW'

const rank = (severity: Severity) => SEVERITIES.indexOf(severity)

export interface Verdict {
  unexplained: Finding[]
  explained: { finding: Finding; why: string }[]
  minor: Finding[]
  /** Explanations that matched nothing: the code changed and README's list should follow. */
  stale: { check: string; file: string }[]
}

export function judge(findings: readonly Finding[], explained: readonly Explanation[] = EXPLAINED): Verdict {
  const verdict: Verdict = { unexplained: [], explained: [], minor: [], stale: [] }
  const used = new Set<string>()
  for (const finding of findings) {
    if (rank(finding.severity) <= rank(THRESHOLD)) {
      verdict.minor.push(finding)
      continue
    }
    const explanation = explained.find((e) => e.check === finding.check && e.files.includes(finding.file))
    if (!explanation) {
      verdict.unexplained.push(finding)
      continue
    }
    used.add(`${finding.check} ${finding.file}`)
    verdict.explained.push({ finding, why: explanation.why })
  }
  for (const e of explained) for (const file of e.files) if (!used.has(`${e.check} ${file}`)) verdict.stale.push({ check: e.check, file })
  return verdict
}
