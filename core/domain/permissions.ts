import type { Permission } from '../api/method.ts'
import type { StaffRole } from './staff.ts'

/**
 * What each role may do. Doctors review plans with the consultant, so they hold the consultant's rights;
 * nurses read and deduct treatment sessions (划扣), as doctors and the desk may; salespeople keep their
 * partner stores. Checked in the main process for every method (the dispatcher), and read by the renderer
 * only to hide what would be refused anyway.
 */
export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  administrator: ['public', 'read', 'desk', 'consult', 'outcome', 'admin', 'partners', 'marketing', 'treat'],
  receptionist: ['public', 'read', 'desk', 'outcome', 'partners', 'treat'],
  consultant: ['public', 'read', 'consult', 'outcome'],
  doctor: ['public', 'read', 'consult', 'treat'],
  nurse: ['public', 'read', 'treat'],
  /** A salesperson of the marketing department (市场部): their partner stores and reports, nothing of the desk. */
  marketing: ['public', 'read', 'partners', 'marketing'],
}

/** Whether a role holds a permission; `null` is nobody signed in, who holds only `public`. */
export function roleMay(role: StaffRole | null, permission: Permission): boolean {
  if (role === null) return permission === 'public'
  return ROLE_PERMISSIONS[role].includes(permission)
}
