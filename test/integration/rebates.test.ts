import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FeeLineInput } from '../../core/api/fees.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { RebateStatement } from '../../core/api/rebates.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import type { Staff, StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const as = (s: Staff): Operator => ({ id: s.id, name: s.name, role: s.role })

/**
 * A clinic on 2026-11-23: salespeople 赵业务 (丽人美容院) and 钱业务 (花园会所), nurse 孙护士, and a price list:
 * HA01 玻尿酸 ¥3,800.00; MZ01 局麻 (anaesthesia) ¥200.00; XT01 线雕线材 (consumable) ¥5,000.00 costing ¥1,200.00;
 * TJ01 特价瘦脸针 ¥1,000.00, a special-price injection item (特价微整).
 */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const zhao = await person('赵业务', 'marketing')
  const qian = await person('钱业务', 'marketing')
  const nurse = await person('孙护士', 'nurse')
  const liren = await d.call('partnerStores.save', { name: '丽人美容院', storeClass: 'ordinary', salespersonId: zhao.id, startDate: '2026-11-01' })
  const garden = await d.call('partnerStores.save', { name: '花园会所', storeClass: 'ordinary', salespersonId: qian.id, startDate: '2026-11-01' })
  const price = (code: string, name: string, category: 'treatment' | 'anaesthesia' | 'consumable', listPriceFen: number, extra: { costFen?: number; specialPrice?: boolean } = {}) =>
    d.call('prices.create', { code, name, category, unit: '次', listPriceFen, ...extra })
  const items = {
    ha: await price('HA01', '玻尿酸', 'treatment', 380000),
    mz: await price('MZ01', '局麻', 'anaesthesia', 20000),
    xt: await price('XT01', '线雕线材', 'consumable', 500000, { costFen: 120000 }),
    tj: await price('TJ01', '特价瘦脸针', 'treatment', 100000, { specialPrice: true }),
  }
  return { d, zhao: as(zhao), qian: as(qian), nurse, liren, garden, items }
}

/** A client of the store, reported and arrived: her visit counts for it. */
async function partnerVisit(d: Desk, storeId: number, name: string) {
  const phone = d.phone()
  await d.call('partnerReports.create', { storeId, clientName: name, phone })
  const { visit, client } = await d.arrive(name, 'first', { clientFields: { phone } })
  expect(visit.partnerStoreId).toBe(storeId)
  return { visitId: visit.id, clientId: client.id }
}

