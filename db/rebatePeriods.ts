import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

export interface ClosedPeriod {
  period: string
  closedAt: string
  closedByName: string
}

/** The closed month, or undefined while it is open. */
export function closedPeriod(db: ReadableDb, period: string): ClosedPeriod | undefined {
  return stmt(db, 'SELECT period, closed_at AS closedAt, closed_by_name AS closedByName FROM rebate_periods WHERE period = ?').get(period) as ClosedPeriod | undefined
}

export function closedPeriods(db: ReadableDb): ClosedPeriod[] {
  return stmt(db, 'SELECT period, closed_at AS closedAt, closed_by_name AS closedByName FROM rebate_periods ORDER BY period DESC').all() as ClosedPeriod[]
}

/** Closes a month for good (the table refuses a change or a delete). */
export function closePeriod(db: WritableDb, period: string, by: { id: number | null; name: string }, now: string): void {
  stmt(db, 'INSERT INTO rebate_periods (period, closed_at, closed_by, closed_by_name) VALUES (?, ?, ?, ?)').run(period, now, by.id, by.name)
}
