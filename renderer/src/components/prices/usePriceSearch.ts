import { ref } from 'vue'
import type { PriceItem } from '../../../../core/domain/priceItem.ts'
import { api } from '../../api/client.ts'
import { showError } from '../../api/notify.ts'

/** Finding active price-list items as the consultant types (the newest answer wins). */
export function usePriceSearch() {
  const options = ref<PriceItem[]>([])
  const searching = ref(false)
  let request = 0

  async function search(query: string): Promise<void> {
    const mine = ++request
    // Enter while the answer is on its way must not pick an item of the previous list.
    options.value = []
    searching.value = true
    try {
      const items = await api.call('prices.list', { query: query.trim() === '' ? undefined : query.trim(), includeInactive: false })
      if (mine === request) options.value = items.slice(0, 50)
    } catch (error) {
      if (mine === request) {
        options.value = []
        showError(error)
      }
    } finally {
      if (mine === request) searching.value = false
    }
  }

  return { options, searching, search }
}
