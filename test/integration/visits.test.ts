import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()
const desk = () => openDesk(dbPathIn(tempDir()), makeClock())

describe('queue numbers', () => {
  it('are per day and per type, with the default prefixes A/B/C, zero-padded to three digits', async () => {
    const d = desk()
    const numbers: string[] = []
    for (const [name, type] of [
      ['张小丽', 'first'],
      ['李娜', 'first'],
      ['王芳', 'returning'],
      ['赵敏', 'review'],
      ['钱多多', 'first'],
      ['孙丽', 'review'],
    ] as const) {
      numbers.push((await d.arrive(name, type, { assign: false })).visit.queueNo)
    }
    expect(numbers).toEqual(['A001', 'A002', 'B001', 'C001', 'A003', 'C002'])
    expect((await d.call('visits.ofDay', {})).map((v) => v.queueNo)).toEqual(numbers)
  })

  it('keep all digits past 999', async () => {
    const d = desk()
    d.db.prepare("INSERT INTO counters (name, value) VALUES ('queue:2026-11-23:first', 999)").run()
    expect((await d.arrive('张小丽', 'first', { assign: false })).visit.queueNo).toBe('A1000')
  })

  it('are never reused after a cancellation', async () => {
    const d = desk()
    const a1 = await d.arrive('张小丽', 'first', { assign: false })
    const a2 = await d.arrive('李娜', 'first', { assign: false })
    await d.move(a2.visit.id, 'cancelled')
    await d.move(a1.visit.id, 'cancelled')
    expect((await d.arrive('王芳', 'first', { assign: false })).visit.queueNo).toBe('A003')
    // The cancelled client comes back the same day: a new number, not her old one.
    expect((await d.arrive(a1.client.id, 'first', { assign: false })).visit.queueNo).toBe('A004')
  })

  it('follow changed prefixes, continuing each type\'s sequence', async () => {
    const d = desk()
    await d.arrive('张小丽', 'first', { assign: false })
    await d.arrive('李娜', 'returning', { assign: false })
    await d.setting({ queuePrefixes: { first: 'F', returning: 'R', review: 'T' } })
    expect((await d.arrive('王芳', 'first', { assign: false })).visit.queueNo).toBe('F002')
    expect((await d.arrive('赵敏', 'returning', { assign: false })).visit.queueNo).toBe('R002')
    expect((await d.arrive('钱多多', 'review', { assign: false })).visit.queueNo).toBe('T001')
    await d.setting({ queuePrefixes: { first: 'VA', returning: 'VB', review: 'VC' } })
    expect((await d.arrive('孙丽', 'first', { assign: false })).visit.queueNo).toBe('VA003')
  })

  it('never repeat a number of the day when prefixes are swapped between types mid-day', async () => {
    const d = desk()
    expect((await d.arrive('张小丽', 'first', { assign: false })).visit.queueNo).toBe('A001')
    expect((await d.arrive('李娜', 'first', { assign: false })).visit.queueNo).toBe('A002')
    await d.setting({ queuePrefixes: { first: 'B', returning: 'A', review: 'C' } })
    const returning = await d.send('visits.register', { newClient: { name: '王芳', phone: d.phone() }, type: 'returning', assign: false })
    expect(returning).toMatchObject({ ok: true })
    const numbers = (await d.call('visits.ofDay', {})).map((v) => v.queueNo)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(numbers).toEqual(['A001', 'A002', 'A003'])
    expect(d.logged).toEqual([])
  })

  it('restart at 001 the next day', async () => {
    const d = desk()
    await d.arrive('张小丽', 'first', { assign: false })
    await d.arrive('李娜', 'first', { assign: false })
    await d.arrive('王芳', 'review', { assign: false })
    d.clock.set(2026, 11, 24, 8, 30)
    expect((await d.arrive('赵敏', 'first', { assign: false })).visit).toMatchObject({ queueNo: 'A001', visitDate: '2026-11-24' })
    expect((await d.arrive('钱多多', 'review', { assign: false })).visit.queueNo).toBe('C001')
    expect((await d.call('visits.ofDay', { date: '2026-11-23' })).map((v) => v.queueNo)).toEqual(['A001', 'A002', 'C001'])
    expect((await d.call('visits.ofDay', {})).map((v) => v.queueNo)).toEqual(['A001', 'C001'])
  })

  it('use the clinic\'s local day: just before and just after local midnight are two days', async () => {
    const d = desk()
    d.clock.now = local(2026, 11, 23, 23, 59)
    expect((await d.arrive('张小丽', 'first', { assign: false })).visit).toMatchObject({ queueNo: 'A001', visitDate: '2026-11-23' })
    d.clock.now = local(2026, 11, 24, 0, 1)
    expect((await d.arrive('李娜', 'first', { assign: false })).visit).toMatchObject({ queueNo: 'A001', visitDate: '2026-11-24' })
  })
})

