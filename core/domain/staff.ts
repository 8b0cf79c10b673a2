import type { ServiceCategory } from './categories.ts'

export const STAFF_ROLES = ['consultant', 'doctor', 'nurse', 'receptionist', 'marketing', 'administrator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Chinese role names for texts written into the audit log and printed sheets. */
export const STAFF_ROLE_NAMES_ZH: Record<StaffRole, string> = {
  consultant: '咨询师',
  doctor: '医生',
  nurse: '护士/治疗师',
  receptionist: '前台',
  marketing: '市场部业务员',
  administrator: '管理员',
}

export interface Staff {
  id: number
  name: string
  role: StaffRole
  phone: string
  room: string
  /** Empty means no limit: the member serves every category. */
  skills: ServiceCategory[]
  active: boolean
  /** A PIN is set, so this member can sign in as an operator (the PIN itself never leaves the main process). */
  hasPin: boolean
  createdAt: string
  updatedAt: string
}
