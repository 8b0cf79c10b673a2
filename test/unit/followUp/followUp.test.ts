import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addToDate, completePlans, DEFAULT_FOLLOW_UP_PLANS, doneOnTime, followUpCategoryOf, plannedCalls } from '../../../core/domain/followUp.ts'

describe('addToDate', () => {
  it.each([
    ['2026-12-03', 0, 1, '2026-12-04'],
    ['2026-12-31', 0, 1, '2027-01-01'],
    ['2026-12-25', 0, 7, '2027-01-01'],
    ['2026-01-31', 1, 0, '2026-02-28'],
    ['2028-01-31', 1, 0, '2028-02-29'],
    ['2026-03-31', 1, 0, '2026-04-30'],
    ['2026-11-30', 3, 0, '2027-02-28'],
    ['2026-08-31', 6, 0, '2027-02-28'],
    ['2026-02-28', 0, 1, '2026-03-01'],
    ['2028-02-28', 0, 1, '2028-02-29'],
    // Daylight saving (where the machine has it) cannot move a calendar date: 2026-03-29 is the EU change.
    ['2026-03-28', 0, 1, '2026-03-29'],
    ['2026-10-24', 0, 7, '2026-10-31'],
  ])('%s + %i months + %i days = %s', (date, months, days, expected) => {
    expect(addToDate(date, months, days)).toBe(expected)
  })

  const isoDay = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

  it('adds days exactly as the calendar does', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 400 }), (date, days) => {
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
        expect(addToDate(date, 0, days)).toBe(expected)
      }),
    )
  })

  it('a month later is in the next month, on the same day or that month\'s last', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 24 }), (date, months) => {
        const [y = 0, m = 0, d = 0] = date.split('-').map(Number)
        const [ry = 0, rm = 0, rd = 0] = addToDate(date, months, 0).split('-').map(Number)
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months)
        const lastDay = new Date(Date.UTC(ry, rm, 0)).getUTCDate()
        expect(rd).toBe(Math.min(d, lastDay))
      }),
    )
  })
})

describe('plannedCalls', () => {
  it('gives a surgery paid on the 31st its next-day call, suture removal and reviews, month ends clamped', () => {
    expect(plannedCalls('2026-01-31', ['surgery'], DEFAULT_FOLLOW_UP_PLANS)).toEqual([
      { category: 'surgery', label: '次日回访', dueDate: '2026-02-01' },
      { category: 'surgery', label: '拆线', dueDate: '2026-02-07' },
      { category: 'surgery', label: '1个月复查', dueDate: '2026-02-28' },
      { category: 'surgery', label: '3个月复查', dueDate: '2026-04-30' },
    ])
  })

  it('plans each category once, whatever the number of its lines, in date order', () => {
    const calls = plannedCalls('2026-12-03', ['skin', 'skin', 'injection'], DEFAULT_FOLLOW_UP_PLANS)
    expect(calls.map((c) => `${c.dueDate} ${c.category} ${c.label}`)).toEqual([
      '2026-12-04 injection 次日回访',
      '2026-12-04 skin 次日回访',
      '2026-12-10 injection 7天回访',
      '2026-12-10 skin 7天回访',
      '2027-01-03 injection 1个月回访',
    ])
  })

  it('plans nothing for a category whose plan is empty', () => {
    expect(plannedCalls('2026-12-03', ['dental'], { ...DEFAULT_FOLLOW_UP_PLANS, dental: [] })).toEqual([])
  })
})

describe('followUpCategoryOf', () => {
  const lines = (...categories: string[]) => categories.map((category) => ({ category }))

  it('is the visit\'s intended category when the sheet has a treatment line', () => {
    expect(followUpCategoryOf(lines('treatment', 'consumable', 'anaesthesia'), 'surgery')).toBe('surgery')
    expect(followUpCategoryOf(lines('medicine', 'treatment'), 'skin')).toBe('skin')
  })

  it('is other with no treatment line, with no intended category, or with one the app does not know', () => {
    expect(followUpCategoryOf(lines('lab_test', 'medicine'), 'surgery')).toBe('other')
    expect(followUpCategoryOf(lines(), 'surgery')).toBe('other')
    expect(followUpCategoryOf(lines('treatment'), null)).toBe('other')
    expect(followUpCategoryOf(lines('treatment'), 'massage')).toBe('other')
  })
})

describe('completePlans', () => {
  it('keeps the stored plans and fills a category they lack from the defaults', () => {
    const { hair: _hair, ...stored } = { ...DEFAULT_FOLLOW_UP_PLANS, skin: [] }
    expect(completePlans(stored)).toEqual({ ...DEFAULT_FOLLOW_UP_PLANS, skin: [] })
  })
})

describe('doneOnTime', () => {
  // The clinic eight hours east of UTC, whatever the machine's zone.
  const shanghaiDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

  it('is a call closed on or before its due date, by the clinic\'s date', () => {
    expect(doneOnTime({ status: 'done', doneAt: '2026-12-04T15:59:00.000Z', dueDate: '2026-12-04' }, shanghaiDate)).toBe(true)
    // 2026-12-04 16:00 UTC is already 12-05 in the clinic: one day late.
    expect(doneOnTime({ status: 'done', doneAt: '2026-12-04T16:00:00.000Z', dueDate: '2026-12-04' }, shanghaiDate)).toBe(false)
    expect(doneOnTime({ status: 'done', doneAt: '2026-12-01T01:00:00.000Z', dueDate: '2026-12-04' }, shanghaiDate)).toBe(true)
    expect(doneOnTime({ status: 'open', doneAt: null, dueDate: '2026-12-04' }, shanghaiDate)).toBe(false)
  })
})
