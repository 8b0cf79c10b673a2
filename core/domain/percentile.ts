/**
 * Percentiles of a list of numbers by linear interpolation between the closest ranks: the value at
 * position h = p × (n − 1) of the sorted list (0-based), interpolated between the values either side of h.
 * This is Hyndman & Fan's definition 7, the one of Excel's PERCENTILE.INC and MEDIAN, LibreOffice's
 * PERCENTILE and NumPy's default, so an administrator can check an exported figure in a spreadsheet.
 * The median is the 50th percentile: the middle value, or the mean of the two middle values.
 *
 * `p` is a fraction 0..1 (0.9 = the 90th percentile); an empty list has no percentile (null).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within 0..1, got ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return percentileOfSorted(sorted, p)
}

/** The same for a list already sorted ascending (not checked). */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const h = p * (sorted.length - 1)
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  const low = sorted[lo] as number
  const high = sorted[hi] as number
  // Written so that equal neighbours give exactly that value (no rounding error from the weights).
  return low + (h - lo) * (high - low)
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5)
}

/** Count, median and 90th percentile of some durations, as the reports show them. */
export interface DurationSummary {
  /** How many durations the figures are made of. */
  count: number
  median: number | null
  p90: number | null
}

/** Summarises durations in minutes; median and p90 are rounded to one decimal (half up). */
export function summarizeMinutes(minutes: readonly number[]): DurationSummary {
  const sorted = [...minutes].sort((a, b) => a - b)
  return { count: sorted.length, median: roundTenth(percentileOfSorted(sorted, 0.5)), p90: roundTenth(percentileOfSorted(sorted, 0.9)) }
}

function roundTenth(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10
}
