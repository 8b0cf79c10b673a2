import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { RegisterResult } from '../../../core/api/visits.ts'
import { isWaitingStatus, type Outcome, type VisitRow, type VisitStatus } from '../../../core/domain/visit.ts'
import { api, ApiCallError } from '../api/client.ts'
import { liveResource } from './liveResource.ts'

export type RegisterInput = MethodInput<'visits.register'>

/**
 * Today's visits (the waiting list and who was served). Re-reads on every 'visits' change, from this
 * window or another. Every write passes the visit's version; a conflict re-reads before it is rethrown,
 * so the caller can tell the operator and the list already shows the latest state.
 */
export const useVisitsStore = defineStore('visits', () => {
  const { value: today, loaded, loading, load, init, ensureLoaded } = liveResource<VisitRow[]>([], () => api.call('visits.ofDay', {}), ['visits', 'clients'])
  const waiting = computed(() => today.value.filter((v) => isWaitingStatus(v.status)))
  const served = computed(() => today.value.filter((v) => !isWaitingStatus(v.status)))

  function replace(row: VisitRow): void {
    const index = today.value.findIndex((v) => v.id === row.id)
    if (index === -1) today.value = [...today.value, row]
    else today.value = today.value.with(index, row)
  }

  /** Runs a write; on a version conflict re-reads the day, then rethrows for the caller to report. */
  async function write(run: () => Promise<VisitRow>): Promise<VisitRow> {
    try {
      const row = await run()
      replace(row)
      return row
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') await load()
      throw error
    }
  }

  async function register(input: RegisterInput): Promise<RegisterResult> {
    const result = await api.call('visits.register', input)
    replace(result.visit)
    return result
  }

  /** By the rules (no member), or manually to `memberId` with a reason (rule 9). */
  function assign(visit: VisitRow, manual?: { memberId: number; reason: string }): Promise<VisitRow> {
    return write(() => api.call('visits.assign', { visitId: visit.id, expectedVersion: visit.version, ...manual }))
  }

  function setStatus(visit: VisitRow, status: VisitStatus): Promise<VisitRow> {
    return write(() => api.call('visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status }))
  }

  /** Calls a waiting client (logged, shown on the display and spoken there). */
  function call(visit: VisitRow): Promise<VisitRow> {
    return write(() => api.call('queue.call', { visitId: visit.id, expectedVersion: visit.version }))
  }

  function recall(visit: VisitRow): Promise<VisitRow> {
    return write(() => api.call('queue.recall', { visitId: visit.id }))
  }

  /** The client called is not there: they keep waiting with the same consultant. */
  function skip(visit: VisitRow): Promise<VisitRow> {
    return write(() => api.call('queue.skip', { visitId: visit.id, expectedVersion: visit.version }))
  }

  function setOutcome(visit: VisitRow, outcome: Outcome, reason = ''): Promise<VisitRow> {
    return write(() => api.call('visits.setOutcome', { visitId: visit.id, expectedVersion: visit.version, outcome, reason }))
  }

  return { today, waiting, served, loaded, loading, init, load, ensureLoaded, register, assign, setStatus, call, recall, skip, setOutcome }
})
