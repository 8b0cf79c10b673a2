import type { AppointmentFacts, FollowUpFacts } from '../core/domain/serviceFigures.ts'
import type { ReadableDb } from './types.ts'
import { stmt } from './statements.ts'

/** The appointments of a run of days (both ends included), with whether a call confirmed them. */
export function appointmentFactsIn(db: ReadableDb, from: string, to: string): AppointmentFacts[] {
  const rows = stmt(db,
    `SELECT a.date, a.status, a.updated_at AS updatedAt,
       EXISTS (SELECT 1 FROM appointment_confirmations k WHERE k.appointment_id = a.id AND k.result = 'confirmed') AS confirmed
     FROM appointments a WHERE a.date BETWEEN ? AND ?`,
  ).all(from, to) as (Omit<AppointmentFacts, 'confirmedOnCall'> & { confirmed: 0 | 1 })[]
  return rows.map(({ confirmed, ...facts }) => ({ ...facts, confirmedOnCall: confirmed === 1 }))
}

/** The follow-up calls due in a run of days (both ends included), open or done. */
export function followUpFactsIn(db: ReadableDb, from: string, to: string): FollowUpFacts[] {
  return stmt(db, 'SELECT status, due_date AS dueDate, done_at AS doneAt FROM follow_up_calls WHERE due_date BETWEEN ? AND ?').all(from, to) as FollowUpFacts[]
}
