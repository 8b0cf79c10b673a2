import type { FormItemRule, FormRules } from 'element-plus'
import type { ServiceCategory } from '../../../../core/domain/categories.ts'
import { isValidPhone } from '../../../../core/domain/phone.ts'
import type { StaffRole } from '../../../../core/domain/staff.ts'

export interface StaffForm {
  name: string
  role: StaffRole | ''
  phone: string
  room: string
  skills: ServiceCategory[]
}

/** Limits shared with core/api/staff.ts (the server checks them again). */
export const STAFF_LIMITS = { name: 30, phone: 30, room: 20 } as const

type Translate = (key: string, params?: Record<string, unknown>) => string
type Validator = NonNullable<FormItemRule['validator']>

/** A rule whose message is looked up when it runs, so it follows the current language. */
function check(test: (value: unknown) => boolean, message: () => string, trigger: string | string[] = 'blur'): FormItemRule {
  const validator: Validator = (_rule, value, callback) => (test(value) ? callback() : callback(new Error(message())))
  return { validator, trigger }
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

export function staffRules(t: Translate): FormRules<StaffForm> {
  return {
    name: [
      check((v) => text(v) !== '', () => t('validation.nameRequired')),
      check((v) => text(v).length <= STAFF_LIMITS.name, () => t('validation.tooLong', { max: STAFF_LIMITS.name })),
    ],
    role: [check((v) => text(v) !== '', () => t('validation.roleRequired'), 'change')],
    phone: [check((v) => text(v) === '' || isValidPhone(text(v)), () => t('validation.phone'))],
    room: [check((v) => text(v).length <= STAFF_LIMITS.room, () => t('validation.tooLong', { max: STAFF_LIMITS.room }))],
  }
}
