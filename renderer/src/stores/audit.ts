import { defineStore } from 'pinia'
import { ref } from 'vue'
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditOperator } from '../../../core/api/audit.ts'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { AuditKind } from '../../../core/domain/auditKinds.ts'
import { api } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/** What the screen filters by; a field left out is not filtered on. Days are the clinic's (YYYY-MM-DD). */
export interface AuditQuery {
  /** Null: the rows without an operator account. */
  operatorId?: number | null
  from?: string
  to?: string
  kind?: AuditKind
}

/** The input of `audit.list` for a query: only the filters that are set. */
export function auditListInput(query: AuditQuery, beforeId?: number): MethodInput<'audit.list'> {
  const input: MethodInput<'audit.list'> = { limit: AUDIT_PAGE_SIZE }
  if (query.operatorId !== undefined) input.operatorId = query.operatorId
  if (query.from !== undefined) input.from = query.from
  if (query.to !== undefined) input.to = query.to
  if (query.kind !== undefined) input.kind = query.kind
  if (beforeId !== undefined) input.beforeId = beforeId
  return input
}

/**
 * The audit log as the screen shows it: the entries of the current filter, newest first, page by page
 * (keyset: the next page starts below the last id shown), and the operators for the filter. Read when the
 * screen asks (its refresh button); the log is not followed live.
 */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([])
  const hasMore = ref(false)
  const loaded = ref(false)
  const loading = ref(false)
  const loadingMore = ref(false)
  const operators = ref<AuditOperator[]>([])
  let query: AuditQuery = {}
  /** Counts the loads: an answer to an older filter than the latest is dropped. */
  let generation = 0

  /** The first page of a (new) filter, replacing what is shown. */
  async function load(next: AuditQuery): Promise<void> {
    query = { ...next }
    const mine = ++generation
    loading.value = true
    try {
      const page = await api.call('audit.list', auditListInput(query))
      if (mine !== generation) return
      entries.value = page.entries
      hasMore.value = page.hasMore
      loaded.value = true
    } catch (error) {
      if (mine === generation) showError(error)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** The next page of the same filter, appended. */
  async function loadMore(): Promise<void> {
    const last = entries.value.at(-1)
    if (!hasMore.value || !last || loading.value || loadingMore.value) return
    const mine = generation
    loadingMore.value = true
    try {
      const page = await api.call('audit.list', auditListInput(query, last.id))
      if (mine !== generation) return
      entries.value = [...entries.value, ...page.entries]
      hasMore.value = page.hasMore
    } catch (error) {
      if (mine === generation) showError(error)
    } finally {
      loadingMore.value = false
    }
  }

  async function loadOperators(): Promise<void> {
    try {
      operators.value = await api.call('audit.operators', {})
    } catch (error) {
      showError(error)
    }
  }

  /** Reads the operators and the first page of the current filter again. */
  async function refresh(): Promise<void> {
    await Promise.all([loadOperators(), load(query)])
  }

  return { entries, hasMore, loaded, loading, loadingMore, operators, load, loadMore, loadOperators, refresh }
})
