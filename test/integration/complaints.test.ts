import { describe, expect, it } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import type { Staff, StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { useTimeZone } from '../helpers/timeZone.ts'
import { local, makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()
useTimeZone('Asia/Shanghai')

const as = (s: Staff): Operator => ({ id: s.id, name: s.name, role: s.role })
const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string
const complaintRows = (d: Desk) => JSON.stringify(d.db.prepare('SELECT * FROM complaints ORDER BY id').all()) + JSON.stringify(d.db.prepare('SELECT * FROM complaint_steps ORDER BY id').all())

/** A clinic on 2026-11-23 09:00 (Shanghai): receptionist 郑前台, consultant 王咨询, nurse 孙护士; 刘女士 has arrived. */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock(local(2026, 11, 23, 9, 0)))
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const reception = await person('郑前台', 'receptionist')
  const consultant = await person('王咨询', 'consultant')
  const nurse = await person('孙护士', 'nurse')
  const { visit, client } = await d.arrive('刘女士', 'first')
  return { d, reception, consultant, nurse, visitId: visit.id, clientId: client.id }
}

describe('complaints (投诉)', () => {
  it('logs a complaint against a visit, adds dated steps with who wrote them, and closes it with a resolution', async () => {
    const { d, reception, consultant, visitId, clientId } = await clinic()
    const created = await d.call('complaints.create', { visitId, receivedAt: '2026-11-23T00:30:00.000Z', channel: 'phone', content: '术后红肿，咨询师没有回电', handlerId: consultant.id }, as(reception))
    expect(created).toEqual({
      id: created.id,
      clientId,
      clientName: '刘女士',
      visitId,
      visitDate: '2026-11-23',
      receivedAt: '2026-11-23T00:30:00.000Z',
      channel: 'phone',
      content: '术后红肿，咨询师没有回电',
      handlerId: consultant.id,
      handlerName: '王咨询',
      status: 'open',
      resolution: '',
      closedAt: null,
      closedByName: '',
      createdByName: '郑前台',
      version: 1,
      steps: [],
    })
    expect(lastAudit(d, 'complaints.create')).toBe('登记 刘女士 的投诉（2026-11-23 到访，电话，2026-11-23 08:30 受理）：术后红肿，咨询师没有回电；处理人 王咨询')
    expect(d.published.at(-1)).toEqual([{ topic: 'complaints', ids: [created.id] }])

    d.clock.set(2026, 11, 23, 10, 15)
    const stepped = await d.call('complaints.addStep', { id: created.id, expectedVersion: 1, note: '已回电，约明天复诊' }, as(reception))
    expect(stepped.version).toBe(2)
    expect(stepped.steps).toEqual([{ id: stepped.steps[0]?.id, at: '2026-11-23T02:15:00.000Z', byName: '郑前台', note: '已回电，约明天复诊' }])
    expect(lastAudit(d, 'complaints.addStep')).toBe(`投诉处理 刘女士（投诉编号 ${created.id}）：已回电，约明天复诊`)

    d.clock.set(2026, 11, 24, 16, 0)
    const closed = await d.call('complaints.close', { id: created.id, expectedVersion: 2, resolution: '复诊消肿，顾客满意' })
    expect(closed).toMatchObject({ status: 'closed', resolution: '复诊消肿，顾客满意', closedAt: '2026-11-24T08:00:00.000Z', closedByName: '前台', version: 3 })
    expect(closed.steps).toHaveLength(1)
    expect(lastAudit(d, 'complaints.close')).toBe(`投诉结案 刘女士（投诉编号 ${created.id}）：复诊消肿，顾客满意`)
    expect(await d.call('complaints.ofClient', { clientId })).toEqual([closed])
    expect(await d.call('complaints.open', {})).toEqual([])
  })

  it('lists a client’s open complaints first, and every open one oldest first', async () => {
    const { d, consultant, visitId, clientId } = await clinic()
    const first = await d.call('complaints.create', { visitId, channel: 'visit', content: '等候太久', handlerId: consultant.id })
    d.clock.tick(30)
    const second = await d.call('complaints.create', { visitId, channel: 'online', content: '价格不透明', handlerId: consultant.id })
    const firstClosed = await d.call('complaints.close', { id: first.id, expectedVersion: 1, resolution: '致歉' })
    const other = await d.arrive('陈女士', 'first')
    d.clock.tick(30)
    const third = await d.call('complaints.create', { visitId: other.visit.id, channel: 'other', content: '前台态度', handlerId: consultant.id })
    expect((await d.call('complaints.ofClient', { clientId })).map((c) => [c.id, c.status])).toEqual([[second.id, 'open'], [firstClosed.id, 'closed']])
    expect((await d.call('complaints.open', {})).map((c) => c.content)).toEqual(['价格不透明', '前台态度'])
    expect(third.receivedAt).toBe('2026-11-23T02:00:00.000Z')
  })

  it('refuses, with the reason and nothing written: no resolution, a closed or changed complaint, an unknown visit or handler, a future time, a consultant', async () => {
    const { d, consultant, nurse, visitId } = await clinic()
    const c = await d.call('complaints.create', { visitId, channel: 'phone', content: '效果不好', handlerId: nurse.id })
    const before = complaintRows(d)
    const refusal = async (method: Parameters<Desk['refused']>[0], input: unknown, by?: Operator) => {
      const published = d.published.length
      const error = await d.refused(method, input as never, by)
      expect(complaintRows(d)).toBe(before)
      expect(d.published.length).toBe(published)
      return error
    }
    expect(await refusal('complaints.close', { id: c.id, expectedVersion: 1, resolution: '  ' })).toEqual({ code: 'invalid_input', message: '输入有误，请检查标红的项目（resolution：必填）', fields: { resolution: '必填' } })
    expect(await refusal('complaints.addStep', { id: c.id, expectedVersion: 2, note: '回电' })).toEqual({ code: 'conflict', message: '刘女士 的投诉刚被其他窗口修改，请看最新记录后再操作' })
    expect(await refusal('complaints.create', { visitId: 999, channel: 'phone', content: '投诉', handlerId: nurse.id })).toMatchObject({ code: 'not_found', message: '找不到该到访记录（编号 999）', fields: { visitId: '找不到该到访记录（编号 999）' } })
    expect(await refusal('complaints.create', { visitId, channel: 'phone', content: '投诉', handlerId: 999 })).toMatchObject({ code: 'invalid_input', message: '找不到在职的员工（编号 999），请选择处理投诉的员工' })
    expect(await refusal('complaints.create', { visitId, receivedAt: '2026-11-23T02:00:00.000Z', channel: 'phone', content: '投诉', handlerId: nurse.id })).toMatchObject({ code: 'invalid_input', message: '受理时间不能晚于现在' })
    expect(await refusal('complaints.create', { visitId, channel: 'mail', content: '投诉', handlerId: nurse.id })).toMatchObject({ code: 'invalid_input' })
    expect(await refusal('complaints.create', { visitId, channel: 'phone', content: '投诉', handlerId: nurse.id }, as(consultant))).toMatchObject({ code: 'forbidden' })

    await d.call('complaints.close', { id: c.id, expectedVersion: 1, resolution: '退款' })
    const closedRows = complaintRows(d)
    const err = await d.refused('complaints.addStep', { id: c.id, expectedVersion: 2, note: '再次回电' })
    expect(err).toEqual({ code: 'rule_violation', message: '刘女士 的投诉已于 2026-11-23 结案，不能再修改' })
    expect(await d.refused('complaints.close', { id: c.id, expectedVersion: 2, resolution: '再结' })).toMatchObject({ code: 'rule_violation' })
    expect(await d.refused('complaints.close', { id: 77, expectedVersion: 1, resolution: '结' })).toEqual({ code: 'not_found', message: '找不到该投诉（编号 77）', fields: { id: '找不到该投诉（编号 77）' } })
    expect(complaintRows(d)).toBe(closedRows)
  })
})

