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
