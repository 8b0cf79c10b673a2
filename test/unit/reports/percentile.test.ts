import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, percentile, summarizeMinutes } from '../../../core/domain/percentile.ts'

const values = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 })
const fraction = fc.double({ min: 0, max: 1, noNaN: true })

describe('percentile (linear between closest ranks, as Excel PERCENTILE.INC)', () => {
  it('has none for an empty list', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([], 0.9)).toBeNull()
    expect(median([])).toBeNull()
    expect(summarizeMinutes([])).toEqual({ count: 0, median: null, p90: null })
  })

  it.each([
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    // h = 0.9 × 9 = 8.1: 9 + 0.1 × (10 − 9)
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    // h = 0.9 × 4 = 3.6: 40 + 0.6 × (100 − 40), as =PERCENTILE.INC({10,20,30,40,100},0.9) gives
    [[10, 20, 30, 40, 100], 0.9, 76],
    [[5, 5, 5, 5], 0.9, 5],
  ])('%j at %d is %d', (list, p, expected) => {
    expect(percentile(list, p)).toBeCloseTo(expected, 10)
  })

  it('refuses a fraction outside 0..1', () => {
    expect(() => percentile([1], 90)).toThrow(RangeError)
    expect(() => percentile([1], -0.1)).toThrow(RangeError)
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError)
  })

  it('does not change the list it is given', () => {
    const list = [3, 1, 2]
    percentile(list, 0.5)
    expect(list).toEqual([3, 1, 2])
  })

  it('lies between the smallest and the largest value; 0 is the smallest, 1 the largest', () => {
    fc.assert(
      fc.property(values, fraction, (list, p) => {
        const q = percentile(list, p) as number
        expect(q).toBeGreaterThanOrEqual(Math.min(...list))
        expect(q).toBeLessThanOrEqual(Math.max(...list))
        expect(percentile(list, 0)).toBe(Math.min(...list))
        expect(percentile(list, 1)).toBe(Math.max(...list))
      }),
    )
  })

  it('grows with p', () => {
    fc.assert(
      fc.property(values, fraction, fraction, (list, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(percentile(list, lo) as number).toBeLessThanOrEqual((percentile(list, hi) as number) + 1e-9)
      }),
    )
  })

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(values.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), fraction, ([list, shuffled], p) => {
        expect(percentile(shuffled, p)).toBe(percentile(list, p))
      }),
    )
  })

  it('moves with a constant added to every value', () => {
    fc.assert(
      fc.property(values, fraction, fc.integer({ min: -1000, max: 1000 }), (list, p, c) => {
        expect(percentile(list.map((v) => v + c), p) as number).toBeCloseTo((percentile(list, p) as number) + c, 6)
      }),
    )
  })

  it('is the value itself when all values are equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 50 }), fraction, (v, n, p) => {
        expect(percentile(Array.from({ length: n }, () => v), p)).toBe(v)
      }),
    )
  })

  it('has a median with as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(values, (list) => {
        const m = median(list) as number
        expect(list.filter((v) => v <= m).length).toBeGreaterThanOrEqual(list.length / 2)
        expect(list.filter((v) => v >= m).length).toBeGreaterThanOrEqual(list.length / 2)
      }),
    )
  })

  it('has at least 90% of the values at or below the 90th percentile', () => {
    fc.assert(
      fc.property(values, (list) => {
        const q = percentile(list, 0.9) as number
        expect(list.filter((v) => v <= q).length).toBeGreaterThanOrEqual(Math.floor(0.9 * (list.length - 1)) + 1)
      }),
    )
  })
})

describe('summarizeMinutes', () => {
  it('counts the values and rounds median and p90 to one decimal', () => {
    expect(summarizeMinutes([10, 20, 30, 40, 100])).toEqual({ count: 5, median: 30, p90: 76 })
    expect(summarizeMinutes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5.5, p90: 9.1 })
    expect(summarizeMinutes([0, 1, 1, 2])).toEqual({ count: 4, median: 1, p90: 1.7 })
  })

  it('agrees with percentile to within half a tenth', () => {
    fc.assert(
      fc.property(values, (list) => {
        const s = summarizeMinutes(list)
        expect(s.count).toBe(list.length)
        expect(Math.abs((s.median as number) - (median(list) as number))).toBeLessThanOrEqual(0.05 + 1e-9)
        expect(Math.abs((s.p90 as number) - (percentile(list, 0.9) as number))).toBeLessThanOrEqual(0.05 + 1e-9)
      }),
    )
  })
})
