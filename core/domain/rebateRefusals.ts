import { DomainError, type ErrorCode } from '../api/errors.ts'
import { addErrorMessages } from '../i18n/errorMessages.ts'
import { isNonNegativeFen, type Fen } from '../money/fen.ts'
import { rebateRatesSchema, type RebateRates } from './rebateRates.ts'

/**
 * Refusals of the rebate maths (core/domain/rebate.ts and the files beside it), and the checks that raise them. They throw DomainError like the
 * handlers do, so a handler that calls them needs no translation of its own: the dispatcher turns the key into
 * the operator's language. {line} is the line's number from 1; amounts are given already formatted (¥1,409.50).
 */
export type RebateMessageKey =
  | 'rebate.invalidRates'
  | 'rebate.invalidPeriod'
  | 'rebate.invalidPaid'
  | 'rebate.paidExceedsLines'
  | 'rebate.sheetTooLarge'
  | 'rebate.invalidCategory'
  | 'rebate.invalidQuantity'
  | 'rebate.invalidUnitPrice'
  | 'rebate.invalidListPrice'
  | 'rebate.invalidCost'
  | 'rebate.lineTooLarge'
  | 'rebate.invalidDeal'
  | 'rebate.invalidStaffListPrice'
  | 'rebate.reversalOfReversal'
  | 'rebate.reversalBeforeRebate'
  | 'rebate.statementMixedPeriods'

const zh: Record<RebateMessageKey | 'validation.rebateCategoriesDistinct', string> = {
  'rebate.invalidRates': '返款比例设置有误（{field}），请管理员在设置中检查',
  'rebate.invalidPeriod': '结算月份格式应为 YYYY-MM（如 2026-03），收到“{period}”',
  'rebate.invalidPaid': '实收金额须为不小于 0 的整数（分）',
  'rebate.paidExceedsLines': '实收金额 {paid} 超过各项目合计 {lines}，无法计算返款',
  'rebate.sheetTooLarge': '缴费单金额过大，无法计算返款',
  'rebate.invalidCategory': '第 {line} 行（{name}）：项目类别“{category}”不存在',
  'rebate.invalidQuantity': '第 {line} 行（{name}）：数量须为不小于 1 的整数',
  'rebate.invalidUnitPrice': '第 {line} 行（{name}）：实收单价须为不小于 0 的整数（分）',
  'rebate.invalidListPrice': '第 {line} 行（{name}）：价目表单价须为不小于 0 的整数（分）',
  'rebate.invalidCost': '第 {line} 行（{name}）：耗材成本须为不小于 0 的整数（分）或留空',
  'rebate.lineTooLarge': '第 {line} 行（{name}）：金额过大，无法计算返款',
  'rebate.invalidDeal': '成交金额须为不小于 0 的整数（分）',
  'rebate.invalidStaffListPrice': '价目表单价须为不小于 0 的整数（分）',
  'rebate.reversalOfReversal': '缴费单 {sheetNo} 的冲回记录不能再次冲回',
  'rebate.reversalBeforeRebate': '缴费单 {sheetNo} 的冲回月份 {period} 早于返款入账月份 {original}',
  'rebate.statementMixedPeriods': '月结单只能包含同一月份的记录（{first} 与 {other}）',
  'validation.rebateCategoriesDistinct': '不计返款的项目类别不能重复',
}

const en: typeof zh = {
  'rebate.invalidRates': 'The rebate rates are not valid ({field}); an administrator should check them in the settings',
  'rebate.invalidPeriod': 'A statement month is written YYYY-MM (e.g. 2026-03), not "{period}"',
  'rebate.invalidPaid': 'The amount paid must be a whole number of fen, 0 or more',
  'rebate.paidExceedsLines': 'The amount paid, {paid}, is more than the lines add up to, {lines}: no rebate can be worked out',
  'rebate.sheetTooLarge': 'The fee sheet is too large for a rebate to be worked out',
  'rebate.invalidCategory': 'Line {line} ({name}): there is no item category "{category}"',
  'rebate.invalidQuantity': 'Line {line} ({name}): the quantity must be a whole number, 1 or more',
  'rebate.invalidUnitPrice': 'Line {line} ({name}): the unit price charged must be a whole number of fen, 0 or more',
  'rebate.invalidListPrice': 'Line {line} ({name}): the list price must be a whole number of fen, 0 or more',
  'rebate.invalidCost': 'Line {line} ({name}): the consumable cost must be a whole number of fen, 0 or more, or left empty',
  'rebate.lineTooLarge': 'Line {line} ({name}): the amount is too large for a rebate to be worked out',
  'rebate.invalidDeal': 'The deal amount must be a whole number of fen, 0 or more',
  'rebate.invalidStaffListPrice': 'The list price must be a whole number of fen, 0 or more',
  'rebate.reversalOfReversal': 'The reversal of fee sheet {sheetNo} cannot itself be reversed',
  'rebate.reversalBeforeRebate': 'Fee sheet {sheetNo}: the reversal month {period} is before the month its rebate was booked in, {original}',
  'rebate.statementMixedPeriods': 'A monthly statement holds the entries of one month only ({first} and {other})',
  'validation.rebateCategoriesDistinct': 'A category can be listed only once among those kept out of rebates',
}

addErrorMessages({ 'zh-CN': zh, 'en-US': en })

/** Every key the rebate maths can refuse with (a test checks each has a message in both languages). */
export const REBATE_MESSAGE_KEYS = Object.keys(zh) as (keyof typeof zh)[]

/** Throws the refusal: invalid input unless another code is given. */
export function refuseRebate(
  messageKey: RebateMessageKey,
  params: Record<string, string | number> = {},
  field?: string,
  code: ErrorCode = 'invalid_input',
): never {
  throw new DomainError(code, messageKey, params, field)
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

/** Refuses a period that is not YYYY-MM. */
export function checkPeriod(period: string, field = 'period'): void {
  if (typeof period !== 'string' || !PERIOD.test(period)) refuseRebate('rebate.invalidPeriod', { period: String(period) }, field)
}

/** The rates, checked as a settings screen checks them: a refusal names the first wrong field. */
export function checkRates(rates: RebateRates): RebateRates {
  const parsed = rebateRatesSchema.safeParse(rates)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? ''
    refuseRebate('rebate.invalidRates', { field }, `rates.${field}`)
  }
  return parsed.data
}

/** Refuses an amount that is not whole fen in 0..MAX_FEN. */
export function checkAmount(fen: Fen, key: 'rebate.invalidPaid' | 'rebate.invalidDeal' | 'rebate.invalidStaffListPrice', field: string): void {
  if (!isNonNegativeFen(fen)) refuseRebate(key, {}, field)
}
