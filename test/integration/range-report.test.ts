import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { contract } from '../../core/api/contract.ts'
import type { Operator } from '../../core/api/operator.ts'
import { CHANNELS } from '../../core/domain/client.ts'
import { roleMay } from '../../core/domain/permissions.ts'
import { STAFF_ROLES } from '../../core/domain/staff.ts'
import { RANGE_FACTS_SQL } from '../../electron/api/reports/rangeReport.ts'
import { RANGE_HEADERS, RANGE_SHEETS } from '../../electron/api/reports/rangeReportXlsx.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** The current version of a visit, then a status move (through the API, at the clock's time). */
async function outcome(d: Desk, visitId: number, result: 'deal' | 'no_deal') {
  const v = await d.visit(visitId)
  await d.call('visits.setOutcome', { visitId, expectedVersion: v.version, outcome: result, reason: result === 'no_deal' ? '价格太高' : '' })
}

async function queueCall(d: Desk, visitId: number) {
  return d.call('queue.call', { visitId, expectedVersion: (await d.visit(visitId)).version })
}

/**
 * A week (Mon 16 – Sun 22 November 2026) of three consultants and one visit after it:
 *
 * Mon 16, board 王静 刘洋 陈晨
 *   a1 客一 first walk-in → 王静 (rotation): 09:00 in, 09:10 called, 09:12 consulting, deal, 09:50 billing;
 *      fee sheet ¥3,800.00 less a ¥500.00 deposit, confirmed and paid: ¥3,300.00 payable
 *   a2 客二 first online → 刘洋 (rotation): 09:05 in, 09:25 consulting (never called), no deal, 09:45 done
 *   a3 客三 first referral, designated 陈晨: 09:20 in, 09:30 called, 09:31 skipped, 09:33 called again, 09:34
 *      consulting, deal, 10:01 with the doctor, 10:20 billing; a ¥3,800.00 sheet confirmed then voided, a
 *      ¥1,500.00 sheet confirmed
 *   a4 客四 review by phone, nobody's: 10:00 in, 10:05 cancelled
 * Tue 17, board 刘洋 陈晨 王静
 *   b1 客一 returning → 王静 (own consultant): 09:00 in, 09:15 called, 09:20 consulting, deal, still
 *      consulting (no end); a draft fee sheet only
 *   b2 客五 first walk-in → 刘洋 (rotation): 09:10 in, 10:00 left unseen
 *   b3 客六 first walk-in, given by hand to 陈晨: 09:30 in, 09:40 consulting, no deal, 10:10 done
 * Mon 23, board 王静: c1 客七 first → 王静, deal, ¥3,800.00 confirmed (outside the week)
 */
