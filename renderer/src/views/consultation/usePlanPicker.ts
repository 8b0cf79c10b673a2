import { ref } from 'vue'
import type { PlanLine } from '../../../../core/domain/consultation.ts'
import type { PriceItem } from '../../../../core/domain/priceItem.ts'
import { api } from '../../api/client.ts'
import { showError } from '../../api/notify.ts'

/** The line of the plan for a price-list item: a snapshot of its code, name, unit and list price. */
export function lineFromItem(item: PriceItem): PlanLine {
  return { itemId: item.id, code: item.code, name: item.name, unit: item.unit, unitPriceFen: item.listPriceFen, quantity: 1, note: '' }
}

export function emptyLine(): PlanLine {
  return { itemId: null, code: '', name: '', unit: '', unitPriceFen: null, quantity: 1, note: '' }
}

/** Finding active price-list items as the consultant types (the newest answer wins). */
export function usePlanPicker() {
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