describe('registering a visit', () => {
  it('refuses the same client twice in a day while the first visit is open, and allows it once it ended', async () => {
    const d = desk()
    const first = await d.arrive('张小丽', 'review', { assign: false })
    const error = await d.refusedCleanly('visits.register', { clientId: first.client.id, type: 'first', assign: false })
    expect(error).toEqual({ code: 'conflict', message: '张小丽 今天已登记（C001），还没有离院' })
    await d.move(first.visit.id, 'consulting')
    await d.refusedCleanly('visits.register', { clientId: first.client.id, type: 'review', assign: false })
    await d.move(first.visit.id, 'done')
    const again = await d.arrive(first.client.id, 'review', { assign: false })
    expect(again.visit.queueNo).toBe('C002')
    // The next day she may come again, even though yesterday's visit was never closed.
    d.clock.set(2026, 11, 24)
    const third = await d.arrive(first.client.id, 'review', { assign: false })
    expect(third.visit).toMatchObject({ queueNo: 'C001', visitDate: '2026-11-24' })
  })

  it('offers the client on file when a new client is registered with a phone already known', async () => {
    const d = desk()
    await d.newClient('张小丽', { phone: '13912345678' })
    const error = await d.refusedCleanly('visits.register', { newClient: { name: '张晓丽', phone: '13912345678' }, type: 'first' })
    expect(error).toEqual({ code: 'conflict', message: '手机号 13912345678 已登记为顾客 张小丽（档案号 DA202600001），请直接选用' })
  })

  it('names the statuses in English when the clinic works in English', async () => {
    const d = desk()
    await d.setting({ language: 'en-US' })
    const { visit } = await d.arrive('张小丽', 'review', { assign: false })
    await d.move(visit.id, 'left')
    expect(await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: 2, status: 'called' })).toEqual({
      code: 'rule_violation', message: 'C001 cannot go from “Left unseen” to “Called”',
    })
  })

  it('refuses a designated consultant who does not exist or is not a consultant', async () => {
    const d = desk()
    const doctor = await d.call('staff.create', { name: '周医生', role: 'doctor', phone: '', room: '', skills: [] })
    const error = await d.refusedCleanly('visits.register', {
      newClient: { name: '张小丽', phone: d.phone() }, type: 'first', designatedConsultantId: doctor.id,
    })
    expect(error).toEqual({ code: 'not_found', message: `找不到在职的咨询师（编号 ${doctor.id}）` })
  })

  it('asks for either a client on file or a new one', async () => {
    const d = desk()
    const c = await d.newClient('张小丽')
    const both = await d.refusedCleanly('visits.register', { clientId: c.id, newClient: { name: '李娜', phone: d.phone() }, type: 'first' })
    expect(both.fields?.clientId).toBe('请选择已有顾客或填写新顾客')
    const none = await d.refusedCleanly('visits.register', { type: 'first' })
    expect(none.code).toBe('invalid_input')
  })

  it('creates the new client with the channel of the visit and an archive number', async () => {
    const d = desk()
    const r = await d.arrive('张小丽', 'first', { assign: false, channel: 'online' })
    expect(r.client).toMatchObject({ name: '张小丽', archiveNo: 'DA202600001', channel: 'online' })
    expect(r.visit).toMatchObject({ channel: 'online', clientName: '张小丽', archiveNo: 'DA202600001', status: 'waiting', version: 1 })
  })
})

