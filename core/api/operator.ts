import type { StaffRole } from '../domain/staff.ts'

/** Who is acting at the desk. Sign-in with PINs comes with operators and roles (issue 6). */
export interface Operator {
  id: number | null
  name: string
  role: StaffRole
}

/** The operator of a desk before sign-in exists: the clinic's own front desk, with every permission. */
export const LOCAL_DESK_OPERATOR: Operator = { id: null, name: '前台', role: 'administrator' }
