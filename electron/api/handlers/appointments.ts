import '../../../core/i18n/appointmentMessages.ts'
import type { ConfirmationLine } from '../../../core/api/appointments.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { isOpenAppointment, type AppointmentRow, type ConfirmationResult } from '../../../core/domain/appointment.ts'
import type { Client } from '../../../core/domain/client.ts'
import { confirmationText, confirmationValues } from '../../../core/domain/confirmationText.ts'
import { addDays, localTimeOf } from '../../../core/domain/dates.ts'
import { rangeDays } from '../../../core/domain/rangeReport.ts'
import type { VisitType } from '../../../core/domain/visit.ts'
import { APPOINTMENT_STATUS_NAMES, CONFIRMATION_RESULT_NAMES } from '../../../core/i18n/appointmentMessages.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import {
  getAppointmentRow,
  insertAppointment,
  insertConfirmationCall,
  listAppointments,
  listAppointmentsOfClient,
  listConfirmationCalls,
  updateAppointmentSlot,
  updateAppointmentStatus,
  type StatusChange,
} from '../../../db/appointments.ts'
import { getClient } from '../../../db/clients.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { wasEverConsulted } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { checkSlot, type CheckedSlot } from './appointmentSlots.ts'
import { createClient, requireClient } from './clients.ts'
import { registerArrival } from './visits.ts'

type AppointmentMethods =
  | 'appointments.book'
  | 'appointments.change'
  | 'appointments.cancel'
  | 'appointments.markNoShow'
  | 'appointments.checkIn'
  | 'appointments.list'
  | 'appointments.ofClient'
  | 'appointments.confirmations'
  | 'appointments.recordConfirmation'

/** The longest run of days one list covers, both ends included: six weeks, a month's calendar grid. */
export const MAX_LIST_DAYS = 42
/** The cancel reason of an appointment the client called off on the confirmation call (the call's note follows it). */
export const CANCELLED_ON_CALL = '电话确认时取消'

const TYPE_NAMES = VISIT_LABELS['zh-CN'].type
const who = (a: AppointmentRow) => ({ name: a.clientName, date: a.date, time: a.time })

/** The appointment, or a not-found refusal; with `expectedVersion`, a conflict when another window changed it. */
function requireAppointment(db: ReadableDb, id: number, expectedVersion?: number): AppointmentRow {
  const appointment = getAppointmentRow(db, id)
  if (!appointment) throw new DomainError('not_found', 'error.appointmentNotFound', { id })
  if (expectedVersion !== undefined && appointment.version !== expectedVersion) throw new DomainError('conflict', 'error.appointmentChanged', who(appointment))
  return appointment
}

/** An open (booked or confirmed) appointment at `expectedVersion`: the only kind any write may touch. */
function requireOpenAppointment(ctx: HandlerContext, id: number, expectedVersion: number): AppointmentRow {
  const appointment = requireAppointment(ctx.db, id, expectedVersion)
  if (!isOpenAppointment(appointment.status)) {
    const status = APPOINTMENT_STATUS_NAMES[readSettings(ctx.db).language][appointment.status]
    throw new DomainError('rule_violation', 'error.appointmentClosed', { ...who(appointment), status })
  }
  return appointment
}

function setStatus(ctx: HandlerContext, before: AppointmentRow, change: StatusChange): AppointmentRow {
  if (!updateAppointmentStatus(ctx.db, before.id, before.version, change, ctx.now())) throw new DomainError('conflict', 'error.appointmentChanged', who(before))
  ctx.emit({ topic: 'appointments', ids: [before.id] })
  return getAppointmentRow(ctx.db, before.id) as AppointmentRow
}

/**
 * The visit type when the desk gives none: 'first' for a client filed now or never consulted here, else
 * 'returning' (the client has an own consultant, or a visit of theirs reached the consultation). The
 * domain's own test of a returning client, DOMAIN.md "Words": first = never consulted here before.
 */
