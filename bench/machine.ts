// What the bench says about the machine it ran on: a shared VM's load changes tails and start times.
import { createHash } from 'node:crypto'
import { copyFileSync, closeSync, fsyncSync, openSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where the bench keeps built files between runs: the OS temp dir, one per checkout. Not bench/.data,
 * because the linter would read built bundles there (eslint.config.ts ignores only the top-level .data/).
 */
export const BENCH_TMP = join(tmpdir(), `clinic-front-desk-bench-${createHash('sha256').update(resolve(import.meta.dirname, '..')).digest('hex').slice(0, 8)}`)

export function load1(): number {
  return loadavg()[0] as number
}

export function machineLine(): string {
  const cpu = cpus()
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}`
}

/** Load average (1 min) at the start and end of a measurement. */
export class LoadWindow {
  readonly start = load1()
  end = Number.NaN
  close(): this {
    this.end = load1()
    return this
  }
  toString(): string {
    return `load average (1 min) ${this.start.toFixed(2)} at start, ${(Number.isNaN(this.end) ? load1() : this.end).toFixed(2)} at end`
  }
}

export const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)
export const kb = (bytes: number): string => (bytes / 1024).toFixed(1)

/** A working copy of a closed, checkpointed database file, flushed to disk (see run.ts for why). */
export function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to)
  const fd = openSync(to, 'r+')
  fsyncSync(fd)
  closeSync(fd)
}

export function median(values: number[]): number {
  return percentile(values, 0.5)
}

/** Nearest rank, p in 0..1 (as bench/stats.ts). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
}
