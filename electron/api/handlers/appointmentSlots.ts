import { DomainError } from '../../../core/api/errors.ts'
import { APPOINTMENT_DAY, endTime, overlaps, quarterOf, type Appointment, type AppointmentRow, type AppointmentSlot } from '../../../core/domain/appointment.ts'
import { localTimeOf } from '../../../core/domain/dates.ts'
import { openAppointmentsOn } from '../../../db/appointments.ts'
import { getPriceItem } from '../../../db/priceItems.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'

export interface SlotCheck {
  clientId: number
  /** The appointment being changed; null when booking. What it already has stays allowed (see checkSlot). */
  before: Appointment | null
  /** The desk read the double-booking warning and books anyway. */
  allowDoubleBooking: boolean
}

export interface CheckedSlot {
  slot: AppointmentSlot
  /** The consultant's other open appointments at that time, booked anyway (empty unless allowed). */
  doubleBookedWith: AppointmentRow[]
}

/**
 * The rules of a slot, in the order a form fixes them: the consultant an active consultant and the items
 * active price items, the date and time not past, the client not booked then already, and the consultant
 * not booked then (the one refusal the desk may override with allowDoubleBooking, so it comes last).
 * A change keeps what the appointment already had even if it is no longer bookable (a consultant since
 * deactivated, an item taken off the price list, a time now past, a clash with the consultant's other
 * appointment that was booked anyway), so its notes can still be edited.
 */
export function checkSlot(ctx: HandlerContext, requested: AppointmentSlot, check: SlotCheck): CheckedSlot {
  const slot = { ...requested, itemIds: [...new Set(requested.itemIds)] }
  const { before } = check
  if (slot.consultantId !== null && slot.consultantId !== before?.consultantId) requireBookableConsultant(ctx.db, slot.consultantId)
  for (const id of slot.itemIds) if (!before?.itemIds.includes(id)) requireActiveItem(ctx.db, id)
  if (!before || before.date !== slot.date || before.time !== slot.time) refusePast(ctx, slot)
  refuseClientOverlap(ctx.db, slot, check.clientId, before?.id ?? null)
  // A clash the desk already accepted (same consultant, same time) is not asked about again on every edit.
  const doubleBookedWith = before && sameWhenAndWho(before, slot) ? [] : consultantOverlaps(ctx.db, slot, before?.id ?? null)
  const first = doubleBookedWith[0]
  if (first && !check.allowDoubleBooking) {
    const params = { consultant: first.consultantName ?? '', name: first.clientName, date: first.date, time: first.time, end: endTime(first.time, first.durationMinutes) }
    throw new DomainError('rule_violation', 'error.consultantDoubleBooked', params, 'time')
  }
  return { slot, doubleBookedWith }
}

function sameWhenAndWho(before: Appointment, slot: AppointmentSlot): boolean {
  return before.date === slot.date && before.time === slot.time && before.durationMinutes === slot.durationMinutes && before.consultantId === slot.consultantId
}

function requireBookableConsultant(db: ReadableDb, id: number): void {
  const staff = getStaff(db, id)
  if (!staff || staff.role !== 'consultant' || !staff.active) throw new DomainError('not_found', 'error.consultantNotFound', { id }, 'consultantId')
}

function requireActiveItem(db: ReadableDb, id: number): void {
  if (!getPriceItem(db, id)?.active) throw new DomainError('not_found', 'error.appointmentItemNotFound', { id }, 'itemIds')
}

/** Today any quarter hour from the current one on (10:07 still books 10:00: the client is on the way); never an earlier day. */
function refusePast(ctx: HandlerContext, slot: AppointmentSlot): void {
  const today = ctx.today()
  if (slot.date < today) throw new DomainError('invalid_input', 'error.appointmentDatePast', { date: slot.date }, 'date')
  const earliest = quarterOf(localTimeOf(new Date(ctx.now())))
  if (slot.date !== today || slot.time >= earliest) return
  if (earliest > APPOINTMENT_DAY.last) throw new DomainError('invalid_input', 'error.appointmentDayOver', { time: slot.time }, 'time')
  throw new DomainError('invalid_input', 'error.appointmentTimePast', { time: slot.time, earliest }, 'time')
}

// A client's own overlap is a 'conflict', not a 'rule_violation' on 'time': that pair is the double-booking
// warning the desk may override, and a client cannot be in two places at once.
function refuseClientOverlap(db: ReadableDb, slot: AppointmentSlot, clientId: number, exceptId: number | null): void {
  const other = openAppointmentsOn(db, slot.date, { clientId }, exceptId).find((a) => overlaps(a, slot))
  if (other) throw new DomainError('conflict', 'error.clientDoubleBooked', { name: other.clientName, date: other.date, time: other.time }, 'time')
}

function consultantOverlaps(db: ReadableDb, slot: AppointmentSlot, exceptId: number | null): AppointmentRow[] {
  if (slot.consultantId === null) return []
  return openAppointmentsOn(db, slot.date, { consultantId: slot.consultantId }, exceptId).filter((a) => overlaps(a, slot))
}