async function week() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wj = await d.consultant('王静')
  const ly = await d.consultant('刘洋')
  const cc = await d.consultant('陈晨')
  const ha = await d.call('prices.create', { code: 'HA01', name: '玻尿酸', category: 'treatment', unit: '支', listPriceFen: 380000, floorPriceFen: null, costFen: null })
  const sg = await d.call('prices.create', { code: 'SG01', name: '水光针', category: 'treatment', unit: '次', listPriceFen: 150000, floorPriceFen: null, costFen: null })
  const sheet = async (visitId: number, itemId: number, opts: { deposit?: number; confirm?: boolean } = {}) => {
    const draft = await d.call('fees.create', { visitId })
    const saved = await d.call('fees.saveDraft', {
      id: draft.id,
      expectedRevision: draft.revision,
      lines: [{ itemId, quantity: 1 }],
      deposits: opts.deposit ? [{ fen: opts.deposit, note: 'DJ-0001' }] : [],
    })
    return opts.confirm === false ? saved : d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  }
  const at = (day: number, h: number, mi: number) => d.clock.set(2026, 11, day, h, mi)

  at(16, 8, 55)
  await d.call('rotation.open', { memberIds: [wj.id, ly.id, cc.id] })
  at(16, 9, 0)
  const a1 = await d.arrive('客一', 'first')
  at(16, 9, 5)
  const a2 = await d.arrive('客二', 'first', { channel: 'online' })
  at(16, 9, 10)
  await queueCall(d, a1.visit.id)
  at(16, 9, 12)
  await d.move(a1.visit.id, 'consulting')
  await outcome(d, a1.visit.id, 'deal')
  at(16, 9, 20)
  const a3 = await d.arrive('客三', 'first', { channel: 'referral', designatedConsultantId: cc.id })
  at(16, 9, 25)
  await d.move(a2.visit.id, 'consulting')
  at(16, 9, 30)
  await queueCall(d, a3.visit.id)
  at(16, 9, 31)
  await d.call('queue.skip', { visitId: a3.visit.id, expectedVersion: (await d.visit(a3.visit.id)).version })
  at(16, 9, 33)
  await queueCall(d, a3.visit.id)
  at(16, 9, 34)
  await d.move(a3.visit.id, 'consulting')
  await outcome(d, a3.visit.id, 'deal')
  at(16, 9, 45)
  await outcome(d, a2.visit.id, 'no_deal')
  await d.move(a2.visit.id, 'done')
  at(16, 9, 50)
  await d.move(a1.visit.id, 'billing')
  const paid = await sheet(a1.visit.id, ha.id, { deposit: 50000 })
  await d.call('fees.pay', { id: paid.id, payments: [{ method: 'wechat', fen: 330000 }] })
  at(16, 10, 0)
  const a4 = await d.arrive('客四', 'review', { channel: 'phone' })
  at(16, 10, 1)
  await d.move(a3.visit.id, 'with_doctor')
  at(16, 10, 5)
  await d.move(a4.visit.id, 'cancelled')
  at(16, 10, 20)
  await d.move(a3.visit.id, 'billing')
  const wrong = await sheet(a3.visit.id, ha.id)
  await d.call('fees.void', { id: wrong.id, reason: '开错了项目' })
  await sheet(a3.visit.id, sg.id)

  at(17, 8, 55)
  await d.call('rotation.open', { memberIds: [ly.id, cc.id, wj.id] })
  at(17, 9, 0)
  const b1 = await d.arrive(a1.client.id, 'returning')
  at(17, 9, 10)
  const b2 = await d.arrive('客五', 'first')
  at(17, 9, 15)
  await queueCall(d, b1.visit.id)
  at(17, 9, 20)
  await d.move(b1.visit.id, 'consulting')
  await outcome(d, b1.visit.id, 'deal')
  await sheet(b1.visit.id, sg.id, { confirm: false })
  at(17, 9, 30)
  const b3 = await d.arrive('客六', 'first', { assign: false })
  await d.call('visits.assign', { visitId: b3.visit.id, expectedVersion: b3.visit.version, memberId: cc.id, reason: '熟客介绍' })
  at(17, 9, 40)
  await d.move(b3.visit.id, 'consulting')
  at(17, 10, 0)
  await d.move(b2.visit.id, 'left')
  at(17, 10, 10)
  await outcome(d, b3.visit.id, 'no_deal')
  await d.move(b3.visit.id, 'done')

  at(23, 8, 55)
  await d.call('rotation.open', { memberIds: [wj.id] })
  at(23, 9, 0)
  const c1 = await d.arrive('客七', 'first')
  await d.move(c1.visit.id, 'consulting')
  await outcome(d, c1.visit.id, 'deal')
  await sheet(c1.visit.id, ha.id)

  expect([a1, a2, a3, b1, b2, b3, c1].map((x) => [x.visit.consultantName, x.visit.assignedBy])).toEqual([
    ['王静', 'rotation'],
    ['刘洋', 'rotation'],
    ['陈晨', 'designated'],
    ['王静', 'returning'],
    ['刘洋', 'rotation'],
    [null, null], // assigned by hand afterwards
    ['王静', 'rotation'],
  ])
  at(24, 9, 0)
  return { d, wj, ly, cc }
}

const receptionist: Operator = { id: null, name: 'x', role: 'receptionist' }

