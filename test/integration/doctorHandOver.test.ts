import { describe, expect, it } from 'vitest'
import type { ServiceCategory } from '../../core/domain/categories.ts'
import type { StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/**
 * A clinic with consultants 王咨询 and 何咨询, doctors 李医生 (any item) and 赵医生 (injections only), and two
 * first visits, A001 with 王咨询 and A002 with 何咨询, both still waiting; their intended categories as given.
 */
async function clinic(categories: [ServiceCategory | null, ServiceCategory | null] = [null, null]) {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole, skills: ServiceCategory[] = []) => d.call('staff.create', { name, role, phone: '', room: '诊室2', skills })
  const consultant = await person('王咨询', 'consultant')
  const he = await person('何咨询', 'consultant')
  const li = await person('李医生', 'doctor')
  const zhao = await person('赵医生', 'doctor', ['injection'])
  await d.call('rotation.open', { memberIds: [consultant.id, he.id] })
  const a = (await d.arrive('刘女士', 'first', { intendedCategory: categories[0] })).visit
  d.clock.tick(5)
  const b = (await d.arrive('陈女士', 'first', { intendedCategory: categories[1] })).visit
  return { d, consultant, li, zhao, a, b }
}

const doctorBoard = (d: Desk) => d.call('rotation.board', { kind: 'doctor' })
const doctorLine = async (d: Desk) => (await doctorBoard(d)).members.map((m) => `${m.name}:${m.status}${m.visitQueueNo ? ` ${m.visitQueueNo}` : ''}`)
const doctorEvents = (d: Desk) => d.db.prepare("SELECT type FROM rotation_events WHERE board_kind = 'doctor' ORDER BY seq").pluck().all()
const statuses = async (d: Desk, visitId: number) => (await d.call('visits.history', { visitId })).map((h) => ('status' in h ? h.status : h.kind))

