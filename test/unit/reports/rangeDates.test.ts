import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rangeDays } from '../../../core/domain/rangeReport.ts'
import { addDays, isoWeek, isoWeekRange, isoWeekday, monthRange, presetRange, shiftAnchor } from '../../../renderer/src/views/reports/dates.ts'

/** Any day from 1990 to 2100. */
const dayArb = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10))

describe('range report periods', () => {
  it('a day is itself', () => {
    expect(presetRange('day', '2026-11-22')).toEqual(['2026-11-22', '2026-11-22'])
  })

  it('an ISO week runs Monday to Sunday, across months and years', () => {
    expect(isoWeekRange('2026-11-22')).toEqual(['2026-11-16', '2026-11-22']) // a Sunday
    expect(isoWeekRange('2026-11-16')).toEqual(['2026-11-16', '2026-11-22']) // a Monday
    expect(isoWeekRange('2026-12-31')).toEqual(['2026-12-28', '2027-01-03'])
    expect(presetRange('week', '2024-03-01')).toEqual(['2024-02-26', '2024-03-03'])
  })

  it('numbers ISO weeks: week 1 holds the first Thursday', () => {
    expect(isoWeek('2026-11-22')).toEqual({ year: 2026, week: 47 })
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }) // a Thursday
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }) // a Friday: the last week of 2026
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 }) // a Monday
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 })
  })

  it('a month runs from the first to its last day, February of leap years included', () => {
    expect(monthRange('2026-11-22')).toEqual(['2026-11-01', '2026-11-30'])
    expect(monthRange('2024-02-10')).toEqual(['2024-02-01', '2024-02-29'])
    expect(monthRange('2026-02-28')).toEqual(['2026-02-01', '2026-02-28'])
    expect(presetRange('month', '2026-12-31')).toEqual(['2026-12-01', '2026-12-31'])
  })

  it('steps a period back and forth', () => {
    expect(shiftAnchor('day', '2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftAnchor('week', '2026-11-22', 1)).toBe('2026-11-29')
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(shiftAnchor('month', '2026-01-15', -1)).toBe('2025-12-01')
    expect(shiftAnchor('month', '2026-11-22', 14)).toBe('2028-01-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('holds its day, has the right length, and starts where the previous one ended', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom('day' as const, 'week' as const, 'month' as const), (day, preset) => {
        const [from, to] = presetRange(preset, day)
        expect(from <= day && day <= to).toBe(true)
        const days = rangeDays(from, to)
        if (preset === 'day') expect(days).toBe(1)
        if (preset === 'week') {
          expect(days).toBe(7)
          expect(isoWeekday(from)).toBe(1)
          expect(isoWeekday(to)).toBe(7)
        }
        if (preset === 'month') {
          expect(days).toBeGreaterThanOrEqual(28)
          expect(days).toBeLessThanOrEqual(31)
          expect(from.slice(8)).toBe('01')
          expect(addDays(to, 1).slice(8)).toBe('01')
        }
        const [nextFrom] = presetRange(preset, shiftAnchor(preset, day, 1))
        expect(nextFrom).toBe(addDays(to, 1))
        const [, previousTo] = presetRange(preset, shiftAnchor(preset, day, -1))
        expect(previousTo).toBe(addDays(from, -1))
      }),
    )
  })

  it('numbers every day of one ISO week alike, and weeks 1 to 53', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const [monday] = isoWeekRange(day)
        const week = isoWeek(day)
        expect(week.week).toBeGreaterThanOrEqual(1)
        expect(week.week).toBeLessThanOrEqual(53)
        for (let i = 0; i < 7; i++) expect(isoWeek(addDays(monday, i))).toEqual(week)
        expect(isoWeek(addDays(monday, 7))).not.toEqual(week)
      }),
    )
  })
})
