import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { VisitDetail } from '../../../core/api/visits.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * The visit whose consultation page is open, as the consultant reads it: the row (with the assisting
 * supervisor) and the partner store with the salesperson's hand-over notes. A 'visits' change of this
 * visit re-reads it. Assistance throws ApiCallError for the page to show.
 */
export const useVisitDetailStore = defineStore('visitDetail', () => {
  const visitId = ref<number | null>(null)
  const detail = ref<VisitDetail | null>(null)
  let initialised = false

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('visits', (event) => {
      if (visitId.value !== null && (!event.ids || event.ids.includes(visitId.value))) void load(visitId.value)
    })
  }

  async function load(id: number): Promise<void> {
    try {
      const read = await api.call('visits.detail', { visitId: id })
      if (visitId.value === id) detail.value = read
    } catch (error) {
      showError(error)
    }
  }

  async function open(id: number): Promise<void> {
    init()
    if (visitId.value !== id) detail.value = null
    visitId.value = id
    await load(id)
  }

  /** 协助过单: hands the visit to the consultation supervisor at the version last read. */
  async function requestAssistance(): Promise<void> {
    const current = detail.value
    if (!current) return
    const visit = await api.call('visits.requestAssistance', { visitId: current.visit.id, expectedVersion: current.visit.version })
    if (visitId.value === visit.id) detail.value = { ...current, visit }
  }

  return { visitId, detail, open, requestAssistance }
})