describe('the visit flow', () => {
  it('refuses to call or start a first visit that has no consultant yet, and allows it for a review', async () => {
    const d = desk()
    const first = await d.arrive('张小丽', 'first', { assign: false })
    const refused = await d.refusedCleanly('visits.setStatus', { visitId: first.visit.id, expectedVersion: 1, status: 'called' })
    expect(refused).toEqual({ code: 'rule_violation', message: 'A001 还没有分配咨询师，请先分配再叫号或开始咨询' })
    const review = await d.arrive('李娜娜', 'review', { assign: false })
    expect(await d.move(review.visit.id, 'called')).toMatchObject({ status: 'called' })
  })

  it('keeps a timestamp and the operator for every transition', async () => {
    const d = desk()
    const { visit } = await d.arrive('张小丽', 'review', { assign: false })
    const steps = [
      ['called', 5],
      ['waiting', 2],
      ['called', 3],
      ['consulting', 4],
      ['with_doctor', 20],
      ['consulting', 10],
      ['billing', 15],
      ['treatment', 10],
      ['done', 60],
    ] as const
    const expected = [{ status: 'waiting', at: local(2026, 11, 23, 9, 0).toISOString(), actor: '前台' }]
    for (const [status, minutes] of steps) {
      d.clock.tick(minutes)
      const row = await d.move(visit.id, status)
      expect(row).toMatchObject({ status, statusAt: d.clock.now.toISOString() })
      expected.push({ status, at: d.clock.now.toISOString(), actor: '前台' })
    }
    expect(await d.call('visits.history', { visitId: visit.id })).toEqual(expected)
    expect((await d.visit(visit.id)).version).toBe(1 + steps.length)
  })

  it.each([
    ['left', 'called', '未接待离开', '已叫号'],
    ['left', 'consulting', '未接待离开', '咨询中'],
    ['cancelled', 'waiting', '已取消', '候诊'],
    ['done', 'consulting', '离院', '咨询中'],
  ] as const)('refuses a visit that is %s to go to %s, with a clear message and nothing written', async (endState, to, fromName, toName) => {
    const d = desk()
    const { visit } = await d.arrive('张小丽', 'review', { assign: false })
    if (endState === 'done') await d.move(visit.id, 'consulting')
    await d.move(visit.id, endState)
    const current = await d.visit(visit.id)
    const error = await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: current.version, status: to })
    expect(error).toEqual({ code: 'rule_violation', message: `C001 不能从“${fromName}”改为“${toName}”` })
  })

  it('refuses skipping the consultation (waiting to billing, treatment or done) and cancelling a consultation', async () => {
    const d = desk()
    const { visit } = await d.arrive('张小丽', 'review', { assign: false })
    for (const status of ['billing', 'treatment', 'done', 'with_doctor'] as const) {
      expect((await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: 1, status })).code).toBe('rule_violation')
    }
    await d.move(visit.id, 'consulting')
    expect((await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: 2, status: 'cancelled' })).code).toBe('rule_violation')
    expect((await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: 2, status: 'waiting' })).code).toBe('rule_violation')
  })

  it('refuses a second window acting on a stale version of the visit', async () => {
    const d = desk()
    const { visit } = await d.arrive('张小丽', 'review', { assign: false })
    await d.call('visits.setStatus', { visitId: visit.id, expectedVersion: 1, status: 'called' })
    const error = await d.refusedCleanly('visits.setStatus', { visitId: visit.id, expectedVersion: 1, status: 'left' })
    expect(error).toEqual({ code: 'conflict', message: 'C001 刚被其他窗口修改，请看最新状态后再操作' })
    expect((await d.visit(visit.id)).status).toBe('called')
  })

  it('answers not_found for an unknown visit', async () => {
    const d = desk()
    expect(await d.refused('visits.history', { visitId: 77 })).toEqual({ code: 'not_found', message: '找不到该就诊记录（编号 77）' })
    expect((await d.refused('visits.setStatus', { visitId: 77, expectedVersion: 1, status: 'called' })).code).toBe('not_found')
  })
})

