/**
 * A front desk on a real SQLite file for integration tests: a dispatcher with a clock the test moves,
 * helpers that unwrap envelopes, and counters of the tables that must not change on a refusal.
 */
import { expect } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts'
import type { ApiError, Envelope } from '../../core/api/errors.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import { LOCAL_DESK_OPERATOR, type Operator } from '../../core/api/operator.ts'
import { dirname, join } from 'node:path'
import { PHOTOS_FOLDER_NAME } from '../../core/domain/clientPhoto.ts'
import type { Client } from '../../core/domain/client.ts'
import type { ServiceCategory } from '../../core/domain/categories.ts'
import type { Staff } from '../../core/domain/staff.ts'
import type { VisitRow, VisitType } from '../../core/domain/visit.ts'
import type { RegisterResult } from '../../core/api/visits.ts'
import { createDispatcher, type Caller } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import type { WritableDb } from '../../db/types.ts'

/** A local wall-clock time of the clinic (months 1-12), whatever the machine's time zone. */
export function local(y: number, mo: number, d: number, h = 9, mi = 0): Date {
  return new Date(y, mo - 1, d, h, mi, 0, 0)
}

export interface Clock {
  now: Date
  /** Moves the clock forward by minutes. */
  tick(minutes?: number): void
  /** Sets the clock to a local date and time. */
  set(y: number, mo: number, d: number, h?: number, mi?: number): void
}

export function makeClock(start: Date = local(2026, 11, 23, 9, 0)): Clock {
  const clock: Clock = {
    now: new Date(start),
    tick(minutes = 1) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000)
    },
    set(y, mo, d, h = 9, mi = 0) {
      clock.now = local(y, mo, d, h, mi)
    },
  }
  return clock
}

export type Desk = ReturnType<typeof openDesk>

let phoneSeq = 0
/** A distinct valid mobile number (distinct across desks, so a reopened file gets no duplicates). */
export function nextPhone(): string {
  return `1390000${String(++phoneSeq).padStart(4, '0')}`
}

