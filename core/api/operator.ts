import type { StaffRole } from '../domain/staff.ts'

/** Who is acting at a desk: a signed-in staff member. `null` where an operator is expected means nobody. */
export interface Operator {
  /** The staff member's id; null only for tooling that acts outside any staff record (tests, seeding). */
  id: number | null
  name: string
  role: StaffRole
}

/**
 * An administrator with no staff record, for integration tests and tooling that call handlers directly.
 * The app itself never uses it: its desks act only as the operator signed in there.
 */
export const LOCAL_DESK_OPERATOR: Operator = { id: null, name: '前台', role: 'administrator' }

/** PINs are 4 to 12 digits: quick at a shared desk, long enough for an administrator who wants more. */
export const PIN_PATTERN = /^[0-9]{4,12}$/
