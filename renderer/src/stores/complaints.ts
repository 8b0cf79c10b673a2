import { defineStore } from 'pinia'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { Complaint } from '../../../core/domain/complaint.ts'
import { api, ApiCallError } from '../api/client.ts'
import { paramResource } from './paramResource.ts'

export type ComplaintInput = MethodInput<'complaints.create'>

/** One client's complaints (投诉), for the client's page; fresh while the page shows them. */
export const useComplaintsStore = defineStore('complaints', () => {
  const list = paramResource<number, Complaint[]>([], (clientId) => api.call('complaints.ofClient', { clientId }), ['complaints', 'staff'])

  /** Shows one client's complaints; another client's are not kept on screen meanwhile. */
  async function open(clientId: number): Promise<void> {
    if (list.params.value !== clientId) list.value.value = []
    await list.load(clientId)
  }

  function put(complaint: Complaint): void {
    const others = list.value.value.filter((c) => c.id !== complaint.id)
    const next = [complaint, ...others]
    list.value.value = next.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id)
  }

  /** Writes throw ApiCallError (the dialogs show it); a complaint changed meanwhile is re-read first. */
  async function write(call: () => Promise<Complaint>): Promise<Complaint> {
    try {
      const complaint = await call()
      if (list.params.value === complaint.clientId) put(complaint)
      return complaint
    } catch (error) {
      if (error instanceof ApiCallError && (error.code === 'conflict' || error.code === 'rule_violation')) await list.reload()
      throw error
    }
  }

  const create = (input: ComplaintInput) => write(() => api.call('complaints.create', input))
  const addStep = (c: Complaint, note: string) => write(() => api.call('complaints.addStep', { id: c.id, expectedVersion: c.version, note }))
  const close = (c: Complaint, resolution: string) => write(() => api.call('complaints.close', { id: c.id, expectedVersion: c.version, resolution }))

  return { complaints: list.value, loading: list.loading, open, create, addStep, close, attach: list.attach }
})
