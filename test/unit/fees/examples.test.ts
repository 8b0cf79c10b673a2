import { describe, expect, it } from 'vitest'
import {
  FeeInputError,
  feeSheetInputSchema,
  floorViolations,
  lineAmount,
  lineAmounts,
  sheetTotals,
  validateLine,
  type FeeLine,
  type FeeSheetInput,
} from '../../../core/fees/index.ts'
import { capitalAmount } from '../../../core/money/index.ts'

function line(overrides: Partial<FeeLine> = {}): FeeLine {
  return {
    itemId: 1,
    code: 'T001',
    name: '双眼皮',
    unit: '次',
    category: 'treatment',
    unitPrice: 680000,
    floorPrice: null,
    quantity: 1,
    discount: null,
    ...overrides,
  }
}

function sheet(overrides: Partial<FeeSheetInput> = {}): FeeSheetInput {
  return { lines: [line()], sheetDiscount: null, roundDown: 'none', deposits: [], payments: [], ...overrides }
}

function totalsOf(input: FeeSheetInput) {
  const r = sheetTotals(input)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

function codesOf(input: FeeSheetInput) {
  const r = sheetTotals(input)
  return r.ok ? [] : r.errors.map((e) => e.code)
}

describe('line amounts', () => {
  it.each<[string, Partial<FeeLine>, number, number, number]>([
    // label, line, gross, discount, amount
    ['no discount', { unitPrice: 4550, quantity: 1 }, 4550, 0, 4550],
    ['quantity 3', { unitPrice: 1234, quantity: 3 }, 3702, 0, 3702],
    ['8折', { unitPrice: 680000, discount: { kind: 'rate', percent: 80 } }, 680000, 136000, 544000],
    ['5折 of ¥3.33 rounds half-up to ¥1.67', { unitPrice: 333, discount: { kind: 'rate', percent: 50 } }, 333, 166, 167],
    ['5折 of ¥0.01 → ¥0.01', { unitPrice: 1, discount: { kind: 'rate', percent: 50 } }, 1, 0, 1],
    ['8.5折 of ¥1.99 → ¥1.69 (169.15)', { unitPrice: 199, discount: { kind: 'rate', percent: 85 } }, 199, 30, 169],
    ['8.55折 × 2 of ¥99.99', { unitPrice: 9999, quantity: 2, discount: { kind: 'rate', percent: 85.5 } }, 19998, 2900, 17098], // 17098.29 → 17098
    ['free (0折)', { unitPrice: 5000, discount: { kind: 'rate', percent: 0 } }, 5000, 5000, 0],
    ['100% is no discount', { unitPrice: 5000, discount: { kind: 'rate', percent: 100 } }, 5000, 0, 5000],
    ['¥2.02 off', { unitPrice: 1234, quantity: 3, discount: { kind: 'amount', fen: 202 } }, 3702, 202, 3500],
    ['amount equal to the line', { unitPrice: 1234, discount: { kind: 'amount', fen: 1234 } }, 1234, 1234, 0],
    ['zero price', { unitPrice: 0, quantity: 5 }, 0, 0, 0],
  ])('%s', (_label, overrides, gross, discount, amount) => {
    expect(lineAmounts(line(overrides))).toEqual({ gross, discount, amount })
    expect(lineAmount(line(overrides))).toBe(amount)
  })

  it.each<[string, Partial<FeeLine>, string[]]>([
    ['negative price', { unitPrice: -1 }, ['invalid_unit_price']],
    ['price in yuan with decimals', { unitPrice: 12.5 }, ['invalid_unit_price']],
    ['quantity 0', { quantity: 0 }, ['invalid_quantity']],
    ['quantity 1.5', { quantity: 1.5 }, ['invalid_quantity']],
    ['negative floor', { floorPrice: -5 }, ['invalid_floor_price']],
    ['rate over 100 (a markup)', { discount: { kind: 'rate', percent: 120 } }, ['invalid_discount_rate']],
    ['negative rate (over 100% off)', { discount: { kind: 'rate', percent: -10 } }, ['invalid_discount_rate']],
    ['rate with three decimals', { discount: { kind: 'rate', percent: 80.125 } }, ['invalid_discount_rate']],
    ['NaN rate', { discount: { kind: 'rate', percent: Number.NaN } }, ['invalid_discount_rate']],
    ['negative amount discount', { discount: { kind: 'amount', fen: -1 } }, ['invalid_discount_amount']],
    ['amount discount larger than the line', { unitPrice: 100, quantity: 2, discount: { kind: 'amount', fen: 201 } }, ['discount_exceeds_amount']],
    ['unknown category', { category: 'spa' as FeeLine['category'] }, ['invalid_category']],
    ['a line over the maximum', { unitPrice: 99_999_999_999_999, quantity: 2 }, ['amount_too_large']],
    ['several at once', { unitPrice: -1, quantity: 0 }, ['invalid_unit_price', 'invalid_quantity']],
  ])('refuses %s', (_label, overrides, codes) => {
    expect(validateLine(line(overrides)).map((e) => e.code)).toEqual(codes)
    expect(() => lineAmount(line(overrides))).toThrow(FeeInputError)
    expect(codesOf(sheet({ lines: [line(), line(overrides)] }))).toEqual(codes)
    const r = sheetTotals(sheet({ lines: [line(), line(overrides)] }))
    expect(r.ok ? [] : r.errors.map((e) => [e.scope, e.index])).toEqual(codes.map(() => ['line', 1]))
  })
})

describe('a whole sheet, worked by hand', () => {
  const input: FeeSheetInput = {
    lines: [
      line({ discount: { kind: 'rate', percent: 80 } }), // 6,800.00 at 8折 → 5,440.00
      line({ itemId: 2, code: 'A01', name: '局麻', category: 'anaesthesia', unitPrice: 30000 }), // 300.00
      line({ itemId: 3, code: 'L01', name: '血常规', category: 'lab_test', unitPrice: 4550 }), // 45.50
      line({ itemId: 4, code: 'M01', name: '头孢', category: 'medicine', unitPrice: 1234, quantity: 3, unit: '盒', discount: { kind: 'amount', fen: 202 } }), // 37.02 − 2.02
    ],
    sheetDiscount: { kind: 'rate', percent: 95 }, // 5,820.50 × 95% = 5,529.475 → 5,529.48
    roundDown: 'yuan', // → 5,529.00
    deposits: [50000], // 500.00
    payments: [
      { method: 'wechat', fen: 300000 },
      { method: 'cash', fen: 202900 },
    ],
  }

  it('has the figures a person gets on paper', () => {
    const t = totalsOf(input)
    expect(t.subtotal).toBe(718252)
    expect(t.lineDiscounts).toBe(136202)
    expect(t.sheetDiscount).toBe(29102)
    expect(t.roundOff).toBe(48)
    expect(t.total).toBe(552900)
    expect(t.deposits).toBe(50000)
    expect(t.payable).toBe(502900)
    expect(t.paid).toBe(502900)
    expect(t.balance).toBe(0)
    expect(t.paidByMethod).toEqual({ cash: 202900, wechat: 300000, alipay: 0, card: 0, stored_value: 0 })
    expect(capitalAmount(t.total, { prefix: true })).toBe('人民币伍仟伍佰贰拾玖元整')
  })

  it('spreads the sheet discount and the 抹零 over the lines in proportion, to the fen', () => {
    const t = totalsOf(input)
    // amounts 544000, 30000, 4550, 3500 (Σ 582050); sheet discount 29102 in proportion:
    // 27199.53…, 1499.97…, 227.50… (227.496), 174.997… → floors 27199, 1499, 227, 174 (Σ 29099); the 3 fen left
    // go to the largest remainders: .997, .974, .533 (not .496)
    expect(t.lines.map((l) => l.sheetDiscountShare)).toEqual([27200, 1500, 227, 175])
    expect(t.lines.map((l) => l.amount)).toEqual([544000, 30000, 4550, 3500])
    expect(t.lines.reduce((s, l) => s + l.net, 0)).toBe(t.total)
    expect(t.lines.reduce((s, l) => s + l.roundOffShare, 0)).toBe(48)
  })

  it('leaves a balance when not all is paid, and 抹零 to the jiao drops only the fen', () => {
    const t = totalsOf({ ...input, roundDown: 'jiao', payments: [{ method: 'card', fen: 100000 }] })
    expect(t.roundOff).toBe(8)
    expect(t.total).toBe(552940)
    expect(t.payable).toBe(502940)
    expect(t.balance).toBe(402940)
    const none = totalsOf({ ...input, roundDown: 'none', payments: [] })
    expect(none.roundOff).toBe(0)
    expect(none.total).toBe(552948)
  })

  it('passes the input schema', () => {
    expect(feeSheetInputSchema.safeParse(input).success).toBe(true)
    expect(feeSheetInputSchema.safeParse({ ...input, roundDown: 'fen' }).success).toBe(false)
    expect(feeSheetInputSchema.safeParse({ ...input, deposits: [0] }).success).toBe(false)
    expect(feeSheetInputSchema.safeParse({ ...input, sheetDiscount: { kind: 'rate', percent: 80.001 } }).success).toBe(false)
    expect(feeSheetInputSchema.safeParse({ ...input, lines: [{ ...input.lines[0], unitPrice: 1.5 }] }).success).toBe(false)
  })
})

describe('sheet errors', () => {
  const base = sheet({ lines: [line({ unitPrice: 10000 })] }) // ¥100.00
  it.each<[string, Partial<FeeSheetInput>, string[]]>([
    ['a sheet discount larger than the sheet', { sheetDiscount: { kind: 'amount', fen: 10001 } }, ['discount_exceeds_amount']],
    ['a sheet discount rate over 100', { sheetDiscount: { kind: 'rate', percent: 101 } }, ['invalid_discount_rate']],
    ['a negative sheet discount', { sheetDiscount: { kind: 'amount', fen: -1 } }, ['invalid_discount_amount']],
    ['an unknown 抹零', { roundDown: 'fen' as FeeSheetInput['roundDown'] }, ['invalid_round_down']],
    ['a zero deposit', { deposits: [0] }, ['invalid_deposit']],
    ['a fractional deposit', { deposits: [10.5] }, ['invalid_deposit']],
    ['deposits over the total', { deposits: [6000, 4001] }, ['deposits_exceed_total']],
    ['a negative payment', { payments: [{ method: 'cash', fen: -100 }] }, ['invalid_payment']],
    ['an unknown payment method', { payments: [{ method: 'bitcoin' as 'cash', fen: 100 }] }, ['invalid_payment_method']],
    ['payments over the payable', { deposits: [2000], payments: [{ method: 'cash', fen: 5000 }, { method: 'alipay', fen: 3001 }] }, ['payments_exceed_payable']],
    ['payments over a total lowered by 抹零', { lines: [line({ unitPrice: 10099 })], roundDown: 'yuan', payments: [{ method: 'cash', fen: 10099 }] }, ['payments_exceed_payable']],
  ])('refuses %s', (_label, overrides, codes) => {
    expect(codesOf({ ...base, ...overrides })).toEqual(codes)
  })

  it('accepts the limits exactly', () => {
    expect(codesOf({ ...base, sheetDiscount: { kind: 'amount', fen: 10000 } })).toEqual([])
    expect(codesOf({ ...base, deposits: [6000, 4000] })).toEqual([])
    expect(codesOf({ ...base, deposits: [2000], payments: [{ method: 'cash', fen: 5000 }, { method: 'alipay', fen: 3000 }] })).toEqual([])
    expect(totalsOf({ ...base, sheetDiscount: { kind: 'amount', fen: 10000 } }).total).toBe(0)
  })

  it('an empty sheet is all zeros (whether it may be confirmed is not decided here)', () => {
    const t = totalsOf(sheet({ lines: [] }))
    expect([t.subtotal, t.total, t.payable, t.balance]).toEqual([0, 0, 0, 0])
    expect(t.lines).toEqual([])
  })

  it('refuses a sheet whose lines add up to more than the maximum', () => {
    const big = line({ unitPrice: 60_000_000_000_000 })
    expect(codesOf(sheet({ lines: [big, big] }))).toEqual(['amount_too_large'])
  })
})

describe('price floors', () => {
  // list ¥1,000.00, floor ¥800.00 (80%)
  const floored = (overrides: Partial<FeeLine> = {}) => line({ unitPrice: 100000, floorPrice: 80000, ...overrides })

  it('a line at its floor is fine, a fen under it is not', () => {
    expect(floorViolations([floored({ discount: { kind: 'rate', percent: 80 } })])).toEqual([])
    expect(floorViolations([floored({ discount: { kind: 'amount', fen: 20001 } })])).toEqual([
      { lineIndex: 0, itemId: 1, code: 'T001', floorAmount: 80000, charged: 79999, shortBy: 1 },
    ])
  })
  it('counts the quantity', () => {
    expect(floorViolations([floored({ quantity: 3, discount: { kind: 'amount', fen: 60000 } })])).toEqual([])
    expect(floorViolations([floored({ quantity: 3, discount: { kind: 'amount', fen: 60001 } })])[0]?.shortBy).toBe(1)
  })
  it('ignores lines without a floor and reports the index of each line under its floor', () => {
    const lines = [line({ discount: { kind: 'rate', percent: 10 } }), floored({ discount: { kind: 'rate', percent: 50 } }), floored()]
    expect(floorViolations(lines).map((v) => [v.lineIndex, v.shortBy])).toEqual([[1, 30000]])
  })
  it('in a sheet, also counts the share of the whole-sheet discount, but not the 抹零', () => {
    const lines = [floored({ discount: { kind: 'rate', percent: 80 } })]
    expect(floorViolations(lines)).toEqual([])
    expect(totalsOf(sheet({ lines, sheetDiscount: { kind: 'rate', percent: 99 } })).floorViolations).toEqual([
      { lineIndex: 0, itemId: 1, code: 'T001', floorAmount: 80000, charged: 79200, shortBy: 800 },
    ])
    const odd = [floored({ unitPrice: 100050, floorPrice: 80040, discount: { kind: 'rate', percent: 80 } })] // 80040 exactly
    expect(totalsOf(sheet({ lines: odd, roundDown: 'yuan' })).floorViolations).toEqual([])
  })
  it('floorViolations refuses invalid lines rather than skip them', () => {
    expect(() => floorViolations([floored({ quantity: 0 })])).toThrow(FeeInputError)
  })
})
