import type { FormItemRule, FormRules } from 'element-plus'
import type { ServiceCategory } from '../../../../core/domain/categories.ts'
import { PRICE_CODE_PATTERN, PRICE_LIMITS, parseYuanToFen, type PriceCategory, type YuanParse } from '../../../../core/domain/priceItem.ts'

/** The form as typed: prices are yuan text, read into integer fen with parseYuanToFen (never a float). */
export interface PriceForm {
  code: string
  name: string
  category: PriceCategory
  unit: string
  listPrice: string
  floorPrice: string
  cost: string
  specialPrice: boolean
  /** '' for none: the consent form template is then the general one. */
  serviceCategory: ServiceCategory | ''
  /** 侵入性治疗: no 划扣 before the consent form is marked signed. */
  invasive: boolean
}

type Translate = (key: string, params?: Record<string, unknown>) => string
type Validator = NonNullable<FormItemRule['validator']>

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** Fen of an optional amount: null when left empty. */
export function optionalFen(value: string): YuanParse | { ok: true; fen: null } {
  return value.trim() === '' ? { ok: true, fen: null } : parseYuanToFen(value)
}

/** The message for a refused amount, in the current language. */
export function yuanMessage(t: Translate, parsed: YuanParse): string {
  if (parsed.ok) return ''
  switch (parsed.reason) {
    case 'empty':
      return t('prices.validation.priceRequired')
    case 'negative':
      return t('prices.validation.priceNegative')
    case 'too_many_decimals':
      return t('prices.validation.priceDecimals')
    case 'too_large':
      return t('prices.validation.priceTooLarge')
    default:
      return t('prices.validation.priceFormat')
  }
}

/** A rule whose message is worked out when it runs, so it follows the current language. */
function rule(message: (value: unknown) => string, trigger: string | string[] = 'blur'): FormItemRule {
  const validator: Validator = (_rule, value, callback) => {
    const problem = message(value)
    if (problem === '') callback()
    else callback(new Error(problem))
  }
  return { validator, trigger }
}

function amountRule(t: Translate, optional: boolean): FormItemRule {
  return rule((v) => {
    if (optional && text(v) === '') return ''
    return yuanMessage(t, parseYuanToFen(text(v)))
  })
}

/** Rules of the add / edit form; `form` is read when a rule runs (the floor is compared with the price). */
export function priceRules(t: Translate, form: PriceForm): FormRules<PriceForm> {
  const tooLong = (max: number) => (v: unknown) => (text(v).length <= max ? '' : t('prices.validation.tooLong', { max }))
  return {
    code: [
      rule((v) => (text(v) === '' ? t('prices.validation.codeRequired') : '')),
      rule(tooLong(PRICE_LIMITS.code)),
      rule((v) => (text(v) === '' || PRICE_CODE_PATTERN.test(text(v)) ? '' : t('prices.validation.codeFormat'))),
    ],
    name: [rule((v) => (text(v) === '' ? t('prices.validation.nameRequired') : '')), rule(tooLong(PRICE_LIMITS.name))],
    category: [rule((v) => (text(v) === '' ? t('prices.validation.categoryRequired') : ''), 'change')],
    unit: [rule(tooLong(PRICE_LIMITS.unit))],
    listPrice: [amountRule(t, false)],
    floorPrice: [
      amountRule(t, true),
      rule((v) => {
        const floor = optionalFen(text(v))
        const list = parseYuanToFen(form.listPrice)
        if (!floor.ok || floor.fen === null || !list.ok) return ''
        return floor.fen > list.fen ? t('prices.validation.floorAboveList') : ''
      }),
    ],
    cost: [amountRule(t, true)],
  }
}