/** A fee sheet of the visit with these lines, confirmed and paid in cash. */
async function paidSheet(d: Desk, visitId: number, lines: FeeLineInput[]): Promise<FeeSheet> {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

const entryCount = (d: Desk) => d.db.prepare('SELECT count(*) FROM rebate_entries').pluck().get() as number
const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string

/** The sheet's entries in a statement, summed: what the month holds of it. */
const shareOfSheet = (statement: RebateStatement, sheetId: number) =>
  statement.entries.filter((e) => e.feeSheetId === sheetId && e.kind === 'store_rebate').reduce((sum, e) => sum + e.storeShareFen, 0)

describe('the rebate of a partner visit’s paid sheet', () => {
  it('books DOMAIN.md’s figures: anaesthesia kept out, the threads’ cost kept out, 10% of a special price under 80% of list', async () => {
    const { d, zhao, liren, items } = await clinic()
    const { visitId } = await partnerVisit(d, liren.id, '刘女士')
    const sheet = await paidSheet(d, visitId, [
      { itemId: items.ha.id, quantity: 1 },
      { itemId: items.mz.id, quantity: 1 },
      { itemId: items.xt.id, quantity: 2 },
      // ¥600.00 of a ¥1,000.00 list price: 60%, under 80%.
      { itemId: items.tj.id, quantity: 1, discount: { kind: 'amount', fen: 40000 } },
    ])
    expect(sheet.totals.total).toBe(1_460_000)

    const statement = await d.call('rebates.statement', { period: '2026-11', storeId: liren.id })
    expect(statement.scope).toEqual({ storeId: liren.id, salespersonId: null, title: '丽人美容院' })
    expect(statement.entries).toHaveLength(1)
    const entry = statement.entries[0]
    expect(entry).toMatchObject({
      period: '2026-11',
      kind: 'store_rebate',
      reversal: false,
      feeSheetId: sheet.id,
      sheetNo: sheet.sheetNo,
      clientName: '刘女士',
      storeId: liren.id,
      storeName: '丽人美容院',
      salespersonId: zhao.id,
      salespersonName: '赵业务',
      referrerId: null,
      paidFen: 1_460_000,
      // ¥200.00 of anaesthesia and 2 × ¥1,200.00 of thread cost.
      excludedFen: 260_000,
      baseFen: 1_200_000,
      specialRateBaseFen: 60_000,
      standardBaseFen: 1_140_000,
      standardShareFen: 570_000,
      specialShareFen: 6_000,
      storeShareFen: 576_000,
      commissionFen: 0,
    })
    expect(entry?.lines.map((l) => [l.code, l.quantity, l.rule, l.excludedFen, l.shareFen])).toEqual([
      ['HA01', 1, 'store_share', 0, 190_000],
      ['MZ01', 1, 'excluded', 20_000, 0],
      ['XT01', 2, 'store_share', 240_000, 380_000],
      ['TJ01', 1, 'special_rate', 0, 6_000],
    ])
    expect(entry?.exclusions.map((x) => [x.code, x.reason, x.excludedFen])).toEqual([
      ['MZ01', 'excluded_category', 20_000],
      ['XT01', 'consumable_cost', 240_000],
    ])
    expect(statement.totals).toMatchObject({ period: '2026-11', rebates: 1, reversals: 0, storeShareFen: 576_000, baseFen: 1_200_000 })
    expect(statement.period).toMatchObject({ period: '2026-11', closed: false, entryCount: 1, shareFen: 576_000, commissionFen: 0 })
    expect(lastAudit(d, 'fees.pay')).toContain('店家返款 丽人美容院 ¥5,760.00（2026-11）')
  })

  it('gives a special-price item charged at 80% or more of its list price the 50% rule', async () => {
    const { d, liren, items } = await clinic()
    const { visitId } = await partnerVisit(d, liren.id, '刘女士')
    await paidSheet(d, visitId, [{ itemId: items.tj.id, quantity: 1, discount: { kind: 'amount', fen: 20000 } }])
    const [entry] = (await d.call('rebates.statement', { period: '2026-11' })).entries
    expect(entry?.lines[0]).toMatchObject({ rule: 'store_share', netFen: 80_000, shareFen: 40_000 })
    expect(entry?.storeShareFen).toBe(40_000)
  })

  it('books nothing for a visit that is not a partner store’s', async () => {
    const { d, items } = await clinic()
    const { visit } = await d.arrive('王女士', 'first')
    await paidSheet(d, visit.id, [{ itemId: items.ha.id, quantity: 1 }])
    expect(entryCount(d)).toBe(0)
    expect((await d.call('rebates.statement', { period: '2026-11' })).entries).toEqual([])
    expect(lastAudit(d, 'fees.pay')).not.toContain('返款')
  })
})

describe('voids and the month close', () => {
  it('reverses a voided sheet in the month of the void, so that month nets to zero for it', async () => {
    const { d, liren, items } = await clinic()
    const { visitId } = await partnerVisit(d, liren.id, '刘女士')
    const sheet = await paidSheet(d, visitId, [{ itemId: items.ha.id, quantity: 1 }])
    await d.call('fees.void', { id: sheet.id, reason: '顾客改期' })
    const statement = await d.call('rebates.statement', { period: '2026-11' })
    expect(statement.entries.map((e) => [e.reversal, e.storeShareFen, e.period])).toEqual([
      [false, 190_000, '2026-11'],
      [true, -190_000, '2026-11'],
    ])
    expect(shareOfSheet(statement, sheet.id)).toBe(0)
    expect(statement.totals).toMatchObject({ rebates: 1, reversals: 1, storeShareFen: 0, paidFen: 0, baseFen: 0 })
    expect(lastAudit(d, 'fees.void')).toContain('冲回店家返款 丽人美容院 -¥1,900.00（原 2026-11，记入 2026-11）')
    // Voiding twice is refused by the fee sheet; the ledger is not touched again.
    await d.refused('fees.void', { id: sheet.id, reason: '再作废' })
    expect(entryCount(d)).toBe(2)
  })

  it('closes an ended month once; a void after the close books its reversal in the void month and leaves the closed month as it was', async () => {
    const { d, zhao, liren, items } = await clinic()
    const { visitId } = await partnerVisit(d, liren.id, '刘女士')
    const sheet = await paidSheet(d, visitId, [{ itemId: items.ha.id, quantity: 1 }])

    expect(await d.refusedCleanly('rebates.closeMonth', { period: '2026-11' })).toMatchObject({ code: 'rule_violation', message: '2026-11 还没有结束，只能结账已经过去的月份' })
    expect(await d.refusedCleanly('rebates.closeMonth', { period: '2027-01' })).toMatchObject({ code: 'rule_violation' })

    d.clock.set(2026, 12, 2)
    expect((await d.refused('rebates.closeMonth', { period: '2026-11' }, zhao)).code).toBe('forbidden')
    const closed = await d.call('rebates.closeMonth', { period: '2026-11' })
    expect(closed).toMatchObject({ period: '2026-11', closed: true, closedByName: '前台', entryCount: 1, shareFen: 190_000 })
    expect(lastAudit(d, 'rebates.closeMonth')).toBe('返款月结 2026-11 结账：1 条，店家返款 ¥1,900.00，介绍提成 ¥0.00')
    expect(await d.refusedCleanly('rebates.closeMonth', { period: '2026-11' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('不能重复结账') })
    expect(await d.refusedCleanly('rebates.closeMonth', { period: '2026-12' })).toMatchObject({ code: 'rule_violation' })

    const november = await d.call('rebates.statement', { period: '2026-11' })
    await d.call('fees.void', { id: sheet.id, reason: '退款' })
    expect(await d.call('rebates.statement', { period: '2026-11' })).toEqual(november)
    const december = await d.call('rebates.statement', { period: '2026-12' })
    expect(december.entries).toEqual([expect.objectContaining({ feeSheetId: sheet.id, reversal: true, period: '2026-12', reversesPeriod: '2026-11', storeShareFen: -190_000 })])
    expect(december.period.closed).toBe(false)

    expect((await d.call('rebates.periods', {})).map((p) => [p.period, p.closed, p.entryCount])).toEqual([
      ['2026-12', false, 1],
      ['2026-11', true, 1],
    ])
  })
})

describe('what a salesperson sees', () => {
  it('only their own stores’ entries, and nothing of another salesperson', async () => {
    const { d, zhao, qian, liren, garden, items } = await clinic()
    await paidSheet(d, (await partnerVisit(d, liren.id, '刘女士')).visitId, [{ itemId: items.ha.id, quantity: 1 }])
    await paidSheet(d, (await partnerVisit(d, garden.id, '陈女士')).visitId, [{ itemId: items.ha.id, quantity: 2 }])

    const whole = await d.call('rebates.statement', { period: '2026-11' })
    expect(whole.scope.title).toBe('全院')
    expect(whole.entries.map((e) => e.storeName)).toEqual(['丽人美容院', '花园会所'])

    const own = await d.call('rebates.statement', { period: '2026-11' }, zhao)
    expect(own.scope).toEqual({ storeId: null, salespersonId: zhao.id, title: '业务员 赵业务' })
    expect(own.entries.map((e) => e.storeName)).toEqual(['丽人美容院'])
    expect(own.totals.storeShareFen).toBe(190_000)
    expect((await d.call('rebates.periods', {}, zhao))[0]).toMatchObject({ period: '2026-11', entryCount: 1, shareFen: 190_000 })
    expect((await d.call('rebates.periods', {}))[0]).toMatchObject({ period: '2026-11', entryCount: 2, shareFen: 570_000 })

    expect(await d.refusedCleanly('rebates.statement', { period: '2026-11', salespersonId: qian.id ?? 0 }, zhao)).toMatchObject({ code: 'forbidden' })
    expect(await d.refusedCleanly('rebates.statement', { period: '2026-11', storeId: garden.id }, zhao)).toMatchObject({ code: 'forbidden' })
    expect(await d.refusedCleanly('rebates.exportXlsx', { period: '2026-11', storeId: garden.id }, zhao)).toMatchObject({ code: 'forbidden' })
    const byAdmin = await d.call('rebates.statement', { period: '2026-11', salespersonId: qian.id ?? 0 })
    expect(byAdmin.entries.map((e) => e.storeName)).toEqual(['花园会所'])
    expect(await d.refusedCleanly('rebates.statement', { period: '2026-11', storeId: 999 })).toMatchObject({ code: 'not_found' })
  })
})

describe('staff referrals', () => {
  it('books the 5% commission, split between referrer and salesperson, on every deal of the client', async () => {
    const { d, zhao, qian, nurse, items } = await clinic()
    const { visit, client } = await d.arrive('周女士', 'first')
    expect(await d.refusedCleanly('referrals.assign', { clientId: client.id, referrerId: zhao.id ?? 0, salespersonId: qian.id ?? 0 })).toMatchObject({ code: 'invalid_input', fields: { referrerId: expect.any(String) } })
    expect(await d.refusedCleanly('referrals.assign', { clientId: client.id, referrerId: nurse.id, salespersonId: nurse.id })).toMatchObject({ code: 'invalid_input', fields: { salespersonId: expect.any(String) } })
    expect(await d.refusedCleanly('referrals.assign', { clientId: 999, referrerId: nurse.id, salespersonId: zhao.id ?? 0 })).toMatchObject({ code: 'not_found' })

    await d.call('referrals.assign', { clientId: client.id, referrerId: nurse.id, salespersonId: qian.id ?? 0 })
    const referral = await d.call('referrals.assign', { clientId: client.id, referrerId: nurse.id, salespersonId: zhao.id ?? 0 })
    expect(referral).toMatchObject({ clientId: client.id, referrerId: nurse.id, referrerName: '孙护士', salespersonId: zhao.id, salespersonName: '赵业务', assignedByName: '前台' })
    expect(lastAudit(d, 'referrals.assign')).toBe(`员工介绍顾客 周女士（${client.archiveNo}）：介绍人 孙护士，分给业务员 赵业务（原介绍人 孙护士，原业务员 钱业务）`)
    expect(await d.call('referrals.list', {}, zhao)).toHaveLength(1)
    expect(await d.call('referrals.list', {}, qian)).toEqual([])

    // ¥1,234.50: 5% is ¥61.725 → ¥61.73; the referrer's half ¥30.865 → ¥30.87, the salesperson the rest.
    await paidSheet(d, visit.id, [{ itemId: items.ha.id, quantity: 1, discount: { kind: 'amount', fen: 380000 - 123450 } }])
    d.clock.set(2026, 11, 25)
    const { visit: later } = await d.arrive(client.id, 'returning')
    await paidSheet(d, later.id, [{ itemId: items.tj.id, quantity: 2 }])

    const statement = await d.call('rebates.statement', { period: '2026-11' }, zhao)
    expect(statement.entries.map((e) => [e.kind, e.paidFen, e.commissionFen, e.referrerFen, e.salespersonFen, e.referrerName])).toEqual([
      ['referral', 123_450, 6_173, 3_087, 3_086, '孙护士'],
      ['referral', 200_000, 10_000, 5_000, 5_000, '孙护士'],
    ])
    expect(statement.commissionFen).toBe(16_173)
    // No store: the store totals stay empty.
    expect(statement.totals).toMatchObject({ period: null, rebates: 0, storeShareFen: 0 })
    expect(lastAudit(d, 'fees.pay')).toContain('介绍提成 ¥100.00（介绍人 孙护士 ¥50.00，业务员 赵业务 ¥50.00）')
  })
})

describe('rebates.exportXlsx', () => {
  it('opens in exceljs with a row per line and a totals row equal to the statement’s', async () => {
    const { d, nurse, zhao, liren, items } = await clinic()
    const first = await partnerVisit(d, liren.id, '刘女士')
    await d.call('referrals.assign', { clientId: first.clientId, referrerId: nurse.id, salespersonId: zhao.id ?? 0 })
    await paidSheet(d, first.visitId, [
      { itemId: items.ha.id, quantity: 1 },
      { itemId: items.mz.id, quantity: 1 },
      { itemId: items.tj.id, quantity: 1, discount: { kind: 'amount', fen: 40000 } },
    ])
    const voided = await paidSheet(d, (await partnerVisit(d, liren.id, '陈女士')).visitId, [{ itemId: items.xt.id, quantity: 1 }])
    await d.call('fees.void', { id: voided.id, reason: '退款' })

    const statement = await d.call('rebates.statement', { period: '2026-11' })
    const file = await d.call('rebates.exportXlsx', { period: '2026-11' })
    expect(file.fileName).toBe('返款月结单-全院-2026-11.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    if (!sheet) throw new Error('no worksheet')
    expect(String(sheet.getCell('A1').value)).toContain('2026-11 返款月结单（未结账）')
    const rows: ExcelJS.Row[] = []
    sheet.eachRow((row) => rows.push(row))
    const header = rows[1]?.values as unknown[]
    const col = (name: string) => header.indexOf(name)
    const body = rows.slice(2, -1)
    const totals = rows.at(-1)
    expect(totals?.getCell(1).value).toBe('合计')
    // 3 lines + the referral + the voided sheet's line and its reversal.
    expect(body).toHaveLength(6)
    const yuan = (fen: number) => fen / 100
    const sumOf = (name: string) => Math.round(body.reduce((s, r) => s + Number(r.getCell(col(name)).value ?? 0), 0) * 100) / 100
    expect(totals?.getCell(col('返款（元）')).value).toBe(yuan(statement.totals.storeShareFen))
    expect(sumOf('返款（元）')).toBe(yuan(statement.totals.storeShareFen))
    expect(totals?.getCell(col('实收（元）')).value).toBe(yuan(statement.totals.paidFen))
    expect(sumOf('实收（元）')).toBe(yuan(statement.totals.paidFen))
    expect(totals?.getCell(col('基数（元）')).value).toBe(yuan(statement.totals.baseFen))
    expect(totals?.getCell(col('提成（元）')).value).toBe(yuan(statement.commissionFen))
    expect(sumOf('提成（元）')).toBe(yuan(statement.commissionFen))
    expect(statement.totals.storeShareFen).toBe(196_000)
    expect(body.map((r) => r.getCell(1).value)).toEqual(['店家返款', '店家返款', '店家返款', '介绍提成', '店家返款', '返款冲回'])
  })
})
