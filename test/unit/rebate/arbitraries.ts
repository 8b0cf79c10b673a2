import fc from 'fast-check'
import { PRICE_CATEGORIES } from '../../../core/domain/priceItem.ts'
import {
  DEFAULT_REBATE_RATES,
  rebateOfFeeSheet,
  type RebateLineInput,
  type RebateRates,
  type RebateSheetInput,
  type SheetRebate,
} from '../../../core/domain/rebate.ts'

/** A line as the examples write it: a treatment at list price, overridden where the example needs. */
export function line(overrides: Partial<RebateLineInput> = {}): RebateLineInput {
  return {
    code: 'T001',
    name: '双眼皮',
    category: 'treatment',
    quantity: 1,
    unitPriceFen: 680000,
    listPriceFen: 680000,
    costFen: null,
    specialPrice: false,
    ...overrides,
  }
}

/** A sheet paid in full unless paidFen is given. */
export function sheet(lines: RebateLineInput[], paidFen?: number, period = '2026-03'): RebateSheetInput {
  return { sheetNo: 'SF2026-000001', period, lines, paidFen: paidFen ?? lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0) }
}

export const rebate = (lines: RebateLineInput[], paidFen?: number, rates: RebateRates = DEFAULT_REBATE_RATES): SheetRebate =>
  rebateOfFeeSheet(sheet(lines, paidFen), rates)

const bp = fc.integer({ min: 0, max: 10_000 })

/** Any rates the settings schema accepts. */
export const ratesArb: fc.Arbitrary<RebateRates> = fc.record({
  storeShareBp: bp,
  specialPriceShareBp: bp,
  specialPriceThresholdBp: bp,
  storeStaffSurgeryBp: bp,
  storeStaffSurgeryWithConsumablesBp: bp,
  referralCommissionBp: bp,
  referralReferrerPartBp: bp,
  excludedCategories: fc.subarray([...PRICE_CATEGORIES]),
})

/** The defaults most of the time, any valid rates otherwise. */
export const someRatesArb = fc.oneof(fc.constant(DEFAULT_REBATE_RATES), ratesArb)

/** Prices as a clinic has them: round yuan, odd fen, now and then a large surgery or implant. */
const priceArb = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((y) => y * 100),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 50_000_000 }),
)

export const lineArb: fc.Arbitrary<RebateLineInput> = fc
  .record({
    code: fc.stringMatching(/^[A-Z]{1,3}[0-9]{2,4}$/),
    name: fc.constantFrom('双眼皮', '玻尿酸', '局麻', '血常规', '住院', '补液', '头孢', '假体', '埋线'),
    category: fc.constantFrom(...PRICE_CATEGORIES),
    quantity: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 20 })),
    listPriceFen: priceArb,
    // what was charged, as a part of the list price (a special price, a discount, now and then more than list)
    chargedBp: fc.oneof(fc.constant(10_000), fc.integer({ min: 0, max: 12_000 }), fc.constantFrom(7_999, 8_000, 8_001)),
    costBp: fc.option(fc.integer({ min: 0, max: 15_000 }), { nil: null }),
    specialPrice: fc.boolean(),
  })
  .map(({ chargedBp, costBp, ...rest }) => ({
    ...rest,
    unitPriceFen: Math.floor((rest.listPriceFen * chargedBp) / 10_000),
    costFen: costBp === null ? null : Math.floor((rest.listPriceFen * costBp) / 10_000),
  }))

/** A paid sheet: paid in full, or less by a discount of any size up to the whole. */
export const sheetArb: fc.Arbitrary<RebateSheetInput> = fc.array(lineArb, { maxLength: 10 }).chain((lines) => {
  const linesFen = lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0)
  const discountArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: linesFen }), fc.integer({ min: 0, max: Math.min(linesFen, 99) }))
  return discountArb.map((discount) => sheet(lines, linesFen - discount))
})

/** Every numeric field ending in Fen, anywhere in a value, by its path. */
export function fenFields(value: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>()
  if (Array.isArray(value)) value.forEach((v, i) => fenFields(v, `${path}[${i}]`).forEach((n, p) => out.set(p, n)))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key.endsWith('Fen') && typeof v === 'number') out.set(`${path}.${key}`, v)
      else fenFields(v, `${path}.${key}`).forEach((n, p) => out.set(p, n))
    }
  }
  return out
}
