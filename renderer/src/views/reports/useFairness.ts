import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { dayAsDate } from '../../components/reports/useReportLabels.ts'
import { useReportsStore } from '../../stores/reports.ts'
import { lastDays, lastMonth, thisMonth, type DayRange } from './dates.ts'

/** The fairness figures: a period (this month by default) and the consultants' counts over it. */
export function useFairness() {
  const { t } = useI18n()
  const store = useReportsStore()
  const range = ref<DayRange>(thisMonth())

  const rows = computed(() => store.figures)
  const from = computed(() => store.figuresRange?.from ?? range.value[0])
  const to = computed(() => store.figuresRange?.to ?? range.value[1])

  /** Quick picks of the range picker; computed on click, so a desk left open overnight stays right. */
  const shortcuts = computed(() => [
    { text: t('reports.fairness.shortcuts.today'), value: () => rangeDates(lastDays(1)) },
    { text: t('reports.fairness.shortcuts.last7Days'), value: () => rangeDates(lastDays(7)) },
    { text: t('reports.fairness.shortcuts.thisMonth'), value: () => rangeDates(thisMonth()) },
    { text: t('reports.fairness.shortcuts.lastMonth'), value: () => rangeDates(lastMonth()) },
  ])

  function load(): void {
    const [start, end] = range.value
    void store.loadFigures({ from: start, to: end })
  }

  watch(range, (next) => {
    if (next?.[0] && next[1]) load()
  })

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach('figures')
    load()
  })
  onBeforeUnmount(() => detach?.())

  return { store, range, rows, from, to, shortcuts }
}

/** Element Plus's shortcut values are Date objects (local midnight). */
function rangeDates([start, end]: DayRange): [Date, Date] {
  return [dayAsDate(start), dayAsDate(end)]
}