/** Opens (or reopens) the clinic database at `path` behind a fresh dispatcher. */
export function openDesk(path: string, clock: Clock = makeClock(), operator: Operator = LOCAL_DESK_OPERATOR) {
  const { db } = openDatabase(path)
  const published: ChangeEvent[][] = []
  const logged: unknown[] = []
  const dispatch = createDispatcher({
    db,
    handlers,
    publish: (events) => published.push(events),
    appInfo: { version: '0.0.0-test', preview: false },
    now: () => new Date(clock.now),
    log: (_m, e) => logged.push(e),
    photosDir: join(dirname(path), PHOTOS_FOLDER_NAME),
  })

  async function send<M extends MethodName>(method: M, input: MethodInput<M>, by: Caller = operator): Promise<Envelope<MethodResult<M>>> {
    return (await dispatch(method, input, by)) as Envelope<MethodResult<M>>
  }

  /** Calls and expects success; a failure throws with its message so the test shows it. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>, by: Caller = operator): Promise<MethodResult<M>> {
    const result = await send(method, input, by)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  /** Calls and expects a refusal; returns the error. */
  async function refused<M extends MethodName>(method: M, input: MethodInput<M>, by: Caller = operator): Promise<ApiError> {
    const result = await send(method, input, by)
    if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 300)}`)
    return result.error
  }

  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

  /** Counts of every table a write touches: compared before and after a refused call. */
  const snapshot = () => ({
    rotation_events: count('rotation_events'),
    audit_log: count('audit_log'),
    visits: count('visits'),
    visit_status_log: count('visit_status_log'),
    clients: count('clients'),
    counters: JSON.stringify(db.prepare('SELECT name, value FROM counters ORDER BY name').all()),
    versions: JSON.stringify(db.prepare('SELECT id, version, consultant_id, status FROM visits ORDER BY id').all()),
    fee_sheets: JSON.stringify(db.prepare('SELECT id, status, revision, print_count, updated_at FROM fee_sheets ORDER BY id').all()),
    fee_sheet_lines: JSON.stringify(db.prepare('SELECT id, sheet_id, item_id, quantity, discount_kind, discount_value, net_fen FROM fee_sheet_lines ORDER BY id').all()),
    fee_sheet_deposits: count('fee_sheet_deposits'),
    fee_payments: count('fee_payments'),
    treatment_cards: JSON.stringify(db.prepare('SELECT id, version, voided FROM treatment_cards ORDER BY id').all()),
    card_deductions: JSON.stringify(db.prepare('SELECT id, undone_at FROM card_deductions ORDER BY id').all()),
    consents: JSON.stringify(db.prepare('SELECT id, signed_at FROM consents ORDER BY id').all()),
    consent_templates: JSON.stringify(db.prepare('SELECT key, version FROM consent_templates ORDER BY key').all()),
    stored_value_ledger: count('stored_value_ledger'),
    appointments: JSON.stringify(db.prepare('SELECT id, version, status, date, time, consultant_id FROM appointments ORDER BY id').all()),
    appointment_confirmations: count('appointment_confirmations'),
    follow_up_calls: JSON.stringify(db.prepare('SELECT id, version, status, attempts, due_date FROM follow_up_calls ORDER BY id').all()),
    client_photos: JSON.stringify(db.prepare('SELECT id, kind, note, card_id, removed_at FROM client_photos ORDER BY id').all()),
  })

  /** Runs a call that must be refused (by the desk's operator, or `by` another), and checks nothing at all was written. */
  async function refusedCleanly<M extends MethodName>(method: M, input: MethodInput<M>, by: Caller = operator): Promise<ApiError> {
    const before = snapshot()
    const publishedBefore = published.length
    const error = await refused(method, input, by)
    expect(snapshot()).toEqual(before)
    expect(published.length).toBe(publishedBefore)
    return error
  }

  async function consultant(name: string, skills: ServiceCategory[] = [], room = ''): Promise<Staff> {
    return call('staff.create', { name, role: 'consultant', phone: '', room, skills })
  }

  const phone = nextPhone

  async function newClient(name: string, extra: Partial<MethodInput<'clients.create'>> = {}): Promise<Client> {
    return call('clients.create', { name, phone: phone(), ...extra })
  }

  /** Registers a visit of a new client (or an existing one by id) and returns the register result. */
  async function arrive(
    who: string | number,
    type: VisitType,
    extra: Partial<Omit<MethodInput<'visits.register'>, 'clientId' | 'newClient' | 'type'>> & { clientFields?: Partial<MethodInput<'clients.create'>> } = {},
  ): Promise<RegisterResult> {
    const { clientFields, ...rest } = extra
    const base = typeof who === 'number' ? { clientId: who } : { newClient: { name: who, phone: phone(), ...clientFields } }
    return call('visits.register', { ...base, type, ...rest })
  }

  async function visit(id: number): Promise<VisitRow> {
    const row = (await call('visits.ofDay', { date: dayOf(id) })).find((v) => v.id === id)
    if (!row) throw new Error(`visit ${id} not found`)
    return row
  }

  const dayOf = (visitId: number) => db.prepare('SELECT visit_date FROM visits WHERE id = ?').pluck().get(visitId) as string

  /** Moves a visit to a status with its current version. */
  async function move(visitId: number, status: MethodInput<'visits.setStatus'>['status']): Promise<VisitRow> {
    const v = await visit(visitId)
    return call('visits.setStatus', { visitId, expectedVersion: v.version, status })
  }

  async function board() {
    return call('rotation.board', {})
  }

  /** The board's order as names, front first (members on the board only). */
  async function order(): Promise<string[]> {
    return (await board()).members.filter((m) => m.position !== null).map((m) => m.name)
  }

  async function setting(patch: MethodInput<'settings.update'>) {
    return call('settings.update', patch)
  }

  function close() {
    closeDatabase(db)
  }

  return {
    db: db as WritableDb,
    dispatch,
    send,
    call,
    refused,
    refusedCleanly,
    count,
    snapshot,
    published,
    logged,
    consultant,
    newClient,
    phone,
    arrive,
    visit,
    move,
    board,
    order,
    setting,
    close,
    clock,
  }
}
