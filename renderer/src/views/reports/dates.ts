import { addDays, localDateOf } from '../../../../core/domain/dates.ts'

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

// ---------------------------------------------------------------------------------------------------
// The range report's periods. Pure functions of calendar days (YYYY-MM-DD), worked out in UTC so that no
// time zone or summer-time change can move a day.
// ---------------------------------------------------------------------------------------------------

/** Day, ISO week (Monday to Sunday), calendar month, or any range the administrator picks. */
export const RANGE_PRESETS = ['day', 'week', 'month', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]
export type PeriodPreset = Exclude<RangePreset, 'custom'>

const DAY_MS = 86_400_000
const pad2 = (n: number) => String(n).padStart(2, '0')

function parseDay(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

function formatDay(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

/** The day `n` days after `day` (before it when n < 0): core's, on the calendar alone. */
export { addDays }

/** 1 Monday … 7 Sunday (ISO 8601). */
export function isoWeekday(day: string): number {
  return ((parseDay(day).getUTCDay() + 6) % 7) + 1
}

/** The ISO week of a day: weeks start on Monday, and week 1 is the one with the year's first Thursday. */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = parseDay(addDays(day, 4 - isoWeekday(day)))
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
  return { year, week }
}

/** The Monday-to-Sunday week that holds `day`. */
export function isoWeekRange(day: string): DayRange {
  const monday = addDays(day, 1 - isoWeekday(day))
  return [monday, addDays(monday, 6)]
}

/** The calendar month that holds `day`, first to last day. */
export function monthRange(day: string): DayRange {
  const date = parseDay(day)
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth()
  return [formatDay(new Date(Date.UTC(y, m, 1))), formatDay(new Date(Date.UTC(y, m + 1, 0)))]
}

/** The period of a preset that holds the day `anchor`. */
export function presetRange(preset: PeriodPreset, anchor: string): DayRange {
  if (preset === 'week') return isoWeekRange(anchor)
  if (preset === 'month') return monthRange(anchor)
  return [anchor, anchor]
}

/**
 * A day of the period `steps` periods away (earlier when negative): the day itself moved by days or weeks;
 * for months the first of the month, so that 31 January goes to February, not to 3 March.
 */
export function shiftAnchor(preset: PeriodPreset, anchor: string, steps: number): string {
  if (preset === 'day') return addDays(anchor, steps)
  if (preset === 'week') return addDays(anchor, 7 * steps)
  const date = parseDay(anchor)
  return formatDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + steps, 1)))
}
