import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../core/api/errors.ts'
import {
  DEFAULT_REBATE_RATES,
  REBATE_MESSAGE_KEYS,
  rebateOfFeeSheet,
  rebateRatesSchema,
  referralCommission,
  reversalOf,
  statementTotals,
  storeStaffPrice,
  type RebateLineInput,
  type RebateRates,
} from '../../../core/domain/rebate.ts'
import { hasErrorMessage, translateError } from '../../../core/i18n/errorMessages.ts'
import { line, rebate, sheet } from './arbitraries.ts'

/** The DomainError a call throws, as { code, key, field } (and its zh-CN message). */
function refusal(call: () => unknown): { code: string; key: string; field: string | undefined; zh: string } {
  try {
    call()
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    return { code: e.code, key: e.messageKey, field: e.field, zh: translateError('zh-CN', e.messageKey, e.params) }
  }
  throw new Error('not refused')
}

const withLine = (overrides: Partial<RebateLineInput>, paidFen = 0) => () => rebateOfFeeSheet(sheet([line(), line(overrides)], paidFen), DEFAULT_REBATE_RATES)

describe('rebate refusals', () => {
  it('refuses a negative or fractional amount paid', () => {
    expect(refusal(() => rebate([line()], -1))).toMatchObject({ code: 'invalid_input', key: 'rebate.invalidPaid', field: 'paidFen' })
    expect(refusal(() => rebate([line()], 10.5))).toMatchObject({ key: 'rebate.invalidPaid' })
  })

  it('refuses more paid than the lines add up to, saying both amounts', () => {
    expect(refusal(() => rebate([line()], 680001))).toEqual({
      code: 'invalid_input',
      key: 'rebate.paidExceedsLines',
      field: 'paidFen',
      zh: '实收金额 ¥6,800.01 超过各项目合计 ¥6,800.00，无法计算返款',
    })
  })

  it('refuses a wrong line, naming it by its number from 1', () => {
    expect(refusal(withLine({ quantity: 0, name: '玻尿酸' }))).toMatchObject({ key: 'rebate.invalidQuantity', field: 'lines.1.quantity', zh: '第 2 行（玻尿酸）：数量须为不小于 1 的整数' })
    expect(refusal(withLine({ quantity: 1.5 }))).toMatchObject({ key: 'rebate.invalidQuantity' })
    expect(refusal(withLine({ unitPriceFen: -100 }))).toMatchObject({ key: 'rebate.invalidUnitPrice', field: 'lines.1.unitPriceFen' })
    expect(refusal(withLine({ listPriceFen: 0.5 }))).toMatchObject({ key: 'rebate.invalidListPrice', field: 'lines.1.listPriceFen' })
    expect(refusal(withLine({ costFen: -1 }))).toMatchObject({ key: 'rebate.invalidCost', field: 'lines.1.costFen' })
    expect(refusal(withLine({ category: 'surgery' as RebateLineInput['category'] }))).toMatchObject({ key: 'rebate.invalidCategory', field: 'lines.1.category' })
    expect(refusal(withLine({ unitPriceFen: 99_999_999_999_999, quantity: 2 }))).toMatchObject({ key: 'rebate.lineTooLarge' })
  })

  it('refuses a period that is not YYYY-MM', () => {
    for (const period of ['2026-3', '2026-13', '2026-00', '202603', '2026-03-01', '']) {
      expect(refusal(() => rebateOfFeeSheet(sheet([line()], undefined, period), DEFAULT_REBATE_RATES)), period).toMatchObject({ key: 'rebate.invalidPeriod', field: 'period' })
    }
  })

  it('refuses rates the settings would refuse, naming the field', () => {
    const bad = { ...DEFAULT_REBATE_RATES, storeShareBp: 10_001 }
    expect(refusal(() => rebate([line()], undefined, bad))).toMatchObject({ key: 'rebate.invalidRates', field: 'rates.storeShareBp' })
    expect(refusal(() => storeStaffPrice(100, false, { ...DEFAULT_REBATE_RATES, storeStaffSurgeryBp: -1 }))).toMatchObject({ field: 'rates.storeStaffSurgeryBp' })
    expect(refusal(() => referralCommission(100, { ...DEFAULT_REBATE_RATES, referralCommissionBp: 2.5 }))).toMatchObject({ field: 'rates.referralCommissionBp' })
  })

  it('refuses a negative deal or list price', () => {
    expect(refusal(() => referralCommission(-1, DEFAULT_REBATE_RATES))).toMatchObject({ key: 'rebate.invalidDeal', field: 'dealFen' })
    expect(refusal(() => storeStaffPrice(-1, true, DEFAULT_REBATE_RATES))).toMatchObject({ key: 'rebate.invalidStaffListPrice', field: 'listPriceFen' })
  })

  it('refuses to reverse a reversal, or to book a reversal before the month of its rebate', () => {
    const march = rebate([line()])
    expect(refusal(() => reversalOf(reversalOf(march, '2026-03'), '2026-04'))).toMatchObject({ code: 'rule_violation', key: 'rebate.reversalOfReversal' })
    expect(refusal(() => reversalOf(march, '2026-02'))).toMatchObject({
      code: 'rule_violation',
      key: 'rebate.reversalBeforeRebate',
      zh: '缴费单 SF2026-000001 的冲回月份 2026-02 早于返款入账月份 2026-03',
    })
    expect(refusal(() => reversalOf(march, '2026/04'))).toMatchObject({ key: 'rebate.invalidPeriod' })
  })

  it('refuses a statement that mixes months', () => {
    const march = rebate([line()])
    expect(refusal(() => statementTotals([march, reversalOf(march, '2026-04')]))).toMatchObject({ key: 'rebate.statementMixedPeriods', field: 'entries.1.period' })
  })

  it('has every message in zh-CN and en-US', () => {
    for (const key of REBATE_MESSAGE_KEYS) {
      expect(hasErrorMessage(key), key).toBe(true)
      expect(translateError('en-US', key), key).not.toBe(translateError('zh-CN', key))
    }
  })
})

