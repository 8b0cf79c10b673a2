import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { PRICE_CATEGORIES, formatFen, type PriceCategory } from '../../../../core/domain/priceItem.ts'

/** Category choices with their names in the current language, and money as the table shows it. */
export function usePriceOptions() {
  const { t } = useI18n()
  const categoryOptions = computed(() => PRICE_CATEGORIES.map((value) => ({ value, label: t(`prices.categories.${value}`) })))
  const categoryLabel = (category: PriceCategory) => t(`prices.categories.${category}`)
  /** "¥1,280.00"; a missing amount as a dash. */
  const money = (fen: number | null) => (fen === null ? t('prices.none') : formatFen(fen))
  return { categoryOptions, categoryLabel, money }
}
