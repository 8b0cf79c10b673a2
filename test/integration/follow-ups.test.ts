import { describe, expect, it } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { ServiceCategory } from '../../core/domain/categories.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import { DEFAULT_FOLLOW_UP_PLANS, type FollowUpRow } from '../../core/domain/followUp.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock, openDesk, type Desk } from './harness.ts'
import { useTimeZone } from '../helpers/timeZone.ts'

const tempDir = useTempDir()

// A clinic eight hours east of UTC: from midnight to 08:00 its day is the day after UTC's, so a date
// counted from the UTC day would be one day early.
useTimeZone('Asia/Shanghai')

type Item = 'surgery' | 'implant' | 'anaesthesia' | 'injection' | 'medicine'

interface Clinic {
  d: Desk
  items: Record<Item, number>
  wangId: number
}

/** A desk whose clock starts on a local day, with a consultant 王静 and a small price list. */
async function clinic(y = 2026, mo = 1, day = 5): Promise<Clinic> {
  const d = openDesk(dbPathIn(tempDir()), makeClock(local(y, mo, day, 9, 0)))
  const wang = await d.consultant('王静')
  const price = async (code: string, name: string, category: 'treatment' | 'consumable' | 'anaesthesia' | 'medicine', listPriceFen: number) =>
    (await d.call('prices.create', { code, name, category, unit: '次', listPriceFen })).id
  const items = {
    surgery: await price('SS01', '双眼皮', 'treatment', 800000),
    implant: await price('JT01', '假体', 'consumable', 300000),
    anaesthesia: await price('MZ01', '局麻', 'anaesthesia', 20000),
    injection: await price('HA01', '玻尿酸', 'treatment', 380000),
    medicine: await price('YP01', '修复膏', 'medicine', 9800),
  }
  return { d, items, wangId: wang.id }
}

interface Paid {
  sheet: FeeSheet
  clientId: number
}

/**
 * A review visit of a client (new, or `clientId`) registered at the clock's time for `category`, and a fee
 * sheet of `items` confirmed and paid in full at that time.
 */
async function pay(c: Clinic, category: ServiceCategory | null, items: Item[], clientId?: number): Promise<Paid> {
  const { d } = c
  const who = clientId ?? (await d.newClient(`顾客${d.count('clients') + 1}`, { ownConsultantId: c.wangId })).id
  const { visit } = await d.arrive(who, 'review', { intendedCategory: category, assign: false })
  const draft = await d.call('fees.create', { visitId: visit.id })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: items.map((i) => ({ itemId: c.items[i], quantity: 1 })) })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  const sheet = await d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'wechat', fen: confirmed.totals.payable }] })
  return { sheet, clientId: who }
}

const plan = (rows: FollowUpRow[]) => rows.map((r) => `${r.dueDate} ${r.category} ${r.label}`)
const callsOf = async (d: Desk, clientId: number) => d.call('followUps.ofClient', { clientId })

