import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_FEN,
  allocateProportionally,
  formatFen,
  isFen,
  mulBasisPoints,
  mulPercent,
  parseYuan,
  percentToBasisPoints,
  roundHalfUpDiv,
  sumFen,
} from '../../../core/money/index.ts'

const fen = fc.integer({ min: 0, max: MAX_FEN })

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [25, 10, 3],
    [-5, 10, -1],
    [-4, 10, 0],
    [-25, 10, -3],
    [5, -10, -1],
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
  ])('%i / %i → %i', (n, d, q) => {
    expect(roundHalfUpDiv(n, d)).toBe(q)
  })
  it('is the nearest whole number, ties away from zero', () => {
    fc.assert(
      fc.property(
        // n = q·d + r with ties (r = d/2) common; the quotient stays within the safe integers
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }).map((d) => d * 2n),
        fc.oneof(fc.constant(-1), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        fc.boolean(),
        (q0, d0, where, negD) => {
          const r = where < 0 ? d0 / 2n : BigInt(Math.floor(Number(d0) * where))
          const n = q0 * d0 + r
          const d = negD ? -d0 : d0
          const q = BigInt(roundHalfUpDiv(n, d))
          const twiceError = 2n * (n - q * d) // 2(n − qd), compared with |d|
          const absD = d < 0n ? -d : d
          const absE = twiceError < 0n ? -twiceError : twiceError
          expect(absE <= absD).toBe(true)
          if (absE === absD) {
            // a tie: q lies away from zero, so n − qd has the opposite sign to q·d
            expect((n - q * d) * (q * d) <= 0n).toBe(true)
            expect(q !== 0n).toBe(true)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
  it('refuses a zero denominator and a result beyond the safe integers', () => {
    expect(() => roundHalfUpDiv(1, 0)).toThrow(RangeError)
    expect(() => roundHalfUpDiv(10n ** 30n, 1)).toThrow(RangeError)
  })
})

describe('rates', () => {
  it.each([
    [100, 80, 80],
    [333, 50, 167], // 166.5 → 167
    [1, 50, 1], // 0.5 → 1
    [3, 50, 2], // 1.5 → 2
    [199, 85.5, 170], // 170.145 → 170
    [1000, 33.33, 333],
    [1, 0, 0],
    [140950, 100, 140950],
  ])('mulPercent(%i, %d) = %i', (f, p, expected) => {
    expect(mulPercent(f, p)).toBe(expected)
  })
  it('percentToBasisPoints takes up to two decimals and refuses more, negatives and non-numbers', () => {
    expect(percentToBasisPoints(80)).toBe(8000)
    expect(percentToBasisPoints(85.5)).toBe(8550)
    expect(percentToBasisPoints(33.33)).toBe(3333)
    expect(percentToBasisPoints(0.07)).toBe(7)
    for (const bad of [-1, 80.001, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => percentToBasisPoints(bad), String(bad)).toThrow(RangeError)
  })
  it('mulBasisPoints is half-up to the fen, for any amount and rate', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 0, max: 10_000 }), (f, bp) => {
        const r = BigInt(mulBasisPoints(f, bp))
        const exact10000 = BigInt(f) * BigInt(bp) // the exact value × 10,000
        // half-up: exact − ½ ≤ r < exact + ½, i.e. −5000 < r·10000 − exact ≤ 5000
        const diff = r * 10000n - exact10000
        expect(diff > -5000n && diff <= 5000n).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
  it('mulPercent agrees with mulBasisPoints, and 100% changes nothing', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 0, max: 10_000 }), (f, bp) => {
        expect(mulPercent(f, bp / 100)).toBe(mulBasisPoints(f, bp))
        expect(mulPercent(f, 100)).toBe(f)
      }),
    )
  })
  it('refuses fractional fen and negative or fractional basis points', () => {
    expect(() => mulBasisPoints(1.5, 100)).toThrow(RangeError)
    expect(() => mulBasisPoints(100, -1)).toThrow(RangeError)
    expect(() => mulBasisPoints(100, 1.5)).toThrow(RangeError)
  })
})

describe('sumFen and isFen', () => {
  it('adds whole fen and refuses anything else', () => {
    expect(sumFen([])).toBe(0)
    expect(sumFen([1, 2, 3])).toBe(6)
    expect(() => sumFen([1, 0.5])).toThrow(RangeError)
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError)
    expect(isFen(1)).toBe(true)
    expect(isFen(1.5)).toBe(false)
    expect(isFen('1')).toBe(false)
    expect(isFen(Number.NaN)).toBe(false)
  })
})

