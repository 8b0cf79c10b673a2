import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useCallAnnouncer } from '../../composables/useCallAnnouncer.ts'
import { useDateTimeFormat } from '../../composables/useDateTimeFormat.ts'
import { useNow } from '../../composables/useNow.ts'
import { useDisplayStore } from '../../stores/display.ts'
import { distinctRecent } from '../../stores/displayCalls.ts'
import { useSettingsStore } from '../../stores/settings.ts'

/** Lines in the recent-calls column, and chips in the waiting strip (two rows of eight). */
export const RECENT_SHOWN = 4
export const WAITING_SHOWN = 16
/** How long a new call stands out on the big panel. */
export const FRESH_MS = 5000

/** The waiting-room display: what it shows, the clock, the highlight of a new call and its announcement. */
export function useDisplayBoard() {
  const display = useDisplayStore()
  const settings = useSettingsStore()
  const { date, time, iso } = useDateTimeFormat(useNow())
  const { soundBlocked, enableSound } = useCallAnnouncer(display)

  const clinicName = computed(() => display.state?.clinicName ?? settings.clinicName)
  const current = computed(() => display.state?.current ?? null)
  const recent = computed(() => (display.state ? distinctRecent(display.state, RECENT_SHOWN) : []))
  const waiting = computed(() => display.state?.waiting ?? [])

  // A call made while this screen watches stands out for a few seconds (not after a reload).
  const fresh = ref(false)
  let freshTimer: ReturnType<typeof setTimeout> | undefined
  watch(
    () => display.freshCallId,
    (id) => {
      if (id === null) return
      fresh.value = false
      clearTimeout(freshTimer)
      // Off then on again, so a recall right after a call restarts the animation.
      requestAnimationFrame(() => {
        fresh.value = true
        freshTimer = setTimeout(() => (fresh.value = false), FRESH_MS)
      })
    },
  )

  onMounted(() => void display.init())
  onBeforeUnmount(() => clearTimeout(freshTimer))

  return { clinicName, date, time, iso, current, recent, waiting, fresh, offline: computed(() => display.offline), soundBlocked, enableSound }
}