describe('follow-up calls from a paid fee sheet', () => {
  it('gives a surgery paid on 2026-01-31 its plan, month ends clamped: one plan for its lines, open, with the sheet they came from', async () => {
    const c = await clinic(2026, 1, 31)
    const { sheet, clientId } = await pay(c, 'surgery', ['surgery', 'implant', 'anaesthesia'])
    const calls = await callsOf(c.d, clientId)
    expect(plan(calls)).toEqual(['2026-02-01 surgery 次日回访', '2026-02-07 surgery 拆线', '2026-02-28 surgery 1个月复查', '2026-04-30 surgery 3个月复查'])
    for (const call of calls) {
      expect(call).toMatchObject({ clientId, visitId: sheet.visitId, feeSheetId: sheet.id, status: 'open', result: null, attempts: 0, notes: '', doneAt: null, version: 1, overdue: false })
    }
    expect(c.d.published.at(-1)).toContainEqual({ topic: 'followUps', ids: calls.map((r) => r.id) })
  })

  it('counts from the clinic\'s local day of payment, not the UTC day: 00:30 and 23:50 of 03-31 both give 04-01', async () => {
    const c = await clinic(2026, 3, 31)
    c.d.clock.set(2026, 3, 31, 0, 30)
    const early = await pay(c, 'skin', ['injection'])
    // Really the day before in UTC, or the case would prove nothing.
    expect(early.sheet.paidAt).toBe('2026-03-30T16:30:00.000Z')
    expect(plan(await callsOf(c.d, early.clientId))).toEqual(['2026-04-01 skin 次日回访', '2026-04-07 skin 7天回访'])

    c.d.clock.set(2026, 3, 31, 23, 50)
    const late = await pay(c, 'injection', ['injection'])
    expect(plan(await callsOf(c.d, late.clientId))).toEqual(['2026-04-01 injection 次日回访', '2026-04-07 injection 7天回访', '2026-04-30 injection 1个月回访'])
  })

  it('knows leap years: a surgery paid on 2028-01-31 is reviewed on 02-29', async () => {
    const c = await clinic(2028, 1, 31)
    const { clientId } = await pay(c, 'surgery', ['surgery'])
    expect(plan(await callsOf(c.d, clientId))).toEqual(['2028-02-01 surgery 次日回访', '2028-02-07 surgery 拆线', '2028-02-29 surgery 1个月复查', '2028-04-30 surgery 3个月复查'])
  })

  it('brings the other plan for a sheet without a treatment line or a visit without a category', async () => {
    const c = await clinic(2026, 1, 5)
    const medicineOnly = await pay(c, 'surgery', ['medicine', 'anaesthesia'])
    expect(plan(await callsOf(c.d, medicineOnly.clientId))).toEqual(['2026-01-06 other 次日回访'])
    const noCategory = await pay(c, null, ['injection'])
    expect(plan(await callsOf(c.d, noCategory.clientId))).toEqual(['2026-01-06 other 次日回访'])
  })

  it('applies a plan changed in the settings to sheets paid afterwards only', async () => {
    const c = await clinic(2026, 1, 5)
    const before = await pay(c, 'skin', ['injection'])
    await c.d.setting({ followUpPlans: { ...DEFAULT_FOLLOW_UP_PLANS, skin: [{ label: '3天回访', days: 3, months: 0 }, { label: '半月回访', days: 15, months: 0 }] } })
    const after = await pay(c, 'skin', ['injection'])
    expect(plan(await callsOf(c.d, before.clientId))).toEqual(['2026-01-06 skin 次日回访', '2026-01-12 skin 7天回访'])
    expect(plan(await callsOf(c.d, after.clientId))).toEqual(['2026-01-08 skin 3天回访', '2026-01-20 skin 半月回访'])
    await c.d.setting({ followUpPlans: { ...DEFAULT_FOLLOW_UP_PLANS, dental: [] } })
    expect(plan(await callsOf(c.d, (await pay(c, 'dental', ['injection'])).clientId))).toEqual([])
  })

  it('makes no calls for a sheet that was voided before payment, and a paid one voided loses its open calls but keeps the closed', async () => {
    const c = await clinic(2026, 1, 5)
    const { d } = c
    const client = await d.newClient('赵敏')
    const { visit } = await d.arrive(client.id, 'review', { intendedCategory: 'skin', assign: false })
    const draft = await d.call('fees.create', { visitId: visit.id })
    const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: c.items.injection, quantity: 1 }] })
    const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
    await d.call('fees.void', { id: confirmed.id, reason: '顾客改主意了' })
    expect(await d.refused('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })).toMatchObject({ code: 'conflict' })
    expect(d.count('follow_up_calls')).toBe(0)

    const { sheet, clientId } = await pay(c, 'surgery', ['surgery'])
    const [first, ...open] = await callsOf(d, clientId)
    d.clock.set(2026, 1, 6, 10, 0)
    await d.call('followUps.record', { id: first?.id ?? 0, expectedVersion: 1, result: 'reached', notes: '恢复良好' })
    const reissued = await d.call('fees.reissue', { id: sheet.id, reason: '项目开错' })
    const left = await callsOf(d, clientId)
    expect(left.map((r) => [r.label, r.status])).toEqual([['次日回访', 'done']])
    expect(d.published.at(-1)).toContainEqual({ topic: 'followUps', ids: open.map((r) => r.id) })

    // The corrected sheet, paid, brings a plan of its own from its own day.
    const ready = await d.call('fees.saveDraft', { id: reissued.id, expectedRevision: reissued.revision, lines: [{ itemId: c.items.surgery, quantity: 1 }] })
    const again = await d.call('fees.confirm', { id: ready.id, expectedRevision: ready.revision })
    await d.call('fees.pay', { id: again.id, payments: [{ method: 'cash', fen: again.totals.payable }] })
    expect((await callsOf(d, clientId)).map((r) => `${r.dueDate} ${r.label} ${r.feeSheetId === again.id ? 'new' : 'old'}`)).toEqual([
      '2026-01-06 次日回访 old',
      '2026-01-07 次日回访 new',
      '2026-01-13 拆线 new',
      '2026-02-06 1个月复查 new',
      '2026-04-06 3个月复查 new',
    ])
  })
})

