import { minutesBetween } from '../../../../core/domain/dates.ts'
import type { VisitRow, VisitType } from '../../../../core/domain/visit.ts'

/** Pure rules of the waiting list (DOMAIN.md, waiting-room management): filters, sort, flags. */

export type WaitingSort = 'queue' | 'longest' | 'consultant'
/** 'all', 'none' (not assigned yet) or a consultant's id. */
export type ConsultantFilter = 'all' | 'none' | number

export interface WaitingFilters {
  consultant: ConsultantFilter
  type: VisitType | 'all'
  /** Only visits waiting longer than the alert threshold. */
  longOnly: boolean
  sort: WaitingSort
}

export function defaultFilters(): WaitingFilters {
  return { consultant: 'all', type: 'all', longOnly: false, sort: 'queue' }
}

/** Minutes a visit has waited: since it was registered (a called client is still waiting). */
export function waitMinutes(visit: Pick<VisitRow, 'registeredAt'>, nowIso: string): number {
  return minutesBetween(visit.registeredAt, nowIso)
}

/** Minutes in the current status (service time once with a consultant). */
export function minutesInStatus(visit: Pick<VisitRow, 'statusAt'>, nowIso: string): number {
  return minutesBetween(visit.statusAt, nowIso)
}

export function isLongWait(visit: Pick<VisitRow, 'registeredAt'>, nowIso: string, alertMinutes: number): boolean {
  return waitMinutes(visit, nowIso) > alertMinutes
}

/** Consultant (or the designated one while unassigned) a row is filtered by. */
function consultantOf(visit: VisitRow): number | null {
  return visit.consultantId ?? visit.designatedConsultantId
}

export function filterAndSort(rows: readonly VisitRow[], filters: WaitingFilters, nowIso: string, alertMinutes: number): VisitRow[] {
  const kept = rows.filter((v) => {
    if (filters.type !== 'all' && v.type !== filters.type) return false
    if (filters.consultant === 'none' && v.consultantId !== null) return false
    if (typeof filters.consultant === 'number' && consultantOf(v) !== filters.consultant) return false
    if (filters.longOnly && !isLongWait(v, nowIso, alertMinutes)) return false
    return true
  })
  const byQueue = (a: VisitRow, b: VisitRow) => a.registeredAt.localeCompare(b.registeredAt) || a.id - b.id
  const sorters: Record<WaitingSort, (a: VisitRow, b: VisitRow) => number> = {
    queue: byQueue,
    longest: (a, b) => waitMinutes(b, nowIso) - waitMinutes(a, nowIso) || byQueue(a, b),
    consultant: (a, b) => (a.consultantName ?? '\uffff').localeCompare(b.consultantName ?? '\uffff', 'zh-CN') || byQueue(a, b),
  }
  return kept.sort(sorters[filters.sort])
}

/**
 * The visit "assign next waiting" takes: the first waiting first visit without a consultant and without a
 * designation, in queue order.
 */
export function firstUnassignedFirstVisit(rows: readonly VisitRow[]): VisitRow | null {
  return (
    [...rows]
      .filter((v) => v.status === 'waiting' && v.type === 'first' && v.consultantId === null && v.designatedConsultantId === null)
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id - b.id)[0] ?? null
  )
}
