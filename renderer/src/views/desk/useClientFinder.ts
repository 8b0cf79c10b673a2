import { onBeforeUnmount, ref, watch } from 'vue'
import type { ClientSummary } from '../../../../core/domain/client.ts'
import { showError } from '../../api/notify.ts'
import { useClientsStore } from '../../stores/clients.ts'

export const SEARCH_DEBOUNCE_MS = 150

/**
 * Search-as-you-type for a client: debounced, stale answers dropped, and the result list driven by the
 * keyboard (↑ ↓ move, Enter picks, Esc closes) as an ARIA combobox.
 */
export function useClientFinder(onPick: (client: ClientSummary) => void) {
  const clients = useClientsStore()
  const query = ref('')
  const results = ref<ClientSummary[]>([])
  const searching = ref(false)
  const searched = ref(false)
  const activeIndex = ref(-1)
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0

  async function run(text: string): Promise<void> {
    const mine = ++seq
    searching.value = true
    try {
      const found = await clients.search(text)
      if (mine !== seq) return
      results.value = found
      activeIndex.value = found.length > 0 ? 0 : -1
      searched.value = true
    } catch (error) {
      if (mine === seq) showError(error)
    } finally {
      if (mine === seq) searching.value = false
    }
  }

  watch(query, (text) => {
    clearTimeout(timer)
    if (text.trim() === '') {
      seq++
      results.value = []
      searched.value = false
      searching.value = false
      activeIndex.value = -1
      return
    }
    timer = setTimeout(() => void run(text.trim()), SEARCH_DEBOUNCE_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  function clear(): void {
    query.value = ''
  }

  function pick(client: ClientSummary): void {
    onPick(client)
    clear()
  }

  /** Keys on the search box. Returns true when it used the key. */
  function onKey(event: KeyboardEvent): boolean {
    if (event.isComposing || event.keyCode === 229) return false
    const n = results.value.length
    if (event.key === 'ArrowDown' && n > 0) activeIndex.value = (activeIndex.value + 1) % n
    else if (event.key === 'ArrowUp' && n > 0) activeIndex.value = (activeIndex.value - 1 + n) % n
    else if (event.key === 'Enter' && activeIndex.value >= 0 && results.value[activeIndex.value]) pick(results.value[activeIndex.value] as ClientSummary)
    else if (event.key === 'Escape' && query.value !== '') clear()
    else return false
    event.preventDefault()
    event.stopPropagation()
    return true
  }

  return { query, results, searching, searched, activeIndex, pick, clear, onKey }
}

export type ClientSearch = ReturnType<typeof useClientFinder>
