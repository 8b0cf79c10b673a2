import { ref, type Ref } from 'vue'
import type { ChangeTopic } from '../../../core/api/events.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * Something a store reads for the parameters a page picks (a day, a range, a client), and keeps fresh
 * while a page shows it (`attach`): every change of its topics re-reads it for the same parameters.
 * A slower answer to older parameters never replaces a newer one.
 */
export function paramResource<P, T>(initial: T, read: (params: P) => Promise<T>, topics: readonly ChangeTopic[]) {
  const value = ref(initial) as Ref<T>
  const params = ref(null) as Ref<P | null>
  /** The parameters of `value` (JSON), so a page can tell an older answer still on screen. */
  const loadedFor = ref<string | null>(null)
  const loading = ref(false)
  let viewers = 0
  let request = 0
  let initialised = false

  async function load(next: P): Promise<void> {
    const mine = ++request
    params.value = next
    loading.value = true
    try {
      const answer = await read(next)
      if (mine !== request) return
      value.value = answer
      loadedFor.value = JSON.stringify(next)
    } catch (error) {
      if (mine === request) showError(error)
    } finally {
      if (mine === request) loading.value = false
    }
  }

  function reload(): Promise<void> {
    return params.value === null ? Promise.resolve() : load(params.value)
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    for (const topic of topics) {
      api.onChange(topic, () => {
        if (viewers > 0) void reload()
      })
    }
  }

  /** A page shows it: keep it fresh until the returned function is called. */
  function attach(): () => void {
    init()
    viewers += 1
    let attached = true
    return () => {
      if (attached) viewers -= 1
      attached = false
    }
  }

  return { value, params, loadedFor, loading, load, reload, init, attach }
}
