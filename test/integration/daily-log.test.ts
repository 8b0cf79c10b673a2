import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()

/** A day: 刘洋 one no deal, 王静 two deals (rotation and designated), a cancelled review nobody took. */
async function day() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const ly = await d.consultant('刘洋')
  const wj = await d.consultant('王静')
  await d.call('rotation.open', { memberIds: [ly.id, wj.id] })
  d.clock.set(2026, 11, 23, 9, 5)
  const x1 = await d.arrive('张小丽', 'first') // 刘洋
  d.clock.set(2026, 11, 23, 9, 12)
  const x2 = await d.arrive('李娜', 'first', { channel: 'online' }) // 王静
  d.clock.set(2026, 11, 23, 9, 30)
  const t1 = await d.arrive('王芳', 'review', { channel: 'phone' })
  await d.move(t1.visit.id, 'cancelled')
  let row = await d.move(x1.visit.id, 'consulting')
  await d.call('visits.setOutcome', { visitId: x1.visit.id, expectedVersion: row.version, outcome: 'no_deal', reason: '价格太高' })
  await d.move(x1.visit.id, 'done')
  row = await d.move(x2.visit.id, 'consulting')
  await d.call('visits.setOutcome', { visitId: x2.visit.id, expectedVersion: row.version, outcome: 'deal' })
  await d.move(x2.visit.id, 'billing')
  d.clock.set(2026, 11, 23, 10, 45)
  const x3 = await d.arrive('赵敏', 'first', { designatedConsultantId: wj.id, clientFields: { channel: 'referral' } })
  row = await d.move(x3.visit.id, 'consulting')
  await d.call('visits.setOutcome', { visitId: x3.visit.id, expectedVersion: row.version, outcome: 'deal' })
  // 李娜's fee sheet is confirmed (it counts); 赵敏's is still a draft, and a voided one (neither counts).
  const item = await d.call('prices.create', { code: 'T100', name: '热玛吉', category: 'treatment', unit: '次', listPriceFen: 492050, floorPriceFen: null, costFen: null })
  const sheet = async (visitId: number, confirm: boolean) => {
    const draft = await d.call('fees.create', { visitId })
    const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: item.id, quantity: 1 }], roundDown: 'yuan' })
    return confirm ? d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision }) : saved
  }
  await sheet(x2.visit.id, true)
  const wrong = await sheet(x3.visit.id, true)
  await d.call('fees.void', { id: wrong.id, reason: '开错了' })
  await sheet(x3.visit.id, false)
  d.clock.set(2026, 11, 24, 9, 0) // the next morning: the log of yesterday is asked by date
  return { d, ly, wj, x2 }
}

describe('reports.dailyLog', () => {
  it('lists the day in arrival order with consultants and outcomes, and totals per consultant', async () => {
    const { d, ly, wj, x2 } = await day()
    const log = await d.call('reports.dailyLog', { date: '2026-11-23' })
    expect(log.date).toBe('2026-11-23')
    expect(log.visits.map((v) => [v.queueNo, v.clientName, v.consultantName, v.assignedBy, v.status, v.outcome, v.noDealReason])).toEqual([
      ['A001', '张小丽', '刘洋', 'rotation', 'done', 'no_deal', '价格太高'],
      ['A002', '李娜', '王静', 'rotation', 'billing', 'deal', ''],
      ['C001', '王芳', null, null, 'cancelled', null, ''],
      ['A003', '赵敏', '王静', 'designated', 'consulting', 'deal', ''],
    ])
    expect(log.amounts).toEqual({ [x2.visit.id]: 492000 }) // ¥4,920.50 with 抹零 to the yuan
    expect(log.totals).toEqual([
      { consultantId: wj.id, name: '王静', visits: 2, deals: 2, noDeals: 0, amountFen: 492000 },
      { consultantId: ly.id, name: '刘洋', visits: 1, deals: 0, noDeals: 1, amountFen: 0 },
      { consultantId: null, name: '', visits: 1, deals: 0, noDeals: 0, amountFen: 0 },
    ])
  })

  it("defaults to today, which is empty the next morning", async () => {
    const { d } = await day()
    expect(await d.call('reports.dailyLog', {})).toEqual({ date: '2026-11-24', visits: [], amounts: {}, totals: [] })
  })
})

describe('reports.dailyLogXlsx', () => {
  it('exports a workbook whose rows read back as the log', async () => {
    const { d } = await day()
    await d.setting({ clinicName: '丽颜医美' })
    const file = await d.call('reports.dailyLogXlsx', { date: '2026-11-23' })
    expect(file.fileName).toBe('一日当面咨询表-2026-11-23.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('一日当面咨询表')
    expect(sheet).toBeDefined()
    if (!sheet) return
    const rows: unknown[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1)
      rows.push(values.map((v) => v ?? ''))
    })
    expect(rows[0]?.[0]).toBe('丽颜医美 一日当面咨询表 2026-11-23')
    expect(rows[1]).toEqual(['序号', '到店时间', '排队号', '顾客', '档案号', '类型', '渠道', '咨询师', '分配方式', '状态', '结果', '金额（元）'])
    expect(rows.slice(2, 6)).toEqual([
      [1, '09:05', 'A001', '张小丽', 'DA202600001', '初诊', '自然到店', '刘洋', '轮牌', '离院', '未成交：价格太高'], // no fee sheet: no amount
      [2, '09:12', 'A002', '李娜', 'DA202600002', '初诊', '网络平台', '王静', '轮牌', '待缴费', '成交', 4920],
      [3, '09:30', 'C001', '王芳', 'DA202600003', '复查/治疗', '电话', '', '', '已取消', ''],
      [4, '10:45', 'A003', '赵敏', 'DA202600004', '初诊', '转介绍', '王静', '指定', '咨询中', '成交'], // a draft and a voided sheet do not count
    ])
    const totalsAt = rows.findIndex((r) => r[0] === '咨询师')
    expect(totalsAt).toBeGreaterThan(5)
    expect(rows.slice(totalsAt)).toEqual([
      ['咨询师', '接待', '成交', '未成交', '金额（元）'],
      ['王静', 2, 2, 0, 4920],
      ['刘洋', 1, 0, 1, 0],
      ['（未分配）', 1, 0, 0, 0],
    ])
  })

  it('exports an empty day with its headers only', async () => {
    const { d } = await day()
    const file = await d.call('reports.dailyLogXlsx', {})
    expect(file.fileName).toBe('一日当面咨询表-2026-11-24.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('一日当面咨询表')
    expect(sheet?.getRow(2).getCell(3).value).toBe('排队号')
    expect(sheet?.getRow(3).getCell(1).value ?? null).toBeNull()
    expect(sheet?.getRow(4).getCell(1).value).toBe('咨询师')
  })
})
