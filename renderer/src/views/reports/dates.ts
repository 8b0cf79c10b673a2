import { localDateOf } from '../../../../core/domain/dates.ts'

export type DayRange = [from: string, to: string]

/** Today as YYYY-MM-DD in the clinic's (the machine's) time zone. */
export function today(now = new Date()): string {
  return localDateOf(now)
}

/** From the first of the month up to today. */
export function thisMonth(now = new Date()): DayRange {
  return [localDateOf(new Date(now.getFullYear(), now.getMonth(), 1)), localDateOf(now)]
}

/** The whole previous calendar month. */
export function lastMonth(now = new Date()): DayRange {
  return [localDateOf(new Date(now.getFullYear(), now.getMonth() - 1, 1)), localDateOf(new Date(now.getFullYear(), now.getMonth(), 0))]
}

/** The last `days` days, today included. */
export function lastDays(days: number, now = new Date()): DayRange {
  return [localDateOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1))), localDateOf(now)]
}
