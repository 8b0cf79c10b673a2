import { describe, expect, it } from 'vitest'
import type { MethodInput } from '../../core/api/contract.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { AppointmentRow } from '../../core/domain/appointment.ts'
import type { Client } from '../../core/domain/client.ts'
import type { Staff } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()
// The harness clock starts on Monday 2026-11-23 at 09:00, local time.
const TODAY = '2026-11-23'
const TOMORROW = '2026-11-24'

interface Clinic {
  d: Desk
  wang: Staff
  li: Staff
  ha: number
  sg: number
  zhang: Client
}

/** Two consultants on an open board, two price items, a client on file. */
async function clinic(): Promise<Clinic> {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wang = await d.consultant('王静', [], '1')
  const li = await d.consultant('李娜', [], '2')
  await d.call('rotation.open', { memberIds: [wang.id, li.id] })
  const ha = (await d.call('prices.create', { code: 'HA01', name: '玻尿酸', category: 'treatment', unit: '支', listPriceFen: 380000 })).id
  const sg = (await d.call('prices.create', { code: 'SG01', name: '水光针', category: 'treatment', unit: '次', listPriceFen: 70000 })).id
  const zhang = await d.newClient('张小丽', { gender: 'female' })
  return { d, wang, li, ha, sg, zhang }
}

type BookInput = MethodInput<'appointments.book'>