describe('rebate rates as a setting', () => {
  const issues = (rates: unknown) => {
    const r = rebateRatesSchema.safeParse(rates)
    return r.success ? null : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  }

  it.each<[keyof RebateRates, number, string]>([
    ['storeShareBp', 5000, "the store's share is 50% of the base"],
    ['specialPriceShareBp', 1000, 'special-price injection items: 10% of the special price'],
    ['specialPriceThresholdBp', 8000, 'unless the price is at least 80% of the list price'],
    ['storeStaffSurgeryBp', 4000, '40% of list price for surgery without consumables'],
    ['storeStaffSurgeryWithConsumablesBp', 4500, '45% with consumables'],
    ['referralCommissionBp', 500, 'a 5% commission'],
    ['referralReferrerPartBp', 5000, 'split between referrer and salesperson: half each (our choice)'],
  ])('default %s = %i bp (DOMAIN.md: %s)', (key, bp) => {
    expect(DEFAULT_REBATE_RATES[key]).toBe(bp)
  })

  it('by default anaesthesia, lab test, inpatient stay and infusion are kept out, and the defaults validate', () => {
    expect([...DEFAULT_REBATE_RATES.excludedCategories].sort()).toEqual(['anaesthesia', 'infusion', 'inpatient', 'lab_test'])
    expect(issues(DEFAULT_REBATE_RATES)).toBeNull()
  })

  it('a rate is whole basis points from 0 to 10,000', () => {
    for (const v of [0, 1, 10_000]) expect(issues({ ...DEFAULT_REBATE_RATES, specialPriceShareBp: v }), String(v)).toBeNull()
    for (const v of [-1, 10_001, 12.5]) expect(issues({ ...DEFAULT_REBATE_RATES, specialPriceShareBp: v }), String(v)).toEqual([{ path: 'specialPriceShareBp', message: 'validation.range' }])
  })

  it('excluded categories are price-list categories, each once; unknown keys are refused', () => {
    expect(issues({ ...DEFAULT_REBATE_RATES, excludedCategories: [] })).toBeNull()
    expect(issues({ ...DEFAULT_REBATE_RATES, excludedCategories: ['lab_test', 'lab_test'] })).toEqual([{ path: 'excludedCategories', message: 'validation.rebateCategoriesDistinct' }])
    expect(issues({ ...DEFAULT_REBATE_RATES, excludedCategories: ['surgery'] })?.[0]?.path).toBe('excludedCategories.0')
    expect(issues({ ...DEFAULT_REBATE_RATES, bonusBp: 100 })).not.toBeNull()
  })
})
