import { DomainError } from '../../../core/api/errors.ts'
import { STAFF_ROLE_NAMES_ZH, type Staff } from '../../../core/domain/staff.ts'
import '../../../core/i18n/sessionMessages.ts'
import { countSignInAdministrators, findActiveStaffByName, findStaffByPhone, getStaff, insertStaff, listStaff, setStaffActive, setStaffPin, updateStaff, type StaffFields } from '../../../db/staff.ts'
import { hashPin } from '../auth/pinHash.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

function requireStaff(db: ReadableDb, id: number): Staff {
  const staff = getStaff(db, id)
  if (!staff) throw new DomainError('not_found', 'error.staffNotFound', { id })
  return staff
}

function refuseDuplicates(db: ReadableDb, fields: StaffFields, selfId: number | null): void {
  const samePhone = findStaffByPhone(db, fields.phone)
  if (samePhone && samePhone.id !== selfId) {
    throw new DomainError('conflict', 'error.staffPhoneTaken', { phone: fields.phone, name: samePhone.name }, 'phone')
  }
  const sameName = findActiveStaffByName(db, fields.name)
  if (sameName && sameName.id !== selfId) throw new DomainError('conflict', 'error.staffNameTaken', { name: fields.name }, 'name')
}

/** Whether `after` would leave the clinic with no administrator who can sign in. */
function refuseLosingLastAdministrator(db: ReadableDb, before: Staff, after: { role: Staff['role']; active: boolean; hasPin: boolean }): void {
  const wasSignInAdmin = before.role === 'administrator' && before.active && before.hasPin
  const staysSignInAdmin = after.role === 'administrator' && after.active && after.hasPin
  if (wasSignInAdmin && !staysSignInAdmin && countSignInAdministrators(db, before.id) === 0) {
    throw new DomainError('rule_violation', 'session.lastAdministrator')
  }
}

function describe(staff: Pick<Staff, 'name' | 'role'>): string {
  return `${staff.name}（${STAFF_ROLE_NAMES_ZH[staff.role]}）`
}

export const staffHandlers: PartialHandlerTable<'staff.list' | 'staff.create' | 'staff.update' | 'staff.setActive' | 'staff.setPin' | 'staff.clearPin'> = {
  'staff.list': (ctx, input) => listStaff(ctx.db, input),

  'staff.create': (ctx, input) => {
    refuseDuplicates(ctx.db, input, null)
    const staff = insertStaff(ctx.db, input, ctx.now())
    ctx.audit(`添加员工 ${describe(staff)} #${staff.id}`)
    ctx.emit({ topic: 'staff', ids: [staff.id] })
    return staff
  },

  'staff.update': (ctx, { id, expectedUpdatedAt, ...fields }) => {
    const before = requireStaff(ctx.db, id)
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) {
      throw new DomainError('conflict', 'error.staffChanged')
    }
    refuseDuplicates(ctx.db, fields, id)
    refuseLosingLastAdministrator(ctx.db, before, { ...before, role: fields.role })
    const after = updateStaff(ctx.db, id, fields, ctx.now()) as Staff
    const changed = (Object.keys(fields) as (keyof StaffFields)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    )
    ctx.audit(`修改员工 ${describe(after)} #${id}：${changed.join(', ') || '无变化'}`)
    ctx.emit({ topic: 'staff', ids: [id] })
    return after
  },

  'staff.setActive': (ctx, { id, active }) => {
    const before = requireStaff(ctx.db, id)
    refuseLosingLastAdministrator(ctx.db, before, { ...before, active })
    const staff = setStaffActive(ctx.db, id, active, ctx.now()) as Staff
    ctx.audit(`${active ? '启用' : '停用'}员工 ${describe(staff)} #${id}`)
    ctx.emit({ topic: 'staff', ids: [id] })
    return staff
  },

  'staff.setPin': (ctx, { id, pin }) => {
    const before = requireStaff(ctx.db, id)
    setStaffPin(ctx.db, id, hashPin(pin), ctx.now())
    ctx.audit(`${before.hasPin ? '重设' : '设置'}登录 PIN：${describe(before)} #${id}`)
    ctx.emit({ topic: 'staff', ids: [id] })
    return requireStaff(ctx.db, id)
  },

  'staff.clearPin': (ctx, { id }) => {
    const before = requireStaff(ctx.db, id)
    refuseLosingLastAdministrator(ctx.db, before, { ...before, hasPin: false })
    setStaffPin(ctx.db, id, null, ctx.now())
    ctx.audit(`取消登录 PIN：${describe(before)} #${id}`)
    ctx.emit({ topic: 'staff', ids: [id] })
    return requireStaff(ctx.db, id)
  },
}
