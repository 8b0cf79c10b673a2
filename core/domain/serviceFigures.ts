import type { AppointmentStatus } from './appointment.ts'
import { addDays } from './dates.ts'
import { doneOnTime } from './followUp.ts'

/**
 * Service figures over a run of days (both ends included): how the routine around the visit is kept. The
 * definitions, exactly:
 *
 * - appointments: appointments whose day (`date`) is in the range, whatever their status.
 * - confirmed: of those, the ones a confirmation call answered "confirmed" (at least one such call logged),
 *   even if the appointment was later moved or cancelled.
 * - toConfirm: of those, the ones that were due a confirmation call: all but those cancelled before the day
 *   before their date (a cancellation on the call's day, or on the call itself, still counts), and any that
 *   was confirmed on a call, so confirmed never exceeds toConfirm. The day of a cancellation is the clinic's
 *   local date of its last change (a cancelled appointment is never changed again).
 *   The confirmation rate is confirmed / toConfirm.
 * - noShows: of those, the ones marked no-show (爽约). A past appointment left open (never checked in nor
 *   marked) is not counted as a no-show: the desk marks them.
 * - keptOrMissed: of those, the ones whose time has come and that were not cancelled: a day before today,
 *   or today and already checked in or marked no-show. The no-show rate is noShows / keptOrMissed.
 * - followUpsDue: follow-up calls due in the range, open or done.
 * - followUpsOnTime: of those, the ones closed (reached or unreachable) on or before their due date, by the
 *   clinic's local date of closing.
 */
export interface ServiceFigures {
  from: string
  to: string
  appointments: number
  confirmed: number
  toConfirm: number
  noShows: number
  keptOrMissed: number
  followUpsDue: number
  followUpsOnTime: number
}

/** One appointment of the range as the figures need it. */
export interface AppointmentFacts {
  date: string
  status: AppointmentStatus
  /** When it was last changed (ISO-8601 UTC): for a cancelled appointment, when it was cancelled. */
  updatedAt: string
  /** A confirmation call answered "confirmed". */
  confirmedOnCall: boolean
}

/** One follow-up call due in the range. */
export interface FollowUpFacts {
  status: string
  dueDate: string
  doneAt: string | null
}

export interface FiguresInput {
  from: string
  to: string
  today: string
  appointments: readonly AppointmentFacts[]
  followUps: readonly FollowUpFacts[]
  /** The clinic's local date of an ISO instant. */
  localDateOfInstant: (iso: string) => string
}

const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0)

function dueToConfirm(a: AppointmentFacts, localDateOfInstant: (iso: string) => string): boolean {
  return a.confirmedOnCall || a.status !== 'cancelled' || localDateOfInstant(a.updatedAt) >= addDays(a.date, -1)
}

function timeHasCome(a: AppointmentFacts, today: string): boolean {
  if (a.status === 'cancelled') return false
  return a.date < today || (a.date === today && (a.status === 'checked_in' || a.status === 'no_show'))
}

export function serviceFigures(input: FiguresInput): ServiceFigures {
  const { appointments, followUps, localDateOfInstant } = input
  return {
    from: input.from,
    to: input.to,
    appointments: appointments.length,
    confirmed: count(appointments, (a) => a.confirmedOnCall),
    toConfirm: count(appointments, (a) => dueToConfirm(a, localDateOfInstant)),
    noShows: count(appointments, (a) => a.status === 'no_show'),
    keptOrMissed: count(appointments, (a) => timeHasCome(a, input.today)),
    followUpsDue: followUps.length,
    followUpsOnTime: count(followUps, (f) => doneOnTime(f, localDateOfInstant)),
  }
}

/**
 * Satisfaction (满意度) over a run of days, beside the service figures: the scores (1–5) recorded on
 * follow-up calls due in the range, averaged per consultant and per nurse who served the client (a call
 * with no consultant or no nurse known counts only in the other table, and in the overall average), and
 * the complaints open now (a count of today, not of the range).
 */
export interface SatisfactionRow {
  staffId: number
  name: string
  calls: number
  /** Rounded to two decimals. */
  average: number
}

export interface SatisfactionFigures {
  from: string
  to: string
  scoredCalls: number
  /** null when no call of the range was scored. */
  average: number | null
  byConsultant: SatisfactionRow[]
  byNurse: SatisfactionRow[]
  openComplaints: number
}

/** One scored call as the figures need it. */
export interface ScoredCall {
  score: number
  consultantId: number | null
  consultantName: string | null
  nurseId: number | null
  nurseName: string | null
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Per staff member, best average first, then more calls, then by name. */
function averagesBy(calls: readonly ScoredCall[], pick: (c: ScoredCall) => { id: number | null; name: string | null }): SatisfactionRow[] {
  const sums = new Map<number, { name: string; calls: number; total: number }>()
  for (const call of calls) {
    const { id, name } = pick(call)
    if (id === null) continue
    const sum = sums.get(id) ?? { name: name ?? '', calls: 0, total: 0 }
    sum.calls += 1
    sum.total += call.score
    sums.set(id, sum)
  }
  return [...sums]
    .map(([staffId, s]) => ({ staffId, name: s.name, calls: s.calls, average: round2(s.total / s.calls) }))
    .sort((a, b) => b.average - a.average || b.calls - a.calls || a.name.localeCompare(b.name, 'zh-CN'))
}

export function satisfactionFigures(input: { from: string; to: string; calls: readonly ScoredCall[]; openComplaints: number }): SatisfactionFigures {
  const { calls } = input
  const total = calls.reduce((n, c) => n + c.score, 0)
  return {
    from: input.from,
    to: input.to,
    scoredCalls: calls.length,
    average: calls.length > 0 ? round2(total / calls.length) : null,
    byConsultant: averagesBy(calls, (c) => ({ id: c.consultantId, name: c.consultantName })),
    byNurse: averagesBy(calls, (c) => ({ id: c.nurseId, name: c.nurseName })),
    openComplaints: input.openComplaints,
  }
}
