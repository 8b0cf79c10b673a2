import { describe, expect, it } from 'vitest'
import type { FairnessRow } from '../../core/api/rotation.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

async function consult(d: Desk, visitId: number, outcome: 'deal' | 'no_deal' | null, end: 'done' | 'billing' | null = 'done') {
  const row = await d.move(visitId, 'consulting')
  if (outcome !== null) {
    await d.call('visits.setOutcome', { visitId, expectedVersion: row.version, outcome, reason: outcome === 'no_deal' ? '价格太高' : '' })
  }
  if (end !== null) await d.move(visitId, end)
}

const pick = (rows: FairnessRow[]) =>
  rows.map((r) => ({
    name: r.name, days: r.days, turns: r.rotationTurns, rotation: r.rotation, designated: r.designated, returning: r.returning,
    manual: r.manual, passes: r.passes, total: r.totalClients, deals: r.deals, rate: r.conversionRate,
  }))

/** Two working days with every kind of assignment and outcome. */
async function twoDays() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wj = await d.consultant('王静')
  const ly = await d.consultant('刘洋')
  const cc = await d.consultant('陈晨')

  d.clock.set(2026, 11, 20)
  await d.call('rotation.open', { memberIds: [wj.id, ly.id, cc.id] })
  const x1 = await d.arrive('客一', 'first') // 王静, rotation
  await consult(d, x1.visit.id, 'deal')
  const x2 = await d.arrive('客二', 'first') // 刘洋, rotation
  await consult(d, x2.visit.id, 'no_deal')
  await d.call('rotation.pass', { memberId: cc.id }) // order 王静 刘洋 陈晨
  const x3 = await d.arrive('客三', 'first', { designatedConsultantId: cc.id })
  await consult(d, x3.visit.id, 'deal')
  const x4 = await d.arrive('客四', 'first', { assign: false })
  await d.call('visits.assign', { visitId: x4.visit.id, expectedVersion: 1, memberId: ly.id, reason: '熟客介绍' })
  await consult(d, x4.visit.id, 'deal', null)
  const x5 = await d.arrive('客五', 'first') // 王静, no outcome yet
  expect([x1, x2, x3, x5].map((x) => x.visit.consultantName)).toEqual(['王静', '刘洋', '陈晨', '王静'])

  d.clock.set(2026, 11, 21)
  await d.call('rotation.open', { memberIds: [cc.id, ly.id] })
  const y1 = await d.arrive('客六', 'first') // 陈晨
  await consult(d, y1.visit.id, 'no_deal')
  const y2 = await d.arrive(x1.client.id, 'returning') // own consultant 王静 is off: 刘洋 by rotation
  expect(y2.visit).toMatchObject({ consultantName: '刘洋', assignedBy: 'rotation' })
  await consult(d, y2.visit.id, 'deal', 'billing')
  const y3 = await d.arrive('客七', 'first') // 陈晨, then undone: counts nothing
  expect(y3.visit.consultantName).toBe('陈晨')
  await d.call('rotation.undo', {})
  return d
}

describe('rotation.figures', () => {
  it('gives the counts of one day with deals and the conversion rate', async () => {
    const d = await twoDays()
    expect(pick(await d.call('rotation.figures', { from: '2026-11-20', to: '2026-11-20' }))).toEqual([
      { name: '王静', days: 1, turns: 2, rotation: 2, designated: 0, returning: 0, manual: 0, passes: 0, total: 2, deals: 1, rate: 1 },
      { name: '刘洋', days: 1, turns: 2, rotation: 1, designated: 0, returning: 0, manual: 1, passes: 0, total: 2, deals: 1, rate: 0.5 },
      { name: '陈晨', days: 1, turns: 0, rotation: 0, designated: 1, returning: 0, manual: 0, passes: 1, total: 1, deals: 1, rate: 1 },
    ])
    expect(pick(await d.call('rotation.figures', { from: '2026-11-21', to: '2026-11-21' }))).toEqual([
      { name: '陈晨', days: 1, turns: 1, rotation: 1, designated: 0, returning: 0, manual: 0, passes: 0, total: 1, deals: 0, rate: 0 },
      { name: '刘洋', days: 1, turns: 1, rotation: 1, designated: 0, returning: 0, manual: 0, passes: 0, total: 1, deals: 1, rate: 1 },
    ])
  })

  it('sums a period per consultant', async () => {
    const d = await twoDays()
    const rows = await d.call('rotation.figures', { from: '2026-11-01', to: '2026-11-30' })
    expect(pick(rows)).toEqual([
      { name: '王静', days: 1, turns: 2, rotation: 2, designated: 0, returning: 0, manual: 0, passes: 0, total: 2, deals: 1, rate: 1 },
      { name: '刘洋', days: 2, turns: 3, rotation: 2, designated: 0, returning: 0, manual: 1, passes: 0, total: 3, deals: 2, rate: 2 / 3 },
      { name: '陈晨', days: 2, turns: 1, rotation: 1, designated: 1, returning: 0, manual: 0, passes: 1, total: 2, deals: 1, rate: 0.5 },
    ])
    expect(rows.every((r) => typeof r.memberId === 'number')).toBe(true)
  })

  it('answers a period without boards with nothing, and refuses a reversed range', async () => {
    const d = await twoDays()
    expect(await d.call('rotation.figures', { from: '2026-11-22', to: '2026-11-30' })).toEqual([])
    const error = await d.refused('rotation.figures', { from: '2026-11-21', to: '2026-11-20' })
    expect(error.code).toBe('invalid_input')
    expect(error.fields?.to).toBe('结束日期不能早于开始日期')
  })

  it('gives a consultant without any outcome a null conversion rate', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    const wj = await d.consultant('王静')
    await d.call('rotation.open', { memberIds: [wj.id] })
    await d.arrive('客一', 'first')
    const [row] = await d.call('rotation.figures', { from: '2026-11-23', to: '2026-11-23' })
    expect(row).toMatchObject({ name: '王静', totalClients: 1, deals: 0, conversionRate: null })
  })

  it('keeps turns within one of each other when everyone is available and every client goes by rotation', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    const ids = []
    for (const name of ['王静', '刘洋', '陈晨', '赵雪', '孙悦']) ids.push((await d.consultant(name)).id)
    await d.call('rotation.open', { memberIds: ids })
    for (let i = 0; i < 23; i++) {
      const x = await d.arrive(`客${i}`, 'first')
      expect(x.assignRefusal).toBeNull()
      await d.move(x.visit.id, 'left') // served at once: everyone is available again
      const turns = (await d.board()).members.map((m) => m.counts.rotationTurns)
      expect(Math.max(...turns) - Math.min(...turns)).toBeLessThanOrEqual(1)
    }
    const rows = await d.call('rotation.figures', { from: '2026-11-23', to: '2026-11-23' })
    expect(rows.map((r) => r.rotationTurns)).toEqual([5, 5, 5, 4, 4])
  })
})
