import type { Appointment, AppointmentRow, AppointmentSlot, AppointmentStatus, ConfirmationCall, ConfirmationResult } from '../core/domain/appointment.ts'
import type { ServiceCategory } from '../core/domain/categories.ts'
import type { VisitType } from '../core/domain/visit.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface AppointmentDbRow {
  id: number
  client_id: number
  date: string
  time: string
  duration_minutes: number
  type: VisitType
  consultant_id: number | null
  category: ServiceCategory | null
  item_ids: string
  notes: string
  status: AppointmentStatus
  cancel_reason: string
  visit_id: number | null
  version: number
  created_at: string
  updated_at: string
}

interface AppointmentJoinedRow extends AppointmentDbRow {
  client_name: string
  client_phone: string
  archive_no: string
  consultant_name: string | null
  last_confirmation: ConfirmationResult | null
}

export interface NewAppointment extends AppointmentSlot {
  clientId: number
  type: VisitType
}

const OPEN = "status IN ('booked','confirmed')"

function rowToAppointment(row: AppointmentDbRow): Appointment {
  return {
    id: row.id,
    clientId: row.client_id,
    date: row.date,
    time: row.time,
    durationMinutes: row.duration_minutes,
    type: row.type,
    consultantId: row.consultant_id,
    category: row.category,
    itemIds: JSON.parse(row.item_ids) as number[],
    notes: row.notes,
    status: row.status,
    cancelReason: row.cancel_reason,
    visitId: row.visit_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const JOINED = `SELECT a.*, c.name AS client_name, c.phone AS client_phone, c.archive_no, s.name AS consultant_name,
    (SELECT k.result FROM appointment_confirmations k WHERE k.appointment_id = a.id ORDER BY k.id DESC LIMIT 1) AS last_confirmation
  FROM appointments a
  JOIN clients c ON c.id = a.client_id
  LEFT JOIN staff s ON s.id = a.consultant_id`

/** Item names by id for the given appointments, in one query; an id the price list no longer has reads "#id". */
function withItemNames(db: ReadableDb, rows: AppointmentJoinedRow[]): AppointmentRow[] {
  const appointments = rows.map(rowToAppointment)
  const ids = [...new Set(appointments.flatMap((a) => a.itemIds))]
  const names = new Map<number, string>()
  if (ids.length > 0) {
    const found = stmt(db, 'SELECT id, name FROM price_items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; name: string }[]
    for (const item of found) names.set(item.id, item.name)
  }
  return appointments.map((a, i) => {
    const row = rows[i] as AppointmentJoinedRow
    return {
      ...a,
      clientName: row.client_name,
      clientPhone: row.client_phone,
      archiveNo: row.archive_no,
      consultantName: row.consultant_name,
      itemNames: a.itemIds.map((id) => names.get(id) ?? `#${id}`),
      lastConfirmation: row.last_confirmation,
    }
  })
}

export function insertAppointment(db: WritableDb, appointment: NewAppointment, now: string, createdBy: number | null): number {
  const result = stmt(db,
      `INSERT INTO appointments (client_id, date, time, duration_minutes, type, consultant_id, category, item_ids, notes,
         created_at, created_by, updated_at)
       VALUES (@clientId, @date, @time, @durationMinutes, @type, @consultantId, @category, @itemIds, @notes, @now, @createdBy, @now)`,
    )
    .run({ ...appointment, itemIds: JSON.stringify(appointment.itemIds), now, createdBy })
  return Number(result.lastInsertRowid)
}

export function getAppointmentRow(db: ReadableDb, id: number): AppointmentRow | undefined {
  const row = stmt(db, `${JOINED} WHERE a.id = ?`).get(id) as AppointmentJoinedRow | undefined
  return row && withItemNames(db, [row])[0]
}

export interface AppointmentRange {
  from: string
  to: string
  consultantId: number | null
  includeClosed: boolean
}

/** Appointments of a run of days (both ends included), by date and time; of one consultant when given. */
export function listAppointments(db: ReadableDb, range: AppointmentRange): AppointmentRow[] {
  const params = { from: range.from, to: range.to, consultantId: range.consultantId, all: range.includeClosed ? 1 : 0 }
  // Two statements rather than `(@consultantId IS NULL OR ...)`, so each can use its own index.
  const sql = range.consultantId === null
    ? `${JOINED} WHERE a.date BETWEEN @from AND @to AND (@all = 1 OR a.${OPEN}) ORDER BY a.date, a.time, a.id`
    : `${JOINED} WHERE a.consultant_id = @consultantId AND a.date BETWEEN @from AND @to AND (@all = 1 OR a.${OPEN}) ORDER BY a.date, a.time, a.id`
  return withItemNames(db, stmt(db, sql).all(params) as AppointmentJoinedRow[])
}

/** A client's appointments, the latest first. */
export function listAppointmentsOfClient(db: ReadableDb, clientId: number): AppointmentRow[] {
  const rows = stmt(db, `${JOINED} WHERE a.client_id = ? ORDER BY a.date DESC, a.time DESC, a.id DESC`).all(clientId) as AppointmentJoinedRow[]
  return withItemNames(db, rows)
}

/** The open appointments of a day of one consultant or of one client (but `exceptId`), by time: the candidates for an overlap. */
export function openAppointmentsOn(db: ReadableDb, date: string, of: { consultantId: number } | { clientId: number }, exceptId: number | null): AppointmentRow[] {
  const sql = 'consultantId' in of
    ? `${JOINED} WHERE a.consultant_id = @id AND a.date = @date AND a.${OPEN} AND a.id IS NOT @exceptId ORDER BY a.time, a.id`
    : `${JOINED} WHERE a.client_id = @id AND a.date = @date AND a.${OPEN} AND a.id IS NOT @exceptId ORDER BY a.time, a.id`
  const id = 'consultantId' in of ? of.consultantId : of.clientId
  return withItemNames(db, stmt(db, sql).all({ id, date, exceptId }) as AppointmentJoinedRow[])
}

/**
 * Sets the slot and the status of an open appointment still at `expectedVersion`; false when another
 * window changed it first.
 */
export function updateAppointmentSlot(db: WritableDb, id: number, expectedVersion: number, slot: AppointmentSlot, status: AppointmentStatus, now: string): boolean {
  const result = stmt(db,
      `UPDATE appointments SET date = @date, time = @time, duration_minutes = @durationMinutes, consultant_id = @consultantId,
         category = @category, item_ids = @itemIds, notes = @notes, status = @status, updated_at = @now, version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ ...slot, itemIds: JSON.stringify(slot.itemIds), status, now, id, expectedVersion })
  return result.changes > 0
}

export interface StatusChange {
  status: AppointmentStatus
  /** Kept as it is when omitted. */
  cancelReason?: string
  visitId?: number
}

/** Moves an appointment to a status if it is still at `expectedVersion`; false when another window changed it first. */
export function updateAppointmentStatus(db: WritableDb, id: number, expectedVersion: number, change: StatusChange, now: string): boolean {
  const result = stmt(db,
      `UPDATE appointments SET status = @status, cancel_reason = coalesce(@cancelReason, cancel_reason),
         visit_id = coalesce(@visitId, visit_id), updated_at = @now, version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ status: change.status, cancelReason: change.cancelReason ?? null, visitId: change.visitId ?? null, now, id, expectedVersion })
  return result.changes > 0
}

export function insertConfirmationCall(db: WritableDb, call: Omit<ConfirmationCall, 'id'>): number {
  const result = stmt(db,
      `INSERT INTO appointment_confirmations (appointment_id, result, note, at, by_staff_id, by_name)
       VALUES (@appointmentId, @result, @note, @at, @byStaffId, @byName)`,
    )
    .run(call)
  return Number(result.lastInsertRowid)
}

/** The confirmation calls of some appointments, in the order they were made. */
export function listConfirmationCalls(db: ReadableDb, appointmentIds: number[]): ConfirmationCall[] {
  if (appointmentIds.length === 0) return []
  return stmt(db,
      `SELECT id, appointment_id AS appointmentId, result, note, at, by_staff_id AS byStaffId, by_name AS byName
       FROM appointment_confirmations WHERE appointment_id IN (SELECT value FROM json_each(?)) ORDER BY at, id`,
    )
    .all(JSON.stringify(appointmentIds)) as ConfirmationCall[]
}
