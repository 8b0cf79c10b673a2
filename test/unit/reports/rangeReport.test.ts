import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../core/domain/client.ts'
import {
  MAX_RANGE_DAYS,
  buildRangeReport,
  consultationMinutes,
  conversionRate,
  rangeDays,
  waitingMinutes,
  type VisitFacts,
} from '../../../core/domain/rangeReport.ts'
import { VISIT_STATUSES, VISIT_TYPES } from '../../../core/domain/visit.ts'

/** An ISO instant of 23 November 2026 (UTC) at a minute of the day. */
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 0, minute)).toISOString()

let nextId = 1
function fact(overrides: Partial<VisitFacts> = {}): VisitFacts {
  return {
    id: nextId++,
    type: 'first',
    channel: 'walk_in',
    status: 'done',
    consultantId: 1,
    consultantName: '王静',
    assignedBy: 'rotation',
    outcome: 'deal',
    registeredAt: at(0),
    firstSeenAt: at(10),
    consultStartAt: at(12),
    consultEndAt: at(42),
    revenueFen: 0,
    ...overrides,
  }
}

describe('rangeDays', () => {
  it('counts both ends, across months, leap days and summer time', () => {
    expect(rangeDays('2026-11-23', '2026-11-23')).toBe(1)
    expect(rangeDays('2026-11-01', '2026-11-30')).toBe(30)
    expect(rangeDays('2024-02-28', '2024-03-01')).toBe(3)
    expect(rangeDays('2024-01-01', '2024-12-31')).toBe(MAX_RANGE_DAYS)
    expect(rangeDays('2026-03-01', '2026-03-31')).toBe(31)
    expect(rangeDays('2026-11-24', '2026-11-23')).toBe(0)
  })
})

describe('the figures of one visit', () => {
  it('waits from registration to the first call or consultation start, in whole minutes rounded down', () => {
    expect(waitingMinutes({ registeredAt: at(0), firstSeenAt: at(15) })).toBe(15)
    expect(waitingMinutes({ registeredAt: '2026-11-23T01:00:00.000Z', firstSeenAt: '2026-11-23T01:04:59.999Z' })).toBe(4)
    expect(waitingMinutes({ registeredAt: at(0), firstSeenAt: null })).toBeNull()
  })

  it('consults from the start to the end, and has no figure without either', () => {
    expect(consultationMinutes({ consultStartAt: at(10), consultEndAt: at(55) })).toBe(45)
    expect(consultationMinutes({ consultStartAt: at(10), consultEndAt: null })).toBeNull()
    expect(consultationMinutes({ consultStartAt: null, consultEndAt: null })).toBeNull()
  })

  it('converts deals over consultations, none without consultations', () => {
    expect(conversionRate(1, 4)).toBe(0.25)
    expect(conversionRate(0, 3)).toBe(0)
    expect(conversionRate(0, 0)).toBeNull()
  })
})

