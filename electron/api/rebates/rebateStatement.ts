import { DomainError } from '../../../core/api/errors.ts'
import type { Operator } from '../../../core/api/operator.ts'
import type { RebatePeriod, RebateStatement } from '../../../core/api/rebates.ts'
import { statementTotals, type SheetRebate } from '../../../core/domain/rebate.ts'
import { sumFen } from '../../../core/money/fen.ts'
import { getStore } from '../../../db/partners.ts'
import { closedPeriod, closedPeriods } from '../../../db/rebatePeriods.ts'
import { entriesOfPeriod, periodSums, publicEntry, type StoredEntry } from '../../../db/rebates.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'

/** The salesperson an operator is narrowed to: their own id for the marketing role (no id: nobody's), else undefined (all). */
export function ownSalesperson(operator: Operator): number | undefined {
  return operator.role === 'marketing' ? (operator.id ?? 0) : undefined
}

function periodOf(db: ReadableDb, period: string, entries: readonly StoredEntry[]): RebatePeriod {
  const closed = closedPeriod(db, period)
  return {
    period,
    closed: closed !== undefined,
    closedAt: closed?.closedAt ?? null,
    closedByName: closed?.closedByName ?? '',
    entryCount: entries.length,
    shareFen: sumFen(entries.filter((e) => e.kind === 'store_rebate').map((e) => e.storeShareFen)),
    commissionFen: sumFen(entries.map((e) => e.commissionFen)),
  }
}

/** Months with entries in the operator's scope, closed months and the current month, newest first. */
export function rebatePeriods(db: ReadableDb, operator: Operator, currentPeriod: string): RebatePeriod[] {
  const sums = new Map(periodSums(db, ownSalesperson(operator)).map((s) => [s.period, s]))
  const closed = new Map(closedPeriods(db).map((c) => [c.period, c]))
  const months = [...new Set([currentPeriod, ...sums.keys(), ...closed.keys()])].sort().reverse()
  return months.map((period) => {
    const c = closed.get(period)
    const s = sums.get(period)
    return {
      period,
      closed: c !== undefined,
      closedAt: c?.closedAt ?? null,
      closedByName: c?.closedByName ?? '',
      entryCount: s?.entryCount ?? 0,
      shareFen: s?.shareFen ?? 0,
      commissionFen: s?.commissionFen ?? 0,
    }
  })
}

/** An entry as statementTotals takes it. */
const asSheetRebate = (e: StoredEntry): SheetRebate => ({
  ...e,
  kind: e.reversal ? 'reversal' : 'rebate',
})

export interface StatementQuery {
  period: string
  storeId?: number | undefined
  salespersonId?: number | undefined
}

/**
 * A month's statement: of one store, one salesperson, both, or the whole clinic. A salesperson is narrowed to
 * their own entries, and refused another salesperson's scope or a store that is not theirs. The totals add up
 * the store rebates (and their reversals); the referral commissions are summed apart.
 */
export function rebateStatement(db: ReadableDb, operator: Operator, query: StatementQuery): RebateStatement {
  const own = ownSalesperson(operator)
  if (own !== undefined && query.salespersonId !== undefined && query.salespersonId !== own) throw new DomainError('forbidden', 'error.rebateNotYours', {}, 'salespersonId')
  const store = query.storeId === undefined ? undefined : getStore(db, query.storeId, false)
  if (query.storeId !== undefined && !store) throw new DomainError('not_found', 'error.partnerStoreNotFound', { id: query.storeId }, 'storeId')
  if (store && own !== undefined && store.salespersonId !== own) throw new DomainError('forbidden', 'error.partnerStoreNotYours', { name: store.name }, 'storeId')
  const salespersonId = own ?? query.salespersonId
  const salesperson = salespersonId === undefined ? undefined : getStaff(db, salespersonId)
  if (salespersonId !== undefined && salesperson?.role !== 'marketing') throw new DomainError('not_found', 'error.salespersonNotFound', { id: salespersonId }, 'salespersonId')

  const entries = entriesOfPeriod(db, query.period, { storeId: store?.id, salespersonId })
  const title = [store?.name, salesperson ? `业务员 ${salesperson.name}` : undefined].filter(Boolean).join(' · ') || '全院'
  const storeEntries = entries.filter((e) => e.kind === 'store_rebate').map(asSheetRebate)
  return {
    period: periodOf(db, query.period, entries),
    scope: { storeId: store?.id ?? null, salespersonId: salespersonId ?? null, title },
    entries: entries.map(publicEntry),
    totals: statementTotals(storeEntries),
    commissionFen: sumFen(entries.map((e) => e.commissionFen)),
  }
}
