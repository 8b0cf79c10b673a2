/** Latency samples in milliseconds and the table the bench prints. */
export class Samples {
  readonly values: number[] = []
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
  add(ms: number): void {
    this.values.push(ms)
  }
  get n(): number {
    return this.values.length
  }
  /** Nearest-rank percentile, p in 0..1. */
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN
    const sorted = [...this.values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
  }
  get median(): number {
    return this.percentile(0.5)
  }
  get p99(): number {
    return this.percentile(0.99)
  }
  get max(): number {
    return Math.max(...this.values)
  }
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

export interface Row {
  operation: string
  samples: Samples
  /** p99 goal in ms, if the issue sets one. */
  goal?: number
  note?: string
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '-'
  return value < 0.1 ? value.toFixed(4) : value < 10 ? value.toFixed(3) : value.toFixed(1)
}

/** A Markdown table (it reads fine in a terminal too). */
export function table(rows: Row[], baseline: Samples): string {
  const head = ['operation', 'n', 'median ms', 'p99 ms', 'max ms', 'median / baseline', 'goal (p99)', 'met']
  const body = rows.map((r) => [
    r.operation,
    String(r.samples.n),
    ms(r.samples.median),
    ms(r.samples.p99),
    ms(r.samples.max),
    r.samples === baseline ? '1×' : `${Math.round(r.samples.median / baseline.median).toLocaleString('en')}×`,
    r.goal === undefined ? '' : `< ${r.goal} ms`,
    r.goal === undefined ? '' : r.samples.p99 < r.goal ? 'yes' : 'NO',
  ])
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i] as string))))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat((widths[i] as number) - width(c))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(head), rule, ...body.map(line)].join('\n')
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0
  for (const ch of text) n += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1
  return n
}
