import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Staff, StaffRole } from '../core/domain/staff.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface StaffRow {
  id: number
  name: string
  role: StaffRole
  phone: string
  room: string
  skills: string
  active: 0 | 1
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
