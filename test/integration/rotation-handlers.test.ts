import { describe, expect, it } from 'vitest'
import type { ServiceCategory } from '../../core/domain/categories.ts'
import type { Staff } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** Five consultants; skills given by name. The board is not opened. */
async function staffed(skills: Record<string, ServiceCategory[]> = {}) {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const names = ['王静', '刘洋', '陈晨', '赵雪', '孙悦'] as const
  const s = {} as Record<(typeof names)[number], Staff>
  for (const [i, name] of names.entries()) s[name] = await d.consultant(name, skills[name] ?? [], String(i + 1))
  return { d, s }
}

async function opened(order: string[] = ['王静', '刘洋', '陈晨'], skills: Record<string, ServiceCategory[]> = {}) {
  const { d, s } = await staffed(skills)
  await d.call('rotation.open', { memberIds: order.map((n) => s[n as keyof typeof s].id) })
  return { d, s }
}

/** name:status, front first, then the signed-out members. */
async function boardLine(d: Desk): Promise<string[]> {
  return (await d.board()).members.map((m) => `${m.name}:${m.status}${m.position === null ? '(off)' : ''}`)
}

async function consultantOf(d: Desk, visitId: number): Promise<[string | null, string | null]> {
  const v = await d.visit(visitId)
  return [v.consultantName, v.assignedBy]
}

describe('opening the day (rule 1)', () => {
  it('puts the consultants in sign-in order and audits it', async () => {
    const { d, s } = await staffed()
    const view = await d.call('rotation.open', { memberIds: [s.陈晨.id, s.王静.id, s.刘洋.id] })
    expect(view).toMatchObject({ date: '2026-11-23', kind: 'consultant', opened: true, mode: 'signIn', nextMemberId: s.陈晨.id, undoable: null })
    expect(view.members.map((m) => [m.name, m.position, m.status, m.room])).toEqual([
      ['陈晨', 0, 'available', '3'],
      ['王静', 1, 'available', '1'],
      ['刘洋', 2, 'available', '2'],
    ])
    expect(d.count('rotation_events')).toBe(1)
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.open'").pluck().get()).toBe('开牌（咨询师）：陈晨、王静、刘洋')
  })

  it('refuses a second opening, someone who cannot sit on the board, and a member twice — writing nothing', async () => {
    const { d, s } = await staffed()
    const doctor = await d.call('staff.create', { name: '周医生', role: 'doctor', phone: '', room: '', skills: [] })
    expect(await d.refusedCleanly('rotation.open', { memberIds: [s.王静.id, doctor.id] })).toEqual({
      code: 'rule_violation', message: '周医生 不能上这个轮牌（已停用或岗位不符）',
    })
    await d.call('staff.setActive', { id: s.孙悦.id, active: false })
    expect((await d.refusedCleanly('rotation.open', { memberIds: [s.孙悦.id] })).message).toBe('孙悦 不能上这个轮牌（已停用或岗位不符）')
    expect((await d.refusedCleanly('rotation.open', { memberIds: [s.王静.id, s.王静.id] })).code).toBe('invalid_input')
    expect((await d.refusedCleanly('rotation.open', { memberIds: [9999] })).code).toBe('not_found')
    await d.call('rotation.open', { memberIds: [s.王静.id] })
    expect(await d.refusedCleanly('rotation.open', { memberIds: [s.刘洋.id] })).toEqual({ code: 'rule_violation', message: '今天的轮牌已经开过了' })
  })

  it("continues from the previous working day when the settings say so: first is the one after yesterday's last turn", async () => {
    const { d, s } = await staffed()
    d.clock.set(2026, 11, 20) // a Friday
    await d.call('rotation.open', { memberIds: [s.王静.id, s.刘洋.id, s.陈晨.id, s.赵雪.id] })
    const x1 = await d.arrive('客一', 'first')
    const x2 = await d.arrive('客二', 'first')
    expect(await consultantOf(d, x1.visit.id)).toEqual(['王静', 'rotation'])
    expect(await consultantOf(d, x2.visit.id)).toEqual(['刘洋', 'rotation'])
    await d.setting({ rotationOpenMode: 'continue' })
    d.clock.set(2026, 11, 23) // Monday: the weekend had no board
    const view = await d.call('rotation.open', { memberIds: [s.赵雪.id, s.王静.id, s.孙悦.id, s.刘洋.id, s.陈晨.id] })
    expect(view.mode).toBe('continue')
    // Friday after 刘洋's turn: 陈晨 赵雪 王静 刘洋; 孙悦 was not on Friday's board and follows at the back.
    expect(await d.order()).toEqual(['陈晨', '赵雪', '王静', '刘洋', '孙悦'])
    expect(view.nextMemberId).toBe(s.陈晨.id)
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.open' ORDER BY id DESC").pluck().get()).toBe(
      '开牌（咨询师）：赵雪、王静、孙悦、刘洋、陈晨，接上一工作日',
    )
  })

  it('continuing leaves out who is not on duty today and falls back to sign-in order on the very first day', async () => {
    const { d, s } = await staffed()
    await d.setting({ rotationOpenMode: 'continue' })
    d.clock.set(2026, 11, 20)
    const first = await d.call('rotation.open', { memberIds: [s.王静.id, s.刘洋.id, s.陈晨.id] })
    expect(first.mode).toBe('signIn')
    await d.arrive('客一', 'first') // 王静 takes the last turn
    d.clock.set(2026, 11, 21)
    await d.call('rotation.open', { memberIds: [s.王静.id, s.陈晨.id] }) // 刘洋 is off today
    expect(await d.order()).toEqual(['陈晨', '王静'])
  })

  it('in sign-in mode ignores yesterday', async () => {
    const { d, s } = await staffed()
    d.clock.set(2026, 11, 20)
    await d.call('rotation.open', { memberIds: [s.王静.id, s.刘洋.id, s.陈晨.id] })
    await d.arrive('客一', 'first')
    d.clock.set(2026, 11, 21)
    await d.call('rotation.open', { memberIds: [s.王静.id, s.刘洋.id, s.陈晨.id] })
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨'])
  })
})

