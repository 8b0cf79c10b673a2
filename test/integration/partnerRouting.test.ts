import { describe, expect, it } from 'vitest'
import type { Staff } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const NOTES = { income: '月入两万', work: '外企经理', family: '已婚，一个孩子', wanted: '想做眼袋', other: '怕疼' }

/** Three consultants (王静 maintains the A-class store 丽人), a salesperson, an A-class and an ordinary store. */
async function clinic(onBoard: string[] = ['刘洋', '陈晨', '王静']) {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const s = {} as Record<'王静' | '刘洋' | '陈晨', Staff>
  for (const name of ['王静', '刘洋', '陈晨'] as const) s[name] = await d.consultant(name)
  const sales = await d.call('staff.create', { name: '赵业务', role: 'marketing', phone: '', room: '', skills: [] })
  const store = (storeClass: 'A' | 'ordinary', name: string) =>
    d.call('partnerStores.save', { name, storeClass, consultantId: storeClass === 'A' ? s.王静.id : null, salespersonId: sales.id, startDate: '2026-11-01' })
  const aStore = await store('A', '丽人美容院')
  const ordinary = await store('ordinary', '街角美甲')
  if (onBoard.length > 0) await d.call('rotation.open', { memberIds: onBoard.map((n) => s[n as keyof typeof s].id) })
  return { d, s, aStore, ordinary }
}

/** Reports a client for a store, then registers her arrival (assigned at once unless told otherwise). */
async function reportedArrival(d: Desk, storeId: number, extra: Parameters<Desk['arrive']>[2] = {}) {
  const phone = d.phone()
  await d.call('partnerReports.create', { storeId, clientName: '刘女士', phone, notes: NOTES })
  return d.arrive('刘女士', 'first', { ...extra, clientFields: { phone } })
}

