import { ref, type Ref } from 'vue'
import type { ChangeTopic } from '../../../core/api/events.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * Something a store reads from the main process and keeps fresh: read the first time a page asks for it
 * (`ensureLoaded`), then again on every change of its topics, from this window or another. `init` only
 * subscribes (main.ts calls it once at start), so a window that never shows it never reads it.
 */
export function liveResource<T>(initial: T, read: () => Promise<T>, topics: readonly ChangeTopic[]) {
  const value = ref(initial) as Ref<T>
  const loaded = ref(false)
  const loading = ref(false)
  let initialised = false
  let wanted = false

  async function load(): Promise<void> {
    loading.value = true
    try {
      value.value = await read()
      loaded.value = true
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    for (const topic of topics) {
      api.onChange(topic, () => {
        if (wanted) void load()
      })
    }
  }

  async function ensureLoaded(): Promise<void> {
    init()
    wanted = true
    if (!loaded.value && !loading.value) await load()
  }

  return { value, loaded, loading, load, init, ensureLoaded }
}
