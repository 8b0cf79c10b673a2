import { APPOINTMENT_DAY, APPOINTMENT_STEP_MINUTES, endTime } from '../../../../core/domain/appointment.ts'

/** When an appointment ends ("11:30"); past midnight it reads 24:00 and later. */
export { endTime }

function quarterHours(): string[] {
  const times: string[] = []
  for (let time: string = APPOINTMENT_DAY.first; time <= APPOINTMENT_DAY.last; time = endTime(time, APPOINTMENT_STEP_MINUTES)) times.push(time)
  return times
}

/** Every start time a booking may have: the quarter hours from 08:00 to 21:45. */
export const TIME_OPTIONS: readonly string[] = quarterHours()

/** Lengths offered for a booking (15 minutes to 8 hours, as the contract allows). */
export const DURATIONS: readonly number[] = [15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 420, 480]
export const DEFAULT_DURATION = 60
export const DEFAULT_TIME = '10:00'

/** The first bookable start at or after `now` (HH:MM) on the quarter hour; null when the day is over. */
export function nextSlot(now: string): string | null {
  return TIME_OPTIONS.find((slot) => slot >= now) ?? null
}