describe('请医生: handing a consulting visit to the doctor board', () => {
  it('hands the visit to the next free doctor, makes it 专家面诊 with the time logged, and 完成 returns it to 咨询中', async () => {
    const { d, li, zhao, a } = await clinic()
    await d.call('rotation.open', { kind: 'doctor', memberIds: [li.id, zhao.id] })
    await d.move(a.id, 'consulting')
    d.clock.tick(10)

    const handed = await d.call('rotation.handToDoctor', { visitId: a.id })
    expect(handed).toMatchObject({ visitId: a.id, queueNo: 'A001', doctorId: li.id, doctorName: '李医生' })
    expect(handed.board.members.map((m) => `${m.name}:${m.status}`)).toEqual(['赵医生:available', '李医生:serving'])
    expect(handed.board.assignments).toEqual([{ visitId: a.id, queueNo: 'A001', memberId: li.id, memberName: '李医生', at: expect.any(String), finishedAt: null }])
    expect(await d.visit(a.id)).toMatchObject({ status: 'with_doctor', consultantName: '王咨询' })
    const history = await d.call('visits.history', { visitId: a.id })
    expect(history.at(-1)).toMatchObject({ status: 'with_doctor', actor: expect.any(String) })
    expect(await statuses(d, a.id)).toEqual(['waiting', 'consulting', 'with_doctor'])
    const consultingAt = Date.parse((history[1] as { at: string }).at)
    expect(Date.parse((history[2] as { at: string }).at) - consultingAt).toBe(10 * 60_000)
    expect(doctorEvents(d)).toEqual(['opened', 'assigned'])
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.handToDoctor'").pluck().get()).toBe('请医生 A001 → 李医生（专家面诊）')
    expect((await d.refusedCleanly('rotation.handToDoctor', { visitId: a.id })).message).toBe('A001 正在由 李医生 专家面诊')

    d.clock.tick(15)
    const finished = await d.call('rotation.finish', { kind: 'doctor', visitId: a.id })
    expect(finished.members.map((m) => `${m.name}:${m.status}`)).toEqual(['赵医生:available', '李医生:available'])
    expect(finished.assignments?.[0]?.finishedAt).not.toBeNull()
    expect(await d.visit(a.id)).toMatchObject({ status: 'consulting' })
    expect(await statuses(d, a.id)).toEqual(['waiting', 'consulting', 'with_doctor', 'consulting'])
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.finish'").pluck().get()).toBe('医生完成 A001（李医生）')
    // One doctor per visit and day on the board: asked again, it says who saw her.
    expect((await d.refusedCleanly('rotation.handToDoctor', { visitId: a.id })).message).toBe('A001 今天已由 李医生 面诊过，同一天不能再按轮牌请医生')
    // The consultation goes on to billing as before; nothing is left on the doctor board.
    await d.move(a.id, 'billing')
    expect(doctorEvents(d)).toEqual(['opened', 'assigned', 'finished'])
  })

  it('chooses by skill: a surgery client skips the injection-only doctor, and is refused when no doctor who fits is free', async () => {
    const { d, li, zhao, a, b } = await clinic(['surgery', 'surgery'])
    await d.call('rotation.open', { kind: 'doctor', memberIds: [zhao.id, li.id] })
    await d.move(a.id, 'consulting')
    await d.move(b.id, 'consulting')
    // 赵医生 is first but takes injections only: the surgery client goes to 李医生, the next who fits.
    expect((await d.call('rotation.handToDoctor', { visitId: a.id })).doctorName).toBe('李医生')
    expect(await doctorLine(d)).toEqual(['赵医生:available', '李医生:serving A001'])
    expect(await d.refusedCleanly('rotation.handToDoctor', { visitId: b.id })).toEqual({
      code: 'rule_violation',
      message: '没有空闲的医生（或没有擅长该项目的空闲医生），请稍后再请',
    })
  })

  it('refuses clearly, writing nothing: board not open, not consulting, no doctor free', async () => {
    const { d, li, a, b } = await clinic()
    await d.move(a.id, 'consulting')
    expect(await d.refusedCleanly('rotation.handToDoctor', { visitId: a.id })).toEqual({
      code: 'rule_violation',
      message: '今天的医生轮牌还没有开牌，请先在“医生轮牌”开牌',
    })
    await d.call('rotation.open', { kind: 'doctor', memberIds: [li.id] })
    expect(await d.refusedCleanly('rotation.handToDoctor', { visitId: b.id })).toEqual({
      code: 'rule_violation',
      message: 'A002 不在咨询中（现在是“候诊”），咨询中才能请医生',
    })
    await d.call('rotation.breakStart', { kind: 'doctor', memberId: li.id })
    expect(await d.refusedCleanly('rotation.handToDoctor', { visitId: a.id })).toEqual({
      code: 'rule_violation',
      message: '没有空闲的医生（或没有擅长该项目的空闲医生），请稍后再请',
    })
    expect(await d.visit(a.id)).toMatchObject({ status: 'consulting' })
    expect(doctorEvents(d)).toEqual(['opened', 'breakStarted'])
  })

  it('frees the doctor when the visit moves on by itself (billing, left)', async () => {
    const { d, li, zhao, a, b } = await clinic([null, 'injection'])
    await d.call('rotation.open', { kind: 'doctor', memberIds: [li.id, zhao.id] })
    await d.move(a.id, 'consulting')
    await d.move(b.id, 'consulting')
    await d.call('rotation.handToDoctor', { visitId: a.id })
    expect((await d.call('rotation.handToDoctor', { visitId: b.id })).doctorName).toBe('赵医生')
    expect(await doctorLine(d)).toEqual(['李医生:serving A001', '赵医生:serving A002'])

    await d.move(a.id, 'billing')
    expect(await doctorLine(d)).toEqual(['李医生:available', '赵医生:serving A002'])
    await d.move(b.id, 'left')
    expect(await doctorLine(d)).toEqual(['李医生:available', '赵医生:available'])
    expect(doctorEvents(d)).toEqual(['opened', 'assigned', 'assigned', 'finished', 'finished'])
    // The finish that billing caused is the visit's, not the board's to undo.
    expect((await d.refusedCleanly('rotation.undo', { kind: 'doctor' })).message).toBe('上一步是“接待结束”（由就诊状态产生），请在就诊记录上更正，不能在轮牌上撤销')
    const figures = await d.call('rotation.figures', { kind: 'doctor', from: '2026-11-23', to: '2026-11-23' })
    expect(figures.map((f) => [f.name, f.rotation, f.totalClients])).toEqual([
      ['李医生', 1, 1],
      ['赵医生', 1, 1],
    ])
  })

  it('undo of the hand-over takes back both: the doctor is free and first again, the visit is 咨询中 again', async () => {
    const { d, li, zhao, a } = await clinic()
    await d.call('rotation.open', { kind: 'doctor', memberIds: [li.id, zhao.id] })
    await d.move(a.id, 'consulting')
    await d.call('rotation.handToDoctor', { visitId: a.id })

    const undone = await d.call('rotation.undo', { kind: 'doctor' })
    expect(undone.members.map((m) => `${m.name}:${m.status}`)).toEqual(['李医生:available', '赵医生:available'])
    expect(undone.assignments).toEqual([])
    expect(await d.visit(a.id)).toMatchObject({ status: 'consulting', consultantName: '王咨询' })
    expect(await statuses(d, a.id)).toEqual(['waiting', 'consulting', 'with_doctor', 'consulting'])
    expect(doctorEvents(d)).toEqual(['opened', 'assigned', 'undone'])
    // Asked again after the undo: 李医生 is first again.
    expect((await d.call('rotation.handToDoctor', { visitId: a.id })).doctorName).toBe('李医生')
  })
})
