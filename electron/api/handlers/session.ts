import '../../../core/i18n/sessionMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { Operator } from '../../../core/api/operator.ts'
import type { SessionState, SignInResult } from '../../../core/api/session.ts'
import { STAFF_ROLE_NAMES_ZH } from '../../../core/domain/staff.ts'
import { isDemoDatabase } from '../../../db/appMeta.ts'
import { readSettings } from '../../../db/settings.ts'
import { clearPinFailures, countSignInAdministrators, getSignInRecord, listSignInCandidates, recordPinFailure, setStaffPin } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { hashPin, verifyPin } from '../auth/pinHash.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

/** Wrong PINs in a row before the name is locked, and for how long. */
export const MAX_PIN_FAILURES = 5
export const PIN_LOCK_MINUTES = 5

export function sessionState(db: ReadableDb, operator: Operator | null): SessionState {
  return {
    operator,
    setupNeeded: countSignInAdministrators(db) === 0,
    demo: isDemoDatabase(db),
    idleLockMinutes: readSettings(db).idleLockMinutes,
  }
}

function signedInOperator(ctx: HandlerContext): Operator | null {
  return ctx.operator.id === null && ctx.session !== null ? null : ctx.operator
}

/** Signs `staff` in at this desk once the call commits (tooling without a desk session only gets the answer). */
export function signInAfterCommit(ctx: HandlerContext, operator: Operator & { id: number }): void {
  const session = ctx.session
  if (session) ctx.afterCommit(() => session.signIn(operator.id))
}

const describe = (operator: { name: string; role: Operator['role'] }) => `${operator.name}（${STAFF_ROLE_NAMES_ZH[operator.role]}）`

export const sessionHandlers: PartialHandlerTable<'session.current' | 'session.operators' | 'session.signIn' | 'session.signOut' | 'session.changePin'> = {
  'session.current': (ctx) => sessionState(ctx.db, ctx.session ? signedInOperator(ctx) : ctx.operator),

  'session.operators': (ctx) => listSignInCandidates(ctx.db),

  'session.signIn': (ctx, { staffId, pin }): SignInResult => {
    const record = getSignInRecord(ctx.db, staffId)
    if (!record || !record.active || record.pinHash === null) throw new DomainError('rule_violation', 'session.cannotSignIn', {}, 'staffId')
    const operator = { id: record.id, name: record.name, role: record.role }
    const now = ctx.now()
    if (record.lockedUntil !== null && record.lockedUntil > now) {
      ctx.audit(`登录被拒：${describe(operator)} 已因多次 PIN 错误锁定至 ${record.lockedUntil}`, operator)
      return { signedIn: false, reason: 'locked', until: record.lockedUntil }
    }
    if (!verifyPin(pin, record.pinHash)) {
      const failures = (record.lockedUntil !== null ? 0 : record.failures) + 1
      const locked = failures >= MAX_PIN_FAILURES
      const until = new Date(Date.parse(now) + PIN_LOCK_MINUTES * 60_000).toISOString()
      recordPinFailure(ctx.db, record.id, locked ? 0 : failures, locked ? until : null)
      ctx.audit(`登录失败：${describe(operator)} PIN 错误（第 ${failures} 次）${locked ? `，锁定 ${PIN_LOCK_MINUTES} 分钟` : ''}`, operator)
      return locked ? { signedIn: false, reason: 'locked', until } : { signedIn: false, reason: 'wrong_pin', attemptsLeft: MAX_PIN_FAILURES - failures }
    }
    clearPinFailures(ctx.db, record.id)
    signInAfterCommit(ctx, operator)
    ctx.audit(`登录：${describe(operator)}`, operator)
    return { signedIn: true, operator }
  },

  'session.signOut': (ctx, { reason }) => {
    const operator = signedInOperator(ctx)
    const session = ctx.session
    if (session) ctx.afterCommit(() => session.signOut())
    if (!operator) {
      ctx.audit('退出：本台无人登录')
      return { signedOut: false }
    }
    ctx.audit(`${{ lock: '锁定', idle: '闲置自动锁定', signOut: '退出登录' }[reason]}：${describe(operator)}`)
    return { signedOut: true }
  },

  'session.changePin': (ctx, { currentPin, newPin }) => {
    if (ctx.operator.id === null) throw new DomainError('rule_violation', 'session.noStaffRecord')
    const record = getSignInRecord(ctx.db, ctx.operator.id)
    if (!record?.pinHash || !verifyPin(currentPin, record.pinHash)) throw new DomainError('rule_violation', 'session.wrongPin', {}, 'currentPin')
    setStaffPin(ctx.db, record.id, hashPin(newPin), ctx.now())
    ctx.audit(`修改本人 PIN：${describe(record)}`)
    ctx.emit({ topic: 'staff', ids: [record.id] })
    return { changed: true as const }
  },
}