describe('assignments through registration (rules 2-5, 12)', () => {
  it('gives a first visit to the next in turn, who goes to the back and becomes serving (rule 2)', async () => {
    const { d, s } = await opened()
    const x1 = await d.arrive('客一', 'first')
    expect(x1.assignRefusal).toBeNull()
    expect(x1.visit).toMatchObject({ queueNo: 'A001', consultantId: s.王静.id, consultantName: '王静', assignedBy: 'rotation', status: 'waiting' })
    expect(await boardLine(d)).toEqual(['刘洋:available', '陈晨:available', '王静:serving'])
    const view = await d.board()
    expect(view.members.find((m) => m.name === '王静')).toMatchObject({ visitId: x1.visit.id, visitQueueNo: 'A001', counts: { rotationTurns: 1, rotation: 1, totalClients: 1 } })
    expect(view.nextMemberId).toBe(s.刘洋.id)
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'visits.register'").pluck().get()).toBe('登记到店 A001 客一（初诊） → 王静')
  })

  it('skips a serving member who keeps their place and is first again once free (rule 3, with rule 4)', async () => {
    const { d, s } = await opened()
    const x1 = await d.arrive('客一', 'first', { designatedConsultantId: s.王静.id })
    expect(await consultantOf(d, x1.visit.id)).toEqual(['王静', 'designated'])
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨']) // designated is not a turn by default
    const x2 = await d.arrive('客二', 'first')
    expect(await consultantOf(d, x2.visit.id)).toEqual(['刘洋', 'rotation'])
    expect(await boardLine(d)).toEqual(['王静:serving', '陈晨:available', '刘洋:serving'])
    await d.move(x1.visit.id, 'consulting')
    await d.move(x1.visit.id, 'billing') // the consultation is over: 王静 is free again
    expect((await d.board()).nextMemberId).toBe(s.王静.id)
    const x3 = await d.arrive('客三', 'first')
    expect(await consultantOf(d, x3.visit.id)).toEqual(['王静', 'rotation'])
    expect(await d.order()).toEqual(['陈晨', '刘洋', '王静'])
  })

  it('lets a waiting client wait when nobody is free, then assigns them to the first member free again', async () => {
    const { d } = await opened()
    const xs = [await d.arrive('客一', 'first'), await d.arrive('客二', 'first'), await d.arrive('客三', 'first')]
    const before = d.count('rotation_events')
    const x4 = await d.arrive('客四', 'first')
    expect(x4.assignRefusal).toBe('没有空闲的咨询师（或没有擅长该项目的空闲咨询师），顾客先候诊')
    expect(x4.visit).toMatchObject({ queueNo: 'A004', consultantId: null, assignedBy: null, status: 'waiting' })
    expect(d.count('rotation_events')).toBe(before)
    await d.move(xs[1]!.visit.id, 'left') // 刘洋's client walked out
    const row = await d.call('visits.assign', { visitId: x4.visit.id, expectedVersion: x4.visit.version })
    expect(row).toMatchObject({ consultantName: '刘洋', assignedBy: 'rotation' })
    expect(await d.order()).toEqual(['王静', '陈晨', '刘洋'])
  })

  it('gives a designated client to the named consultant, or lets them wait for her while she is busy (rule 4)', async () => {
    const { d, s } = await opened()
    const x1 = await d.arrive('客一', 'first') // 王静
    const x2 = await d.arrive('客二', 'first', { designatedConsultantId: s.王静.id })
    expect(x2.assignRefusal).toBe('王静 当前接待中，不能接待新顾客')
    expect(x2.visit.consultantId).toBeNull()
    const x3 = await d.arrive('客三', 'first', { designatedConsultantId: s.赵雪.id })
    expect(x3.assignRefusal).toBe('赵雪 不在今天的轮牌上')
    await d.move(x1.visit.id, 'consulting')
    await d.move(x1.visit.id, 'done')
    const row = await d.call('visits.assign', { visitId: x2.visit.id, expectedVersion: x2.visit.version })
    expect(row).toMatchObject({ consultantName: '王静', assignedBy: 'designated', designatedName: '王静' })
    expect(await d.order()).toEqual(['刘洋', '陈晨', '王静'])
  })

  it('moves a designated consultant to the back when the policy counts it as a turn', async () => {
    const { d, s } = await opened()
    await d.setting({ rotationPolicies: { rotationMode: 'order', designatedCountsAsTurn: true, returningCountsAsTurn: false, returningOwnerAbsent: 'rotation', manualCountsAsTurn: true } })
    await d.arrive('客一', 'first', { designatedConsultantId: s.刘洋.id })
    expect(await d.order()).toEqual(['王静', '陈晨', '刘洋'])
    expect((await d.board()).members.find((m) => m.name === '刘洋')?.counts).toMatchObject({ rotationTurns: 1, designated: 1, rotation: 0 })
  })

  it('sets the own consultant when a first visit goes to consulting, and sends the returning client to her (rule 5)', async () => {
    const { d, s } = await opened()
    const x1 = await d.arrive('张小丽', 'first') // 王静 by rotation
    expect((await d.call('clients.get', { id: x1.client.id })).client.ownConsultantId).toBeNull()
    await d.move(x1.visit.id, 'called')
    expect((await d.call('clients.get', { id: x1.client.id })).client.ownConsultantId).toBeNull()
    await d.move(x1.visit.id, 'consulting')
    expect((await d.call('clients.get', { id: x1.client.id })).client.ownConsultantId).toBe(s.王静.id)
    await d.move(x1.visit.id, 'done')

    d.clock.set(2026, 11, 24)
    await d.call('rotation.open', { memberIds: [s.陈晨.id, s.刘洋.id, s.王静.id] })
    const back = await d.arrive(x1.client.id, 'returning')
    expect(back.visit).toMatchObject({ queueNo: 'B001', consultantName: '王静', assignedBy: 'returning' })
    expect(await d.order()).toEqual(['陈晨', '刘洋', '王静']) // not a turn by default
    expect((await d.board()).members.find((m) => m.name === '王静')?.counts).toMatchObject({ rotationTurns: 0, returning: 1, totalClients: 1 })
    // A returning visit going to consulting does not change the own consultant.
    await d.move(back.visit.id, 'consulting')
    expect((await d.call('clients.get', { id: x1.client.id })).client.ownConsultantId).toBe(s.王静.id)
  })

  it('does not make the consultant of a returning or review visit the own consultant', async () => {
    const { d, s } = await opened()
    const r = await d.arrive('老客', 'returning') // no own consultant yet: by rotation
    expect(r.visit).toMatchObject({ consultantName: '王静', assignedBy: 'rotation' })
    await d.move(r.visit.id, 'consulting')
    expect((await d.call('clients.get', { id: r.client.id })).client.ownConsultantId).toBeNull()
    const t = await d.arrive('复查客', 'review', { designatedConsultantId: s.刘洋.id })
    expect(t.visit).toMatchObject({ consultantName: '刘洋', assignedBy: 'designated' })
    await d.move(t.visit.id, 'consulting')
    expect((await d.call('clients.get', { id: t.client.id })).client.ownConsultantId).toBeNull()
  })

  it('sends a returning client by rotation when the own consultant is off, or lets them wait by policy', async () => {
    const { d, s } = await opened(['王静', '刘洋'])
    const owned = await d.newClient('张小丽', { ownConsultantId: s.陈晨.id })
    const r = await d.arrive(owned.id, 'returning')
    expect(r.visit).toMatchObject({ consultantName: '王静', assignedBy: 'rotation' })
    const event = d.db.prepare("SELECT payload FROM rotation_events WHERE type = 'assigned' ORDER BY seq DESC").pluck().get() as string
    expect(JSON.parse(event)).toMatchObject({ how: 'rotation', absentOwnerId: s.陈晨.id, countsAsTurn: true })

    await d.setting({ rotationPolicies: { rotationMode: 'order', designatedCountsAsTurn: false, returningCountsAsTurn: false, returningOwnerAbsent: 'wait', manualCountsAsTurn: true } })
    const owned2 = await d.newClient('李小红', { ownConsultantId: s.陈晨.id })
    const before = d.count('rotation_events')
    const r2 = await d.arrive(owned2.id, 'returning')
    expect(r2.assignRefusal).toBe('归属咨询师 陈晨 今天不在，按设置顾客需等待')
    expect(r2.visit.consultantId).toBeNull()
    expect(d.count('rotation_events')).toBe(before)
    await d.call('rotation.signIn', { memberId: s.陈晨.id })
    const row = await d.call('visits.assign', { visitId: r2.visit.id, expectedVersion: r2.visit.version })
    expect(row).toMatchObject({ consultantName: '陈晨', assignedBy: 'returning' })
  })

  it('takes the first available member whose skills cover the intended category (rule 12)', async () => {
    const { d } = await opened(['王静', '刘洋', '陈晨'], { 王静: ['skin'], 刘洋: ['surgery', 'injection'] })
    const x1 = await d.arrive('客一', 'first', { intendedCategory: 'surgery' })
    expect(await consultantOf(d, x1.visit.id)).toEqual(['刘洋', 'rotation'])
    expect(await d.order()).toEqual(['王静', '陈晨', '刘洋'])
    // The client's intended category on record is used when the visit gives none.
    const x2 = await d.arrive('客二', 'first', { clientFields: { intendedCategory: 'injection' } })
    expect(x2.visit.intendedCategory).toBe('injection')
    expect(await consultantOf(d, x2.visit.id)).toEqual(['陈晨', 'rotation'])
    const x3 = await d.arrive('客三', 'first', { intendedCategory: 'laser' })
    expect(x3.assignRefusal).toBe('没有空闲的咨询师（或没有擅长该项目的空闲咨询师），顾客先候诊')
    const x4 = await d.arrive('客四', 'first', { intendedCategory: 'skin' })
    expect(await consultantOf(d, x4.visit.id)).toEqual(['王静', 'rotation'])
  })

  it('gives the client with the fewest turns first under the fewestTurns policy', async () => {
    const { d, s } = await opened()
    const x1 = await d.arrive('客一', 'first') // 王静
    await d.arrive('客二', 'first') // 刘洋
    await d.move(x1.visit.id, 'left')
    await d.call('visits.assign', { visitId: (await d.arrive('客三', 'first', { assign: false })).visit.id, expectedVersion: 1, memberId: s.王静.id, reason: '老客介绍' })
    // 王静 now has 2 turns (rotation + manual), 刘洋 1 (serving), 陈晨 0.
    await d.setting({ rotationPolicies: { rotationMode: 'fewestTurns', designatedCountsAsTurn: false, returningCountsAsTurn: false, returningOwnerAbsent: 'rotation', manualCountsAsTurn: true } })
    expect((await d.board()).nextMemberId).toBe(s.陈晨.id)
  })

  it('does not put a review visit on the rotation, and says so when asked to', async () => {
    const { d } = await opened()
    const t = await d.arrive('复查客', 'review')
    expect(t.assignRefusal).toBeNull()
    expect(t.visit.consultantId).toBeNull()
    expect(d.count('rotation_events')).toBe(1)
    expect(await d.refusedCleanly('visits.assign', { visitId: t.visit.id, expectedVersion: 1 })).toEqual({
      code: 'rule_violation', message: 'C001 是复查/治疗，不参与轮牌；如需咨询请手动指定',
    })
  })

  it('lets clients wait when the board is not open yet', async () => {
    const { d } = await staffed()
    const x = await d.arrive('客一', 'first')
    expect(x.assignRefusal).toBe('今天的轮牌还没有开牌，请先开牌')
    expect(x.visit.consultantId).toBeNull()
    expect(d.count('rotation_events')).toBe(0)
    expect((await d.refusedCleanly('rotation.undo', {})).message).toBe('今天的轮牌还没有开牌，请先开牌')
  })
})

