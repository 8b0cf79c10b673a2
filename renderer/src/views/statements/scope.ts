import type { RebateEntry } from '../../../../core/api/rebates.ts'
import { sumFen } from '../../../../core/money/fen.ts'
import type { StatementQuery } from '../../stores/rebates.ts'

/** Whose statement: the whole clinic, one store, or one salesperson's stores. */
export const SCOPE_KINDS = ['all', 'store', 'salesperson'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

export interface Scope {
  kind: ScopeKind
  storeId: number | null
  salespersonId: number | null
}

/** The statement to read, or null while a store or salesperson scope has nobody chosen yet. */
export function queryOf(period: string | null, scope: Scope): StatementQuery | null {
  if (!period) return null
  if (scope.kind === 'all') return { period }
  if (scope.kind === 'store') return scope.storeId === null ? null : { period, storeId: scope.storeId }
  return scope.salespersonId === null ? null : { period, salespersonId: scope.salespersonId }
}

/** A month can be closed once it has ended: its YYYY-MM is before today's. */
export function monthEnded(period: string, today: string): boolean {
  return period < today.slice(0, 7)
}

export interface StoreShare {
  storeId: number
  storeName: string
  shareFen: number
}

/** The month's store share per store (reversals included, so a voided sheet nets out), largest first. */
export function shareByStore(entries: readonly RebateEntry[]): StoreShare[] {
  const byStore = new Map<number, { storeName: string; shares: number[] }>()
  for (const entry of entries) {
    if (entry.kind !== 'store_rebate' || entry.storeId === null) continue
    const row = byStore.get(entry.storeId) ?? { storeName: entry.storeName, shares: [] }
    row.shares.push(entry.storeShareFen)
    byStore.set(entry.storeId, row)
  }
  return [...byStore]
    .map(([storeId, row]) => ({ storeId, storeName: row.storeName, shareFen: sumFen(row.shares) }))
    .sort((a, b) => b.shareFen - a.shareFen || a.storeName.localeCompare(b.storeName, 'zh-CN'))
}
