import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ServiceFigures } from '../../../../core/api/followUps.ts'
import { useServiceFiguresStore } from '../../stores/serviceFigures.ts'
import { thisMonth, type DayRange } from './dates.ts'
import { periodShortcuts } from './periodShortcuts.ts'

export type ServiceFigureKey = 'confirmation' | 'noShow' | 'followUp'
export const SERVICE_FIGURE_KEYS: readonly ServiceFigureKey[] = ['confirmation', 'noShow', 'followUp']

export interface ServiceFigure {
  key: ServiceFigureKey
  /** Of how many (the base of the rate). */
  base: number
  count: number
  /** 0..1, or null when there was nothing to count. */
  rate: number | null
}

/** The three figures of a range as rates: confirmed of those to confirm, no-shows of those due, calls on time of those due. */
export function serviceRates(f: ServiceFigures): ServiceFigure[] {
  const rate = (count: number, base: number) => (base > 0 ? count / base : null)
  return [
    { key: 'confirmation', count: f.confirmed, base: f.toConfirm, rate: rate(f.confirmed, f.toConfirm) },
    { key: 'noShow', count: f.noShows, base: f.keptOrMissed, rate: rate(f.noShows, f.keptOrMissed) },
    { key: 'followUp', count: f.followUpsOnTime, base: f.followUpsDue, rate: rate(f.followUpsOnTime, f.followUpsDue) },
  ]
}

/** The service figures panel: a range (this month by default) and its figures, re-read on changes while shown. */
export function useServiceFigures() {
  const { t } = useI18n()
  const store = useServiceFiguresStore()
  const range = ref<DayRange>(thisMonth())
  const key = computed(() => JSON.stringify({ from: range.value[0], to: range.value[1] }))
  const shown = computed(() => (store.figures && store.loadedFor === key.value ? store.figures : null))
  const figures = computed(() => (shown.value ? serviceRates(shown.value) : []))
  const satisfaction = computed(() => (store.satisfaction && store.satisfactionFor === key.value ? store.satisfaction : null))

  const shortcuts = computed(() => periodShortcuts(t, ['last7Days', 'thisMonth', 'lastMonth']))

  function load(): void {
    const [from, to] = range.value
    if (from && to) void store.load({ from, to })
  }
  watch(key, load)

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    load()
  })
  onBeforeUnmount(() => detach?.())

  return { store, range, shown, figures, satisfaction, shortcuts }
}
