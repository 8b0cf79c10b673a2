import type { Channel } from './client.ts'
import { CHANNELS } from './client.ts'
import { daysBetween, minutesBetween } from './dates.ts'
import { summarizeMinutes, type DurationSummary } from './percentile.ts'
import { VISIT_TYPES, type Outcome, type Visit, type VisitStatus, type VisitType } from './visit.ts'

/**
 * The range report (区间报表): visits, consultants' work and money, and waiting and consultation times over
 * a run of days. The definitions, exactly (README "Reports over date ranges" says the same):
 *
 * - The range is of visit days (the clinic's local dates, `visits.visit_date`), both ends included.
 * - visits: visits registered in the range, cancelled registrations left out (counted in `cancelled`).
 * - consultations: visits whose status log has a move to 'consulting' (the consultation was received),
 *   of any visit type. deals / noDeals: outcomes recorded. conversionRate = deals / consultations (null
 *   when there were none); every deal was consulted (the API refuses an outcome before that), so it is 0..1.
 * - revenueFen: the payable amounts (total less deposits applied) of the visits' fee sheets that are
 *   confirmed or paid now; drafts and voided sheets do not count. A sheet counts in the range of its
 *   visit's day, whenever it was confirmed. A consultant's revenue is that of the visits they were given.
 * - turns / designated / returning / partner / manual: the visits given to the consultant by rotation (rule 2;
 *   a returning client whose own consultant was absent, and a partner store's client who went by rotation,
 *   included), by designation, to the own consultant, as the maintainer of the client's A-class partner
 *   store (rule 13), or by hand. They count assignments as the board does, a visit cancelled after it was
 *   assigned included.
 * - waiting time: from registration (`registered_at`, the arrival) to the first call or, if the client
 *   was never called, to the start of the consultation: the first move to 'called' or 'consulting' in the
 *   status log. Of the range's visits (cancelled left out); a visit never called nor seen (left unseen,
 *   still waiting) has none and is counted in `missing`.
 * - consultation time: from the first move to 'consulting' to the first move after it out of the
 *   consultation, to 'billing', 'treatment', 'done' or 'left' (time with the doctor, 'with_doctor', is
 *   part of the consultation). The outcome is not timed in the data, so it does not end a consultation.
 *   Of the consultations; one still going on (no such move yet) is counted in `missing`.
 * - Times are whole minutes, rounded down (as the desk's waiting minutes); median and p90 by linear
 *   interpolation (core/domain/percentile.ts), rounded to one decimal.
 */

/** The longest range a report covers, in days (a leap year). */
export const MAX_RANGE_DAYS = 366

/** Days from `from` to `to` (YYYY-MM-DD), both included: 1 for a single day; 0 or less when to < from. */
export function rangeDays(from: string, to: string): number {
  return daysBetween(from, to) + 1
}

/** One visit of the range as the report needs it (electron/api/reports/rangeReport.ts reads these). */
export interface VisitFacts {
  id: number
  type: VisitType
  channel: Channel
  status: VisitStatus
  consultantId: number | null
  consultantName: string | null
  assignedBy: Visit['assignedBy']
  outcome: Outcome | null
  registeredAt: string
  /** The first move to 'called' or 'consulting', if any. */
  firstSeenAt: string | null
  /** The first move to 'consulting', if any. */
  consultStartAt: string | null
  /** The first move to 'billing', 'treatment', 'done' or 'left' after the consultation started, if any. */
  consultEndAt: string | null
  /** Payable amounts of the visit's confirmed and paid fee sheets, fen. */
  revenueFen: number
}

export interface RangeCounts {
  visits: number
  consultations: number
  deals: number
}

export interface RangeTotals extends RangeCounts {
  cancelled: number
  noDeals: number
  conversionRate: number | null
  revenueFen: number
}

export interface TypeRow extends RangeCounts {
  type: VisitType
}

export interface ChannelRow extends RangeCounts {
  channel: Channel
}

export interface ConsultantRangeRow {
  staffId: number
  name: string
  turns: number
  designated: number
  returning: number
  partner: number
  manual: number
  consultations: number
  deals: number
  conversionRate: number | null
  revenueFen: number
}

export interface TimeFigures extends DurationSummary {
  /** Visits of the figure's population without the timestamps it needs: left out of count, median and p90. */
  missing: number
}