describe('buildRangeReport', () => {
  it('is all zeros and nulls for a range without visits, with every type and channel listed', () => {
    const report = buildRangeReport('2026-11-01', '2026-11-30', [])
    expect(report).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      days: 30,
      totals: { visits: 0, consultations: 0, deals: 0, cancelled: 0, noDeals: 0, conversionRate: null, revenueFen: 0 },
      byType: VISIT_TYPES.map((type) => ({ type, visits: 0, consultations: 0, deals: 0 })),
      byChannel: CHANNELS.map((channel) => ({ channel, visits: 0, consultations: 0, deals: 0 })),
      consultants: [],
      waiting: { count: 0, median: null, p90: null, missing: 0 },
      consultation: { count: 0, median: null, p90: null, missing: 0 },
    })
  })

  it('counts visits, consultations, outcomes, money and times by the definitions', () => {
    const facts = [
      // 王静: a rotation deal (wait 10, consult 30, ¥1,000.00), a designated no deal (wait 4, consult 20)
      fact({ revenueFen: 100000 }),
      fact({ assignedBy: 'designated', outcome: 'no_deal', channel: 'online', firstSeenAt: at(4), consultStartAt: at(6), consultEndAt: at(26) }),
      // 刘洋: a returning deal still with the doctor (no end yet), ¥500.00 + ¥250.50 on two sheets
      fact({ consultantId: 2, consultantName: '刘洋', type: 'returning', assignedBy: 'returning', channel: 'phone', status: 'with_doctor', firstSeenAt: at(20), consultStartAt: at(20), consultEndAt: null, revenueFen: 75050 }),
      // 刘洋: given by hand, left unseen (no call), and a rotation visit cancelled after it was assigned
      fact({ consultantId: 2, consultantName: '刘洋', assignedBy: 'manual', status: 'left', outcome: null, firstSeenAt: null, consultStartAt: null, consultEndAt: null }),
      fact({ consultantId: 2, consultantName: '刘洋', status: 'cancelled', outcome: null, firstSeenAt: null, consultStartAt: null, consultEndAt: null }),
      // a review nobody took: seen at once, a treatment sheet of ¥80.00
      fact({ consultantId: null, consultantName: null, assignedBy: null, type: 'review', outcome: null, firstSeenAt: at(0), consultStartAt: at(0), consultEndAt: at(5), revenueFen: 8000 }),
    ]
    const report = buildRangeReport('2026-11-23', '2026-11-23', facts)
    expect(report.totals).toEqual({ visits: 5, cancelled: 1, consultations: 4, deals: 2, noDeals: 1, conversionRate: 0.5, revenueFen: 183050 })
    expect(report.byType).toEqual([
      { type: 'first', visits: 3, consultations: 2, deals: 1 },
      { type: 'returning', visits: 1, consultations: 1, deals: 1 },
      { type: 'review', visits: 1, consultations: 1, deals: 0 },
    ])
    expect(report.byChannel.filter((c) => c.visits > 0)).toEqual([
      { channel: 'walk_in', visits: 3, consultations: 2, deals: 1 },
      { channel: 'phone', visits: 1, consultations: 1, deals: 1 },
      { channel: 'online', visits: 1, consultations: 1, deals: 0 },
    ])
    expect(report.consultants).toEqual([
      { staffId: 1, name: '王静', turns: 1, designated: 1, returning: 0, partner: 0, manual: 0, consultations: 2, deals: 1, conversionRate: 0.5, revenueFen: 100000 },
      { staffId: 2, name: '刘洋', turns: 1, designated: 0, returning: 1, partner: 0, manual: 1, consultations: 1, deals: 1, conversionRate: 1, revenueFen: 75050 },
    ])
    // waits 10, 4, 20, 0 (the unseen visit missing; the cancelled one not in the population)
    expect(report.waiting).toEqual({ count: 4, median: 7, p90: 17, missing: 1 })
    // consultations 30, 20, 5 (the one with the doctor missing)
    expect(report.consultation).toEqual({ count: 3, median: 20, p90: 28, missing: 1 })
  })

  it('counts a partner store’s client given to the maintainer apart from rotation turns (rule 13)', () => {
    const report = buildRangeReport('2026-11-23', '2026-11-23', [fact({ assignedBy: 'partner' }), fact({ assignedBy: 'partner', status: 'cancelled' }), fact()])
    expect(report.consultants).toEqual([expect.objectContaining({ staffId: 1, turns: 1, partner: 2, designated: 0, returning: 0, manual: 0 })])
  })

  it('orders consultants by consultations, then deals, then id', () => {
    const facts = [
      fact({ consultantId: 3, consultantName: 'C', outcome: 'no_deal' }),
      fact({ consultantId: 2, consultantName: 'B' }),
      fact({ consultantId: 1, consultantName: 'A', outcome: 'no_deal' }),
      fact({ consultantId: 4, consultantName: 'D' }),
      fact({ consultantId: 4, consultantName: 'D', outcome: 'no_deal' }),
    ]
    expect(buildRangeReport('2026-11-23', '2026-11-23', facts).consultants.map((c) => c.name)).toEqual(['D', 'B', 'A', 'C'])
  })

  const iso = fc.integer({ min: 0, max: 600 }).map(at)
  const factArb = fc
    .record({
      type: fc.constantFrom(...VISIT_TYPES),
      channel: fc.constantFrom(...CHANNELS),
      status: fc.constantFrom(...VISIT_STATUSES),
      consultantId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      assignedBy: fc.option(fc.constantFrom('rotation' as const, 'designated' as const, 'returning' as const, 'manual' as const), { nil: null }),
      seen: fc.option(iso, { nil: null }),
      start: fc.option(iso, { nil: null }),
      end: fc.option(iso, { nil: null }),
      outcome: fc.option(fc.constantFrom('deal' as const, 'no_deal' as const), { nil: null }),
      revenueFen: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ seen, start, end, outcome, ...rest }) =>
      // As the data can be: an outcome and an end only after a start; a cancelled visit was never seen.
      rest.status === 'cancelled'
        ? fact({ ...rest, consultantName: 'x', firstSeenAt: null, consultStartAt: null, consultEndAt: null, outcome: null })
        : fact({ ...rest, consultantName: 'x', firstSeenAt: start ?? seen, consultStartAt: start, consultEndAt: start ? end : null, outcome: start ? outcome : null }),
    )

  it('adds up: types and channels to the visits, consultants and the unassigned to the money, figures to their populations', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 60 }), (facts) => {
        const r = buildRangeReport('2026-11-01', '2026-11-30', facts)
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
        const kept = facts.filter((f) => f.status !== 'cancelled')
        expect(r.totals.visits + r.totals.cancelled).toBe(facts.length)
        for (const rows of [r.byType, r.byChannel]) {
          expect(sum(rows.map((x) => x.visits))).toBe(r.totals.visits)
          expect(sum(rows.map((x) => x.consultations))).toBe(r.totals.consultations)
          expect(sum(rows.map((x) => x.deals))).toBe(r.totals.deals)
        }
        expect(r.totals.revenueFen).toBe(sum(facts.map((f) => f.revenueFen)))
        const unassigned = sum(facts.filter((f) => f.consultantId === null).map((f) => f.revenueFen))
        expect(sum(r.consultants.map((c) => c.revenueFen)) + unassigned).toBe(r.totals.revenueFen)
        expect(sum(r.consultants.map((c) => c.consultations))).toBeLessThanOrEqual(r.totals.consultations)
        expect(r.waiting.count + r.waiting.missing).toBe(kept.length)
        expect(r.consultation.count + r.consultation.missing).toBe(r.totals.consultations)
        for (const rate of [r.totals.conversionRate, ...r.consultants.map((c) => c.conversionRate)]) {
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0)
            expect(rate).toBeLessThanOrEqual(1)
          }
        }
        for (const t of [r.waiting, r.consultation]) {
          if (t.count === 0) expect([t.median, t.p90]).toEqual([null, null])
          else expect(t.median as number).toBeLessThanOrEqual(t.p90 as number)
        }
      }),
    )
  })

  it('does not depend on the order of the visits (but for the equal-figure ties, broken by id)', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 30 }).chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length }))),
        ([facts, shuffled]) => {
          expect(buildRangeReport('2026-11-01', '2026-11-30', shuffled)).toEqual(buildRangeReport('2026-11-01', '2026-11-30', facts))
        },
      ),
    )
  })
})