const lastAssigned = (d: Desk) =>
  JSON.parse(d.db.prepare("SELECT payload FROM rotation_events WHERE type = 'assigned' ORDER BY id DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>

describe('rule 13 at registration', () => {
  it('gives a reported client of an A-class store to its maintainer, out of turn, and undo takes it back', async () => {
    const { d, s, aStore } = await clinic()
    const { visit, partner, assignRefusal } = await reportedArrival(d, aStore.id)
    expect(assignRefusal).toBeNull()
    expect(partner).toMatchObject({ storeId: aStore.id, storeClass: 'A', salespersonName: '赵业务', notes: NOTES })
    expect(visit).toMatchObject({ consultantId: s.王静.id, assignedBy: 'partner', partnerStoreId: aStore.id })
    expect(lastAssigned(d)).toMatchObject({ memberId: s.王静.id, how: 'partner', countsAsTurn: false, storeId: aStore.id })
    // Not a turn by default: the order stays, 刘洋 is still next, and the maintainer's partner count is 1.
    expect(await d.order()).toEqual(['刘洋', '陈晨', '王静'])
    const board = await d.board()
    expect(board.members.find((m) => m.id === s.王静.id)?.counts).toMatchObject({ partner: 1, rotationTurns: 0, totalClients: 1 })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'visits.register'").pluck().get()).toBe(`登记到店 ${visit.queueNo} 刘女士（初诊，报备店家 丽人美容院） → 王静`)

    await d.call('rotation.undo', {})
    expect(await d.visit(visit.id)).toMatchObject({ consultantId: null, assignedBy: null, partnerStoreId: aStore.id })
    expect((await d.board()).members.find((m) => m.id === s.王静.id)?.counts.partner).toBe(0)
    // Assigned again from the desk, it goes by rule 13 again.
    const again = await d.call('visits.assign', { visitId: visit.id, expectedVersion: (await d.visit(visit.id)).version })
    expect(again).toMatchObject({ consultantId: s.王静.id, assignedBy: 'partner' })
  })

  it('counts as a turn with partnerCountsAsTurn: the maintainer goes to the back', async () => {
    const { d, s, aStore } = await clinic(['王静', '刘洋', '陈晨'])
    const policies = (await d.call('settings.get', {})).rotationPolicies
    await d.setting({ rotationPolicies: { ...policies, partnerCountsAsTurn: true } })
    const { visit } = await reportedArrival(d, aStore.id)
    expect(visit).toMatchObject({ consultantId: s.王静.id, assignedBy: 'partner' })
    expect(lastAssigned(d)).toMatchObject({ how: 'partner', countsAsTurn: true })
    expect(await d.order()).toEqual(['刘洋', '陈晨', '王静'])
    expect((await d.board()).members.find((m) => m.id === s.王静.id)?.counts).toMatchObject({ partner: 1, rotationTurns: 1 })
  })

  it('with the maintainer absent and the policy to wait, registers the client waiting and says why', async () => {
    const { d, aStore } = await clinic(['刘洋', '陈晨'])
    const policies = (await d.call('settings.get', {})).rotationPolicies
    await d.setting({ rotationPolicies: { ...policies, returningOwnerAbsent: 'wait' } })
    const { visit, assignRefusal, partner } = await reportedArrival(d, aStore.id)
    expect(assignRefusal).toBe('维护该店家的咨询师 王静 今天不在，按设置顾客需等待')
    expect(partner?.storeId).toBe(aStore.id)
    expect(visit).toMatchObject({ status: 'waiting', consultantId: null, partnerStoreId: aStore.id })
    expect(d.count('rotation_events')).toBe(1)
  })

  it('with the maintainer absent and the policy of rotation, goes by rotation with the store recorded', async () => {
    const { d, s, aStore } = await clinic(['刘洋', '陈晨'])
    const { visit } = await reportedArrival(d, aStore.id)
    expect(visit).toMatchObject({ consultantId: s.刘洋.id, assignedBy: 'rotation', partnerStoreId: aStore.id })
    expect(lastAssigned(d)).toMatchObject({ how: 'rotation', absentOwnerId: s.王静.id, storeId: aStore.id })
  })

  it('gives a designated consultant first, before the store’s maintainer', async () => {
    const { d, s, aStore } = await clinic()
    const { visit } = await reportedArrival(d, aStore.id, { designatedConsultantId: s.陈晨.id })
    expect(visit).toMatchObject({ consultantId: s.陈晨.id, assignedBy: 'designated', partnerStoreId: aStore.id })
  })

  it('gives the store before the client’s own consultant on a returning visit', async () => {
    const { d, s, aStore } = await clinic()
    const client = await d.newClient('刘女士')
    d.db.prepare('UPDATE clients SET own_consultant_id = ? WHERE id = ?').run(s.陈晨.id, client.id)
    await d.call('partnerReports.create', { storeId: aStore.id, clientName: '刘女士', phone: client.phone, notes: NOTES })
    const { visit } = await d.arrive(client.id, 'returning')
    expect(visit).toMatchObject({ consultantId: s.王静.id, assignedBy: 'partner' })
  })

  it('sends an ordinary store’s client by rotation, still counted for the store', async () => {
    const { d, s, ordinary } = await clinic()
    const { visit, partner } = await reportedArrival(d, ordinary.id)
    expect(partner).toMatchObject({ storeId: ordinary.id, storeClass: 'ordinary', consultantId: null })
    expect(visit).toMatchObject({ consultantId: s.刘洋.id, assignedBy: 'rotation', partnerStoreId: ordinary.id })
    expect(lastAssigned(d)).toMatchObject({ how: 'rotation', countsAsTurn: true, storeId: ordinary.id })
    expect(await d.order()).toEqual(['陈晨', '王静', '刘洋'])
  })

  it('counts a manual assignment of an A-class store’s client by partnerCountsAsTurn', async () => {
    const { d, s, aStore } = await clinic()
    const { visit } = await reportedArrival(d, aStore.id, { assign: false })
    const row = await d.call('visits.assign', { visitId: visit.id, expectedVersion: visit.version, memberId: s.陈晨.id, reason: '王静忙' })
    expect(row).toMatchObject({ consultantId: s.陈晨.id, assignedBy: 'manual' })
    expect(lastAssigned(d)).toMatchObject({ how: 'manual', visitKind: 'partner', countsAsTurn: false })
  })

  it('shows the partner count in the fairness figures and the range report', async () => {
    const { d, s, aStore } = await clinic()
    await reportedArrival(d, aStore.id)
    const figures = await d.call('rotation.figures', { kind: 'consultant', from: '2026-11-23', to: '2026-11-23' })
    expect(figures.find((f) => f.memberId === s.王静.id)).toMatchObject({ partner: 1, totalClients: 1 })
    const report = await d.call('reports.range', { from: '2026-11-23', to: '2026-11-23' })
    expect(report.consultants.find((c) => c.staffId === s.王静.id)).toMatchObject({ partner: 1, turns: 0 })
  })
})

/** A reported A-class client with 王静, consulted; 陈晨 the supervisor unless told otherwise. */
async function consulted(supervisor: '陈晨' | '王静' | null = '陈晨') {
  const c = await clinic()
  if (supervisor !== null) await c.d.setting({ consultationSupervisorId: c.s[supervisor].id })
  const { visit } = await reportedArrival(c.d, c.aStore.id)
  await c.d.move(visit.id, 'consulting')
  return { ...c, visitId: visit.id }
}

describe('assistance (协助过单)', () => {
  it('records the supervisor beside the consultant, on the visit, in its history and in the audit', async () => {
    const { d, s, visitId } = await consulted()
    const before = await d.visit(visitId)
    await d.clock.tick(5)
    const row = await d.call('visits.requestAssistance', { visitId, expectedVersion: before.version })
    expect(row).toMatchObject({ consultantId: s.王静.id, consultantName: '王静', assistConsultantId: s.陈晨.id, assistConsultantName: '陈晨', version: before.version + 1 })
    expect(row.assistedAt).toBe(d.clock.now.toISOString())
    const history = await d.call('visits.history', { visitId })
    expect(history.at(-1)).toEqual({ kind: 'assisted', at: row.assistedAt, consultantName: '王静', assistantName: '陈晨' })
    expect(history.filter((e) => !('kind' in e)).map((e) => ('status' in e ? e.status : ''))).toEqual(['waiting', 'consulting'])
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'visits.requestAssistance'").pluck().get()).toBe(`协助过单 2026-11-23 ${row.queueNo} 刘女士：王静 请 陈晨 协助`)
    expect(d.published.at(-1)).toContainEqual({ topic: 'visits', ids: [visitId] })
    const detail = await d.call('visits.detail', { visitId })
    expect(detail.visit.assistConsultantName).toBe('陈晨')
    expect(detail.partner).toMatchObject({ storeName: '丽人美容院', salespersonName: '赵业务', notes: NOTES })
    expect((await d.refusedCleanly('visits.requestAssistance', { visitId, expectedVersion: row.version })).message).toBe(`${row.queueNo} 已由 陈晨 协助过单`)
  })

  it('is allowed after a no-deal outcome, refused after a deal', async () => {
    const { d, visitId } = await consulted()
    let v = await d.call('visits.setOutcome', { visitId, expectedVersion: (await d.visit(visitId)).version, outcome: 'deal' })
    expect(await d.refusedCleanly('visits.requestAssistance', { visitId, expectedVersion: v.version })).toEqual({ code: 'rule_violation', message: `${v.queueNo} 已成交，不需要协助过单` })
    v = await d.call('visits.setOutcome', { visitId, expectedVersion: v.version, outcome: 'no_deal', reason: '价格' })
    expect((await d.call('visits.requestAssistance', { visitId, expectedVersion: v.version })).assistConsultantName).toBe('陈晨')
  })

  it('is refused without a supervisor, for the supervisor’s own visit, before the consultation and on a stale screen', async () => {
    const none = await consulted(null)
    const v = await none.d.visit(none.visitId)
    expect((await none.d.refusedCleanly('visits.requestAssistance', { visitId: v.id, expectedVersion: v.version })).message).toBe('还没有设置咨询主管，请管理员在“设置 → 轮牌”中选择')
    expect((await none.d.refusedCleanly('visits.requestAssistance', { visitId: v.id, expectedVersion: v.version + 1 })).code).toBe('conflict')

    const self = await consulted('王静')
    const w = await self.d.visit(self.visitId)
    expect((await self.d.refusedCleanly('visits.requestAssistance', { visitId: w.id, expectedVersion: w.version })).message).toBe('王静 就是这位顾客的咨询师，不能请自己协助')

    const { d, s, aStore } = await clinic()
    await d.setting({ consultationSupervisorId: s.陈晨.id })
    const waiting = (await reportedArrival(d, aStore.id)).visit
    expect((await d.refusedCleanly('visits.requestAssistance', { visitId: waiting.id, expectedVersion: waiting.version })).message).toBe(`${waiting.queueNo} 还没有开始咨询，咨询中或未成交后才能请主管协助`)
  })

  it('is refused for a visit that is not a partner store’s, and when the supervisor left', async () => {
    const { d, s, visitId } = await consulted()
    const walkIn = (await d.arrive('散客', 'first')).visit
    await d.move(walkIn.id, 'consulting')
    const w = await d.visit(walkIn.id)
    expect((await d.refusedCleanly('visits.requestAssistance', { visitId: w.id, expectedVersion: w.version })).message).toBe(`${w.queueNo} 不是报备店家顾客的初诊，不能请主管协助过单`)
    d.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(s.陈晨.id)
    const v = await d.visit(visitId)
    expect((await d.refusedCleanly('visits.requestAssistance', { visitId, expectedVersion: v.version })).message).toContain('不是在职咨询师')
  })

  it('takes only an active consultant as the supervisor', async () => {
    const { d, s } = await clinic()
    const sales = d.db.prepare("SELECT id FROM staff WHERE role = 'marketing'").pluck().get() as number
    expect(await d.refusedCleanly('settings.update', { consultationSupervisorId: sales })).toMatchObject({ code: 'invalid_input', message: `咨询主管须是在职咨询师（编号 ${sales} 不是）` })
    expect((await d.refusedCleanly('settings.update', { consultationSupervisorId: 999 })).code).toBe('invalid_input')
    expect((await d.setting({ consultationSupervisorId: s.陈晨.id })).consultationSupervisorId).toBe(s.陈晨.id)
    expect((await d.setting({ consultationSupervisorId: null })).consultationSupervisorId).toBeNull()
  })

  it('shows an ordinary visit without a store and without notes', async () => {
    const { d } = await clinic()
    const { visit } = await d.arrive('散客', 'first')
    expect(await d.call('visits.detail', { visitId: visit.id })).toMatchObject({ visit: { id: visit.id, assistConsultantId: null }, partner: null })
    expect((await d.refused('visits.detail', { visitId: 999 })).code).toBe('not_found')
  })
})
