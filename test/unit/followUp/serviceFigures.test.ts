import { describe, expect, it } from 'vitest'
import { serviceFigures, type AppointmentFacts, type FollowUpFacts } from '../../../core/domain/serviceFigures.ts'

// The clinic eight hours east of UTC, whatever the machine's zone.
const localDateOfInstant = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
/** An instant at a Shanghai wall-clock time. */
const at = (day: string, time = '10:00') => new Date(Date.parse(`${day}T${time}:00+08:00`)).toISOString()

const appointment = (date: string, status: AppointmentFacts['status'], extra: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  date,
  status,
  updatedAt: at('2026-11-20'),
  confirmedOnCall: false,
  ...extra,
})

const figures = (appointments: AppointmentFacts[], followUps: FollowUpFacts[] = [], today = '2026-12-10') =>
  serviceFigures({ from: '2026-12-01', to: '2026-12-31', today, appointments, followUps, localDateOfInstant })

describe('serviceFigures', () => {
  it('counts confirmations among the appointments due a call: not those cancelled before the day before', () => {
    const result = figures([
      appointment('2026-12-05', 'checked_in', { confirmedOnCall: true }),
      appointment('2026-12-05', 'booked'),
      // Cancelled two days before: no call was due.
      appointment('2026-12-05', 'cancelled', { updatedAt: at('2026-12-03', '23:30') }),
      // Cancelled on the day before (in the clinic's time, though still 12-03 in UTC): the call was due.
      appointment('2026-12-05', 'cancelled', { updatedAt: at('2026-12-04', '07:30') }),
      // Confirmed, then cancelled early: it was called, so it counts among those due.
      appointment('2026-12-20', 'cancelled', { updatedAt: at('2026-12-02'), confirmedOnCall: true }),
    ])
    expect(result).toMatchObject({ appointments: 5, confirmed: 2, toConfirm: 4 })
  })

  it('takes the no-show rate over the appointments whose time has come and that were not cancelled', () => {
    const result = figures([
      appointment('2026-12-09', 'no_show'),
      appointment('2026-12-09', 'checked_in'),
      appointment('2026-12-09', 'booked'), // past, never marked: in the base, not a no-show
      appointment('2026-12-09', 'cancelled'),
      appointment('2026-12-10', 'checked_in'),
      appointment('2026-12-10', 'no_show'),
      appointment('2026-12-10', 'confirmed'), // today, still to come
      appointment('2026-12-11', 'booked'),
    ])
    expect(result).toMatchObject({ appointments: 8, noShows: 2, keptOrMissed: 5 })
  })

  it('counts the follow-up calls due and those closed on time, by the clinic\'s date', () => {
    const result = figures(
      [],
      [
        { status: 'done', dueDate: '2026-12-04', doneAt: at('2026-12-04', '23:59') },
        { status: 'done', dueDate: '2026-12-04', doneAt: at('2026-12-05', '00:01') },
        { status: 'done', dueDate: '2026-12-04', doneAt: at('2026-12-02') },
        { status: 'open', dueDate: '2026-12-04', doneAt: null },
      ],
    )
    expect(result).toEqual({ from: '2026-12-01', to: '2026-12-31', appointments: 0, confirmed: 0, toConfirm: 0, noShows: 0, keptOrMissed: 0, followUpsDue: 4, followUpsOnTime: 2 })
  })
})