/** A paid 光子嫩肤 ×3 for a new client of `consultant`'s, at the clock's time: one card and a 次日回访 due tomorrow. */
async function paidClient(d: Desk, name: string, consultantId: number, itemId: number): Promise<{ sheet: FeeSheet; clientId: number }> {
  const { visit, client } = await d.arrive(name, 'first', { clientFields: { ownConsultantId: consultantId }, assign: false })
  const draft = await d.call('fees.create', { visitId: visit.id })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId, quantity: 3 }] })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  const sheet = await d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
  return { sheet, clientId: client.id }
}

describe('satisfaction (满意度) on follow-up calls and in the reports', () => {
  it('records a 1–5 score on a reached call only, and averages it per consultant and per nurse with the open complaints', async () => {
    const { d, consultant, nurse, visitId } = await clinic()
    const zhao = await d.call('staff.create', { name: '赵咨询', role: 'consultant', phone: '', room: '', skills: [] })
    const qian = await d.call('staff.create', { name: '钱护士', role: 'nurse', phone: '', room: '', skills: [] })
    const gz = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
    const a = await paidClient(d, '甲女士', consultant.id, gz.id)
    const b = await paidClient(d, '乙女士', consultant.id, gz.id)
    const c = await paidClient(d, '丙女士', zhao.id, gz.id)
    const cardOf = async (clientId: number) => (await d.call('cards.ofClient', { clientId }))[0]!
    await d.call('cards.deduct', { bodyArea: '全脸', cardId: (await cardOf(a.clientId)).id, expectedVersion: 1, nurseId: nurse.id })
    await d.call('cards.deduct', { bodyArea: '全脸', cardId: (await cardOf(b.clientId)).id, expectedVersion: 1, nurseId: qian.id })
    // 丙女士 had no deduction: her score counts for 赵咨询 only.
    await d.call('complaints.create', { visitId, channel: 'phone', content: '等候太久', handlerId: consultant.id })

    d.clock.set(2026, 11, 24, 15, 0)
    const callOf = async (clientId: number) => (await d.call('followUps.ofClient', { clientId }))[0]!
    const callA = await callOf(a.clientId)
    expect(callA.satisfaction).toBeNull()
    expect(await d.refused('followUps.record', { id: callA.id, expectedVersion: 1, result: 'no_answer', satisfaction: 3 })).toMatchObject({
      code: 'invalid_input',
      fields: { satisfaction: '只有已回访的电话才能记录满意度' },
    })
    expect(await d.refused('followUps.record', { id: callA.id, expectedVersion: 1, result: 'reached', notes: '好', satisfaction: 6 })).toMatchObject({ fields: { satisfaction: '满意度须为 1 到 5 分' } })
    const recorded = await d.call('followUps.record', { id: callA.id, expectedVersion: 1, result: 'reached', notes: '恢复很好', satisfaction: 5 })
    expect(recorded).toMatchObject({ status: 'done', result: 'reached', satisfaction: 5 })
    expect(lastAudit(d, 'followUps.record')).toBe('回访 甲女士「次日回访」（应回访日 2026-11-24）：已回访，恢复很好，满意度 5 分')
    await d.call('followUps.record', { id: (await callOf(b.clientId)).id, expectedVersion: 1, result: 'reached', notes: '有点疼', satisfaction: 2 })
    await d.call('followUps.record', { id: (await callOf(c.clientId)).id, expectedVersion: 1, result: 'reached', notes: '一般', satisfaction: 4 })

    expect(await d.call('reports.satisfaction', { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      scoredCalls: 3,
      average: 3.67,
      byConsultant: [
        { staffId: zhao.id, name: '赵咨询', calls: 1, average: 4 },
        { staffId: consultant.id, name: '王咨询', calls: 2, average: 3.5 },
      ],
      byNurse: [
        { staffId: nurse.id, name: '孙护士', calls: 1, average: 5 },
        { staffId: qian.id, name: '钱护士', calls: 1, average: 2 },
      ],
      openComplaints: 1,
    })
    expect(await d.call('reports.satisfaction', { from: '2026-11-25', to: '2026-11-30' })).toMatchObject({ scoredCalls: 0, average: null, byConsultant: [], byNurse: [] })
  })
})
