import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const
/** How often the idle time is looked at, and how often activity is reported to the main process. */
const CHECK_EVERY_MS = 15_000
const HEARTBEAT_EVERY_MS = 60_000

/**
 * Locks the desk after `minutes` without keyboard, mouse or touch. While people work it reports activity
 * now and then (`onActive`), so the main process's own idle lock does not end a session someone is using
 * without calling the API (typing a long note, say).
 */
export function useIdleLock(options: { minutes: Ref<number>; enabled: Ref<boolean>; onIdle(): void; onActive(): void; now?: () => number }): void {
  const now = options.now ?? (() => Date.now())
  let lastActivity = now()
  let lastHeartbeat = now()
  let timer: ReturnType<typeof setInterval> | null = null

  const activity = () => {
    lastActivity = now()
    if (options.enabled.value && lastActivity - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
      lastHeartbeat = lastActivity
      options.onActive()
    }
  }
  const check = () => {
    if (!options.enabled.value) {
      lastActivity = now()
      return
    }
    if (now() - lastActivity >= options.minutes.value * 60_000) {
      lastActivity = now()
      options.onIdle()
    }
  }

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { passive: true, capture: true })
    timer = setInterval(check, CHECK_EVERY_MS)
  })
  onBeforeUnmount(() => {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true })
    if (timer) clearInterval(timer)
  })
}
