import { describe, expect, it } from 'vitest'
import type { StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** A clinic with consultant 王咨询, nurses 孙护士 and 周护士, a price item, and two clients here. */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole, room = '') => d.call('staff.create', { name, role, phone: '', room, skills: [] })
  const consultant = await person('王咨询', 'consultant', '1')
  const sun = await person('孙护士', 'nurse', '治疗室')
  const zhou = await person('周护士', 'nurse', '治疗室')
  const item = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
  await d.call('rotation.open', { memberIds: [consultant.id] })
  const a = (await d.arrive('刘女士', 'first')).visit
  const b = (await d.arrive('陈女士', 'review')).visit
  return { d, consultant, sun, zhou, item, a, b }
}

async function pay(d: Desk, visitId: number, itemId: number) {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId, quantity: 1 }] })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

const nurseBoard = (d: Desk) => d.call('rotation.board', { kind: 'nurse' })
const nurseLine = async (d: Desk) => (await nurseBoard(d)).members.map((m) => `${m.name}:${m.status}${m.visitQueueNo ? ` ${m.visitQueueNo}` : ''}`)
const nurseEvents = (d: Desk) => d.db.prepare("SELECT type FROM rotation_events WHERE board_kind = 'nurse' ORDER BY seq").pluck().all()

describe('nurse board (护士轮牌)', () => {
  it('opens from the active nurses with kind nurse, and refuses a consultant on it', async () => {
    const { d, sun, zhou, consultant } = await clinic()
    expect((await d.refusedCleanly('rotation.open', { kind: 'nurse', memberIds: [consultant.id] })).message).toBe('王咨询 不能上这个轮牌（已停用或岗位不符）')
    const view = await d.call('rotation.open', { kind: 'nurse', memberIds: [zhou.id, sun.id] })
    expect(view).toMatchObject({ kind: 'nurse', opened: true, nextMemberId: zhou.id, assignments: [] })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.open' ORDER BY id DESC").pluck().get()).toBe('开牌（护理师）：周护士、孙护士')
    // The consultant board is untouched by the nurse board.
    expect((await d.board()).members.map((m) => m.name)).toEqual(['王咨询'])
  })

  it('hands a paid visit to the next nurse, who serves her; undo restores the board and the visit', async () => {
    const { d, sun, zhou, item, a } = await clinic()
    await d.call('rotation.open', { kind: 'nurse', memberIds: [sun.id, zhou.id] })
    await d.move(a.id, 'consulting')
    await d.move(a.id, 'billing')
    await pay(d, a.id, item.id)
    const before = await d.visit(a.id)

    const handed = await d.call('rotation.handToNurse', { visitId: a.id })
    expect(handed).toMatchObject({ visitId: a.id, queueNo: 'A001', nurseId: sun.id, nurseName: '孙护士' })
    expect(await nurseLine(d)).toEqual(['周护士:available', '孙护士:serving A001'])
    expect((await nurseBoard(d)).assignments).toEqual([
      { visitId: a.id, queueNo: 'A001', memberId: sun.id, memberName: '孙护士', at: expect.any(String), finishedAt: null },
    ])
    expect(nurseEvents(d)).toEqual(['opened', 'assigned'])
    expect(d.db.prepare("SELECT payload FROM rotation_events WHERE board_kind = 'nurse' AND type = 'assigned'").pluck().get()).toContain('"how":"rotation"')
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.handToNurse'").pluck().get()).toBe('交给护士 A001 → 孙护士')
    // The visit keeps its consultant and status: the hand-over lives on the nurse board.
    expect(await d.visit(a.id)).toMatchObject({ consultantName: before.consultantName, status: 'billing' })
    expect((await d.refusedCleanly('rotation.handToNurse', { visitId: a.id })).message).toBe('A001 已交给护士 孙护士')

    const undone = await d.call('rotation.undo', { kind: 'nurse' })
    expect(undone.members.map((m) => `${m.name}:${m.status}`)).toEqual(['孙护士:available', '周护士:available'])
    expect(undone.assignments).toEqual([])
    expect(nurseEvents(d)).toEqual(['opened', 'assigned', 'undone'])
    expect(await d.visit(a.id)).toMatchObject({ consultantName: before.consultantName, status: 'billing' })
    // Handed over again after the undo: 孙护士 is first again.
    expect((await d.call('rotation.handToNurse', { visitId: a.id })).nurseName).toBe('孙护士')
  })

  it('frees the nurse by 治疗完成 or when the client leaves; the next hand-over goes by turn', async () => {
    const { d, sun, zhou, item, a, b } = await clinic()
    await d.call('rotation.open', { kind: 'nurse', memberIds: [sun.id, zhou.id] })
    await pay(d, a.id, item.id)
    await pay(d, b.id, item.id)
    await d.call('rotation.handToNurse', { visitId: a.id })
    expect((await d.call('rotation.handToNurse', { visitId: b.id })).nurseName).toBe('周护士')

    const finished = await d.call('rotation.finish', { visitId: a.id })
    expect(finished.members.map((m) => `${m.name}:${m.status}`)).toEqual(['孙护士:available', '周护士:serving'])
    expect(finished.assignments?.[0]?.finishedAt).not.toBeNull()
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.finish'").pluck().get()).toBe('治疗完成 A001（孙护士）')
    expect((await d.refusedCleanly('rotation.finish', { visitId: a.id })).message).toBe('没有人正在接待该顾客')

    await d.move(b.id, 'consulting')
    await d.move(b.id, 'treatment')
    expect(await nurseLine(d)).toEqual(['孙护士:available', '周护士:serving C001'])
    await d.move(b.id, 'done')
    expect(await nurseLine(d)).toEqual(['孙护士:available', '周护士:available'])
    expect(nurseEvents(d)).toEqual(['opened', 'assigned', 'assigned', 'finished', 'finished'])
    const figures = await d.call('rotation.figures', { kind: 'nurse', from: '2026-11-23', to: '2026-11-23' })
    expect(figures.map((f) => [f.name, f.rotation, f.totalClients])).toEqual([
      ['孙护士', 1, 1],
      ['周护士', 1, 1],
    ])
  })

  it('refuses clearly, writing nothing: board not open, not paid, no nurse free', async () => {
    const { d, sun, item, a, b } = await clinic()
    await pay(d, a.id, item.id)
    expect(await d.refusedCleanly('rotation.handToNurse', { visitId: a.id })).toEqual({
      code: 'rule_violation', message: '今天的护士轮牌还没有开牌，请先在“护士轮牌”开牌',
    })
    await d.call('rotation.open', { kind: 'nurse', memberIds: [sun.id] })
    expect((await d.refusedCleanly('rotation.handToNurse', { visitId: b.id })).message).toBe('C001 还没有已缴费的缴费单，缴费后才能交给护士')
    await d.call('rotation.breakStart', { kind: 'nurse', memberId: sun.id })
    expect(await d.refusedCleanly('rotation.handToNurse', { visitId: a.id })).toEqual({
      code: 'rule_violation', message: '没有空闲的护士（或没有擅长该项目的空闲护士），请稍后再交',
    })
    await d.call('rotation.breakEnd', { kind: 'nurse', memberId: sun.id })
    await d.call('rotation.handToNurse', { visitId: a.id })
    await pay(d, b.id, item.id)
    expect((await d.refusedCleanly('rotation.handToNurse', { visitId: b.id })).message).toBe('没有空闲的护士（或没有擅长该项目的空闲护士），请稍后再交')
  })
})
