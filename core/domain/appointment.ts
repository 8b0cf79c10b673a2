import type { ServiceCategory } from './categories.ts'
import type { VisitType } from './visit.ts'

/**
 * booked 已预约 → confirmed 已确认 (the day-before call) → checked_in 已到店 (a visit was registered);
 * or cancelled 已取消 (with a reason) or no_show 爽约. Only booked and confirmed appointments are open.
 */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'checked_in', 'cancelled', 'no_show'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

export function isOpenAppointment(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'confirmed'
}

/** The result of a confirmation call (二次确认). */
export const CONFIRMATION_RESULTS = ['confirmed', 'changed', 'cancelled', 'no_answer'] as const
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number]

/** Appointments start on the quarter hour between 08:00 and 21:45, and last 15 minutes to 8 hours. */
export const APPOINTMENT_DAY = { first: '08:00', last: '21:45' } as const
export const APPOINTMENT_STEP_MINUTES = 15

/**
 * The bookable start times as a pattern (08:00 to 21:45, on the quarter hour), so the API's schema states
 * its format and whoever generates inputs from the schema (a form, the contract fuzzer) can read it.
 */
export const APPOINTMENT_TIME_PATTERN = /^(0[89]|1[0-9]|2[01]):(00|15|30|45)$/

export function isAppointmentTime(time: string): boolean {
  return APPOINTMENT_TIME_PATTERN.test(time)
}

/** When, for how long, with whom and for what: what booking sets and changing may change. */
export interface AppointmentSlot {
  date: string
  /** HH:MM, local. */
  time: string
  durationMinutes: number
  consultantId: number | null
  category: ServiceCategory | null
  /** Price list items the client intends (ids). */
  itemIds: number[]
  notes: string
}

export interface Appointment extends AppointmentSlot {
  id: number
  clientId: number
  type: VisitType
  status: AppointmentStatus
  cancelReason: string
  visitId: number | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface AppointmentRow extends Appointment {
  clientName: string
  clientPhone: string
  archiveNo: string
  consultantName: string | null
  itemNames: string[]
  /** The latest confirmation call's result, if any call was made. */
  lastConfirmation: ConfirmationResult | null
}

export interface ConfirmationCall {
  id: number
  appointmentId: number
  result: ConfirmationResult
  note: string
  at: string
  byStaffId: number | null
  byName: string
}

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number)
  return h * 60 + m
}

/** Whether two appointments of one consultant on one day overlap in time. */
export function overlaps(a: { time: string; durationMinutes: number }, b: { time: string; durationMinutes: number }): boolean {
  const aStart = minutesOf(a.time)
  const bStart = minutesOf(b.time)
  return aStart < bStart + b.durationMinutes && bStart < aStart + a.durationMinutes
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** When an appointment ends, HH:MM (past midnight it reads 24:00 and on: the end is only ever shown). */
export function endTime(time: string, durationMinutes: number): string {
  return hhmm(minutesOf(time) + durationMinutes)
}

/** The quarter hour a time falls in (10:07 -> 10:00): the earliest slot still bookable today. */
export function quarterOf(time: string): string {
  const minutes = minutesOf(time)
  return hhmm(minutes - (minutes % APPOINTMENT_STEP_MINUTES))
}
