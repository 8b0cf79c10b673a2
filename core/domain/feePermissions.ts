import type { StaffRole } from './staff.ts'

/**
 * Who may do what on a fee sheet beyond the method's own permission, by the operator's role. The checks are
 * made in the main process (the handlers), not only by hiding buttons.
 *
 * Operators and roles proper (sign-in with PINs, a role per operator, rights an administrator can grant) come
 * with a later issue (issue 6); until then the operator of the desk carries a role and these rules read it.
 * When that issue lands, this module is the one place to change.
 */

/** Roles that may give a whole-sheet discount (整单折扣). */
const SHEET_DISCOUNT_ROLES: readonly StaffRole[] = ['administrator', 'consultant']
/** Roles that may drop the jiao and fen (抹零). */
const ROUND_DOWN_ROLES: readonly StaffRole[] = ['administrator', 'consultant']

export function canGiveSheetDiscount(role: StaffRole): boolean {
  return SHEET_DISCOUNT_ROLES.includes(role)
}

export function canRoundDown(role: StaffRole): boolean {
  return ROUND_DOWN_ROLES.includes(role)
}

/** Only an administrator may confirm a sheet with lines under their price floor (and must give a reason). */
export function canConfirmUnderFloor(role: StaffRole): boolean {
  return role === 'administrator'
}

/** Voiding a confirmed or paid sheet (and so reissuing it) is for an administrator. */
export function canVoidFeeSheet(role: StaffRole): boolean {
  return role === 'administrator'
}
