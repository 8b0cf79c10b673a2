import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Staff, StaffRole } from '../core/domain/staff.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

interface StaffRow {
  id: number
  name: string
  role: StaffRole
  phone: string
  room: string
  skills: string
  active: 0 | 1
  pin_hash: string | null
  created_at: string
  updated_at: string
}

export interface StaffFields {
  name: string
  role: StaffRole
  phone: string
  room: string
  skills: ServiceCategory[]
}

function rowToStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    phone: row.phone,
    room: row.room,
    skills: JSON.parse(row.skills) as ServiceCategory[],
    active: row.active === 1,
    hasPin: row.pin_hash !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function listStaff(db: ReadableDb, filter: { includeInactive: boolean; role?: StaffRole | undefined }): Staff[] {
  const rows = stmt(db,
      `SELECT * FROM staff
       WHERE (@includeInactive = 1 OR active = 1) AND (@role IS NULL OR role = @role)
       ORDER BY active DESC, role, name COLLATE NOCASE, id`,
    )
    .all({ includeInactive: filter.includeInactive ? 1 : 0, role: filter.role ?? null }) as StaffRow[]
  return rows.map(rowToStaff)
}

export function getStaff(db: ReadableDb, id: number): Staff | undefined {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined
  return row && rowToStaff(row)
}

export function findStaffByPhone(db: ReadableDb, phone: string): Staff | undefined {
  if (phone === '') return undefined
  const row = stmt(db, 'SELECT * FROM staff WHERE phone = ?').get(phone) as StaffRow | undefined
  return row && rowToStaff(row)
}

export function findActiveStaffByName(db: ReadableDb, name: string): Staff | undefined {
  const row = stmt(db, 'SELECT * FROM staff WHERE name = ? AND active = 1').get(name) as StaffRow | undefined
  return row && rowToStaff(row)
}

export function insertStaff(db: WritableDb, fields: StaffFields, now: string): Staff {
  const result = stmt(db,
      `INSERT INTO staff (name, role, phone, room, skills, active, created_at, updated_at)
       VALUES (@name, @role, @phone, @room, @skills, 1, @now, @now)`,
    )
    .run({ ...fields, skills: JSON.stringify(fields.skills), now })
  return getStaff(db, Number(result.lastInsertRowid)) as Staff
}

export function updateStaff(db: WritableDb, id: number, fields: StaffFields, now: string): Staff | undefined {
  stmt(db,
    `UPDATE staff SET name = @name, role = @role, phone = @phone, room = @room, skills = @skills, updated_at = @now
     WHERE id = @id`,
  ).run({ ...fields, skills: JSON.stringify(fields.skills), now, id })
  return getStaff(db, id)
}

export function setStaffActive(db: WritableDb, id: number, active: boolean, now: string): Staff | undefined {
  stmt(db, 'UPDATE staff SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, now, id)
  return getStaff(db, id)
}

/** What signing in needs of a staff member; the hash stays in the main process. */
export interface SignInRecord {
  id: number
  name: string
  role: StaffRole
  active: boolean
  pinHash: string | null
  failures: number
  lockedUntil: string | null
}

export function getSignInRecord(db: ReadableDb, id: number): SignInRecord | undefined {
  const row = stmt(db, 'SELECT id, name, role, active, pin_hash, pin_failures, pin_locked_until FROM staff WHERE id = ?').get(id) as
    | { id: number; name: string; role: StaffRole; active: 0 | 1; pin_hash: string | null; pin_failures: number; pin_locked_until: string | null }
    | undefined
  return (
    row && { id: row.id, name: row.name, role: row.role, active: row.active === 1, pinHash: row.pin_hash, failures: row.pin_failures, lockedUntil: row.pin_locked_until }
  )
}

/** Active staff who can sign in (a PIN is set), administrators first, then by name. */
export function listSignInCandidates(db: ReadableDb): { id: number; name: string; role: StaffRole }[] {
  return stmt(db,
    `SELECT id, name, role FROM staff WHERE active = 1 AND pin_hash IS NOT NULL
     ORDER BY role = 'administrator' DESC, name COLLATE NOCASE, id`,
  ).all() as { id: number; name: string; role: StaffRole }[]
}

export function setStaffPin(db: WritableDb, id: number, pinHash: string | null, now: string): void {
  stmt(db, 'UPDATE staff SET pin_hash = ?, pin_set_at = ?, pin_failures = 0, pin_locked_until = NULL, updated_at = ? WHERE id = ?').run(pinHash, pinHash === null ? null : now, now, id)
}

export function recordPinFailure(db: WritableDb, id: number, failures: number, lockedUntil: string | null): void {
  stmt(db, 'UPDATE staff SET pin_failures = ?, pin_locked_until = ? WHERE id = ?').run(failures, lockedUntil, id)
}

export function clearPinFailures(db: WritableDb, id: number): void {
  stmt(db, 'UPDATE staff SET pin_failures = 0, pin_locked_until = NULL WHERE id = ? AND (pin_failures <> 0 OR pin_locked_until IS NOT NULL)').run(id)
}

/** Active administrators who can sign in, other than `exceptId`: the clinic must never be left without one. */
export function countSignInAdministrators(db: ReadableDb, exceptId: number | null = null): number {
  return pluckStmt(db, "SELECT count(*) FROM staff WHERE role = 'administrator' AND active = 1 AND pin_hash IS NOT NULL AND id IS NOT ?").get(exceptId) as number
}