function defaultType(db: ReadableDb, client: Client, filedNow: boolean): VisitType {
  if (filedNow) return 'first'
  return client.ownConsultantId !== null || wasEverConsulted(db, client.id) ? 'returning' : 'first'
}

/**
 * The visit type of a booked client's arrival: the booking's, except that a first visit booked before the
 * client was first consulted here (she came in between, or was given an own consultant) is by now a
 * returning one, so that rule 5 (to the own consultant) applies to her as to a walk-in.
 */
function typeOnArrival(db: ReadableDb, appointment: AppointmentRow, client: Client): VisitType {
  return appointment.type === 'first' ? defaultType(db, client, false) : appointment.type
}

function describeSlot(row: AppointmentRow, checked: CheckedSlot): string {
  const consultant = row.consultantName ? `，${row.consultantName}` : ''
  const double = checked.doubleBookedWith.length > 0 ? `；重复预约（同时段已有 ${checked.doubleBookedWith.map((a) => a.clientName).join('、')}）` : ''
  return `${row.date} ${row.time}（${TYPE_NAMES[row.type]}${consultant}）${double}`
}

export const appointmentHandlers: PartialHandlerTable<AppointmentMethods> = {
  'appointments.book': (ctx, input) => {
    const { clientId, newClient, type, allowDoubleBooking, ...requested } = input
    const client = newClient
      ? (() => {
          const { allowSharedPhone, ...fields } = newClient
          return createClient(ctx, fields, allowSharedPhone)
        })()
      : requireClient(ctx.db, clientId as number)
    const checked = checkSlot(ctx, requested, { clientId: client.id, before: null, allowDoubleBooking })
    const id = insertAppointment(ctx.db, { ...checked.slot, clientId: client.id, type: type ?? defaultType(ctx.db, client, newClient !== undefined) }, ctx.now(), ctx.operator.id)
    const row = getAppointmentRow(ctx.db, id) as AppointmentRow
    ctx.emit({ topic: 'appointments', ids: [id] })
    ctx.audit(`预约 ${client.name}${newClient ? `（新建档案 ${client.archiveNo}）` : ''} ${describeSlot(row, checked)}`)
    return row
  },

  /** A new date or time voids a confirmation (it was given for the old time): a confirmed appointment is booked again. */
  'appointments.change': (ctx, { id, expectedVersion, allowDoubleBooking, ...requested }) => {
    const before = requireOpenAppointment(ctx, id, expectedVersion)
    const checked = checkSlot(ctx, requested, { clientId: before.clientId, before, allowDoubleBooking })
    const moved = checked.slot.date !== before.date || checked.slot.time !== before.time
    const status = moved ? 'booked' : before.status
    if (!updateAppointmentSlot(ctx.db, id, before.version, checked.slot, status, ctx.now())) throw new DomainError('conflict', 'error.appointmentChanged', who(before))
    const row = getAppointmentRow(ctx.db, id) as AppointmentRow
    ctx.emit({ topic: 'appointments', ids: [id] })
    const voided = moved && before.status === 'confirmed' ? '；原确认作废' : ''
    ctx.audit(`${moved ? `改约 ${before.clientName} ${before.date} ${before.time} →` : `修改预约 ${before.clientName}`} ${describeSlot(row, checked)}${voided}`)
    return row
  },

  'appointments.cancel': (ctx, { id, expectedVersion, reason }) => {
    const before = requireOpenAppointment(ctx, id, expectedVersion)
    const row = setStatus(ctx, before, { status: 'cancelled', cancelReason: reason })
    ctx.audit(`取消预约 ${before.clientName} ${before.date} ${before.time}：${reason}`)
    return row
  },

  /** Only once the appointment's time has come: a past day, or today from its start on. */
  'appointments.markNoShow': (ctx, { id, expectedVersion }) => {
    const before = requireOpenAppointment(ctx, id, expectedVersion)
    const today = ctx.today()
    const begun = before.date < today || (before.date === today && before.time <= localTimeOf(new Date(ctx.now())))
    if (!begun) throw new DomainError('rule_violation', 'error.noShowTooEarly', who(before))
    const row = setStatus(ctx, before, { status: 'no_show' })
    ctx.audit(`爽约 ${before.clientName} ${before.date} ${before.time}`)
    return row
  },

  /**
   * The arrival of a booked client, through the walk-in's own registration: the appointment's type, its
   * consultant designated, its category intended, the client's channel. Only today's appointments.
   */
  'appointments.checkIn': (ctx, { id, expectedVersion, assign }) => {
    const before = requireOpenAppointment(ctx, id, expectedVersion)
    if (before.date !== ctx.today()) throw new DomainError('rule_violation', 'error.checkInNotToday', who(before))
    const client = requireClient(ctx.db, before.clientId)
    const type = typeOnArrival(ctx.db, before, client)
    const arrival = registerArrival(ctx, { client, type, designatedConsultantId: before.consultantId, intendedCategory: before.category, assign })
    const appointment = setStatus(ctx, before, { status: 'checked_in', visitId: arrival.visit.id })
    const consultant = arrival.visit.consultantName ? ` → ${arrival.visit.consultantName}` : ''
    ctx.audit(`预约到店 ${arrival.visit.queueNo} ${client.name}（预约 ${before.time}，${TYPE_NAMES[type]}）${consultant}`)
    return { ...arrival, appointment }
  },

  'appointments.list': (ctx, { from, to, consultantId, includeClosed }) => {
    if (rangeDays(from, to) > MAX_LIST_DAYS) throw new DomainError('invalid_input', 'error.appointmentRangeTooLong', { max: MAX_LIST_DAYS }, 'to')
    return listAppointments(ctx.db, { from, to, consultantId: consultantId ?? null, includeClosed })
  },

  'appointments.ofClient': (ctx, { clientId }) => (requireClient(ctx.db, clientId), listAppointmentsOfClient(ctx.db, clientId)),

  'appointments.confirmations': (ctx, { date }) => confirmationLines(ctx.db, date ?? addDays(ctx.today(), 1)),

  /** Logs the call; 'confirmed' confirms and 'cancelled' cancels; 'changed' and 'no_answer' only log (the desk then changes it). */
  'appointments.recordConfirmation': (ctx, { id, expectedVersion, result, note }) => {
    const before = requireOpenAppointment(ctx, id, expectedVersion)
    insertConfirmationCall(ctx.db, { appointmentId: id, result, note, at: ctx.now(), byStaffId: ctx.operator.id, byName: ctx.operator.name })
    const row = setStatus(ctx, before, statusAfterCall(before, result, note))
    ctx.audit(`二次确认 ${before.clientName} ${before.date} ${before.time}：${CONFIRMATION_RESULT_NAMES[result]}${note ? `（${note}）` : ''}`)
    return row
  },
}

/** Every call moves the version on, so another window holding the appointment sees that it was called. */
function statusAfterCall(before: AppointmentRow, result: ConfirmationResult, note: string): StatusChange {
  if (result === 'confirmed') return { status: 'confirmed' }
  if (result === 'cancelled') return { status: 'cancelled', cancelReason: note ? `${CANCELLED_ON_CALL}：${note}` : CANCELLED_ON_CALL }
  return { status: before.status }
}

/** The day's open appointments by time, each with its text from the settings' template and the calls made so far. */
function confirmationLines(db: ReadableDb, date: string): ConfirmationLine[] {
  const appointments = listAppointments(db, { from: date, to: date, consultantId: null, includeClosed: false })
  const settings = readSettings(db)
  const calls = listConfirmationCalls(db, appointments.map((a) => a.id))
  return appointments.map((appointment) => {
    const gender = getClient(db, appointment.clientId)?.gender ?? 'unknown'
    const values = confirmationValues({ ...appointment, gender }, settings)
    return { appointment, text: confirmationText(settings.confirmationTemplate, values), calls: calls.filter((c) => c.appointmentId === appointment.id) }
  })
}
