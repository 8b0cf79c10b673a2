/** DOMAIN.md "Partner stores and the marketing department", rule by rule, with the fen worked out by hand. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REBATE_RATES,
  referralCommission,
  reversalOf,
  statementTotals,
  storeStaffPrice,
} from '../../../core/domain/rebate.ts'
import { line, rebate } from './arbitraries.ts'

describe('rebates (返款), per paid fee sheet of a partner client', () => {
  it('base = amount paid less the lines in anaesthesia, lab test, inpatient stay and infusion', () => {
    const r = rebate([
      line(), // 双眼皮 6,800.00
      line({ code: 'M01', name: '局麻', category: 'anaesthesia', unitPriceFen: 30000, listPriceFen: 30000 }),
      line({ code: 'L01', name: '血常规', category: 'lab_test', unitPriceFen: 12000, listPriceFen: 12000 }),
      line({ code: 'H01', name: '住院', category: 'inpatient', quantity: 2, unitPriceFen: 20000, listPriceFen: 20000 }),
      line({ code: 'I01', name: '补液', category: 'infusion', unitPriceFen: 15000, listPriceFen: 15000 }),
    ])
    // paid 680000 + 30000 + 12000 + 2 × 20000 + 15000 = 777000; kept out 30000 + 12000 + 40000 + 15000 = 97000
    expect(r.paidFen).toBe(777000)
    expect(r.exclusions.map((e) => [e.lineIndex, e.reason, e.excludedFen])).toEqual([
      [1, 'excluded_category', 30000],
      [2, 'excluded_category', 12000],
      [3, 'excluded_category', 40000],
      [4, 'excluded_category', 15000],
    ])
    expect(r.excludedFen).toBe(97000)
    expect(r.baseFen).toBe(680000) // 777000 − 97000
    expect(r.lines.slice(1).map((l) => [l.rule, l.shareFen])).toEqual(Array(4).fill(['excluded', 0]))
  })

  it('medicine and consumables without a cost are not kept out of the base', () => {
    const r = rebate([line({ category: 'medicine', unitPriceFen: 8800, listPriceFen: 8800 }), line({ category: 'consumable', unitPriceFen: 50000, listPriceFen: 50000 })])
    // 8800 + 50000 = 58800, nothing kept out
    expect(r.exclusions).toEqual([])
    expect(r.baseFen).toBe(58800)
  })

  it('less the cost of high-cost consumables (thread-lift threads, implants) where the price list gives that cost', () => {
    const r = rebate([
      line({ code: 'S01', name: '埋线提升', unitPriceFen: 500000, listPriceFen: 500000 }),
      line({ code: 'C01', name: '线材', category: 'consumable', quantity: 2, unitPriceFen: 150000, listPriceFen: 150000, costFen: 40000 }),
    ])
    // paid 500000 + 2 × 150000 = 800000; cost 2 × 40000 = 80000; base 720000; share 50% = 360000
    expect(r.exclusions).toEqual([{ lineIndex: 1, code: 'C01', name: '线材', reason: 'consumable_cost', excludedFen: 80000 }])
    expect(r.baseFen).toBe(720000)
    expect(r.storeShareFen).toBe(360000)
  })

  it('a consumable cost never takes more than the line was paid', () => {
    const r = rebate([line({ category: 'consumable', unitPriceFen: 10000, listPriceFen: 10000, costFen: 30000 })])
    // cost 30000 > charged 10000: kept out 10000, base 0
    expect(r.exclusions[0]?.excludedFen).toBe(10000)
    expect(r.baseFen).toBe(0)
    expect(r.storeShareFen).toBe(0)
  })

  it("the store's share is 50% of the base", () => {
    const r = rebate([line()])
    // 680000 × 50% = 340000
    expect(r.storeShareFen).toBe(340000)
    expect(r.lines[0]?.shareFen).toBe(340000)
  })

  it('the 50% is a setting', () => {
    const r = rebate([line()], undefined, { ...DEFAULT_REBATE_RATES, storeShareBp: 4000 })
    // 680000 × 40% = 272000
    expect(r.storeShareFen).toBe(272000)
    expect(r.rates.storeShareBp).toBe(4000)
  })

  it('all in integer fen, half-up: half a fen of share is a whole fen', () => {
    // base 12345 × 50% = 6172.5 → 6173
    expect(rebate([line({ unitPriceFen: 12345, listPriceFen: 12345 })]).storeShareFen).toBe(6173)
    // base 12344 × 50% = 6172 exactly
    expect(rebate([line({ unitPriceFen: 12344, listPriceFen: 12344 })]).storeShareFen).toBe(6172)
  })

  it('special-price injection items (特价微整): 10% of the special price', () => {
    const r = rebate([
      line({ code: 'J01', name: '玻尿酸特价', unitPriceFen: 99900, listPriceFen: 300000, specialPrice: true }),
      line({ code: 'G01', name: '光子嫩肤', unitPriceFen: 100000, listPriceFen: 100000 }),
    ])
    // 99900 is 33.3% of 300000, under 80%: 10% × 99900 = 9990; the other line 50% × 100000 = 50000
    expect(r.specialPriceLines).toEqual([{ lineIndex: 0, code: 'J01', name: '玻尿酸特价', priceFen: 99900, listFen: 300000, rule: 'special_rate', shareFen: 9990 }])
    expect(r.baseFen).toBe(199900)
    expect(r.specialShareFen).toBe(9990)
    expect(r.standardShareFen).toBe(50000)
    expect(r.storeShareFen).toBe(59990)
  })

  it('… 10% half-up: 9,990.5 fen is 9,991', () => {
    // 99905 × 10% = 9990.5 → 9991
    expect(rebate([line({ unitPriceFen: 99905, listPriceFen: 300000, specialPrice: true })]).storeShareFen).toBe(9991)
  })

  it('unless the price is at least 80% of the list price, when the 50% rule applies', () => {
    const at80 = rebate([line({ unitPriceFen: 240000, listPriceFen: 300000, specialPrice: true })])
    // exactly 80% of 300000: the 50% rule, 240000 × 50% = 120000
    expect(at80.specialPriceLines[0]).toMatchObject({ rule: 'store_share', shareFen: 120000 })
    expect(at80.storeShareFen).toBe(120000)
    const under = rebate([line({ unitPriceFen: 239999, listPriceFen: 300000, specialPrice: true })])
    // one fen under 80%: 10% × 239999 = 23999.9 → 24000
    expect(under.specialPriceLines[0]).toMatchObject({ rule: 'special_rate', shareFen: 24000 })
  })

  it('the 80% is compared with what was paid for the line after its part of a whole-sheet discount', () => {
    // 240000 (80% of list) and 240000 of another item, paid 470000: the discount 10000 is spread 5000 / 5000,
    // so the special line's net is 235000 (78.3%): 10% = 23500; the other line 50% × 235000 = 117500
    const r = rebate(
      [line({ unitPriceFen: 240000, listPriceFen: 300000, specialPrice: true }), line({ unitPriceFen: 240000, listPriceFen: 240000 })],
      470000,
    )
    expect(r.specialPriceLines[0]).toMatchObject({ priceFen: 235000, rule: 'special_rate', shareFen: 23500 })
    expect(r.storeShareFen).toBe(141000) // 23500 + 117500
  })

  it('an excluded category wins over the special-price flag', () => {
    const r = rebate([line({ category: 'anaesthesia', unitPriceFen: 1000, listPriceFen: 30000, specialPrice: true })])
    expect(r.specialPriceLines).toEqual([])
    expect(r.storeShareFen).toBe(0)
  })

  it('a discount on the sheet is spread over the lines in proportion to what each was charged', () => {
    const r = rebate([line({ unitPriceFen: 900000, listPriceFen: 900000 }), line({ category: 'anaesthesia', unitPriceFen: 100000, listPriceFen: 100000 })], 950000)
    // discount 1000000 − 950000 = 50000: 90% → 45000, 10% → 5000; nets 855000 and 95000
    expect(r.lines.map((l) => [l.discountShareFen, l.netFen])).toEqual([
      [45000, 855000],
      [5000, 95000],
    ])
    expect(r.baseFen).toBe(855000) // 950000 − 95000
    expect(r.storeShareFen).toBe(427500)
  })

  it('… with the fen left over to the largest remainder, the earlier line on a tie, so the parts add up exactly', () => {
    const r = rebate([line({ unitPriceFen: 100 }), line({ unitPriceFen: 100 }), line({ unitPriceFen: 100 })], 299)
    // 1 fen over three equal lines: 1/3 each, a tie, so the first line takes it
    expect(r.lines.map((l) => l.discountShareFen)).toEqual([1, 0, 0])
    expect(r.lines.map((l) => l.netFen)).toEqual([99, 100, 100])
  })

  it('the 50% share is spread over the ordinary lines so each line shows its part', () => {
    const r = rebate([line({ unitPriceFen: 101 }), line({ unitPriceFen: 101 })])
    // base 202 × 50% = 101, parts 50.5 / 50.5: a tie, the earlier line gets 51
    expect(r.lines.map((l) => l.shareFen)).toEqual([51, 50])
  })
})

describe('store-staff rate (打版)', () => {
  it('the store’s staff or their relatives are charged 40% of list price for surgery without consumables', () => {
    expect(storeStaffPrice(680000, false, DEFAULT_REBATE_RATES)).toBe(272000) // 6,800.00 × 40%
  })

  it('… 45% with consumables', () => {
    expect(storeStaffPrice(680000, true, DEFAULT_REBATE_RATES)).toBe(306000) // 6,800.00 × 45%
  })

  it('… half-up to the fen', () => {
    expect(storeStaffPrice(12350, true, DEFAULT_REBATE_RATES)).toBe(5558) // 12350 × 45% = 5557.5 → 5558
    expect(storeStaffPrice(12345, true, DEFAULT_REBATE_RATES)).toBe(5555) // 5555.25 → 5555
  })
})

describe('staff referrals', () => {
  it('the referrer and the salesperson split a 5% commission', () => {
    // 10,000.00 × 5% = 500.00, half each
    expect(referralCommission(1000000, DEFAULT_REBATE_RATES)).toEqual({ commissionFen: 50000, referrerFen: 25000, salespersonFen: 25000 })
  })

  it('… half-up, the odd fen to the referrer, so the two parts always make the commission', () => {
    // 12345 × 5% = 617.25 → 617; half = 308.5 → 309 referrer, 308 salesperson
    expect(referralCommission(12345, DEFAULT_REBATE_RATES)).toEqual({ commissionFen: 617, referrerFen: 309, salespersonFen: 308 })
    // 12350 × 5% = 617.5 → 618; 309 each
    expect(referralCommission(12350, DEFAULT_REBATE_RATES)).toEqual({ commissionFen: 618, referrerFen: 309, salespersonFen: 309 })
  })

  it('… the split is a setting', () => {
    // 618 × 60% = 370.8 → 371 referrer, 247 salesperson
    expect(referralCommission(12350, { ...DEFAULT_REBATE_RATES, referralReferrerPartBp: 6000 })).toEqual({ commissionFen: 618, referrerFen: 371, salespersonFen: 247 })
  })

  it("… on that client's deals, first and later: each deal earns its own commission", () => {
    const deals = [680000, 99900, 12345].map((d) => referralCommission(d, DEFAULT_REBATE_RATES).commissionFen)
    expect(deals).toEqual([34000, 4995, 617]) // 680000 × 5%; 99900 × 5%; 617.25 → 617
  })
})

describe('voids and refunds', () => {
  it('a voided or refunded fee sheet reverses its rebate in the period in which it was voided', () => {
    const march = rebate([line(), line({ category: 'consumable', unitPriceFen: 150000, listPriceFen: 150000, costFen: 40000 })])
    // base 680000 + 150000 − 40000 = 790000; share 395000
    const before = structuredClone(march)
    const back = reversalOf(march, '2026-05')
    expect(back).toMatchObject({ kind: 'reversal', period: '2026-05', reversesPeriod: '2026-03', baseFen: -790000, storeShareFen: -395000, paidFen: -830000 })
    expect(back.lines.map((l) => l.shareFen)).toEqual([-340000, -55000])
    expect(back.exclusions[0]?.excludedFen).toBe(-40000)
    expect(back.lines[0]?.quantity).toBe(1) // counts and indexes are not negated
    expect(march).toEqual(before)
  })

  it('a closed month is never silently changed: the reversal leaves the rebate as it was, and is booked apart', () => {
    const march = rebate([line()])
    const back = reversalOf(march, '2026-04')
    expect(statementTotals([march]).storeShareFen).toBe(340000) // March keeps its 340000
    expect(statementTotals([back]).storeShareFen).toBe(-340000) // April carries the reversal
    expect(march.kind).toBe('rebate')
  })
})

describe('monthly statement', () => {
  it('totals are the sums of the month’s entries, reversals included', () => {
    const a = rebate([line()]) // share 340000
    const b = rebate([line({ unitPriceFen: 99900, listPriceFen: 300000, specialPrice: true }), line({ unitPriceFen: 100000, listPriceFen: 100000 })]) // 59990
    const february = rebate([line({ unitPriceFen: 720000, listPriceFen: 720000 })], undefined)
    const c = reversalOf({ ...february, period: '2026-02' }, '2026-03') // −360000
    const t = statementTotals([a, b, c])
    // 340000 + 59990 − 360000 = 39990; paid 680000 + 199900 − 720000 = 159900
    expect(t).toMatchObject({ period: '2026-03', rebates: 2, reversals: 1, storeShareFen: 39990, paidFen: 159900 })
  })

  it('an empty month totals zero', () => {
    expect(statementTotals([])).toMatchObject({ period: null, rebates: 0, reversals: 0, storeShareFen: 0, baseFen: 0 })
  })
})
