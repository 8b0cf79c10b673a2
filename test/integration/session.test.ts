import { describe, expect, it } from 'vitest'
import type { SignInResult } from '../../core/api/session.ts'
import { newDeskSession, type DeskSession } from '../../electron/api/sessions.ts'
import { MAX_PIN_FAILURES, PIN_LOCK_MINUTES } from '../../electron/api/handlers/session.ts'
import { closeDatabase } from '../../db/open.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** A fresh clinic database: nobody can sign in, setup is all there is. */
function freshDesk(clock = makeClock()) {
  const path = dbPathIn(tempDir())
  return { desk: openDesk(path, clock), path, clock }
}

async function setUp(desk: Desk, session: DeskSession = newDeskSession()) {
  await desk.call('setup.complete', { clinicName: '丽颜诊所', adminName: '林主任', pin: '246810', repeatPin: '246810' }, session)
  return session
}

async function staffWithPin(desk: Desk, name: string, role: 'receptionist' | 'consultant' | 'administrator', pin: string) {
  const member = await desk.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  await desk.call('staff.setPin', { id: member.id, pin, repeatPin: pin })
  return member
}

describe('first-run setup', () => {
  it('is all a fresh database offers: every other method asks to sign in, nothing is written', async () => {
    const { desk } = freshDesk()
    const session = newDeskSession()
    expect(await desk.call('session.current', {}, session)).toEqual({ operator: null, setupNeeded: true, demo: false, idleLockMinutes: 10 })
    for (const method of ['visits.ofDay', 'clients.search', 'staff.list', 'prices.list', 'audit.list'] as const) {
      expect((await desk.refused(method, {} as never, session)).code, method).toBe('unauthenticated')
    }
    const error = await desk.refusedCleanly('staff.create', { name: 'x', role: 'administrator', phone: '', room: '', skills: [] }, session)
    expect(error.code).toBe('unauthenticated')
  })

  it('creates the first administrator, signs them in, and keeps only a slow salted hash of the PIN', async () => {
    const { desk } = freshDesk()
    const session = await setUp(desk)
    const state = await desk.call('session.current', {}, session)
    expect(state.operator).toMatchObject({ name: '林主任', role: 'administrator' })
    expect(state.setupNeeded).toBe(false)
    expect((await desk.call('settings.get', {}, session)).clinicName).toBe('丽颜诊所')
    const stored = desk.db.prepare('SELECT pin_hash FROM staff WHERE name = ?').pluck().get('林主任') as string
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(stored).not.toContain('246810')
    // Signed in: an administrator's method runs.
    expect(await desk.call('staff.list', {}, session)).toHaveLength(1)
    const audit = desk.db.prepare('SELECT operator_name, method, summary FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([{ operator_name: '林主任', method: 'setup.complete', summary: expect.stringContaining('初始设置') }])
  })

  it('is refused once done, and checks the repeated PIN', async () => {
    const { desk } = freshDesk()
    const mismatch = await desk.refused('setup.complete', { clinicName: 'A', adminName: 'B', pin: '1234', repeatPin: '1235' }, newDeskSession())
    expect(mismatch.fields?.repeatPin).toBe('两次输入的 PIN 不一致')
    expect((await desk.refused('setup.complete', { clinicName: 'A', adminName: 'B', pin: '12a4', repeatPin: '12a4' }, newDeskSession())).fields?.pin).toBe('PIN 为 4～12 位数字')
    await setUp(desk)
    const again = await desk.refusedCleanly('setup.complete', { clinicName: 'X', adminName: '另一人', pin: '1111', repeatPin: '1111' }, newDeskSession())
    expect(again.code).toBe('conflict')
    expect((await desk.refused('setup.loadDemo', {}, newDeskSession())).code).toBe('conflict')
  })

  it('loads the demo clinic, marked as such, signed in as its administrator; never over existing data', async () => {
    const { desk } = freshDesk()
    const session = newDeskSession()
    const state = await desk.call('setup.loadDemo', {}, session)
    expect(state).toMatchObject({ operator: { name: '演示管理员', role: 'administrator' }, setupNeeded: false, demo: true })
    expect((await desk.call('prices.list', {}, session)).length).toBe(20)
    expect((await desk.call('session.operators', {}, newDeskSession())).map((c) => c.name)).toEqual(['演示管理员', '王静', '郑佳'])

    const other = freshDesk()
    await other.desk.call('staff.create', { name: '旧员工', role: 'consultant', phone: '', room: '', skills: [] })
    expect((await other.desk.refusedCleanly('setup.loadDemo', {}, newDeskSession())).message).toBe('数据库中已有员工或客户，不能载入演示数据')
  })
})

describe('sign-in', () => {
  it('signs in with the right PIN only; a wrong PIN is counted, and five in a row lock the name for a while, also across a restart', async () => {
    const { desk, path, clock } = freshDesk()
    await setUp(desk)
    const reception = await staffWithPin(desk, '郑佳', 'receptionist', '1111')
    const session = newDeskSession()
    const attempt = (pin: string) => desk.call('session.signIn', { staffId: reception.id, pin }, session)

    const results: SignInResult[] = []
    for (let i = 0; i < MAX_PIN_FAILURES - 1; i++) results.push(await attempt('0000'))
    expect(results.map((r) => (r.signedIn ? 'in' : r.reason === 'wrong_pin' ? r.attemptsLeft : 'locked'))).toEqual([4, 3, 2, 1])
    expect(session.staffId).toBeNull()
    const fifth = await attempt('9999')
    expect(fifth).toMatchObject({ signedIn: false, reason: 'locked' })

    // The lock is in the database: a restart does not lift it, and even the right PIN waits.
    closeDatabase(desk.db)
    const reopened = openDesk(path, clock)
    expect(await reopened.call('session.signIn', { staffId: reception.id, pin: '1111' }, session)).toMatchObject({ signedIn: false, reason: 'locked' })
    clock.tick(PIN_LOCK_MINUTES + 1)
    expect(await reopened.call('session.signIn', { staffId: reception.id, pin: '1111' }, session)).toMatchObject({ signedIn: true, operator: { name: '郑佳', role: 'receptionist' } })
    expect(session.staffId).toBe(reception.id)

    const summaries = reopened.db.prepare("SELECT operator_name, summary FROM audit_log WHERE method = 'session.signIn' ORDER BY id").all() as { operator_name: string; summary: string }[]
    expect(summaries.map((row) => row.operator_name)).toEqual(Array(7).fill('郑佳'))
    expect(summaries[0]?.summary).toBe('登录失败：郑佳（前台） PIN 错误（第 1 次）')
    expect(summaries[4]?.summary).toContain('锁定 5 分钟')
    expect(summaries[6]?.summary).toBe('登录：郑佳（前台）')
  })

  it('refuses names that cannot sign in: unknown, inactive, no PIN', async () => {
    const { desk } = freshDesk()
    await setUp(desk)
    const noPin = await desk.call('staff.create', { name: '无 PIN', role: 'consultant', phone: '', room: '', skills: [] })
    const session = newDeskSession()
    expect((await desk.refused('session.signIn', { staffId: noPin.id, pin: '1234' }, session)).message).toBe('该员工不能登录（已停用或未设置 PIN）')
    expect((await desk.refused('session.signIn', { staffId: 999, pin: '1234' }, session)).code).toBe('rule_violation')
    expect(await desk.call('session.operators', {}, session)).toEqual([{ id: expect.any(Number), name: '林主任', role: 'administrator' }])
  })

  it('acts as the signed-in operator in the audit log and ends on sign-out, lock, deactivation or idleness', async () => {
    const { desk, clock } = freshDesk()
    await setUp(desk)
    const reception = await staffWithPin(desk, '郑佳', 'receptionist', '1111')
    const session = newDeskSession()
    const signIn = () => desk.call('session.signIn', { staffId: reception.id, pin: '1111' }, session)

    await signIn()
    const client = await desk.call('clients.create', { name: '张小丽', phone: '13900001111' }, session)
    expect(desk.db.prepare("SELECT operator_id, operator_name FROM audit_log WHERE method = 'clients.create'").get()).toEqual({ operator_id: reception.id, operator_name: '郑佳' })

    expect(await desk.call('session.signOut', { reason: 'lock' }, session)).toEqual({ signedOut: true })
    expect((await desk.refused('clients.get', { id: client.id }, session)).code).toBe('unauthenticated')
    expect((await desk.call('session.current', {}, session)).operator).toBeNull()

    // Idle longer than the setting: the main process ends the session by itself.
    await signIn()
    clock.tick(11)
    expect((await desk.refused('clients.get', { id: client.id }, session)).code).toBe('unauthenticated')

    // Activity within the limit keeps it.
    await signIn()
    clock.tick(9)
    await desk.call('clients.get', { id: client.id }, session)
    clock.tick(9)
    await desk.call('clients.get', { id: client.id }, session)

    // Deactivated by an administrator: the next call is refused.
    await desk.call('staff.setActive', { id: reception.id, active: false })
    expect((await desk.refused('clients.get', { id: client.id }, session)).code).toBe('unauthenticated')
  })

  it('takes a changed role into account at the next call', async () => {
    const { desk } = freshDesk()
    await setUp(desk)
    const member = await staffWithPin(desk, '王静', 'consultant', '2222')
    const session = newDeskSession()
    await desk.call('session.signIn', { staffId: member.id, pin: '2222' }, session)
    expect(await desk.call('staff.list', {}, session)).toHaveLength(2)
    expect((await desk.refused('prices.create', {} as never, session)).code).toBe('forbidden')
    await desk.call('staff.update', { id: member.id, name: '王静', role: 'administrator', phone: '', room: '', skills: [] })
    expect((await desk.refused('prices.create', {} as never, session)).code).toBe('invalid_input')
  })

  it('lets an operator change their own PIN with the current one', async () => {
    const { desk } = freshDesk()
    const session = await setUp(desk)
    expect((await desk.refused('session.changePin', { currentPin: '000000', newPin: '13579', repeatPin: '13579' }, session)).message).toBe('当前 PIN 不正确，未做更改')
    await desk.call('session.changePin', { currentPin: '246810', newPin: '13579', repeatPin: '13579' }, session)
    const admin = (await desk.call('session.operators', {}, session))[0]
    expect(admin).toBeDefined()
    expect(await desk.call('session.signIn', { staffId: admin?.id ?? 0, pin: '246810' }, newDeskSession())).toMatchObject({ signedIn: false })
    expect(await desk.call('session.signIn', { staffId: admin?.id ?? 0, pin: '13579' }, newDeskSession())).toMatchObject({ signedIn: true })
  })
})

describe('the last administrator', () => {
  it('can be neither deactivated, demoted nor left without a PIN', async () => {
    const { desk } = freshDesk()
    await setUp(desk)
    const [admin] = await desk.call('staff.list', {})
    if (!admin) throw new Error('no admin')
    const message = '必须至少保留一名可以登录的管理员（在职并已设置 PIN）'
    expect((await desk.refusedCleanly('staff.setActive', { id: admin.id, active: false })).message).toBe(message)
    expect((await desk.refusedCleanly('staff.clearPin', { id: admin.id })).message).toBe(message)
    expect((await desk.refused('staff.update', { id: admin.id, name: admin.name, role: 'consultant', phone: '', room: '', skills: [] })).message).toBe(message)

    // With a second administrator who can sign in, the first may step down.
    await staffWithPin(desk, '第二管理员', 'administrator', '5555')
    expect((await desk.call('staff.clearPin', { id: admin.id })).hasPin).toBe(false)
  })
})