const book = (d: Desk, input: BookInput) => d.call('appointments.book', input)
const lastAudit = (d: Desk) => d.db.prepare('SELECT method, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as { method: string; summary: string }
const topics = (d: Desk) => (d.published.at(-1) ?? []).map((e) => e.topic)

describe('booking', () => {
  it('books a client on file with the items and the consultant, and says so in the audit log', async () => {
    const { d, wang, ha, sg, zhang } = await clinic()
    const row = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:30', consultantId: wang.id, category: 'injection', itemIds: [ha, sg, ha], notes: '想做苹果肌' })
    expect(row).toMatchObject({
      clientId: zhang.id,
      clientName: '张小丽',
      clientPhone: zhang.phone,
      archiveNo: zhang.archiveNo,
      date: TOMORROW,
      time: '10:30',
      durationMinutes: 60,
      type: 'first',
      consultantId: wang.id,
      consultantName: '王静',
      category: 'injection',
      itemIds: [ha, sg],
      itemNames: ['玻尿酸', '水光针'],
      notes: '想做苹果肌',
      status: 'booked',
      cancelReason: '',
      visitId: null,
      version: 1,
      lastConfirmation: null,
    })
    expect(lastAudit(d)).toEqual({ method: 'appointments.book', summary: `预约 张小丽 ${TOMORROW} 10:30（初诊，王静）` })
    expect(topics(d)).toEqual(['appointments'])
    expect(await d.call('appointments.list', { from: TOMORROW, to: TOMORROW })).toEqual([row])
  })

  it('files a new client through the clients\' own rules: archive number, phone channel, duplicate phone refused', async () => {
    const { d, zhang } = await clinic()
    const row = await book(d, { newClient: { name: '李华', phone: '13911112222', gender: 'male' }, date: TOMORROW, time: '14:00' })
    const client = (await d.call('clients.get', { id: row.clientId })).client
    expect(client).toMatchObject({ name: '李华', phone: '13911112222', gender: 'male', channel: 'phone' })
    expect(client.archiveNo).toMatch(/\d/)
    expect(row).toMatchObject({ clientName: '李华', archiveNo: client.archiveNo, type: 'first', consultantId: null, consultantName: null })
    expect(topics(d).sort()).toEqual(['appointments', 'clients'])
    expect(lastAudit(d).summary).toBe(`预约 李华（新建档案 ${client.archiveNo}） ${TOMORROW} 14:00（初诊）`)

    const error = await d.refusedCleanly('appointments.book', { newClient: { name: '张丽', phone: zhang.phone }, date: TOMORROW, time: '15:00' })
    expect(error).toMatchObject({ code: 'conflict', message: `手机号 ${zhang.phone} 已登记为顾客 张小丽（档案号 ${zhang.archiveNo}），请直接选用` })
    const shared = await book(d, { newClient: { name: '张丽', phone: zhang.phone, allowSharedPhone: true, channel: 'online' }, date: TOMORROW, time: '15:00' })
    expect((await d.call('clients.get', { id: shared.clientId })).client.channel).toBe('online')
  })

  it('makes a client returning once she has an own consultant or was consulted here; the desk may say otherwise', async () => {
    const { d, wang, zhang } = await clinic()
    expect((await book(d, { clientId: zhang.id, date: TOMORROW, time: '09:00' })).type).toBe('first')
    const owned = await d.newClient('王芳', { ownConsultantId: wang.id })
    expect((await book(d, { clientId: owned.id, date: TOMORROW, time: '09:00' })).type).toBe('returning')
    // A review visit that was consulted leaves no own consultant, but she was consulted here.
    const seen = await d.arrive('赵敏', 'review', { assign: false })
    await d.move(seen.visit.id, 'consulting')
    await d.move(seen.visit.id, 'done')
    expect((await d.call('clients.get', { id: seen.client.id })).client.ownConsultantId).toBeNull()
    expect((await book(d, { clientId: seen.client.id, date: TOMORROW, time: '09:00' })).type).toBe('returning')
    const left = await d.arrive('钱多多', 'first', { assign: false })
    await d.move(left.visit.id, 'left')
    expect((await book(d, { clientId: left.client.id, date: TOMORROW, time: '09:00' })).type).toBe('first')
    expect((await book(d, { clientId: left.client.id, date: TOMORROW, time: '16:00', type: 'review' })).type).toBe('review')
  })

  it('refuses what cannot be booked, on the field concerned, writing nothing', async () => {
    const { d, wang, ha, zhang } = await clinic()
    const doctor = await d.call('staff.create', { name: '周医生', role: 'doctor', phone: '', room: '', skills: [] })
    const gone = await d.consultant('孙悦')
    await d.call('staff.setActive', { id: gone.id, active: false })
    await d.call('prices.setActive', { id: ha, active: false })
    const at = { clientId: zhang.id, date: TOMORROW, time: '10:00' }
    for (const consultantId of [doctor.id, gone.id, 9999]) {
      expect(await d.refusedCleanly('appointments.book', { ...at, consultantId })).toEqual({
        code: 'not_found', message: `找不到在职的咨询师（编号 ${consultantId}）`, fields: { consultantId: `找不到在职的咨询师（编号 ${consultantId}）` },
      })
    }
    expect(await d.refusedCleanly('appointments.book', { ...at, itemIds: [ha] })).toMatchObject({ code: 'not_found', fields: { itemIds: `价目表中没有在用的项目（编号 ${ha}）` } })
    expect(await d.refusedCleanly('appointments.book', { ...at, date: '2026-11-22' })).toMatchObject({ code: 'invalid_input', fields: { date: '2026-11-22 已经过去，不能预约过去的日期' } })
    expect(await d.refusedCleanly('appointments.book', { ...at, date: TODAY, time: '08:45' })).toMatchObject({ code: 'invalid_input', fields: { time: '今天的 08:45 已经过去，今天只能预约 09:00 及以后的时间' } })
    expect(await d.refusedCleanly('appointments.book', { ...at, time: '10:10' })).toMatchObject({ code: 'invalid_input', fields: { time: '预约时间为 08:00～21:45 之间的整刻钟（如 09:15）' } })
    expect((await d.refusedCleanly('appointments.book', { ...at, time: '07:45' })).code).toBe('invalid_input')
    expect((await d.refusedCleanly('appointments.book', { ...at, durationMinutes: 10 })).code).toBe('invalid_input')
    expect((await d.refusedCleanly('appointments.book', { ...at, clientId: 9999 })).code).toBe('not_found')
    expect((await d.refusedCleanly('appointments.book', { date: TOMORROW, time: '10:00' } as BookInput)).code).toBe('invalid_input')
    expect((await d.refusedCleanly('appointments.book', { ...at, consultantId: wang.id, itemIds: Array.from({ length: 21 }, (_, i) => i + 1) })).code).toBe('invalid_input')
  })

  it('books today from the current quarter hour on (a client on the way at 09:07 still gets 09:00)', async () => {
    const { d, zhang } = await clinic()
    d.clock.set(2026, 11, 23, 9, 7)
    expect((await book(d, { clientId: zhang.id, date: TODAY, time: '09:00', durationMinutes: 15 })).time).toBe('09:00')
    d.clock.set(2026, 11, 23, 21, 59)
    expect((await book(d, { clientId: zhang.id, date: TODAY, time: '21:45', durationMinutes: 15 })).time).toBe('21:45')
    d.clock.set(2026, 11, 23, 22, 0)
    expect((await d.refusedCleanly('appointments.book', { clientId: zhang.id, date: TODAY, time: '21:45' })).fields).toEqual({ time: '今天的 21:45 已经过去，今天已没有可预约的时间，请约其他日期' })
  })
})

describe('double booking', () => {
  it('warns when the consultant is booked then, naming the other client and time; books when the desk insists', async () => {
    const { d, wang, li, zhang } = await clinic()
    await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00', consultantId: wang.id })
    const wu = await d.newClient('吴倩')
    const clash = { clientId: wu.id, date: TOMORROW, time: '10:30', durationMinutes: 30, consultantId: wang.id }
    const warning = `王静 在 ${TOMORROW} 10:00–11:00 已有 张小丽 的预约。确需同时预约，请再次确认`
    expect(await d.refusedCleanly('appointments.book', clash)).toEqual({ code: 'rule_violation', message: warning, fields: { time: warning } })
    // Back to back is no clash, nor is another consultant at the same time.
    expect((await book(d, { ...clash, time: '11:00' })).status).toBe('booked')
    expect((await book(d, { ...clash, time: '09:00', consultantId: li.id, clientId: (await d.newClient('郑爽')).id })).status).toBe('booked')
    const insisted = await book(d, { ...clash, time: '10:15', durationMinutes: 15, allowDoubleBooking: true, clientId: (await d.newClient('冯静')).id })
    expect(insisted).toMatchObject({ consultantId: wang.id, time: '10:15' })
    expect(lastAudit(d).summary).toBe(`预约 冯静 ${TOMORROW} 10:15（初诊，王静）；重复预约（同时段已有 张小丽）`)
  })

  it('warns as well when a change moves the appointment onto the consultant\'s booked time, or gives it a booked consultant', async () => {
    const { d, wang, li, zhang } = await clinic()
    await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00', consultantId: wang.id })
    const wu = await d.newClient('吴倩')
    const other = await book(d, { clientId: wu.id, date: TOMORROW, time: '14:00', consultantId: wang.id })
    const warning = `王静 在 ${TOMORROW} 10:00–11:00 已有 张小丽 的预约。确需同时预约，请再次确认`
    const moved = { id: other.id, expectedVersion: other.version, date: TOMORROW, time: '10:30', consultantId: wang.id }
    expect(await d.refusedCleanly('appointments.change', moved)).toEqual({ code: 'rule_violation', message: warning, fields: { time: warning } })
    const withLi = await book(d, { clientId: (await d.newClient('郑爽')).id, date: TOMORROW, time: '10:00', consultantId: li.id })
    expect((await d.refusedCleanly('appointments.change', { id: withLi.id, expectedVersion: withLi.version, date: TOMORROW, time: '10:00', consultantId: wang.id })).message).toBe(warning)

    const insisted = await d.call('appointments.change', { ...moved, allowDoubleBooking: true })
    expect(insisted).toMatchObject({ time: '10:30', consultantId: wang.id, status: 'booked', version: other.version + 1 })
    expect(lastAudit(d).summary).toBe(`改约 吴倩 ${TOMORROW} 14:00 → ${TOMORROW} 10:30（初诊，王静）；重复预约（同时段已有 张小丽）`)
    // The clash was accepted: editing the notes later does not warn again, nor say so again in the log.
    const noted = await d.call('appointments.change', { ...moved, expectedVersion: insisted.version, notes: '带朋友' })
    expect(noted.notes).toBe('带朋友')
    expect(lastAudit(d).summary).toBe(`修改预约 吴倩 ${TOMORROW} 10:30（初诊，王静）`)
    // A longer stay is a new time: it is asked about again.
    expect((await d.refusedCleanly('appointments.change', { ...moved, expectedVersion: noted.version, durationMinutes: 90 })).code).toBe('rule_violation')
  })

  it('is not counted against closed appointments, and never lets one client be booked twice at once', async () => {
    const { d, wang, li, zhang } = await clinic()
    const first = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00', consultantId: wang.id })
    const own = `张小丽 在 ${TOMORROW} 10:00 已有一个预约，同一时间不能再约`
    expect(await d.refusedCleanly('appointments.book', { clientId: zhang.id, date: TOMORROW, time: '10:30', consultantId: li.id, allowDoubleBooking: true })).toEqual({
      code: 'conflict', message: own, fields: { time: own },
    })
    await d.call('appointments.cancel', { id: first.id, expectedVersion: first.version, reason: '改天再来' })
    expect((await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:30', consultantId: wang.id })).status).toBe('booked')
    expect((await book(d, { clientId: (await d.newClient('吴倩')).id, date: TOMORROW, time: '10:00', durationMinutes: 30, consultantId: wang.id })).status).toBe('booked')
  })
})

describe('changing, cancelling, no-shows', () => {
  async function confirmed(c: Clinic): Promise<AppointmentRow> {
    const row = await book(c.d, { clientId: c.zhang.id, date: TOMORROW, time: '10:00', consultantId: c.wang.id, itemIds: [c.ha] })
    return c.d.call('appointments.recordConfirmation', { id: row.id, expectedVersion: row.version, result: 'confirmed' })
  }

  it('a new date or time voids the confirmation; other changes keep it', async () => {
    const c = await clinic()
    const { d, li, sg } = c
    const row = await confirmed(c)
    expect(row).toMatchObject({ status: 'confirmed', version: 2, lastConfirmation: 'confirmed' })
    const noted = await d.call('appointments.change', { id: row.id, expectedVersion: row.version, date: TOMORROW, time: '10:00', consultantId: li.id, itemIds: [c.ha, sg], notes: '带朋友来' })
    expect(noted).toMatchObject({ status: 'confirmed', version: 3, consultantName: '李娜', itemNames: ['玻尿酸', '水光针'], notes: '带朋友来' })
    expect(lastAudit(d)).toEqual({ method: 'appointments.change', summary: `修改预约 张小丽 ${TOMORROW} 10:00（初诊，李娜）` })
    const moved = await d.call('appointments.change', { id: row.id, expectedVersion: noted.version, date: '2026-11-25', time: '14:00', consultantId: li.id })
    expect(moved).toMatchObject({ status: 'booked', version: 4, date: '2026-11-25', time: '14:00', itemIds: [], notes: '', lastConfirmation: 'confirmed' })
    expect(lastAudit(d).summary).toBe(`改约 张小丽 ${TOMORROW} 10:00 → 2026-11-25 14:00（初诊，李娜）；原确认作废`)
  })

  it('keeps what the appointment already had even if no longer bookable, and does not clash with itself', async () => {
    const c = await clinic()
    const { d, wang, ha } = c
    const row = await book(d, { clientId: c.zhang.id, date: TODAY, time: '09:00', consultantId: wang.id, itemIds: [ha] })
    await d.call('prices.setActive', { id: ha, active: false })
    d.clock.set(2026, 11, 23, 9, 40)
    const same = { id: row.id, expectedVersion: row.version, date: TODAY, time: '09:00', consultantId: wang.id, itemIds: [ha] }
    const kept = await d.call('appointments.change', { ...same, durationMinutes: 90, notes: '迟到半小时' })
    expect(kept).toMatchObject({ time: '09:00', durationMinutes: 90, itemNames: ['玻尿酸'], notes: '迟到半小时' })
    expect((await d.refusedCleanly('appointments.change', { ...same, expectedVersion: kept.version, time: '09:15' })).fields).toEqual({ time: '今天的 09:15 已经过去，今天只能预约 09:30 及以后的时间' })
  })

  it('refuses a stale version and a closed appointment cleanly', async () => {
    const c = await clinic()
    const { d } = c
    const row = await confirmed(c)
    const stale = { id: row.id, expectedVersion: 1, date: TOMORROW, time: '11:00' }
    expect(await d.refusedCleanly('appointments.change', stale)).toEqual({ code: 'conflict', message: `张小丽 ${TOMORROW} 10:00 的预约刚被其他窗口修改，请看最新状态后再操作` })
    expect((await d.refusedCleanly('appointments.cancel', { id: row.id, expectedVersion: 1, reason: '有事' })).code).toBe('conflict')
    expect((await d.refusedCleanly('appointments.checkIn', { id: row.id, expectedVersion: 1 })).code).toBe('conflict')
    expect((await d.refusedCleanly('appointments.recordConfirmation', { id: row.id, expectedVersion: 1, result: 'no_answer' })).code).toBe('conflict')
    expect((await d.refusedCleanly('appointments.markNoShow', { id: 9999, expectedVersion: 1 })).code).toBe('not_found')
    const cancelled = await d.call('appointments.cancel', { id: row.id, expectedVersion: row.version, reason: '  出差  ' })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '出差' })
    const closed = `张小丽 ${TOMORROW} 10:00 的预约已取消，不能再修改`
    expect(await d.refusedCleanly('appointments.change', { ...stale, expectedVersion: cancelled.version })).toEqual({ code: 'rule_violation', message: closed })
    expect((await d.refusedCleanly('appointments.cancel', { id: row.id, expectedVersion: cancelled.version, reason: '再取消' })).message).toBe(closed)
  })

  it('cancels only with a reason, and audits it', async () => {
    const { d, zhang } = await clinic()
    const row = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00' })
    for (const reason of ['', '   ']) expect((await d.refusedCleanly('appointments.cancel', { id: row.id, expectedVersion: row.version, reason })).fields).toEqual({ reason: '必填' })
    await d.call('appointments.cancel', { id: row.id, expectedVersion: row.version, reason: '顾客生病' })
    expect(lastAudit(d)).toEqual({ method: 'appointments.cancel', summary: `取消预约 张小丽 ${TOMORROW} 10:00：顾客生病` })
    expect(await d.call('appointments.list', { from: TOMORROW, to: TOMORROW, includeClosed: false })).toEqual([])
  })

  it('marks a no-show only once the time has come: a past day, or today from its start', async () => {
    const { d, zhang } = await clinic()
    const today = await book(d, { clientId: zhang.id, date: TODAY, time: '10:00' })
    const tomorrow = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00' })
    const early = `预约时间 ${TODAY} 10:00 还没到，不能记为爽约`
    expect(await d.refusedCleanly('appointments.markNoShow', { id: today.id, expectedVersion: today.version })).toEqual({ code: 'rule_violation', message: early })
    expect((await d.refusedCleanly('appointments.markNoShow', { id: tomorrow.id, expectedVersion: tomorrow.version })).code).toBe('rule_violation')
    d.clock.set(2026, 11, 23, 10, 0)
    expect((await d.call('appointments.markNoShow', { id: today.id, expectedVersion: today.version })).status).toBe('no_show')
    expect(lastAudit(d)).toEqual({ method: 'appointments.markNoShow', summary: `爽约 张小丽 ${TODAY} 10:00` })
    d.clock.set(2026, 11, 25, 8, 0)
    expect((await d.call('appointments.markNoShow', { id: tomorrow.id, expectedVersion: tomorrow.version })).status).toBe('no_show')
  })
})

describe('checking in', () => {
  /** The same clinic on a fresh file: same staff, board, client and walk-ins in the same order. */
  async function twin(): Promise<{ d: Desk; wang: Staff; client: Client }> {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    const wang = await d.consultant('王静', [], '1')
    const li = await d.consultant('李娜', [], '2')
    await d.call('rotation.open', { memberIds: [li.id, wang.id] })
    const client = await d.call('clients.create', { name: '张小丽', phone: '13912345678', gender: 'female', intendedCategory: 'skin' })
    await d.call('visits.register', { newClient: { name: '客一', phone: '13900009991' }, type: 'first' })
    await d.call('visits.register', { newClient: { name: '客二', phone: '13900009992' }, type: 'review', assign: false })
    return { d, wang, client }
  }

  const visitFields = (d: Desk) =>
    d.db.prepare('SELECT client_id, visit_date, type, queue_seq, queue_no, channel, designated_consultant_id, intended_category, consultant_id, assigned_by, status, outcome, no_deal_reason, version FROM visits ORDER BY id').all()
  const rotationEvents = (d: Desk) => d.db.prepare('SELECT board_date, board_kind, seq, type, payload, actor FROM rotation_events ORDER BY id').all()
  const statusLog = (d: Desk) => d.db.prepare('SELECT visit_id, status, actor FROM visit_status_log ORDER BY id').all()

  it('yields the same visit, rotation events and queue numbers as a walk-in with that consultant designated', async () => {
    const booked = await twin()
    const walkIn = await twin()
    const appointment = await booked.d.call('appointments.book', { clientId: booked.client.id, date: TODAY, time: '10:00', consultantId: booked.wang.id, category: 'injection' })

    booked.d.clock.set(2026, 11, 23, 9, 50)
    walkIn.d.clock.set(2026, 11, 23, 9, 50)
    const checkedIn = await booked.d.call('appointments.checkIn', { id: appointment.id, expectedVersion: appointment.version })
    const registered = await walkIn.d.call('visits.register', { clientId: walkIn.client.id, type: 'first', designatedConsultantId: walkIn.wang.id, intendedCategory: 'injection' })

    const { appointment: after, ...arrival } = checkedIn
    expect(arrival).toEqual(registered)
    expect(arrival.visit).toMatchObject({ queueNo: 'A002', consultantName: '王静', assignedBy: 'designated', designatedName: '王静', intendedCategory: 'injection', channel: 'walk_in' })
    expect(after).toMatchObject({ status: 'checked_in', visitId: arrival.visit.id, version: appointment.version + 1 })
    expect(visitFields(booked.d)).toEqual(visitFields(walkIn.d))
    expect(rotationEvents(booked.d)).toEqual(rotationEvents(walkIn.d))
    expect(statusLog(booked.d)).toEqual(statusLog(walkIn.d))
    expect(await booked.d.call('rotation.board', {})).toEqual(await walkIn.d.call('rotation.board', {}))

    // The numbers go on the same on both desks afterwards.
    for (const desk of [booked.d, walkIn.d]) await desk.call('visits.register', { newClient: { name: '客三', phone: '13900009993' }, type: 'first' })
    const numbers = (desk: Desk) => desk.db.prepare('SELECT queue_no FROM visits ORDER BY id').pluck().all()
    expect(numbers(booked.d)).toEqual(['A001', 'C001', 'A002', 'A003'])
    expect(numbers(booked.d)).toEqual(numbers(walkIn.d))

    expect(booked.d.published.at(-2)?.map((e) => e.topic).sort()).toEqual(['appointments', 'rotation', 'visits', 'visits'])
    expect(booked.d.db.prepare("SELECT summary FROM audit_log WHERE method = 'appointments.checkIn'").pluck().get()).toBe('预约到店 A002 张小丽（预约 10:00，初诊） → 王静')
  })

  it('without a consultant, the client takes the rotation; with assign false, she waits', async () => {
    const { d, li, zhang } = await clinic()
    const row = await book(d, { clientId: zhang.id, date: TODAY, time: '11:00', type: 'returning' })
    const { visit, appointment } = await d.call('appointments.checkIn', { id: row.id, expectedVersion: row.version })
    expect(visit).toMatchObject({ queueNo: 'B001', type: 'returning', designatedConsultantId: null, assignedBy: 'rotation' })
    expect(appointment.visitId).toBe(visit.id)
    const other = await d.newClient('吴倩')
    const waiting = await book(d, { clientId: other.id, date: TODAY, time: '11:00', consultantId: li.id })
    const result = await d.call('appointments.checkIn', { id: waiting.id, expectedVersion: waiting.version, assign: false })
    expect(result.visit).toMatchObject({ queueNo: 'A001', designatedConsultantId: li.id, consultantId: null, status: 'waiting' })
  })

  it('checks a first visit in as returning once the client was consulted here since the booking, to her own consultant', async () => {
    const { d, wang, zhang } = await clinic()
    const row = await book(d, { clientId: zhang.id, date: TODAY, time: '16:00' })
    const review = await book(d, { clientId: zhang.id, date: TOMORROW, time: '16:00', type: 'review' })
    expect(row.type).toBe('first')
    // She drops in the same morning, is taken by rotation and consulted: 王静 becomes her own consultant.
    const early = await d.arrive(zhang.id, 'first')
    expect(early.visit.consultantName).toBe('王静')
    await d.move(early.visit.id, 'consulting')
    await d.move(early.visit.id, 'done')
    expect((await d.call('clients.get', { id: zhang.id })).client.ownConsultantId).toBe(wang.id)

    d.clock.set(2026, 11, 23, 15, 50)
    const { visit } = await d.call('appointments.checkIn', { id: row.id, expectedVersion: row.version })
    expect(visit).toMatchObject({ type: 'returning', queueNo: 'B001', consultantName: '王静', assignedBy: 'returning' })
    expect(lastAudit(d).summary).toBe('预约到店 B001 张小丽（预约 16:00，复诊） → 王静')
    // A review stays a review.
    d.clock.set(2026, 11, 24, 15, 50)
    expect((await d.call('appointments.checkIn', { id: review.id, expectedVersion: review.version })).visit.type).toBe('review')
  })

  it('refuses another day\'s appointment, a client already here, and a second check-in, writing nothing', async () => {
    const { d, wang, zhang } = await clinic()
    const tomorrow = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00', consultantId: wang.id })
    expect(await d.refusedCleanly('appointments.checkIn', { id: tomorrow.id, expectedVersion: tomorrow.version })).toEqual({
      code: 'rule_violation', message: `这是 ${TOMORROW} 的预约，只有当天的预约才能登记到店`,
    })
    const today = await book(d, { clientId: zhang.id, date: TODAY, time: '10:00', consultantId: wang.id })
    const here = await d.arrive(zhang.id, 'first', { assign: false })
    expect(await d.refusedCleanly('appointments.checkIn', { id: today.id, expectedVersion: today.version })).toEqual({
      code: 'conflict', message: `张小丽 今天已登记（${here.visit.queueNo}），还没有离院`,
    })
    await d.move(here.visit.id, 'cancelled')
    const { appointment } = await d.call('appointments.checkIn', { id: today.id, expectedVersion: today.version })
    expect((await d.refusedCleanly('appointments.checkIn', { id: today.id, expectedVersion: appointment.version })).message).toBe(`张小丽 ${TODAY} 10:00 的预约已到店，不能再修改`)
    expect((await d.refusedCleanly('appointments.cancel', { id: today.id, expectedVersion: appointment.version, reason: 'x' })).code).toBe('rule_violation')
  })

  it('refuses a booked consultant who has left the clinic since, leaving the appointment open', async () => {
    const { d, zhang } = await clinic()
    const gone = await d.consultant('孙悦')
    const row = await book(d, { clientId: zhang.id, date: TODAY, time: '10:00', consultantId: gone.id })
    await d.call('staff.setActive', { id: gone.id, active: false })
    expect(await d.refusedCleanly('appointments.checkIn', { id: row.id, expectedVersion: row.version })).toEqual({ code: 'not_found', message: `找不到在职的咨询师（编号 ${gone.id}）` })
  })
})

describe('confirmation calls (二次确认)', () => {
  async function tomorrowsBook() {
    const c = await clinic()
    const { d, wang, ha, sg, zhang } = c
    await d.setting({ clinicName: '丽颜医美', clinicPhone: '021-12345678' })
    const li = await d.newClient('李华', { gender: 'male' })
    const anon = await d.newClient('欧阳娜娜')
    const later = await book(d, { clientId: zhang.id, date: TOMORROW, time: '14:00', consultantId: wang.id, itemIds: [ha, sg] })
    const early = await book(d, { clientId: li.id, date: TOMORROW, time: '09:30' })
    const third = await book(d, { clientId: anon.id, date: TOMORROW, time: '11:00', consultantId: wang.id })
    const cancelled = await book(d, { clientId: (await d.newClient('吴倩')).id, date: TOMORROW, time: '16:00' })
    await d.call('appointments.cancel', { id: cancelled.id, expectedVersion: cancelled.version, reason: '不来了' })
    await book(d, { clientId: zhang.id, date: '2026-11-25', time: '10:00' })
    return { ...c, later, early, third }
  }

  it('lists tomorrow\'s open appointments by time with the text to read, from the settings\' template', async () => {
    const { d, later, early, third } = await tomorrowsBook()
    const lines = await d.call('appointments.confirmations', {})
    expect(lines.map((l) => l.appointment.id)).toEqual([early.id, third.id, later.id])
    expect(lines.map((l) => l.text)).toEqual([
      '李先生您好，这里是丽颜医美。您预约了11月24日（周二） 09:30到店，接待咨询师将在到店时安排。请问是否按时到店？如需改期请致电021-12345678。',
      '欧阳娜娜您好，这里是丽颜医美。您预约了11月24日（周二） 11:00到店，接待咨询师王静。请问是否按时到店？如需改期请致电021-12345678。',
      '张女士您好，这里是丽颜医美。您预约了11月24日（周二） 14:00到店（玻尿酸、水光针），接待咨询师王静。请问是否按时到店？如需改期请致电021-12345678。',
    ])
    expect(lines.every((l) => l.calls.length === 0)).toBe(true)
    expect(lines[0]?.appointment.clientPhone).toMatch(/^139/)

    await d.setting({ confirmationTemplate: '{name}：{date}{time}，{clinicAddress}{room}' })
    expect((await d.call('appointments.confirmations', { date: TOMORROW }))[0]?.text).toBe('李先生：11月24日（周二）09:30，{room}')
    expect(await d.call('appointments.confirmations', { date: '2026-11-25' })).toHaveLength(1)
    expect((await d.refused('settings.update', { confirmationTemplate: '' })).code).toBe('invalid_input')
    expect((await d.refused('settings.update', { confirmationTemplate: '字'.repeat(301) })).code).toBe('invalid_input')
  })

  it('logs every call with its operator; confirmed confirms, cancelled cancels, the others only log', async () => {
    const { d, later, early, third } = await tomorrowsBook()
    const caller: Operator = { id: null, name: '小周', role: 'receptionist' }
    d.clock.set(2026, 11, 23, 15, 0)
    const noAnswer = await d.call('appointments.recordConfirmation', { id: later.id, expectedVersion: later.version, result: 'no_answer' }, caller)
    expect(noAnswer).toMatchObject({ status: 'booked', version: later.version + 1, lastConfirmation: 'no_answer' })
    d.clock.tick(30)
    const yes = await d.call('appointments.recordConfirmation', { id: later.id, expectedVersion: noAnswer.version, result: 'confirmed', note: '会准时到' }, caller)
    expect(yes).toMatchObject({ status: 'confirmed', lastConfirmation: 'confirmed' })
    expect(lastAudit(d)).toEqual({ method: 'appointments.recordConfirmation', summary: `二次确认 张小丽 ${TOMORROW} 14:00：已确认（会准时到）` })

    const off = await d.call('appointments.recordConfirmation', { id: early.id, expectedVersion: early.version, result: 'cancelled', note: '临时出差' }, caller)
    expect(off).toMatchObject({ status: 'cancelled', cancelReason: '电话确认时取消：临时出差', lastConfirmation: 'cancelled' })
    const change = await d.call('appointments.recordConfirmation', { id: third.id, expectedVersion: third.version, result: 'changed', note: '改到下午' }, caller)
    expect(change).toMatchObject({ status: 'booked', lastConfirmation: 'changed' })
    const moved = await d.call('appointments.change', { id: third.id, expectedVersion: change.version, date: TOMORROW, time: '15:00', consultantId: third.consultantId })
    expect(moved).toMatchObject({ status: 'booked', time: '15:00', lastConfirmation: 'changed' })

    const lines = await d.call('appointments.confirmations', {})
    expect(lines.map((l) => [l.appointment.clientName, l.appointment.status, l.calls.map((k) => [k.result, k.note, k.byName, k.byStaffId])])).toEqual([
      ['张小丽', 'confirmed', [['no_answer', '', '小周', null], ['confirmed', '会准时到', '小周', null]]],
      ['欧阳娜娜', 'booked', [['changed', '改到下午', '小周', null]]],
    ])
    expect(lines[0]?.calls.map((k) => k.at)).toEqual([local(2026, 11, 23, 15, 0), local(2026, 11, 23, 15, 30)].map((t) => t.toISOString()))
    expect((await d.refusedCleanly('appointments.recordConfirmation', { id: early.id, expectedVersion: off.version, result: 'confirmed' })).code).toBe('rule_violation')
  })
})

describe('lists', () => {
  it('cover at most 42 days, by date and time, of one consultant when asked, closed ones on request', async () => {
    const { d, wang, li, zhang } = await clinic()
    const wu = await d.newClient('吴倩')
    const a = await book(d, { clientId: zhang.id, date: '2026-11-25', time: '10:00', consultantId: wang.id })
    const b = await book(d, { clientId: wu.id, date: TOMORROW, time: '15:00', consultantId: li.id })
    const c = await book(d, { clientId: zhang.id, date: TOMORROW, time: '09:00', consultantId: wang.id })
    const e = await book(d, { clientId: wu.id, date: '2027-01-03', time: '09:00' })
    await d.call('appointments.cancel', { id: c.id, expectedVersion: c.version, reason: '改期' })
    const ids = (rows: AppointmentRow[]) => rows.map((r) => r.id)
    expect(ids(await d.call('appointments.list', { from: TODAY, to: '2027-01-03' }))).toEqual([c.id, b.id, a.id, e.id])
    expect(ids(await d.call('appointments.list', { from: TODAY, to: TOMORROW, includeClosed: false }))).toEqual([b.id])
    expect(ids(await d.call('appointments.list', { from: TODAY, to: '2026-11-29', consultantId: wang.id }))).toEqual([c.id, a.id])
    const tooLong = '一次最多查看 42 天的预约，请缩短日期范围'
    expect(await d.refused('appointments.list', { from: TODAY, to: '2027-01-04' })).toEqual({ code: 'invalid_input', message: tooLong, fields: { to: tooLong } })
    expect((await d.refused('appointments.list', { from: TOMORROW, to: TODAY })).code).toBe('invalid_input')
    expect(ids(await d.call('appointments.ofClient', { clientId: zhang.id }))).toEqual([a.id, c.id])
    expect((await d.refused('appointments.ofClient', { clientId: 9999 })).code).toBe('not_found')
  })

  it('show an item that left the price list by its name still, and nothing but the open ones on the call list', async () => {
    const { d, ha, zhang } = await clinic()
    const row = await book(d, { clientId: zhang.id, date: TOMORROW, time: '10:00', itemIds: [ha] })
    await d.call('prices.setActive', { id: ha, active: false })
    expect((await d.call('appointments.list', { from: TOMORROW, to: TOMORROW }))[0]).toMatchObject({ id: row.id, itemNames: ['玻尿酸'] })
  })
})

describe('permissions', () => {
  it('a consultant reads the appointments but cannot book, change or check in', async () => {
    const { d, wang, zhang } = await clinic()
    const consultant: Operator = { id: wang.id, name: '王静', role: 'consultant' }
    const nurse: Operator = { id: null, name: '护士', role: 'nurse' }
    const row = await book(d, { clientId: zhang.id, date: TODAY, time: '10:00', consultantId: wang.id })
    expect((await d.refusedCleanly('appointments.book', { clientId: zhang.id, date: TOMORROW, time: '10:00' }, consultant)).code).toBe('forbidden')
    expect((await d.refusedCleanly('appointments.checkIn', { id: row.id, expectedVersion: row.version }, consultant)).code).toBe('forbidden')
    expect((await d.refusedCleanly('appointments.recordConfirmation', { id: row.id, expectedVersion: row.version, result: 'confirmed' }, nurse)).code).toBe('forbidden')
    expect(await d.call('appointments.list', { from: TODAY, to: TODAY }, consultant)).toHaveLength(1)
    expect(await d.call('appointments.confirmations', { date: TODAY }, nurse)).toHaveLength(1)
    expect((await d.refused('appointments.list', { from: TODAY, to: TODAY }, null)).code).toBe('unauthenticated')
  })
})
