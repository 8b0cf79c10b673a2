import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

async function state(d: Desk, date?: string) {
  const input = date === undefined ? {} : { date }
  return {
    board: await d.call('rotation.board', input),
    visits: await d.call('visits.ofDay', input),
    log: await d.call('reports.dailyLog', input),
    events: d.db.prepare('SELECT board_date, board_kind, seq, type, payload, at, actor FROM rotation_events ORDER BY id').all(),
  }
}

async function busyMorning() {
  const path = dbPathIn(tempDir())
  const clock = makeClock()
  const d = openDesk(path, clock)
  const wj = await d.consultant('王静')
  const ly = await d.consultant('刘洋')
  const cc = await d.consultant('陈晨')
  const zx = await d.consultant('赵雪')
  await d.call('rotation.open', { memberIds: [wj.id, ly.id, cc.id, zx.id] })
  clock.tick(5)
  const x1 = await d.arrive('客一', 'first') // 王静
  clock.tick(5)
  await d.call('rotation.breakStart', { memberId: ly.id })
  const x2 = await d.arrive('客二', 'first') // 陈晨
  clock.tick(5)
  await d.call('rotation.signOut', { memberId: zx.id })
  const x3 = await d.arrive('客三', 'first') // nobody: waits
  const t1 = await d.arrive('复查客', 'review')
  clock.tick(5)
  await d.move(x1.visit.id, 'consulting')
  const row = await d.move(x1.visit.id, 'billing')
  await d.call('visits.setOutcome', { visitId: row.id, expectedVersion: row.version, outcome: 'deal' })
  await d.call('rotation.pass', { memberId: wj.id })
  expect([x1, x2].map((x) => x.visit.consultantName)).toEqual(['王静', '陈晨'])
  expect(x3.visit.consultantId).toBeNull()
  return { path, clock, d, ids: { wj: wj.id, ly: ly.id, cc: cc.id, zx: zx.id }, x3, t1 }
}

describe('closing and reopening the database mid-day', () => {
  it('gives the same board, waiting list and daily log, with no event lost or duplicated', async () => {
    const { path, clock, d } = await busyMorning()
    const before = await state(d)
    expect(before.board.members.map((m) => `${m.name}:${m.status}:${m.position}`)).toEqual([
      '刘洋:break:0', '陈晨:serving:1', '王静:available:2', '赵雪:off:null',
    ])
    expect(before.visits.filter((v) => v.consultantId === null && v.status === 'waiting').map((v) => v.queueNo)).toEqual(['A003', 'C001'])
    d.close()
    const again = openDesk(path, clock)
    expect(await state(again)).toEqual(before)
    again.close()
  })

  it('undoes after a restart exactly what was last done before it', async () => {
    const { path, clock, d } = await busyMorning()
    expect((await d.board()).undoable).toMatchObject({ type: 'passed' })
    const beforePass = (await d.board()).lastEvent?.seq
    d.close()
    const again = openDesk(path, clock)
    const view = await again.call('rotation.undo', {})
    expect(view.members.map((m) => `${m.name}:${m.status}:${m.position}`)).toEqual([
      '刘洋:break:0', '王静:available:1', '陈晨:serving:2', '赵雪:off:null',
    ])
    expect(view.members.find((m) => m.name === '王静')?.counts.passes).toBe(0)
    expect(view.lastEvent).toMatchObject({ type: 'undone', seq: (beforePass ?? 0) + 1 })
    again.close()
  })

  it('carries on numbering and assigning after the restart', async () => {
    const { path, clock, d, x3, ids } = await busyMorning()
    const events = d.count('rotation_events')
    d.close()
    const again = openDesk(path, clock)
    clock.tick(5)
    const x4 = await again.arrive('客四', 'first', { assign: false })
    expect(x4.visit.queueNo).toBe('A004')
    // The waiting A003 goes to 王静, the only available member, and only once.
    const assigned = await again.call('visits.assign', { visitId: x3.visit.id, expectedVersion: x3.visit.version })
    expect(assigned).toMatchObject({ queueNo: 'A003', consultantName: '王静', assignedBy: 'rotation' })
    expect((await again.refused('visits.assign', { visitId: x3.visit.id, expectedVersion: assigned.version })).code).toBe('conflict')
    await again.call('rotation.breakEnd', { memberId: ids.ly })
    const seqs = again.db.prepare('SELECT seq FROM rotation_events ORDER BY seq').pluck().all()
    expect(seqs).toEqual(Array.from({ length: events + 2 }, (_, i) => i + 1))
    again.close()
  })

  it('keeps yesterday readable by date after a restart the next morning, and opens the new day continuing from it', async () => {
    const { path, clock, d, ids } = await busyMorning()
    const yesterday = await state(d, '2026-11-23')
    const yesterdayFigures = await d.call('rotation.figures', { from: '2026-11-23', to: '2026-11-23' })
    await d.setting({ rotationOpenMode: 'continue' })
    d.close()
    clock.set(2026, 11, 24, 8, 30)
    const again = openDesk(path, clock)
    expect(await state(again, '2026-11-23')).toEqual(yesterday)
    expect(await again.call('rotation.figures', { from: '2026-11-23', to: '2026-11-23' })).toEqual(yesterdayFigures)
    expect(await again.call('rotation.board', {})).toMatchObject({ date: '2026-11-24', opened: false, members: [] })
    await again.call('rotation.open', { memberIds: [ids.wj, ids.ly, ids.cc, ids.zx] })
    // Yesterday's last turn was 陈晨's; the order right after it was 刘洋 赵雪 王静 陈晨, so 刘洋 is first.
    expect(await again.order()).toEqual(['刘洋', '赵雪', '王静', '陈晨'])
    expect((await again.arrive('客五', 'first')).visit).toMatchObject({ queueNo: 'A001', consultantName: '刘洋' })
    again.close()
  })
})