describe('parseYuan', () => {
  it.each([
    ['1,409.5', 140950],
    ['¥1409.50', 140950],
    ['￥1,409.50', 140950],
    ['¥ 1409.5', 140950],
    ['  1409.50  ', 140950],
    ['１４０９．５', 140950],
    ['１，４０９．５０', 140950],
    ['1409.5元', 140950],
    ['0', 0],
    ['0.00', 0],
    ['12', 1200],
    ['12.', 1200],
    ['.5', 50],
    ['0.05', 5],
    ['007', 700],
    ['1,000,000', 100000000],
    ['999,999,999,999.99', MAX_FEN],
  ])('%j → %i fen', (text, expected) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: expected })
  })
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-1', 'negative'],
    ['¥-1.00', 'negative'],
    ['－５', 'negative'],
    ['1.234', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    ['1,40.5', 'invalid_format'],
    ['14,09.5', 'invalid_format'],
    ['1,4095', 'invalid_format'],
    [',140', 'invalid_format'],
    ['1 409', 'invalid_format'],
    ['1.2.3', 'invalid_format'],
    ['abc', 'invalid_format'],
    ['1e3', 'invalid_format'],
    ['0x10', 'invalid_format'],
    ['.', 'invalid_format'],
    ['¥', 'invalid_format'],
    ['12元5角', 'invalid_format'],
    ['1000000000000', 'too_large'],
    ['999,999,999,999,999.99', 'too_large'],
  ])('%j is refused: %s', (text, code) => {
    expect(parseYuan(text)).toEqual({ ok: false, error: { code } })
  })
  it('reads back what formatFen writes, in every form', () => {
    fc.assert(
      fc.property(fen, fc.boolean(), fc.boolean(), (f, symbol, grouping) => {
        expect(parseYuan(formatFen(f, { symbol, grouping }))).toEqual({ ok: true, value: f })
      }),
      { numRuns: 2000 },
    )
  })
  it('agrees with exact decimal arithmetic on any digits with up to two decimals', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-9]{0,2}$/), (whole, dec) => {
        const expected = BigInt(whole) * 100n + BigInt(dec.padEnd(2, '0'))
        const r = parseYuan(dec === '' ? whole : `${whole}.${dec}`)
        if (expected > BigInt(MAX_FEN)) expect(r).toEqual({ ok: false, error: { code: 'too_large' } })
        else expect(r).toEqual({ ok: true, value: Number(expected) })
      }),
    )
  })
})

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [50, '¥0.50'],
    [100, '¥1.00'],
    [140950, '¥1,409.50'],
    [600714, '¥6,007.14'],
    [10700053, '¥107,000.53'],
    [100000000, '¥1,000,000.00'],
    [-1200, '-¥12.00'],
    [MAX_FEN, '¥999,999,999,999.99'],
  ])('%i → %s', (f, text) => {
    expect(formatFen(f)).toBe(text)
  })
  it('without symbol or grouping', () => {
    expect(formatFen(140950, { symbol: false })).toBe('1,409.50')
    expect(formatFen(140950, { grouping: false })).toBe('¥1409.50')
    expect(formatFen(140950, { symbol: false, grouping: false })).toBe('1409.50')
  })
  it('refuses fractional fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError)
  })
})

describe('allocateProportionally', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [50, 30, 20], [5, 3, 2]],
    [1, [0, 5, 5], [0, 1, 0]],
    [0, [3, 4], [0, 0]],
    [7, [7, 0], [7, 0]],
    [0, [], []],
  ])('%i over %j → %j', (amount, weights, expected) => {
    expect(allocateProportionally(amount, weights)).toEqual(expected)
  })
  it('refuses a positive amount over no weight, and negative inputs', () => {
    expect(() => allocateProportionally(1, [0, 0])).toThrow(RangeError)
    expect(() => allocateProportionally(1, [])).toThrow(RangeError)
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError)
    expect(() => allocateProportionally(1, [-1, 2])).toThrow(RangeError)
  })
  it('adds up exactly, stays within a fen of the exact share, and within each weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = weights.reduce((s, w) => s + w, 0)
          const amount = Math.floor(total * fraction)
          const shares = allocateProportionally(amount, weights)
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount)
          shares.forEach((share, i) => {
            const w = weights[i] ?? 0
            expect(Number.isSafeInteger(share)).toBe(true)
            expect(share).toBeGreaterThanOrEqual(0)
            expect(share).toBeLessThanOrEqual(w)
            // |share·total − amount·w| < total
            const err = BigInt(share) * BigInt(total) - BigInt(amount) * BigInt(w)
            expect((err < 0n ? -err : err) < BigInt(total)).toBe(true)
          })
        },
      ),
      { numRuns: 1000 },
    )
  })
})
