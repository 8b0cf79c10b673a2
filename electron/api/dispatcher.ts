import { z } from 'zod'
import { contract, isMethodName, type MethodName } from '../../core/api/contract.ts'
import { DomainError, type ApiError, type Envelope } from '../../core/api/errors.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import type { Permission } from '../../core/api/method.ts'
import type { Operator } from '../../core/api/operator.ts'
import { roleMay } from '../../core/domain/permissions.ts'
import { DEFAULT_SETTINGS } from '../../core/domain/settings.ts'
import { getSignInRecord } from '../../db/staff.ts'
import { isDeskSession, type DeskSession } from './sessions.ts'
import { localDateOf } from '../../core/domain/dates.ts'
import { translateError } from '../../core/i18n/errorMessages.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { appendAudit } from '../../db/audit.ts'
import { readSettings } from '../../db/settings.ts'
import type { WritableDb } from '../../db/types.ts'
import type { BackupHost, HandlerContext, HostCapabilities } from './context.ts'
import type { Handler, HandlerTable } from './handlerTable.ts'
import { describeZodError, zodErrorMap } from './validationMessages.ts'

export interface DispatcherOptions {
  db: WritableDb
  handlers: HandlerTable
  /** Pushes committed changes to every window. */
  publish(events: ChangeEvent[]): void
  /** The permission check; by default the role table of core/domain/permissions.ts. */
  authorize?(operator: Operator | null, permission: Permission, method: MethodName): boolean
  now?(): Date
  log?(message: string, error: unknown): void
  appInfo: { version: string; preview: boolean }
  host?: HostCapabilities | null
  /** Backups' host part (the desktop app's, or the web preview's). */
  backups?: BackupHost | null
  /** The folder of the clinical photos (beside the database); null where there is none. */
  photosDir?: string | null
  /** Called after each committed write (the idle checkpointer listens). */
  afterWrite?(): void
}

/** Who calls: a desk's session (the app and the web preview), or an operator given directly (tests, tooling), or nobody. */
export type Caller = DeskSession | Operator | null

export type Dispatch = (method: unknown, input: unknown, caller: Caller) => Promise<Envelope<unknown>>

const AUDIT_SUMMARY_LIMIT = 500
/** Stands in for the operator in public methods called before sign-in; it holds no permission of its own. */
const NOBODY: Operator = { id: null, name: '（未登录）', role: 'nurse' }

/**
 * The one entry of every API call, from IPC or the web preview: validates, authorises, runs the handler
 * (a write in one immediate transaction with its audit row), then publishes the change events.
 * Never rejects: every outcome is an envelope. Reads may be async (an export); writes are synchronous.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { db, handlers, publish } = options
  const authorize = options.authorize ?? ((operator: Operator | null, permission: Permission) => roleMay(operator?.role ?? null, permission))
  const clock = options.now ?? (() => new Date())
  const log = options.log ?? ((message, error) => console.error(message, error))

  const locale = (): Locale => {
    try {
      return readSettings(db).language
    } catch {
      return 'zh-CN'
    }
  }
  const fail = (code: ApiError['code'], key: string, params: Record<string, string | number> = {}, field?: string): Envelope<never> => {
    const message = translateError(locale(), key, params)
    return { ok: false, error: field ? { code, message, fields: { [field]: message } } : { code, message } }
  }

  /** A progress event must never fail the work it reports on. */
  const publishQuietly = (event: ChangeEvent): void => {
    try {
      publish([event])
    } catch (error) {
      log('Publishing a progress event failed', error)
    }
  }

  /** The operator behind a caller; a desk session is read from its staff record on every call and ends when idle. */
  const operatorOf = (caller: Caller): Operator | null => {
    if (!isDeskSession(caller)) return caller
    if (caller.staffId === null) return null
    const nowMs = clock().getTime()
    if (nowMs - caller.lastSeenMs > idleLockMs()) {
      caller.staffId = null
      return null
    }
    const record = getSignInRecord(db, caller.staffId)
    if (!record || !record.active || record.pinHash === null) {
      caller.staffId = null
      return null
    }
    caller.lastSeenMs = nowMs
    return { id: record.id, name: record.name, role: record.role }
  }
  const idleLockMs = (): number => {
    try {
      return readSettings(db).idleLockMinutes * 60_000
    } catch {
      return DEFAULT_SETTINGS.idleLockMinutes * 60_000
    }
  }

  return async (method, input, caller) => {
    if (!isMethodName(method)) return fail('unknown_method', 'error.unknownMethod', { method: typeof method === 'string' ? method.slice(0, 60) : typeof method })
    const spec = contract[method]
    const operator = operatorOf(caller)
    if (!authorize(operator, spec.permission, method)) return operator === null ? fail('unauthenticated', 'error.unauthenticated') : fail('forbidden', 'error.forbidden')

    const language = locale()
    const parsed = spec.input.safeParse(input ?? {}, { error: zodErrorMap(language) })
    if (!parsed.success) return invalid(language, parsed.error)

    const events: ChangeEvent[] = []
    const afterCommit: (() => void)[] = []
    let summary: string | null = null
    let auditOperator: Operator | null = operator
    const session = isDeskSession(caller) ? caller : null
    const ctx: HandlerContext = {
      db,
      // A public method may run with nobody signed in; its handler must not rely on the operator then.
      operator: operator ?? NOBODY,
      now: () => clock().toISOString(),
      today: () => localDateOf(clock()),
      emit: (event) => events.push(event),
      publishNow: (event) => {
        if (spec.writes) events.push(event)
        else publishQuietly(event)
      },
      audit: (text, as) => {
        summary = text
        if (as) auditOperator = as
      },
      afterCommit: (action) => afterCommit.push(action),
      session: session && {
        signIn: (staffId) => {
          session.staffId = staffId
          session.lastSeenMs = clock().getTime()
        },
        signOut: () => {
          session.staffId = null
        },
      },
      appInfo: options.appInfo,
      host: options.host ?? null,
      backups: options.backups ?? null,
      photosDir: options.photosDir ?? null,
    }
    const handler = handlers[method] as Handler<MethodName>
    try {
      let value: unknown
      if (spec.writes) {
        value = db
          .transaction(() => {
            const result = handler(ctx, parsed.data as never)
            // better-sqlite3 transactions are synchronous: a write must finish before the commit.
            if (result instanceof Promise) throw new Error(`write handler ${method} returned a promise`)
            appendAudit(db, {
              at: ctx.now(),
              operatorId: auditOperator?.id ?? null,
              operatorName: auditOperator?.name ?? '（未登录）',
              method,
              summary: (summary ?? JSON.stringify(parsed.data)).slice(0, AUDIT_SUMMARY_LIMIT),
            })
            return result
          })
          .immediate()
        for (const action of afterCommit) action()
        options.afterWrite?.()
        if (events.length > 0) publish(events)
      } else {
        value = await handler(ctx, parsed.data as never)
        for (const action of afterCommit) action()
      }
      return { ok: true, value }
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.messageKey, error.params, error.field)
      if (error instanceof z.ZodError) return invalid(locale(), error)
      log(`API ${method} failed`, error)
      return fail('internal', 'error.internal')
    }
  }
}

function invalid(locale: Locale, error: z.ZodError): Envelope<never> {
  const { message, fields } = describeZodError(locale, error)
  return { ok: false, error: { code: 'invalid_input', message, fields } }
}