describe('the outcome of a consultation', () => {
  it('records a deal, and a no deal with its reason', async () => {
    const d = desk()
    const a = await d.arrive('张小丽', 'review', { assign: false })
    const b = await d.arrive('李娜', 'review', { assign: false })
    await d.move(a.visit.id, 'consulting')
    await d.move(b.visit.id, 'consulting')
    const deal = await d.call('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 2, outcome: 'deal' })
    expect(deal).toMatchObject({ outcome: 'deal', noDealReason: '', version: 3 })
    const noDeal = await d.call('visits.setOutcome', { visitId: b.visit.id, expectedVersion: 2, outcome: 'no_deal', reason: '  价格太高  ' })
    expect(noDeal).toMatchObject({ outcome: 'no_deal', noDealReason: '价格太高' })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'visits.setOutcome' ORDER BY id").pluck().all()).toEqual([
      '咨询结果 C001：成交',
      '咨询结果 C002：未成交（价格太高）',
    ])
  })

  it('asks for the reason of a no deal', async () => {
    const d = desk()
    const a = await d.arrive('张小丽', 'review', { assign: false })
    await d.move(a.visit.id, 'consulting')
    const error = await d.refusedCleanly('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 2, outcome: 'no_deal', reason: '   ' })
    expect(error.code).toBe('invalid_input')
    expect(error.fields?.reason).toBe('未成交请填写原因')
  })

  it('refuses an outcome for a client who left without being seen', async () => {
    const d = desk()
    const a = await d.arrive('张小丽', 'review', { assign: false })
    await d.move(a.visit.id, 'called')
    await d.move(a.visit.id, 'left')
    expect(await d.refusedCleanly('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 3, outcome: 'no_deal', reason: '走了' })).toEqual({
      code: 'rule_violation',
      message: 'C001 还没有咨询，不能记录结果',
    })
    // Left during the consultation: the outcome is recorded.
    const b = await d.arrive('李娜', 'review', { assign: false })
    await d.move(b.visit.id, 'consulting')
    await d.move(b.visit.id, 'left')
    expect(await d.call('visits.setOutcome', { visitId: b.visit.id, expectedVersion: 3, outcome: 'no_deal', reason: '要再比较' })).toMatchObject({
      outcome: 'no_deal',
    })
  })

  it('refuses an outcome before the consultation and on a stale version', async () => {
    const d = desk()
    const a = await d.arrive('张小丽', 'review', { assign: false })
    expect(await d.refusedCleanly('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 1, outcome: 'deal' })).toEqual({
      code: 'rule_violation',
      message: 'C001 还没有咨询，不能记录结果',
    })
    await d.move(a.visit.id, 'consulting')
    expect((await d.refusedCleanly('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 1, outcome: 'deal' })).code).toBe('conflict')
  })

  it('lets a deal be corrected to no deal (the last word counts)', async () => {
    const d = desk()
    const a = await d.arrive('张小丽', 'review', { assign: false })
    await d.move(a.visit.id, 'consulting')
    await d.call('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 2, outcome: 'deal' })
    const corrected = await d.call('visits.setOutcome', { visitId: a.visit.id, expectedVersion: 3, outcome: 'no_deal', reason: '改约下次' })
    expect(corrected).toMatchObject({ outcome: 'no_deal', noDealReason: '改约下次' })
  })
})