describe('reports.range', () => {
  it('gives the week exactly: visits by type and channel, consultants, money, waiting and consultation times', async () => {
    const { d, wj, ly, cc } = await week()
    const report = await d.call('reports.range', { from: '2026-11-16', to: '2026-11-22' })
    expect(report.from).toBe('2026-11-16')
    expect(report.to).toBe('2026-11-22')
    expect(report.days).toBe(7)
    // a4 was cancelled; five consultations (not b2, who left unseen), deals a1 a3 b1
    expect(report.totals).toEqual({ visits: 6, cancelled: 1, consultations: 5, deals: 3, noDeals: 2, conversionRate: 0.6, revenueFen: 480000 })
    expect(report.byType).toEqual([
      { type: 'first', visits: 5, consultations: 4, deals: 2 },
      { type: 'returning', visits: 1, consultations: 1, deals: 1 },
      { type: 'review', visits: 0, consultations: 0, deals: 0 },
    ])
    expect(report.byChannel.map((c) => c.channel)).toEqual([...CHANNELS])
    expect(report.byChannel.filter((c) => c.visits > 0)).toEqual([
      { channel: 'walk_in', visits: 4, consultations: 3, deals: 2 },
      { channel: 'online', visits: 1, consultations: 1, deals: 0 },
      { channel: 'referral', visits: 1, consultations: 1, deals: 1 },
    ])
    expect(report.consultants).toEqual([
      // a1 paid ¥3,300.00 payable (the deposit is not theirs again); c1 is outside the week
      { staffId: wj.id, name: '王静', turns: 1, designated: 0, returning: 1, partner: 0, manual: 0, consultations: 2, deals: 2, conversionRate: 1, revenueFen: 330000 },
      // the voided ¥3,800.00 does not count, the ¥1,500.00 confirmed one does
      { staffId: cc.id, name: '陈晨', turns: 0, designated: 1, returning: 0, partner: 0, manual: 1, consultations: 2, deals: 1, conversionRate: 0.5, revenueFen: 150000 },
      { staffId: ly.id, name: '刘洋', turns: 2, designated: 0, returning: 0, partner: 0, manual: 0, consultations: 1, deals: 0, conversionRate: 0, revenueFen: 0 },
    ])
    // waits a1 10 (to the call), a2 20 (to the consultation), a3 10 (to the first of two calls), b1 15, b3 10; b2 none
    expect(report.waiting).toEqual({ count: 5, median: 10, p90: 18, missing: 1 })
    // a1 38 (to billing), a2 20 (to done), a3 46 (the doctor included, to billing), b3 30; b1 still consulting
    expect(report.consultation).toEqual({ count: 4, median: 34, p90: 43.6, missing: 1 })
  })

  it('takes the days of the range only, both ends included', async () => {
    const { d, wj } = await week()
    const monday = await d.call('reports.range', { from: '2026-11-16', to: '2026-11-16' })
    expect(monday.totals).toMatchObject({ visits: 3, cancelled: 1, consultations: 3, deals: 2, revenueFen: 480000 })
    const next = await d.call('reports.range', { from: '2026-11-23', to: '2026-11-29' })
    expect(next.totals).toMatchObject({ visits: 1, consultations: 1, deals: 1, revenueFen: 380000 })
    expect(next.consultants).toEqual([
      { staffId: wj.id, name: '王静', turns: 1, designated: 0, returning: 0, partner: 0, manual: 0, consultations: 1, deals: 1, conversionRate: 1, revenueFen: 380000 },
    ])
    expect(next.waiting).toEqual({ count: 1, median: 0, p90: 0, missing: 0 }) // consulted the minute they came
    expect(next.consultation).toEqual({ count: 0, median: null, p90: null, missing: 1 })
    const empty = await d.call('reports.range', { from: '2025-01-01', to: '2025-12-31' })
    expect(empty.totals).toEqual({ visits: 0, cancelled: 0, consultations: 0, deals: 0, noDeals: 0, conversionRate: null, revenueFen: 0 })
    expect(empty.consultants).toEqual([])
  })

  it('refuses a range that ends before it starts, or is longer than 366 days, or is not made of dates', async () => {
    const { d } = await week()
    expect(await d.refusedCleanly('reports.range', { from: '2026-11-22', to: '2026-11-16' })).toEqual({
      code: 'invalid_input',
      message: '输入有误，请检查标红的项目（to：结束日期不能早于开始日期）',
      fields: { to: '结束日期不能早于开始日期' },
    })
    expect(await d.refused('reports.rangeXlsx', { from: '2025-01-01', to: '2026-01-02' })).toMatchObject({
      code: 'invalid_input',
      fields: { to: '统计区间最长 366 天，请缩短日期范围' },
    })
    expect(await d.refused('reports.range', { from: '2026-11-01', to: '2026-11-31' })).toMatchObject({ code: 'invalid_input', fields: { to: '日期格式应为 YYYY-MM-DD' } })
    expect(await d.refused('reports.range', { from: '2026-11-01' } as never)).toMatchObject({ code: 'invalid_input' })
    expect(await d.refused('reports.range', { from: '2026-11-01', to: '2026-11-02', kind: 'consultant' } as never)).toMatchObject({ code: 'invalid_input' })
    // a leap year is 366 days: accepted
    expect((await d.call('reports.range', { from: '2024-01-01', to: '2024-12-31' })).days).toBe(366)
    await d.setting({ language: 'en-US' })
    expect(await d.refused('reports.range', { from: '2024-01-01', to: '2025-01-01' })).toMatchObject({
      fields: { to: 'A report covers at most 366 days; choose a shorter range' },
    })
  })

  it('answers any hostile input with a typed refusal and writes nothing', async () => {
    const { d } = await week()
    const hostile: unknown[] = [
      null, 42, 'DROP TABLE visits', [], { from: "2026-11-01' OR 1=1 --", to: '2026-11-02' }, { from: 20261101, to: 20261102 },
      JSON.parse('{"__proto__": {"polluted": true}, "from": "2026-11-01", "to": "2026-11-02"}'), { from: '0000-01-01', to: '9999-12-31' }, { from: '2026-11-01T00:00:00Z', to: '2026-11-02' },
    ]
    for (const method of ['reports.range', 'reports.rangeXlsx'] as const) {
      for (const input of hostile) {
        expect(await d.refusedCleanly(method, input as never), `${method} ${JSON.stringify(input)}`).toMatchObject({ code: 'invalid_input' })
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(d.logged).toEqual([])
  })

  it("is the administrator's: every other role is refused", async () => {
    const { d } = await week()
    expect(contract['reports.range'].permission).toBe('admin')
    expect(contract['reports.rangeXlsx'].permission).toBe('admin')
    expect(STAFF_ROLES.filter((role) => roleMay(role, 'admin'))).toEqual(['administrator'])
    const input = { from: '2026-11-16', to: '2026-11-22' }
    expect(await d.refused('reports.range', input, receptionist)).toMatchObject({ code: 'forbidden' })
    expect(await d.refused('reports.rangeXlsx', input, receptionist)).toMatchObject({ code: 'forbidden' })
    expect(await d.refused('reports.range', input, { id: null, name: '王静', role: 'consultant' })).toMatchObject({ code: 'forbidden' })
    expect(await d.call('reports.range', input, { id: null, name: '管理员', role: 'administrator' })).toMatchObject({ days: 7 })
  })

  it('reads the range through the indexes of visits, status moves and fee sheets, scanning no table', async () => {
    const { d } = await week()
    const plan = (d.db.prepare(`EXPLAIN QUERY PLAN ${RANGE_FACTS_SQL}`).all({ from: '2026-11-16', to: '2026-11-22' }) as { detail: string }[]).map((r) => r.detail)
    expect(plan.some((line) => /SEARCH v USING INDEX visits_day \(visit_date>\? AND visit_date<\?\)/.test(line))).toBe(true)
    expect(plan.some((line) => /SEARCH [le] USING INDEX visit_status_log_visit \(visit_id=\?/.test(line))).toBe(true)
    expect(plan.some((line) => /SEARCH f USING INDEX fee_sheets_visit \(visit_id=\?\)/.test(line))).toBe(true)
    expect(plan.some((line) => /SEARCH s USING INTEGER PRIMARY KEY/.test(line))).toBe(true)
    expect(plan.filter((line) => /^SCAN (v|l|e|f|s)\b/.test(line))).toEqual([])
    expect(plan.filter((line) => /TEMP B-TREE/.test(line))).toEqual([])
  })
})

describe('reports.rangeXlsx', () => {
  async function workbookOf(d: Desk, from: string, to: string) {
    const file = await d.call('reports.rangeXlsx', { from, to })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)
      if (!sheet) throw new Error(`no sheet ${name}`)
      const out: unknown[][] = []
      sheet.eachRow({ includeEmpty: true }, (row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? '')))
      return out
    }
    return { file, workbook, rows }
  }

  it('exports the report as four sheets whose rows read back as the figures', async () => {
    const { d } = await week()
    await d.setting({ clinicName: '丽颜医美' })
    const { file, workbook, rows } = await workbookOf(d, '2026-11-16', '2026-11-22')
    expect(file.fileName).toBe('区间报表-2026-11-16至2026-11-22.xlsx')
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '咨询师业绩', '到店类型', '来源渠道'])
    expect(Object.values(RANGE_SHEETS)).toEqual(['汇总', '咨询师业绩', '到店类型', '来源渠道'])

    const summary = rows(RANGE_SHEETS.summary)
    expect(summary[0]?.[0]).toBe('丽颜医美 区间报表 2026-11-16 至 2026-11-22（7 天）')
    expect(summary.slice(1, 9)).toEqual([
      ['项目', '数值'],
      ['到店人次', 6],
      ['取消登记（未计入到店）', 1],
      ['接待咨询', 5],
      ['成交', 3],
      ['未成交', 2],
      ['转化率', 0.6],
      ['业绩（元）', 4800],
    ])
    const timesAt = summary.findIndex((r) => r[0] === RANGE_HEADERS.times[0])
    expect(summary.slice(timesAt)).toEqual([
      ['时间（分钟）', '人次', '中位数', '90% 分位', '缺少时间（未计入）'],
      ['候诊时间（到店→首次叫号或开始咨询）', 5, 10, 18, 1],
      ['咨询时间（开始咨询→离开咨询）', 4, 34, 43.6, 1],
    ])

    expect(rows(RANGE_SHEETS.consultants)).toEqual([
      ['咨询师', '轮牌', '指定', '复诊', '店家', '手动', '接待咨询', '成交', '转化率', '业绩（元）'],
      ['王静', 1, 0, 1, 0, 0, 2, 2, 1, 3300],
      ['陈晨', 0, 1, 0, 0, 1, 2, 1, 0.5, 1500],
      ['刘洋', 2, 0, 0, 0, 0, 1, 0, 0, 0],
    ])
    const consultantSheet = workbook.getWorksheet(RANGE_SHEETS.consultants)
    expect(consultantSheet?.getRow(2).getCell(9).numFmt).toBe('0.0%')
    expect(consultantSheet?.getRow(2).getCell(10).numFmt).toBe('#,##0.00')
    expect(rows(RANGE_SHEETS.types)).toEqual([
      ['类型', '到店', '接待咨询', '成交'],
      ['初诊', 5, 4, 2],
      ['复诊', 1, 1, 1],
      ['复查/治疗', 0, 0, 0],
    ])
    expect(rows(RANGE_SHEETS.channels)).toEqual([
      ['渠道', '到店', '接待咨询', '成交'],
      ['自然到店', 4, 3, 2],
      ['电话', 0, 0, 0],
      ['网络平台', 1, 1, 0],
      ['转介绍', 1, 1, 1],
      ['合作店家', 0, 0, 0],
      ['其他', 0, 0, 0],
    ])
  })

  it('exports a range without visits: headers, zeros, empty figures', async () => {
    const { d } = await week()
    const { rows } = await workbookOf(d, '2025-03-01', '2025-03-31')
    expect(rows(RANGE_SHEETS.consultants)).toEqual([[...RANGE_HEADERS.consultants]])
    const summary = rows(RANGE_SHEETS.summary)
    expect(summary.find((r) => r[0] === '转化率')).toEqual(['转化率'])
    expect(summary.at(-2)).toEqual(['候诊时间（到店→首次叫号或开始咨询）', 0, '', '', 0])
  })
})
