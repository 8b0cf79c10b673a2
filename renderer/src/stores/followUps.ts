import { defineStore } from 'pinia'
import type { FollowUpResult, FollowUpRow } from '../../../core/domain/followUp.ts'
import { api, ApiCallError } from '../api/client.ts'
import { liveResource } from './liveResource.ts'

/**
 * Follow-up calls (回访): the calls due today and the open ones overdue, for the desk. Re-read on every
 * 'followUps' change (a paid fee sheet creates calls) and on client changes (names, phones).
 */
export const useFollowUpsStore = defineStore('followUps', () => {
  const due = liveResource<FollowUpRow[]>([], () => api.call('followUps.due', { overdue: true }), ['followUps', 'clients', 'fees'])

  /** `satisfaction`: 1–5 on a reached call; null sends none (the call records no score). */
  async function record(row: FollowUpRow, result: FollowUpResult, notes: string, satisfaction: number | null = null): Promise<FollowUpRow> {
    try {
      const saved = await api.call('followUps.record', { id: row.id, expectedVersion: row.version, result, notes, ...(satisfaction === null ? {} : { satisfaction }) })
      // A recorded call stays on today's list, marked done (or with one more attempt), until the list is read again.
      due.value.value = due.value.value.map((r) => (r.id === saved.id ? { ...saved, overdue: saved.status === 'open' && r.overdue } : r))
      return saved
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') await due.load()
      throw error
    }
  }

  return { due: due.value, loaded: due.loaded, loading: due.loading, ensureLoaded: due.ensureLoaded, load: due.load, init: due.init, record }
})