describe('board actions (rules 6-11)', () => {
  it('pass: the member whose turn it is goes to the back and it is counted; only they may pass (rule 6)', async () => {
    const { d, s } = await opened()
    const view = await d.call('rotation.pass', { memberId: s.王静.id, reason: '在打电话' })
    expect(view.members.map((m) => m.name)).toEqual(['刘洋', '陈晨', '王静'])
    expect(view.members[2]?.counts).toMatchObject({ passes: 1, rotationTurns: 0, totalClients: 0 })
    expect(view.lastEvent).toMatchObject({ type: 'passed', reason: '在打电话', actor: '前台' })
    expect(await d.refusedCleanly('rotation.pass', { memberId: s.陈晨.id })).toEqual({
      code: 'rule_violation', message: '现在轮到的是 刘洋，只有轮到的人才能过牌',
    })
    const x = await d.arrive('客一', 'first')
    expect(x.visit.consultantName).toBe('刘洋')
  })

  it('break: skipped while away, keeps the place, first again on return; refusals for serving or not away (rule 8)', async () => {
    const { d, s } = await opened()
    await d.call('rotation.breakStart', { memberId: s.王静.id })
    expect(await boardLine(d)).toEqual(['王静:break', '刘洋:available', '陈晨:available'])
    const x1 = await d.arrive('客一', 'first')
    expect(x1.visit.consultantName).toBe('刘洋')
    expect(await d.refusedCleanly('rotation.breakStart', { memberId: s.刘洋.id })).toEqual({
      code: 'rule_violation', message: '刘洋 当前接待中，不能接待新顾客',
    })
    expect(await d.refusedCleanly('rotation.breakEnd', { memberId: s.陈晨.id })).toEqual({ code: 'rule_violation', message: '陈晨 没有暂离' })
    expect(await d.refusedCleanly('rotation.breakStart', { memberId: s.王静.id })).toEqual({
      code: 'rule_violation', message: '王静 当前暂离，不能接待新顾客',
    })
    await d.call('rotation.breakEnd', { memberId: s.王静.id })
    expect((await d.board()).nextMemberId).toBe(s.王静.id)
    expect((await d.arrive('客二', 'first')).visit.consultantName).toBe('王静')
  })

  it('late sign-in joins at the back; sign-out leaves the board and keeps the history (rule 7)', async () => {
    const { d, s } = await opened()
    await d.call('rotation.signIn', { memberId: s.赵雪.id })
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨', '赵雪'])
    expect((await d.refusedCleanly('rotation.signIn', { memberId: s.赵雪.id })).message).toBe('赵雪 已经在轮牌上')
    const x1 = await d.arrive('客一', 'first') // 王静
    expect(await d.refusedCleanly('rotation.signOut', { memberId: s.王静.id })).toEqual({
      code: 'rule_violation', message: '王静 当前接待中，不能接待新顾客',
    })
    await d.move(x1.visit.id, 'consulting')
    await d.move(x1.visit.id, 'done')
    await d.call('rotation.signOut', { memberId: s.王静.id })
    expect(await boardLine(d)).toEqual(['刘洋:available', '陈晨:available', '赵雪:available', '王静:off(off)'])
    expect((await d.board()).members.find((m) => m.name === '王静')?.counts).toMatchObject({ rotation: 1, totalClients: 1 })
    expect(await d.refusedCleanly('rotation.signOut', { memberId: s.王静.id })).toEqual({
      code: 'rule_violation', message: '王静 当前下班，不能接待新顾客',
    })
    expect((await d.refusedCleanly('rotation.signOut', { memberId: s.孙悦.id })).message).toBe('孙悦 不在今天的轮牌上')
    // Back after signing out: at the back again, with today's counts.
    await d.call('rotation.signIn', { memberId: s.王静.id })
    expect(await d.order()).toEqual(['刘洋', '陈晨', '赵雪', '王静'])
    expect((await d.board()).members.find((m) => m.name === '王静')?.counts).toMatchObject({ rotation: 1, totalClients: 1 })
  })

  it('manual assignment: anyone available, with a reason, counted as a turn by policy (rule 9)', async () => {
    const { d, s } = await opened()
    const x = await d.arrive('客一', 'first', { assign: false })
    expect(x.visit.consultantId).toBeNull()
    const row = await d.call('visits.assign', { visitId: x.visit.id, expectedVersion: 1, memberId: s.陈晨.id, reason: '顾客要求女咨询师' })
    expect(row).toMatchObject({ consultantName: '陈晨', assignedBy: 'manual', version: 2 })
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨'])
    expect((await d.board()).members.find((m) => m.name === '陈晨')?.counts).toMatchObject({ manual: 1, rotationTurns: 1 })
    expect((await d.board()).lastEvent).toMatchObject({ type: 'assigned', reason: '顾客要求女咨询师' })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'visits.assign'").pluck().get()).toBe('分配 A001 → 陈晨（手动：顾客要求女咨询师）')
  })

  it('manual assignment to the front member without a turn when the policy says so', async () => {
    const { d, s } = await opened()
    await d.setting({ rotationPolicies: { rotationMode: 'order', designatedCountsAsTurn: false, returningCountsAsTurn: false, returningOwnerAbsent: 'rotation', manualCountsAsTurn: false } })
    const x = await d.arrive('客一', 'first', { assign: false })
    await d.call('visits.assign', { visitId: x.visit.id, expectedVersion: 1, memberId: s.王静.id, reason: '熟人' })
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨'])
    expect(await boardLine(d)).toEqual(['王静:serving', '刘洋:available', '陈晨:available'])
  })

  it('reorder with a reason (rule 10); a missing reason or a wrong set is refused', async () => {
    const { d, s } = await opened()
    const view = await d.call('rotation.reorder', { order: [s.陈晨.id, s.王静.id, s.刘洋.id], reason: '陈晨 早到' })
    expect(view.members.map((m) => m.name)).toEqual(['陈晨', '王静', '刘洋'])
    expect(view.lastEvent).toMatchObject({ type: 'reordered', reason: '陈晨 早到' })
    const noReason = await d.refusedCleanly('rotation.reorder', { order: [s.王静.id, s.陈晨.id, s.刘洋.id], reason: '  ' })
    expect(noReason.code).toBe('invalid_input')
    expect(noReason.fields?.reason).toBe('请填写原因')
    expect(await d.refusedCleanly('rotation.reorder', { order: [s.王静.id, s.陈晨.id], reason: '少一个' })).toEqual({
      code: 'rule_violation', message: '新顺序必须恰好包含牌上的每一位成员各一次',
    })
    expect((await d.refusedCleanly('rotation.reorder', { order: [s.王静.id, s.陈晨.id, s.赵雪.id], reason: '换人' })).code).toBe('rule_violation')
    expect((await d.arrive('客一', 'first')).visit.consultantName).toBe('陈晨')
  })

  it("undo of an assignment: the board returns exactly and the visit's consultant is null again (rule 11)", async () => {
    const { d, s } = await opened()
    await d.arrive('客一', 'first') // 王静
    const before = await d.board()
    const x2 = await d.arrive('客二', 'first') // 刘洋
    expect(x2.visit.consultantName).toBe('刘洋')
    const after = await d.call('rotation.undo', {})
    expect(after.members).toEqual(before.members)
    expect(after.nextMemberId).toBe(s.刘洋.id)
    expect(after.undoable).toEqual(before.undoable)
    const v = await d.visit(x2.visit.id)
    expect(v).toMatchObject({ consultantId: null, consultantName: null, assignedBy: null, status: 'waiting' })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'rotation.undo'").pluck().get()).toBe('撤销上一步（第 3 步 assigned）')
    // It can be assigned again, by the rules or by hand.
    const again = await d.call('visits.assign', { visitId: v.id, expectedVersion: v.version, memberId: s.陈晨.id, reason: '按顾客要求' })
    expect(again).toMatchObject({ consultantName: '陈晨', assignedBy: 'manual' })
  })

  it('undo of a pass, a break and a reorder restores the previous board', async () => {
    const { d, s } = await opened()
    const initial = await d.board()
    await d.call('rotation.pass', { memberId: s.王静.id })
    await d.call('rotation.breakStart', { memberId: s.刘洋.id })
    await d.call('rotation.reorder', { order: [s.王静.id, s.刘洋.id, s.陈晨.id], reason: '恢复' })
    await d.call('rotation.undo', {})
    expect(await boardLine(d)).toEqual(['刘洋:break', '陈晨:available', '王静:available'])
    await d.call('rotation.undo', {})
    await d.call('rotation.undo', {})
    expect((await d.board()).members).toEqual(initial.members)
    expect(await d.refusedCleanly('rotation.undo', {})).toEqual({ code: 'rule_violation', message: '没有可以撤销的操作' })
  })

  it('refuses to undo an assignment whose consultation started, or the end of a service', async () => {
    const { d } = await opened()
    const x1 = await d.arrive('客一', 'first')
    await d.move(x1.visit.id, 'consulting')
    expect(await d.refusedCleanly('rotation.undo', {})).toEqual({ code: 'rule_violation', message: 'A001 已开始咨询，不能撤销这次分配' })
    await d.move(x1.visit.id, 'billing')
    expect((await d.refusedCleanly('rotation.undo', {})).message).toBe('上一步是“接待结束”（由就诊状态产生），请在就诊记录上更正，不能在轮牌上撤销')
  })
})

