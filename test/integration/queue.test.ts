import { describe, expect, it } from 'vitest'
import { spokenText } from '../../core/domain/callSentence.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()

/** A morning with two consultants in rooms 3 and 5 and the board open. */
async function morning() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wang = await d.consultant('王静', [], '3')
  const li = await d.consultant('李娜', [], '5')
  await d.call('rotation.open', { memberIds: [wang.id, li.id] })
  return { d, wang, li }
}

describe('calling a waiting client', () => {
  it('calls, logs the call and shows it on the display with a masked name and the sentence', async () => {
    const { d } = await morning()
    const { visit } = await d.arrive('张小丽', 'first', { clientFields: { phone: '13912345678' } })
    expect(visit).toMatchObject({ queueNo: 'A001', consultantName: '王静' })
    d.clock.tick(4)
    const called = await d.call('queue.call', { visitId: visit.id, expectedVersion: visit.version })
    expect(called.status).toBe('called')
    const display = await d.call('queue.display', {})
    expect(display.current).toMatchObject({
      kind: 'call',
      queueNo: 'A001',
      maskedName: '张*丽',
      consultantName: '王静',
      room: '3',
      sentence: '请 A001 号 张*丽 到 3 号咨询室',
      at: d.clock.now.toISOString(),
    })
    expect(JSON.stringify(display)).not.toContain('13912345678')
    expect(JSON.stringify(display)).not.toContain('张小丽')
    expect(d.published.at(-1)).toEqual(expect.arrayContaining([{ topic: 'calls', ids: [visit.id] }]))
  })

  it('recalls (repeat) and skips-and-keeps: the client waits again with the same consultant, and every call is logged', async () => {
    const { d } = await morning()
    const { visit } = await d.arrive('王五', 'first')
    const called = await d.call('queue.call', { visitId: visit.id, expectedVersion: visit.version })
    d.clock.tick(1)
    await d.call('queue.recall', { visitId: visit.id })
    const display = await d.call('queue.display', {})
    expect(display.current).toMatchObject({ kind: 'recall', queueNo: 'A001', maskedName: '王*' })
    expect(display.recent).toEqual([expect.objectContaining({ kind: 'call', queueNo: 'A001' })])
    const skipped = await d.call('queue.skip', { visitId: visit.id, expectedVersion: called.version })
    expect(skipped).toMatchObject({ status: 'waiting', consultantName: '王静' })
    const kinds = d.db.prepare('SELECT kind FROM calls WHERE visit_id = ? ORDER BY id').pluck().all(visit.id)
    expect(kinds).toEqual(['call', 'recall', 'skip'])
    const afterSkip = await d.call('queue.display', {})
    expect(afterSkip.waiting.map((w) => w.queueNo)).toEqual(['A001'])
    // Not there: the call leaves the screen until the client is called again.
    expect(afterSkip.current).toBeNull()
    await d.call('queue.call', { visitId: visit.id, expectedVersion: skipped.version })
    expect((await d.call('queue.display', {})).current).toMatchObject({ kind: 'call', queueNo: 'A001' })
  })

  it('refuses to call a client who has left, or twice, or from a stale window; nothing is written', async () => {
    const { d } = await morning()
    const a = await d.arrive('甲一', 'first')
    await d.move(a.visit.id, 'left')
    expect(await d.refusedCleanly('queue.call', { visitId: a.visit.id, expectedVersion: (await d.visit(a.visit.id)).version })).toEqual({
      code: 'rule_violation',
      message: 'A001 不在候诊中，不能叫号',
    })
    const b = await d.arrive('乙二', 'first')
    await d.call('queue.call', { visitId: b.visit.id, expectedVersion: b.visit.version })
    expect((await d.refusedCleanly('queue.call', { visitId: b.visit.id, expectedVersion: b.visit.version })).code).toBe('conflict')
    const c = await d.arrive('丙三', 'review')
    expect(await d.refusedCleanly('queue.recall', { visitId: c.visit.id })).toMatchObject({ code: 'rule_violation' })
  })

  it('uses the template without a room for a review visit, and the settings templates', async () => {
    const { d } = await morning()
    const { visit } = await d.arrive('赵敏', 'review')
    await d.call('queue.call', { visitId: visit.id, expectedVersion: visit.version })
    expect((await d.call('queue.display', {})).current?.sentence).toBe('请 C001 号 赵* 到前台')
    await d.setting({ callTemplate: '{number} 号 {name}，请到 {room} 诊室找 {consultant}' })
    const next = await d.arrive('钱多多', 'first')
    await d.call('queue.call', { visitId: next.visit.id, expectedVersion: next.visit.version })
    expect((await d.call('queue.display', {})).current?.sentence).toBe('A001 号 钱*多，请到 3 诊室找 王静')
  })

  it('lists the numbers still waiting, in order, and the speech settings', async () => {
    const { d } = await morning()
    await d.arrive('一号', 'first')
    await d.arrive('二号', 'first')
    await d.arrive('三号', 'first') // nobody free: waits unassigned
    await d.arrive('四号', 'review')
    const display = await d.call('queue.display', {})
    expect(display.waiting).toEqual([
      { queueNo: 'A001', type: 'first' },
      { queueNo: 'A002', type: 'first' },
      { queueNo: 'A003', type: 'first' },
      { queueNo: 'C001', type: 'review' },
    ])
    expect(display.speech).toEqual({ voice: '', volume: 1, repeat: 2, language: 'zh-CN' })
    expect(display.current).toBeNull()
  })
})

describe('queue tickets', () => {
  it('counts the clients of the same type still waiting ahead', async () => {
    const { d } = await morning()
    const first = await d.arrive('一号', 'first')
    await d.arrive('复诊客', 'review')
    const second = await d.arrive('二号', 'first')
    const third = await d.arrive('三号', 'first')
    await d.call('queue.call', { visitId: first.visit.id, expectedVersion: first.visit.version })
    await d.move(first.visit.id, 'consulting')
    expect(await d.call('queue.ticket', { visitId: third.visit.id })).toMatchObject({ queueNo: 'A003', type: 'first', waitingAhead: 1 })
    expect(await d.call('queue.ticket', { visitId: second.visit.id })).toMatchObject({ queueNo: 'A002', waitingAhead: 0 })
  })
})

describe('the display window from the desk', () => {
  it('says it is unavailable where the host has no windows (the web preview)', async () => {
    const { d } = await morning()
    expect(await d.call('display.setOpen', { open: true })).toEqual({ available: false, open: false })
  })
})

describe('the spoken sentence', () => {
  it('reads the mask as 某 and the number digit by digit', () => {
    expect(spokenText('请 A012 号 张*丽 到 3 号咨询室')).toBe('请 A 0 1 2 号 张某丽 到 3 号咨询室')
    expect(spokenText('请 VA100 号 王* 到前台')).toBe('请 VA 1 0 0 号 王某 到前台')
  })
})
