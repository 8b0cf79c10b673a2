/** The properties issue 10 asks of the rebate maths, over random paid sheets and random valid rates. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REBATE_RATES,
  REBATE_FIGURES,
  rebateOfFeeSheet,
  referralCommission,
  reversalOf,
  statementTotals,
  storeStaffPrice,
  type SheetRebate,
} from '../../../core/domain/rebate.ts'
import { fenFields, line, lineArb, rebate, sheetArb, someRatesArb } from './arbitraries.ts'

const RUNS = { numRuns: 500 }

describe('rebate properties', () => {
  it("the store's share never exceeds the base, nor any line's share its base, and nothing is negative", () => {
    fc.assert(
      fc.property(sheetArb, someRatesArb, (input, rates) => {
        const r = rebateOfFeeSheet(input, rates)
        expect(r.storeShareFen).toBeLessThanOrEqual(r.baseFen)
        expect(r.baseFen).toBeLessThanOrEqual(r.paidFen)
        for (const v of fenFields(r).values()) expect(v).toBeGreaterThanOrEqual(0)
        for (const l of r.lines) expect(l.shareFen).toBeLessThanOrEqual(l.baseFen)
        // the figures hang together
        expect(r.linesFen - r.discountFen).toBe(r.paidFen)
        expect(r.paidFen - r.excludedFen).toBe(r.baseFen)
        expect(r.specialRateBaseFen + r.standardBaseFen).toBe(r.baseFen)
        expect(r.standardShareFen + r.specialShareFen).toBe(r.storeShareFen)
        expect(r.lines.reduce((s, l) => s + l.shareFen, 0)).toBe(r.storeShareFen)
        expect(r.lines.reduce((s, l) => s + l.baseFen, 0)).toBe(r.baseFen)
      }),
      RUNS,
    )
  })

  it('lines of an excluded category are never paid on, and a consumable is never paid on its cost', () => {
    fc.assert(
      fc.property(sheetArb, someRatesArb, (input, rates) => {
        const r = rebateOfFeeSheet(input, rates)
        r.lines.forEach((l, i) => {
          const given = input.lines[i]
          if (given === undefined) throw new Error('a line went missing')
          if (rates.excludedCategories.includes(given.category)) {
            expect(l).toMatchObject({ rule: 'excluded', excludedFen: l.netFen, baseFen: 0, shareFen: 0 })
            expect(r.exclusions).toContainEqual({ lineIndex: i, code: given.code, name: given.name, reason: 'excluded_category', excludedFen: l.netFen })
          } else if (l.rule === 'store_share' && given.costFen !== null) {
            expect(l.baseFen).toBe(Math.max(0, l.netFen - given.costFen * given.quantity))
          }
        })
        expect(r.exclusions.reduce((s, e) => s + e.excludedFen, 0)).toBe(r.excludedFen)
      }),
      RUNS,
    )
  })

  it('adding an excluded line, paid in full, changes neither the base nor the share', () => {
    const excludedLineArb = fc.tuple(lineArb, fc.constantFrom(...DEFAULT_REBATE_RATES.excludedCategories)).map(([l, category]) => ({ ...l, category }))
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), excludedLineArb, fc.nat({ max: 8 }), (lines, extra, at) => {
        const without = rebate(lines)
        const withIt = rebate([...lines.slice(0, at), extra, ...lines.slice(at)])
        expect(withIt.baseFen).toBe(without.baseFen)
        expect(withIt.storeShareFen).toBe(without.storeShareFen)
      }),
      RUNS,
    )
  })

  it('a special-price line earns the special rate exactly when its net is under the threshold of its list price', () => {
    fc.assert(
      fc.property(sheetArb, someRatesArb, (input, rates) => {
        const r = rebateOfFeeSheet(input, rates)
        for (const s of r.specialPriceLines) {
          const under = s.priceFen * 10_000 < s.listFen * rates.specialPriceThresholdBp
          expect(s.rule).toBe(under ? 'special_rate' : 'store_share')
          if (under) expect(Math.abs(s.shareFen * 10_000 - s.priceFen * rates.specialPriceShareBp)).toBeLessThanOrEqual(5_000)
        }
      }),
      RUNS,
    )
  })

  it('a rebate plus its reversal sums to zero in every field, and the rebate is left as it was', () => {
    fc.assert(
      fc.property(sheetArb, someRatesArb, fc.constantFrom('2026-03', '2026-04', '2027-01'), (input, rates, voidPeriod) => {
        const r = rebateOfFeeSheet(input, rates)
        const before = structuredClone(r)
        const back = reversalOf(r, voidPeriod)
        expect(r).toEqual(before)
        const mine = fenFields(r)
        const theirs = fenFields(back)
        expect([...theirs.keys()]).toEqual([...mine.keys()])
        for (const [path, v] of mine) expect(v + (theirs.get(path) ?? NaN), path).toBe(0)
        expect(statementTotals([{ ...r, period: voidPeriod }, back]).storeShareFen).toBe(0)
        expect(back).toMatchObject({ kind: 'reversal', period: voidPeriod, reversesPeriod: r.period, sheetNo: r.sheetNo })
      }),
      RUNS,
    )
  })

  it("a statement's totals equal the sum of its lines", () => {
    const entryArb = fc.tuple(sheetArb, someRatesArb, fc.boolean()).map(([input, rates, reversed]): SheetRebate => {
      const r = rebateOfFeeSheet({ ...input, period: '2026-02' }, rates)
      return reversed ? reversalOf(r, '2026-03') : { ...r, period: '2026-03' }
    })
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (entries) => {
        const t = statementTotals(entries)
        for (const f of REBATE_FIGURES) expect(t[f], f).toBe(entries.reduce((s, e) => s + e[f], 0))
        expect(t.rebates + t.reversals).toBe(entries.length)
        expect(t.standardShareFen + t.specialShareFen).toBe(t.storeShareFen)
      }),
      { numRuns: 200 },
    )
  })

  it('the discount spread sums exactly, each part within a fen of its exact proportional share', () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const r = rebateOfFeeSheet(input, DEFAULT_REBATE_RATES)
        expect(r.lines.reduce((s, l) => s + l.discountShareFen, 0)).toBe(r.discountFen)
        expect(r.lines.reduce((s, l) => s + l.netFen, 0)).toBe(r.paidFen)
        for (const l of r.lines) {
          // exact share = discount × charged / linesFen: the part is its floor or its ceiling
          const exact = BigInt(r.discountFen) * BigInt(l.chargedFen)
          const floor = r.linesFen === 0 ? 0n : exact / BigInt(r.linesFen)
          expect(BigInt(l.discountShareFen) - floor >= 0n && BigInt(l.discountShareFen) - floor <= 1n).toBe(true)
          expect(l.netFen).toBeGreaterThanOrEqual(0)
        }
      }),
      RUNS,
    )
  })

  it('half a fen is rounded up, at every rate that can land on one, and a reversal rounds it back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (k) => {
        // 50% of 2k+1 = k + 0.5 → k + 1
        const odd = rebate([line({ unitPriceFen: 2 * k + 1, listPriceFen: 2 * k + 1 })])
        expect(odd.storeShareFen).toBe(k + 1)
        expect(reversalOf(odd, '2026-04').storeShareFen).toBe(-(k + 1))
        // 10% of a special price 10k+5 (list far above) = k + 0.5 → k + 1
        expect(rebate([line({ unitPriceFen: 10 * k + 5, listPriceFen: 100 * k + 100, specialPrice: true })]).storeShareFen).toBe(k + 1)
        // 45% of 20k+10 = 9k + 4.5 → 9k + 5
        expect(storeStaffPrice(20 * k + 10, true, DEFAULT_REBATE_RATES)).toBe(9 * k + 5)
        // 5% of a deal of 20k+10 = k + 0.5 → k + 1; its half goes up to the referrer
        const c = referralCommission(20 * k + 10, DEFAULT_REBATE_RATES)
        expect(c.commissionFen).toBe(k + 1)
        expect(c.referrerFen).toBe(Math.ceil((k + 1) / 2))
        // under half a fen is rounded down: 10% of 10k+4 = k + 0.4 → k
        expect(rebate([line({ unitPriceFen: 10 * k + 4, listPriceFen: 100 * k + 100, specialPrice: true })]).storeShareFen).toBe(k)
      }),
      RUNS,
    )
  })

  it('the referral parts always add up to the commission, which is the deal at the commission rate, half-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), someRatesArb, (deal, rates) => {
        const c = referralCommission(deal, rates)
        expect(c.referrerFen + c.salespersonFen).toBe(c.commissionFen)
        expect(c.referrerFen).toBeGreaterThanOrEqual(0)
        expect(c.salespersonFen).toBeGreaterThanOrEqual(0)
        const diff = c.commissionFen * 10_000 - deal * rates.referralCommissionBp
        expect(diff > -5_000 && diff <= 5_000).toBe(true)
      }),
      RUNS,
    )
  })

  it('never changes the rates or the sheet it is given, and keeps a copy of the rates it used', () => {
    fc.assert(
      fc.property(sheetArb, someRatesArb, (input, rates) => {
        const before = structuredClone(rates)
        const sheetBefore = structuredClone(input)
        const r = rebateOfFeeSheet(input, rates)
        expect(input).toEqual(sheetBefore)
        expect(rates).toEqual(before)
        expect(r.rates).toEqual(before)
        expect(r.rates).not.toBe(rates)
      }),
      { numRuns: 100 },
    )
  })
})
