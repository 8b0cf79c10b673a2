import type { RebateEntry, RebateStatement } from '../../../../core/api/rebates.ts'
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

/** YYYY-MM as its parts, for '{year}年{month}月'. */
export function monthParts(period: string): { year: string; month: number } {
  return { year: period.slice(0, 4), month: Number(period.slice(5, 7)) }
}

/** An entry's excluded amount split by why: whole lines of an excluded category, and consumables' cost. */
export function exclusionSplit(entry: RebateEntry): { categoryFen: number; consumablesFen: number } {
  const of = (reason: string) => sumFen(entry.exclusions.filter((e) => e.reason === reason).map((e) => e.excludedFen))
  return { categoryFen: of('excluded_category'), consumablesFen: of('consumable_cost') }
}

/** The month a reversal reverses (the month its rebate was booked in); null for anything else. */
export function reversedPeriodOf(entry: RebateEntry): string | null {
  return entry.reversal ? entry.reversesPeriod : null
}

/** The figures the summary shows. share and commission are the month's own, reversals their negative twins. */
export interface StatementFigures {
  baseFen: number
  shareFen: number
  commissionFen: number
  reversalsFen: number
  netFen: number
  rebates: number
  reversals: number
  referrals: number
}

export function figuresOf(statement: RebateStatement): StatementFigures {
  const entries = statement.entries
  const forward = entries.filter((e) => !e.reversal)
  const shareFen = sumFen(forward.filter((e) => e.kind === 'store_rebate').map((e) => e.storeShareFen))
  const commissionFen = sumFen(forward.map((e) => e.commissionFen))
  const reversalsFen = sumFen(entries.filter((e) => e.reversal).map((e) => (e.kind === 'store_rebate' ? e.storeShareFen : 0) + e.commissionFen))
  return {
    baseFen: statement.totals.baseFen,
    shareFen,
    commissionFen,
    reversalsFen,
    // Equal to totals.storeShareFen + statement.commissionFen: the reversals are negative.
    netFen: shareFen + commissionFen + reversalsFen,
    rebates: statement.totals.rebates,
    reversals: entries.filter((e) => e.reversal).length,
    referrals: entries.filter((e) => e.kind === 'referral' && !e.reversal).length,
  }
}

export interface StoreShare {
  storeId: number
  storeName: string
  count: number
  baseFen: number
  shareFen: number
}

/** The month's store share per store (reversals included, so a voided sheet nets out), largest first. */
export function shareByStore(entries: readonly RebateEntry[]): StoreShare[] {
  const byStore = new Map<number, { storeName: string; entries: RebateEntry[] }>()
  for (const entry of entries) {
    if (entry.kind !== 'store_rebate' || entry.storeId === null) continue
    const row = byStore.get(entry.storeId) ?? { storeName: entry.storeName, entries: [] }
    row.entries.push(entry)
    byStore.set(entry.storeId, row)
  }
  return [...byStore]
    .map(([storeId, row]) => ({
      storeId,
      storeName: row.storeName,
      count: row.entries.length,
      baseFen: sumFen(row.entries.map((e) => e.baseFen)),
      shareFen: sumFen(row.entries.map((e) => e.storeShareFen)),
    }))
    .sort((a, b) => b.shareFen - a.shareFen || a.storeName.localeCompare(b.storeName, 'zh-CN'))
}

/** The entries table's totals row: the sum of its rows (store rebates; commissions apart). */
export interface TableTotals {
  paidFen: number
  categoryFen: number
  consumablesFen: number
  baseFen: number
  shareFen: number
  commissionFen: number
}

export function tableTotals(entries: readonly RebateEntry[]): TableTotals {
  const store = entries.filter((e) => e.kind === 'store_rebate')
  const splits = store.map(exclusionSplit)
  return {
    paidFen: sumFen(store.map((e) => e.paidFen)),
    categoryFen: sumFen(splits.map((s) => s.categoryFen)),
    consumablesFen: sumFen(splits.map((s) => s.consumablesFen)),
    baseFen: sumFen(store.map((e) => e.baseFen)),
    shareFen: sumFen(store.map((e) => e.storeShareFen)),
    commissionFen: sumFen(entries.map((e) => e.commissionFen)),
  }
}
