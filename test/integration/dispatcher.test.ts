import { describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../core/api/events.ts'
import { LOCAL_DESK_OPERATOR, type Operator } from '../../core/api/operator.ts'
import type { Staff } from '../../core/domain/staff.ts'
import { createDispatcher, type DispatcherOptions } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { insertStaff } from '../../db/staff.ts'
import { openDatabase } from '../../db/open.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const op = LOCAL_DESK_OPERATOR
const consultant = { name: '王静', role: 'consultant', phone: '138 0000 0001', room: '1', skills: ['skin', 'skin'] }

function setup(overrides: Partial<DispatcherOptions> = {}) {
  const { db } = openDatabase(dbPathIn(tempDir()))
  const published: ChangeEvent[][] = []
  const logged: unknown[] = []
  const dispatch = createDispatcher({
    db,
    handlers,
    publish: (events) => published.push(events),
    appInfo: { version: '0.0.0-test', preview: false },
    now: () => new Date('2026-11-22T02:00:00Z'),
    log: (_m, e) => logged.push(e),
    ...overrides,
  })
  const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number)
  return { db, dispatch, published, logged, count }
}

describe('the dispatcher', async () => {
  it('runs a write, leaves one audit row with the operator and pushes the event after commit', async () => {
    const { dispatch, published, count, db } = setup()
    const result = await dispatch('staff.create', consultant, op)
    expect(result.ok).toBe(true)
    const staff = (result as { value: Staff }).value
    expect(staff).toMatchObject({ name: '王静', phone: '13800000001', skills: ['skin'], active: true })
    expect(count('audit_log')).toBe(1)
    expect(db.prepare('SELECT operator_name, method, summary FROM audit_log').get()).toEqual({
      operator_name: '前台',
      method: 'staff.create',
      summary: `添加员工 王静（咨询师） #${staff.id}`,
    })
    expect(published).toEqual([[{ topic: 'staff', ids: [staff.id] }]])
  })

  it('answers bad input with a field-level error in Chinese and writes nothing', async () => {
    const { dispatch, published, count } = setup()
    const result = await dispatch('staff.create', { name: '   ', role: 'janitor', phone: '12345', room: 5, skills: 'all' }, op)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toMatch(/^输入有误/)
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['name', 'phone', 'role', 'room', 'skills'])
    expect(result.error.fields?.name).toBe('必填')
    expect(count('staff')).toBe(0)
    expect(count('audit_log')).toBe(0)
    expect(published).toEqual([])
  })

  it.each([
    ['a number', 42],
    ['a string', 'DROP TABLE staff'],
    ['an array', [1, 2]],
    ['unknown fields', { ...consultant, admin: true }],
    ['a huge name', { ...consultant, name: '张'.repeat(100_000) }],
  ])('refuses %s as input', async (_label, input) => {
    const { dispatch, count } = setup()
    const result = await dispatch('staff.create', input, op)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(count('staff')).toBe(0)
  })

  it('refuses an unknown method without throwing', async () => {
    const { dispatch } = setup()
    expect(await dispatch('staff.drop', {}, op)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch({ toString: 1 }, {}, op)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch('__proto__', {}, op)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('asks the permission hook and refuses when it says no', async () => {
    const asked: string[] = []
    const { dispatch, count } = setup({
      authorize: (operator: Operator, permission, method) => {
        asked.push(`${operator.name}:${permission}:${method}`)
        return permission !== 'admin'
      },
    })
    expect(await dispatch('staff.list', {}, op)).toMatchObject({ ok: true })
    expect(await dispatch('staff.create', consultant, op)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(asked).toEqual(['前台:read:staff.list', '前台:admin:staff.create'])
    expect(count('staff')).toBe(0)
  })

  it('rolls back everything a handler wrote before it failed, and hides the internal error', async () => {
    const { db, dispatch, published, logged, count } = setup({
      handlers: {
        ...handlers,
        'staff.create': (ctx, input) => {
          insertStaff(ctx.db, input, ctx.now())
          ctx.emit({ topic: 'staff' })
          throw new Error('disk on fire')
        },
      },
    })
    const result = await dispatch('staff.create', consultant, op)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire')
    expect(count('staff')).toBe(0)
    expect(count('audit_log')).toBe(0)
    expect(published).toEqual([])
    expect(logged).toHaveLength(1)
    expect(db.inTransaction).toBe(false)
  })

  it('answers in English once the clinic switches language', async () => {
    const { dispatch } = setup()
    expect(await dispatch('settings.update', { language: 'en-US' }, op)).toMatchObject({ ok: true })
    const result = await dispatch('staff.create', { ...consultant, phone: '123' }, op)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { phone: expect.stringMatching(/^Enter a valid mobile/) } } })
  })
})

