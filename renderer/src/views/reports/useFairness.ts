import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useReportsStore } from '../../stores/reports.ts'
import { thisMonth, type DayRange } from './dates.ts'
import { periodShortcuts } from './periodShortcuts.ts'

/** The fairness figures: a period (this month by default) and the consultants' counts over it. */
export function useFairness() {
  const { t } = useI18n()
  const store = useReportsStore()
  const range = ref<DayRange>(thisMonth())

  const rows = computed(() => store.figures)
  const from = computed(() => store.figuresRange?.from ?? range.value[0])
  const to = computed(() => store.figuresRange?.to ?? range.value[1])

  /** Quick picks of the range picker; computed on click, so a desk left open overnight stays right. */
  const shortcuts = computed(() => periodShortcuts(t, ['today', 'last7Days', 'thisMonth', 'lastMonth']))

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