export interface RangeReport {
  from: string
  to: string
  days: number
  totals: RangeTotals
  /** Every visit type, in the order of VISIT_TYPES. */
  byType: TypeRow[]
  /** Every channel, in the order of CHANNELS. */
  byChannel: ChannelRow[]
  /** Consultants given at least one visit in the range: most consultations first, then most deals, then by id. */
  consultants: ConsultantRangeRow[]
  /** Arrival to first call or consultation start, minutes. */
  waiting: TimeFigures
  /** Consultation start to its end, minutes. */
  consultation: TimeFigures
}

export function conversionRate(deals: number, consultations: number): number | null {
  return consultations > 0 ? deals / consultations : null
}

/** Minutes waited, or null when the visit has no call or consultation start. */
export function waitingMinutes(visit: Pick<VisitFacts, 'registeredAt' | 'firstSeenAt'>): number | null {
  return visit.firstSeenAt === null ? null : minutesBetween(visit.registeredAt, visit.firstSeenAt)
}

/** Minutes of consultation, or null when it has no start or no end. */
export function consultationMinutes(visit: Pick<VisitFacts, 'consultStartAt' | 'consultEndAt'>): number | null {
  return visit.consultStartAt === null || visit.consultEndAt === null ? null : minutesBetween(visit.consultStartAt, visit.consultEndAt)
}

const emptyCounts = (): RangeCounts => ({ visits: 0, consultations: 0, deals: 0 })

function timeFigures(values: (number | null)[]): TimeFigures {
  const present = values.filter((v): v is number => v !== null)
  return { ...summarizeMinutes(present), missing: values.length - present.length }
}

/** The report of a range from its visits' facts (pure: the same facts give the same report). */
export function buildRangeReport(from: string, to: string, facts: readonly VisitFacts[]): RangeReport {
  const totals: RangeTotals = { ...emptyCounts(), cancelled: 0, noDeals: 0, conversionRate: null, revenueFen: 0 }
  const byType = new Map<VisitType, TypeRow>(VISIT_TYPES.map((type) => [type, { type, ...emptyCounts() }]))
  const byChannel = new Map<Channel, ChannelRow>(CHANNELS.map((channel) => [channel, { channel, ...emptyCounts() }]))
  const consultants = new Map<number, ConsultantRangeRow>()
  const waits: (number | null)[] = []
  const consultations: (number | null)[] = []

  for (const visit of facts) {
    const consulted = visit.consultStartAt !== null
    const deal = visit.outcome === 'deal'
    totals.revenueFen += visit.revenueFen
    if (visit.consultantId !== null) {
      const row = consultants.get(visit.consultantId) ?? {
        staffId: visit.consultantId,
        name: visit.consultantName ?? '',
        turns: 0,
        designated: 0,
        returning: 0,
        partner: 0,
        manual: 0,
        consultations: 0,
        deals: 0,
        conversionRate: null,
        revenueFen: 0,
      }
      if (visit.assignedBy === 'rotation') row.turns += 1
      if (visit.assignedBy === 'designated') row.designated += 1
      if (visit.assignedBy === 'returning') row.returning += 1
      if (visit.assignedBy === 'partner') row.partner += 1
      if (visit.assignedBy === 'manual') row.manual += 1
      if (consulted) row.consultations += 1
      if (deal) row.deals += 1
      row.revenueFen += visit.revenueFen
      consultants.set(visit.consultantId, row)
    }
    if (visit.status === 'cancelled') {
      totals.cancelled += 1
      continue
    }
    for (const counts of [totals, byType.get(visit.type), byChannel.get(visit.channel)]) {
      if (!counts) continue
      counts.visits += 1
      if (consulted) counts.consultations += 1
      if (deal) counts.deals += 1
    }
    if (visit.outcome === 'no_deal') totals.noDeals += 1
    waits.push(waitingMinutes(visit))
    if (consulted) consultations.push(consultationMinutes(visit))
  }

  totals.conversionRate = conversionRate(totals.deals, totals.consultations)
  const rows = [...consultants.values()]
    .map((row) => ({ ...row, conversionRate: conversionRate(row.deals, row.consultations) }))
    .sort((a, b) => b.consultations - a.consultations || b.deals - a.deals || a.staffId - b.staffId)
  return {
    from,
    to,
    days: rangeDays(from, to),
    totals,
    byType: [...byType.values()],
    byChannel: [...byChannel.values()],
    consultants: rows,
    waiting: timeFigures(waits),
    consultation: timeFigures(consultations),
  }
}