describe('wrong actions: a clear message and nothing written', () => {
  it('assigning to someone off duty, not on the board, serving or on break', async () => {
    const { d, s } = await opened()
    await d.call('rotation.signOut', { memberId: s.陈晨.id })
    await d.call('rotation.breakStart', { memberId: s.刘洋.id })
    const busy = await d.arrive('客一', 'first') // 王静
    expect(busy.visit.consultantName).toBe('王静')
    const x = await d.arrive('客二', 'first', { assign: false })
    const manual = (memberId: number) => ({ visitId: x.visit.id, expectedVersion: 1, memberId, reason: '指定' })
    expect((await d.refusedCleanly('visits.assign', manual(s.陈晨.id))).message).toBe('陈晨 当前下班，不能接待新顾客')
    expect((await d.refusedCleanly('visits.assign', manual(s.赵雪.id))).message).toBe('赵雪 不在今天的轮牌上')
    expect((await d.refusedCleanly('visits.assign', manual(s.王静.id))).message).toBe('王静 当前接待中，不能接待新顾客')
    expect((await d.refusedCleanly('visits.assign', manual(s.刘洋.id))).message).toBe('刘洋 当前暂离，不能接待新顾客')
    expect((await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 1, memberId: s.刘洋.id })).message).toBe('请填写原因')
    expect((await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 1 })).message).toBe(
      '没有空闲的咨询师（或没有擅长该项目的空闲咨询师），顾客先候诊',
    )
    expect((await d.visit(x.visit.id)).consultantId).toBeNull()
  })

  it('undo with nothing to undo', async () => {
    const { d } = await opened()
    expect(await d.refusedCleanly('rotation.undo', {})).toEqual({ code: 'rule_violation', message: '没有可以撤销的操作' })
  })

  it('a second window acting on a stale visit version', async () => {
    const { d, s } = await opened()
    const x = await d.arrive('客一', 'first', { assign: false })
    await d.call('visits.setStatus', { visitId: x.visit.id, expectedVersion: 1, status: 'cancelled' }) // window 1
    const stale = await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 1, memberId: s.刘洋.id, reason: '窗口二' })
    expect(stale).toEqual({ code: 'conflict', message: 'A001 刚被其他窗口修改，请看最新状态后再操作' })
  })

  it('a double assignment, from a stale window and from a fresh one', async () => {
    const { d, s } = await opened()
    const x = await d.arrive('客一', 'first', { assign: false })
    await d.call('visits.assign', { visitId: x.visit.id, expectedVersion: 1 }) // window 1: 王静
    // Window 2 still shows version 1.
    expect((await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 1 })).code).toBe('conflict')
    // Window 2 reloaded but the client already has a consultant.
    expect(await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 2, memberId: s.刘洋.id, reason: '再分' })).toEqual({
      code: 'conflict', message: '该顾客已经分配过咨询师',
    })
    expect(d.db.prepare("SELECT count(*) FROM rotation_events WHERE type = 'assigned'").pluck().get()).toBe(1)
  })

  it('assigning a visit that is no longer waiting, or that is not of today', async () => {
    const { d } = await opened()
    const x = await d.arrive('客一', 'first', { assign: false })
    await d.move(x.visit.id, 'left')
    expect(await d.refusedCleanly('visits.assign', { visitId: x.visit.id, expectedVersion: 2 })).toEqual({
      code: 'rule_violation', message: 'A001 不在候诊中，不能分配',
    })
    const y = await d.arrive('客二', 'first', { assign: false })
    d.clock.set(2026, 11, 24)
    expect(await d.refusedCleanly('visits.assign', { visitId: y.visit.id, expectedVersion: 1 })).toEqual({
      code: 'rule_violation', message: 'A002 不是今天的就诊',
    })
  })

  it('board actions on members that are not there', async () => {
    const { d, s } = await opened()
    expect((await d.refusedCleanly('rotation.breakStart', { memberId: s.孙悦.id })).message).toBe('孙悦 不在今天的轮牌上')
    expect((await d.refusedCleanly('rotation.pass', { memberId: s.孙悦.id })).message).toBe('孙悦 不在今天的轮牌上')
    expect((await d.refusedCleanly('rotation.signIn', { memberId: 4242 })).code).toBe('not_found')
  })
})
