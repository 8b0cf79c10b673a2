/**
 * Money is an integer number of fen (分, 1/100 yuan) everywhere: never a float, never a yuan number.
 * `Fen` is a plain number alias (not a brand) so that values cross zod schemas, SQLite and JSON untouched;
 * `isFen` is the runtime check. Rounding is half-up to the fen (四舍五入); for a negative value it is
 * half away from zero, so that rounding commutes with the sign.
 */
export type Fen = number

/** The largest amount this app handles: 999,999,999,999.99 yuan (just under 1 万亿), the capital amount's range. */
export const MAX_FEN: Fen = 99_999_999_999_999

/** A whole number of fen that arithmetic on doubles keeps exact. */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/** A fen amount that is ≥ 0 and at most MAX_FEN. */
export function isNonNegativeFen(value: unknown): value is Fen {
  return isFen(value) && value >= 0 && value <= MAX_FEN
}

/**
 * numerator / denominator rounded half-up (half away from zero for a negative quotient), exactly, for whole
 * numbers of any size that fit the result in a safe integer. Throws RangeError on a zero denominator or a
 * result outside the safe integers.
 */
export function roundHalfUpDiv(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  if (d === 0n) throw new RangeError('division by zero')
  // (2n + d) / 2d floored equals round-half-up of n/d for n, d > 0.
  const a = n < 0n ? -n : n
  const b = d < 0n ? -d : d
  const q = (2n * a + b) / (2n * b)
  const signed = n < 0n !== d < 0n ? -q : q
  const result = Number(signed)
  if (!Number.isSafeInteger(result)) throw new RangeError('result is not a safe integer')
  return result
}

/** Basis points in one whole: 10,000 bp = 100%. */
export const BASIS_POINTS_PER_WHOLE = 10_000

/**
 * A percentage with at most two decimals (80 for 8折, 85.5 for 8.55折) as whole basis points (8000, 8550).
 * Throws RangeError when it is not a finite number ≥ 0 with at most two decimals.
 */
export function percentToBasisPoints(percent: number): number {
  if (!Number.isFinite(percent) || percent < 0) throw new RangeError(`not a percentage: ${percent}`)
  const bp = Math.round(percent * 100)
  if (Math.abs(bp - percent * 100) > 1e-6 || !Number.isSafeInteger(bp)) {
    throw new RangeError(`a percentage may have at most two decimals: ${percent}`)
  }
  return bp
}

/** Whether percentToBasisPoints accepts the value (finite, ≥ 0, at most two decimals). */
export function isPercent(percent: unknown): percent is number {
  if (typeof percent !== 'number') return false
  try {
    percentToBasisPoints(percent)
    return true
  } catch {
    return false
  }
}

/** fen × basisPoints / 10,000, half-up to the fen. Basis points must be whole and ≥ 0. */
export function mulBasisPoints(fen: Fen, basisPoints: number): Fen {
  if (!isFen(fen)) throw new RangeError(`not a whole number of fen: ${fen}`)
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError(`not a rate in basis points: ${basisPoints}`)
  return roundHalfUpDiv(BigInt(fen) * BigInt(basisPoints), BASIS_POINTS_PER_WHOLE)
}

/** fen × percent / 100, half-up to the fen; percent with at most two decimals (80 → 80%, i.e. 8折). */
export function mulPercent(fen: Fen, percent: number): Fen {
  return mulBasisPoints(fen, percentToBasisPoints(percent))
}

/** The sum of fen amounts; throws RangeError if a term is not whole fen or the sum leaves the safe integers. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0
  for (const a of amounts) {
    if (!isFen(a)) throw new RangeError(`not a whole number of fen: ${a}`)
    total += a
    if (!Number.isSafeInteger(total)) throw new RangeError('sum is not a safe integer')
  }
  return total
}