describe('followUps.due', () => {
  it('lists the open calls due today and, overdue first, every open call due earlier, with the client and the own consultant', async () => {
    const c = await clinic(2026, 1, 5)
    const { d } = c
    const a = await pay(c, 'surgery', ['surgery']) // 01-06, 01-12, 02-05, 04-05
    d.clock.set(2026, 1, 9, 9, 0)
    const b = await pay(c, 'skin', ['injection']) // 01-10, 01-16
    d.clock.set(2026, 1, 12, 9, 0)
    const due = await d.call('followUps.due', {})
    expect(due.map((r) => [r.dueDate, r.label, r.clientId, r.overdue])).toEqual([
      ['2026-01-06', '次日回访', a.clientId, true],
      ['2026-01-10', '次日回访', b.clientId, true],
      ['2026-01-12', '拆线', a.clientId, false],
    ])
    const client = await d.call('clients.get', { id: a.clientId })
    expect(due[0]).toMatchObject({ clientName: client.client.name, clientPhone: client.client.phone, archiveNo: client.client.archiveNo, consultantName: '王静' })

    expect((await d.call('followUps.due', { overdue: false })).map((r) => r.label)).toEqual(['拆线'])
    expect((await d.call('followUps.due', { date: '2026-01-16', overdue: false })).map((r) => [r.dueDate, r.overdue])).toEqual([['2026-01-16', false]])
    expect((await d.call('followUps.due', { date: '2026-01-10' })).map((r) => [r.dueDate, r.overdue])).toEqual([
      ['2026-01-06', true],
      ['2026-01-10', false],
    ])

    // A call closed leaves the list; one nobody answered stays on it.
    const [late, second] = due
    await d.call('followUps.record', { id: late?.id ?? 0, expectedVersion: 1, result: 'reached', notes: '消肿中' })
    await d.call('followUps.record', { id: second?.id ?? 0, expectedVersion: 1, result: 'no_answer' })
    expect((await d.call('followUps.due', {})).map((r) => [r.dueDate, r.attempts])).toEqual([
      ['2026-01-10', 1],
      ['2026-01-12', 0],
    ])
  })

  it('refuses a malformed date, and an unknown client\'s calls', async () => {
    const c = await clinic()
    expect(await c.d.refused('followUps.due', { date: '2026-1-5' })).toMatchObject({ code: 'invalid_input' })
    expect(await c.d.refused('followUps.ofClient', { clientId: 99 })).toMatchObject({ code: 'not_found' })
  })
})

describe('followUps.record', () => {
  async function withCall() {
    const c = await clinic(2026, 1, 5)
    const reception = await c.d.call('staff.create', { name: '小李', role: 'receptionist', phone: '', room: '', skills: [] })
    const operator: Operator = { id: reception.id, name: '小李', role: 'receptionist' }
    const { clientId } = await pay(c, 'skin', ['injection'])
    const [call] = await callsOf(c.d, clientId)
    c.d.clock.set(2026, 1, 6, 10, 30)
    return { ...c, operator, call: call as FollowUpRow, receptionId: reception.id }
  }

  it('keeps a call nobody answered open with one more attempt, and closes it when reached, noting every call', async () => {
    const { d, operator, call, receptionId } = await withCall()
    const missed = await d.call('followUps.record', { id: call.id, expectedVersion: 1, result: 'no_answer', notes: '关机' }, operator)
    expect(missed).toMatchObject({ status: 'open', result: 'no_answer', attempts: 1, version: 2, doneAt: null, doneByName: '', notes: '2026-01-06 10:30 小李 未接通：关机' })
    expect(d.published.at(-1)).toEqual([{ topic: 'followUps', ids: [call.id] }])

    d.clock.tick(90)
    const reached = await d.call('followUps.record', { id: call.id, expectedVersion: 2, result: 'reached', notes: '  无红肿，约下月复查  ' }, operator)
    expect(reached).toMatchObject({
      status: 'done',
      result: 'reached',
      attempts: 2,
      version: 3,
      doneAt: '2026-01-06T04:00:00.000Z',
      doneByName: '小李',
      notes: '2026-01-06 10:30 小李 未接通：关机\n2026-01-06 12:00 小李 已回访：无红肿，约下月复查',
      overdue: false,
    })
    expect(d.db.prepare('SELECT done_by FROM follow_up_calls WHERE id = ?').pluck().get(call.id)).toBe(receptionId)
    const summaries = d.db.prepare("SELECT summary FROM audit_log WHERE method = 'followUps.record' ORDER BY id").pluck().all()
    expect(summaries).toEqual([`回访 ${call.clientName}「次日回访」（应回访日 2026-01-06）：未接通，关机`, `回访 ${call.clientName}「次日回访」（应回访日 2026-01-06）：已回访，无红肿，约下月复查`])
  })

  it('closes a call as unreachable, with or without a note', async () => {
    const { d, call } = await withCall()
    expect(await d.call('followUps.record', { id: call.id, expectedVersion: 1, result: 'unreachable' })).toMatchObject({ status: 'done', result: 'unreachable', attempts: 1, notes: '2026-01-06 10:30 前台 无法联系' })
  })

  it('refuses cleanly: a stale version, a closed call, a talk without notes, an unknown call', async () => {
    const { d, operator, call } = await withCall()
    expect(await d.refusedCleanly('followUps.record', { id: call.id, expectedVersion: 1, result: 'reached', notes: '   ' }, operator)).toMatchObject({
      code: 'invalid_input',
      fields: { notes: '已回访请填写回访内容' },
    })
    await d.call('followUps.record', { id: call.id, expectedVersion: 1, result: 'no_answer' }, operator)
    expect(await d.refusedCleanly('followUps.record', { id: call.id, expectedVersion: 1, result: 'reached', notes: '好' }, operator)).toEqual({
      code: 'conflict',
      message: `${call.clientName} 的“次日回访”刚被其他窗口记录过，请看最新状态后再操作`,
    })
    await d.call('followUps.record', { id: call.id, expectedVersion: 2, result: 'reached', notes: '好' }, operator)
    expect(await d.refusedCleanly('followUps.record', { id: call.id, expectedVersion: 3, result: 'no_answer' }, operator)).toEqual({
      code: 'rule_violation',
      message: `${call.clientName} 的“次日回访”已经结束，不能再记录`,
    })
    expect(await d.refusedCleanly('followUps.record', { id: 999, expectedVersion: 1, result: 'no_answer' }, operator)).toEqual({ code: 'not_found', message: '找不到该回访（编号 999）' })
    expect(await d.refusedCleanly('followUps.record', { id: call.id, expectedVersion: 3, result: 'no_answer' }, { id: null, name: '王静', role: 'consultant' })).toMatchObject({ code: 'forbidden' })
  })
})

