import { defineStore } from 'pinia'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { ClientReferral } from '../../../core/api/rebates.ts'
import { api } from '../api/client.ts'
import { liveResource } from './liveResource.ts'

export type ReferralInput = MethodInput<'referrals.assign'>

export type ReferralRow = ClientReferral

/**
 * Staff referrals (员工转介绍): clients brought by an employee outside marketing, each given to a salesperson.
 * Re-read on every 'rebates' change (an assignment) and 'staff' change (a name) once a page asked for them.
 */
export const useReferralsStore = defineStore('referrals', () => {
  const list = liveResource<ReferralRow[]>([], () => api.call('referrals.list', {}), ['rebates', 'staff', 'clients'])

  /** Assigns (or re-assigns) a client; throws ApiCallError. The list shows it at once, newest first. */
  async function assign(input: ReferralInput): Promise<ReferralRow> {
    const saved = await api.call('referrals.assign', input)
    list.value.value = [saved, ...list.value.value.filter((r) => r.clientId !== saved.clientId)]
    return saved
  }

  return { referrals: list.value, loaded: list.loaded, loading: list.loading, init: list.init, ensureLoaded: list.ensureLoaded, assign }
})
