import { computed, reactive, ref } from 'vue'
import { useNow } from '../../composables/useNow.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useVisitsStore } from '../../stores/visits.ts'
import { defaultFilters, filterAndSort, isLongWait, minutesInStatus, waitMinutes } from './waiting.ts'

/** Waiting minutes are refreshed this often. */
export const WAIT_TICK_MS = 30_000
export const SHOW_NAMES_SHORTCUT = { code: 'KeyM', alt: true } as const

/** The waiting list and today's served visits: filters, live waiting minutes, flags and the banners. */
export function useWaitingList() {
  const visits = useVisitsStore()
  const settings = useSettingsStore()
  const now = useNow(WAIT_TICK_MS)
  const nowIso = computed(() => now.value.toISOString())
  const filters = reactive(defaultFilters())
  /** Names are masked (张*丽) unless the desk asks to see them in full. */
  const showNames = ref(false)
  const alertMinutes = computed(() => settings.settings.waitAlertMinutes)
  const countAlert = computed(() => settings.settings.waitingCountAlert)

  const rows = computed(() => filterAndSort(visits.waiting, filters, nowIso.value, alertMinutes.value))
  const filtered = computed(() => visits.waiting.length > 0)
  const waitingCount = computed(() => visits.waiting.length)
  const tooMany = computed(() => waitingCount.value > countAlert.value)
  const longCount = computed(() => visits.waiting.filter((v) => isLongWait(v, nowIso.value, alertMinutes.value)).length)
  const served = computed(() => [...visits.served].sort((a, b) => b.statusAt.localeCompare(a.statusAt)))

  useShortcut(SHOW_NAMES_SHORTCUT, () => (showNames.value = !showNames.value))

  return {
    visits,
    filters,
    showNames,
    nowIso,
    alertMinutes,
    countAlert,
    rows,
    filtered,
    waitingCount,
    tooMany,
    longCount,
    served,
    waitOf: (v: { registeredAt: string }) => waitMinutes(v, nowIso.value),
    inStatusOf: (v: { statusAt: string }) => minutesInStatus(v, nowIso.value),
    isLong: (v: { registeredAt: string }) => isLongWait(v, nowIso.value, alertMinutes.value),
  }
}