describe('reports.serviceFigures', () => {
  it('counts a small week exactly: confirmations, no-shows, follow-ups on time', async () => {
    const c = await clinic(2026, 12, 1)
    const { d } = c
    const client = async (name: string) => (await d.newClient(name)).id
    const book = async (name: string, date: string, time: string) => d.call('appointments.book', { clientId: await client(name), type: 'review', date, time })
    const kept = await book('甲', '2026-12-03', '10:00') // confirmed on the call, then came
    const early = await book('乙', '2026-12-03', '11:00') // cancelled two days ahead: no call due
    const missed = await book('丙', '2026-12-03', '14:00') // not reached on the call, did not come
    const calledOff = await book('丁', '2026-12-04', '10:00') // cancelled on the call the day before
    await book('戊', '2026-12-05', '10:00') // still to come
    await book('己', '2026-12-09', '10:00') // outside the range

    await d.call('appointments.cancel', { id: early.id, expectedVersion: early.version, reason: '出差' })
    // Two follow-ups planned on 12-01, due 12-02 (and a skin one on 12-08, outside the range).
    const skin = await pay(c, 'skin', ['injection'])
    const other = await pay(c, null, ['medicine'])

    d.clock.set(2026, 12, 2, 15, 0)
    const keptNow = await d.call('appointments.recordConfirmation', { id: kept.id, expectedVersion: kept.version, result: 'confirmed' })
    await d.call('appointments.recordConfirmation', { id: missed.id, expectedVersion: missed.version, result: 'no_answer' })
    const [onTime] = await callsOf(d, skin.clientId)
    await d.call('followUps.record', { id: onTime?.id ?? 0, expectedVersion: 1, result: 'reached', notes: '满意' })

    d.clock.set(2026, 12, 3, 10, 5)
    await d.call('appointments.checkIn', { id: kept.id, expectedVersion: keptNow.version, assign: false })
    await d.call('appointments.recordConfirmation', { id: calledOff.id, expectedVersion: calledOff.version, result: 'cancelled', note: '感冒' })
    const [late] = await callsOf(d, other.clientId)
    await d.call('followUps.record', { id: late?.id ?? 0, expectedVersion: 1, result: 'reached', notes: '晚了一天' })
    d.clock.set(2026, 12, 3, 15, 0)
    const missedNow = (await d.call('appointments.ofClient', { clientId: missed.clientId }))[0]
    await d.call('appointments.markNoShow', { id: missed.id, expectedVersion: missedNow?.version ?? 0 })

    d.clock.set(2026, 12, 4, 12, 0)
    expect(await d.call('reports.serviceFigures', { from: '2026-12-01', to: '2026-12-07' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
      appointments: 5,
      confirmed: 1,
      toConfirm: 4,
      noShows: 1,
      keptOrMissed: 2,
      followUpsDue: 2,
      followUpsOnTime: 1,
    })
    expect((await d.call('reports.serviceFigures', { from: '2026-12-08', to: '2026-12-09' })).followUpsDue).toBe(1)
    expect(await d.refused('reports.serviceFigures', { from: '2026-12-07', to: '2026-12-01' })).toMatchObject({ code: 'invalid_input' })
  })
})
