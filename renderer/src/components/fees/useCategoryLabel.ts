import { useI18n } from 'vue-i18n'
import { PRICE_CATEGORY_NAMES_EN, PRICE_CATEGORY_NAMES_ZH, type PriceCategory } from '../../../../core/domain/priceItem.ts'

/** The name of a price-list category in the language of the screen. */
export function useCategoryLabel() {
  const { locale } = useI18n()
  return (category: PriceCategory) => (locale.value === 'en-US' ? PRICE_CATEGORY_NAMES_EN : PRICE_CATEGORY_NAMES_ZH)[category]
}