describe('staff handlers', async () => {
  it('refuses a duplicate phone with the name of its owner', async () => {
    const { dispatch, count } = setup()
    await dispatch('staff.create', consultant, op)
    const result = await dispatch('staff.create', { ...consultant, name: '李娜' }, op)
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: '手机号 13800000001 已属于员工“王静”' } })
    expect(count('staff')).toBe(1)
  })

  it('updates with optimistic concurrency: a stale window is told to reload', async () => {
    const { dispatch } = setup()
    const created = await dispatch('staff.create', consultant, op) as { ok: true; value: Staff }
    const { id, updatedAt } = created.value
    const fields = { name: '王静', role: 'consultant', phone: '', room: '8', skills: [] }
    const first = await dispatch('staff.update', { id, expectedUpdatedAt: updatedAt, ...fields }, op)
    expect(first).toMatchObject({ ok: true, value: { room: '8', phone: '' } })
    // The clock is frozen, so make the stored stamp differ as a later edit would.
    const second = await dispatch('staff.update', { id, expectedUpdatedAt: '2020-01-01T00:00:00.000Z', ...fields, room: '9' }, op)
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('deactivates instead of deleting, and lists inactive staff only when asked', async () => {
    const { dispatch } = setup()
    const created = await dispatch('staff.create', consultant, op) as { ok: true; value: Staff }
    expect(await dispatch('staff.setActive', { id: created.value.id, active: false }, op)).toMatchObject({ ok: true, value: { active: false } })
    expect(await dispatch('staff.list', {}, op)).toMatchObject({ ok: true, value: [] })
    expect(await dispatch('staff.list', { includeInactive: true }, op)).toMatchObject({ ok: true, value: [{ name: '王静', active: false }] })
    expect(await dispatch('staff.setActive', { id: 999, active: false }, op)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('settings handlers', async () => {
  it('merges a partial update with the defaults and keeps it', async () => {
    const { dispatch } = setup()
    expect(await dispatch('settings.get', {}, op)).toMatchObject({ ok: true, value: { clinicName: '医美诊所', queuePrefixes: { first: 'A', returning: 'B', review: 'C' } } })
    await dispatch('settings.update', { clinicName: '  丽颜医美  ', queuePrefixes: { first: 'F', returning: 'R', review: 'T' } }, op)
    expect(await dispatch('settings.get', {}, op)).toMatchObject({ ok: true, value: { clinicName: '丽颜医美', queuePrefixes: { first: 'F', returning: 'R', review: 'T' }, language: 'zh-CN' } })
  })

  it('refuses prefixes that are equal or not letters, and saves nothing', async () => {
    const { dispatch, count } = setup()
    expect(await dispatch('settings.update', { queuePrefixes: { first: 'A', returning: 'A', review: 'C' } }, op)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('settings.update', { queuePrefixes: { first: '1', returning: 'B', review: 'C' } }, op)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('settings.update', { clinicName: '' }, op)).toMatchObject({ ok: false })
    expect(await dispatch('settings.update', { language: 'fr-FR' }, op)).toMatchObject({ ok: false })
    expect(count('settings')).toBe(0)
  })
})
