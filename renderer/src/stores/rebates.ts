import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RebatePeriod, RebateStatement } from '../../../core/api/rebates.ts'
import type { PartnerStore } from '../../../core/domain/partnerStore.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/** Which statement: a month (YYYY-MM), and at most one of a store or a salesperson (neither: the whole clinic). */
export interface StatementQuery {
  period: string
  storeId?: number
  salespersonId?: number
}

/**
 * The rebate statements screen's data: the months, the statement shown and the stores to choose from.
 * While the screen is open (`attach()`), a 'fees' change (a sheet paid or voided books an entry), a 'rebates'
 * change (a month closed) or a 'partners' change (a store renamed or reassigned) re-reads them. A slower answer to an older request never
 * replaces a newer one.
 */
export const useRebatesStore = defineStore('rebates', () => {
  const periods = ref<RebatePeriod[]>([])
  const statement = ref<RebateStatement | null>(null)
  const query = ref<StatementQuery | null>(null)
  const loading = ref(false)
  const stores = ref<PartnerStore[]>([])
  let viewers = 0
  let initialised = false
  let request = 0

  async function loadPeriods(): Promise<void> {
    try {
      periods.value = await api.call('rebates.periods', {})
    } catch (error) {
      showError(error)
    }
  }

  async function loadStores(): Promise<void> {
    try {
      stores.value = await api.call('partnerStores.list', { status: 'all' })
    } catch (error) {
      showError(error)
    }
  }

  async function loadStatement(next: StatementQuery): Promise<void> {
    const mine = ++request
    query.value = { ...next }
    loading.value = true
    try {
      const value = await api.call('rebates.statement', { ...next })
      if (mine === request) statement.value = value
    } catch (error) {
      if (mine === request) {
        statement.value = null
        showError(error)
      }
    } finally {
      if (mine === request) loading.value = false
    }
  }

  function reload(): void {
    if (viewers === 0) return
    void loadPeriods()
    if (query.value) void loadStatement(query.value)
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('fees', reload)
    // A month closed (here or in another window).
    api.onChange('rebates', reload)
    api.onChange('partners', () => {
      if (viewers === 0) return
      void loadStores()
      reload()
    })
  }

  /** The screen is shown: keep its data fresh until the returned function is called. */
  function attach(): () => void {
    init()
    viewers += 1
    let attached = true
    return () => {
      if (attached) viewers -= 1
      attached = false
    }
  }

  /** The statement as an XLSX file (name and base64 content); throws ApiCallError. */
  function exportXlsx(which: StatementQuery): Promise<{ fileName: string; base64: string }> {
    return api.call('rebates.exportXlsx', { ...which })
  }

  /** Closes a month (administrators); throws ApiCallError. The months and the statement show it at once. */
  async function closeMonth(period: string): Promise<RebatePeriod> {
    const closed = await api.call('rebates.closeMonth', { period })
    periods.value = periods.value.map((p) => (p.period === closed.period ? closed : p))
    if (statement.value?.period.period === closed.period) statement.value = { ...statement.value, period: closed }
    return closed
  }

  return { periods, statement, query, loading, stores, attach, loadPeriods, loadStores, loadStatement, exportXlsx, closeMonth }
})
