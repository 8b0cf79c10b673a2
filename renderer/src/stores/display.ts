import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { DisplayCall, DisplaySpeech, DisplayState } from '../../../core/api/queue.ts'
import type { ChangeTopic } from '../../../core/api/events.ts'
import { api, isConnected } from '../api/client.ts'
import { callsToAnnounce, latestCallId } from './displayCalls.ts'

/** Every change at the desk that can alter what the waiting room sees (names, rooms, the template too). */
const TOPICS: ChangeTopic[] = ['calls', 'visits', 'settings', 'display', 'clients', 'staff']
/** A safety net for a pushed change lost on the way (a dropped connection): read again this often. */
export const REFRESH_MS = 30_000

/** One call to play: the call as shown and the speech settings read with it. */
export interface Announcement {
  call: DisplayCall
  speech: DisplaySpeech
}

/**
 * The read-only state of the waiting-room display (queue.display), read again on every pushed change.
 * It never writes. The first read of a window is silent; each call made afterwards is handed once to
 * whoever listens with `onAnnounce` (the display's announcer), so a reload never repeats a call.
 */
export const useDisplayStore = defineStore('display', () => {
  const state = shallowRef<DisplayState | null>(null)
  const loaded = ref(false)
  /** The last read failed; the screen says it is reconnecting and keeps what it showed. */
  const offline = ref(false)
  /** The call that arrived while this window was watching, for a brief highlight; null after a reload. */
  const freshCallId = ref<number | null>(null)

  const announceListeners = new Set<(announcement: Announcement) => void>()
  let lastSeen: number | null = null
  let initialised = false
  let loading = false
  let again = false
  let timer: ReturnType<typeof setInterval> | undefined

  function apply(next: DisplayState): void {
    const calls = callsToAnnounce(lastSeen, next, Date.now())
    lastSeen = Math.max(lastSeen ?? 0, latestCallId(next))
    state.value = next
    loaded.value = true
    offline.value = false
    const newest = calls.at(-1)
    if (newest && newest.callId === next.current?.callId) freshCallId.value = newest.callId
    for (const call of calls) {
      for (const listener of announceListeners) listener({ call, speech: next.speech })
    }
  }

  /** Reads the state; changes that arrive during a read cause one more read after it, not one each. */
  async function load(): Promise<void> {
    if (loading) {
      again = true
      return
    }
    loading = true
    try {
      do {
        again = false
        try {
          apply(await api.call('queue.display', {}))
        } catch (error) {
          // A toast on a waiting-room screen helps no one: say "reconnecting" and try again later.
          offline.value = true
          console.warn('queue display: reading the state failed', error)
        }
      } while (again)
    } finally {
      loading = false
    }
  }

  /** Subscribes once (when the display route mounts, never in the desk window) and reads the state. */
  async function init(): Promise<void> {
    if (initialised || !isConnected()) return
    initialised = true
    for (const topic of TOPICS) api.onChange(topic, () => void load())
    timer = setInterval(() => void load(), REFRESH_MS)
    await load()
  }

  /** Listens to calls to announce; returns the unsubscribe function. */
  function onAnnounce(listener: (announcement: Announcement) => void): () => void {
    announceListeners.add(listener)
    return () => announceListeners.delete(listener)
  }

  /** For tests: stops the periodic read. */
  function stop(): void {
    clearInterval(timer)
  }

  return { state, loaded, offline, freshCallId, init, load, onAnnounce, stop }
})
