import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ClientDetail } from '../../../core/api/clients.ts'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { Client, ClientSummary } from '../../../core/domain/client.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

export type ClientUpdate = MethodInput<'clients.update'>

/**
 * Finding clients, and the one client whose page is open (re-read on each 'clients' or 'visits' change,
 * so an edit or a visit made in another window shows at once).
 */
export const useClientsStore = defineStore('clients', () => {
  const detail = ref<ClientDetail | null>(null)
  const detailId = ref<number | null>(null)
  const loading = ref(false)
  let initialised = false

  async function loadDetail(): Promise<void> {
    const id = detailId.value
    if (id === null) return
    loading.value = true
    try {
      const next = await api.call('clients.get', { id })
      if (detailId.value === id) detail.value = next
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('clients', () => void loadDetail())
    api.onChange('visits', () => void loadDetail())
  }

  /** Shows one client (null: none). */
  async function open(id: number | null): Promise<void> {
    init()
    if (id !== detailId.value) detail.value = null
    detailId.value = id
    await loadDetail()
  }

  function search(query: string, limit = 8): Promise<ClientSummary[]> {
    return api.call('clients.search', { query, limit })
  }

  function findByPhone(phone: string): Promise<Client[]> {
    return api.call('clients.findByPhone', { phone })
  }

  async function update(input: ClientUpdate): Promise<Client> {
    const client = await api.call('clients.update', input)
    if (detail.value?.client.id === client.id) detail.value = { ...detail.value, client }
    return client
  }

  return { detail, detailId, loading, init, open, search, findByPhone, update }
})
