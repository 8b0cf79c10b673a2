import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FeeLineInput } from '../../core/api/fees.ts'
import { LOCAL_DESK_OPERATOR, type Operator } from '../../core/api/operator.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import type { PriceItem } from '../../core/domain/priceItem.ts'
import { sheetTotals, type Discount } from '../../core/fees/index.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { percentArb } from '../unit/fees/arbitraries.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const admin: Operator = LOCAL_DESK_OPERATOR // role administrator, named 前台
const consultantOp: Operator = { id: null, name: '王静', role: 'consultant' }
const receptionist: Operator = { id: null, name: '小李', role: 'receptionist' }
const doctor: Operator = { id: null, name: '周医生', role: 'doctor' }

interface Setup {
  d: Desk
  visitId: number
  items: Record<'ha' | 'mz' | 'sg' | 'old', PriceItem>
}

/**
 * A desk with a consultant, a doctor, one first visit of 张小丽 (born 1990-05-01), and a price list:
 * HA01 玻尿酸 ¥3,800.00 (floor ¥3,000.00), MZ01 局麻 ¥200.00, SG01 水光针 ¥704.75, and XX01 (inactive).
 */
async function setUp(): Promise<Setup> {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wang = await d.consultant('王静', [], '1')
  await d.call('staff.create', { name: '周建国', role: 'doctor', phone: '', room: '专家 1', skills: [] })
  await d.call('rotation.open', { memberIds: [wang.id] })
  const { visit } = await d.arrive('张小丽', 'first', { clientFields: { gender: 'female', birthDate: '1990-05-01' } })
  const ha = await d.call('prices.create', { code: 'HA01', name: '玻尿酸', category: 'treatment', unit: '支', listPriceFen: 380000, floorPriceFen: 300000 })
  const mz = await d.call('prices.create', { code: 'MZ01', name: '局麻', category: 'anaesthesia', unit: '次', listPriceFen: 20000 })
  const sg = await d.call('prices.create', { code: 'SG01', name: '水光针', category: 'treatment', unit: '次', listPriceFen: 70475 })
  const created = await d.call('prices.create', { code: 'XX01', name: '旧项目', category: 'treatment', unit: '次', listPriceFen: 1000 })
  const old = await d.call('prices.setActive', { id: created.id, active: false })
  return { d, visitId: visit.id, items: { ha, mz, sg, old } }
}

/** A consultation sheet for the visit with a doctor and the given plan. */
async function consultationWithPlan(s: Setup, plan: { itemId: number | null; name: string; quantity: number; unitPriceFen?: number }[]) {
  const { d, visitId } = s
  const sheet = await d.call('consultations.get', { visitId })
  const doctor = (await d.call('staff.list', { includeInactive: false })).find((m) => m.role === 'doctor')
  const payload = structuredClone(sheet.payload)
  payload.visit.doctorId = doctor?.id ?? null
  payload.plan = plan.map((p) => ({ itemId: p.itemId, code: '', name: p.name, unit: '', unitPriceFen: p.unitPriceFen ?? null, quantity: p.quantity, note: '' }))
  return d.call('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: sheet.revision, payload })
}

async function draft(s: Setup): Promise<FeeSheet> {
  return s.d.call('fees.create', { visitId: s.visitId })
}

type SaveInput = { lines: FeeLineInput[]; sheetDiscount?: Discount | null; roundDown?: 'none' | 'jiao' | 'yuan'; deposits?: { fen: number; note?: string }[]; note?: string }

async function save(d: Desk, sheet: FeeSheet, input: SaveInput, by: Operator = admin): Promise<FeeSheet> {
  return d.call('fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, ...input }, by)
}

const audits = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id').pluck().all(method) as string[]

describe('fees.fromConsultation', () => {
  it('makes a draft from the plan at today’s prices, returns the lines it could not carry over, and never a second draft', async () => {
    const s = await setUp()
    const { d, items } = s
    const consultation = await consultationWithPlan(s, [
      { itemId: items.ha.id, name: '玻尿酸', quantity: 2, unitPriceFen: 350000 }, // a stale price in the plan
      { itemId: null, name: '术后护理（手写）', quantity: 1, unitPriceFen: 10000 },
      { itemId: items.old.id, name: '旧项目', quantity: 1 },
      { itemId: items.mz.id, name: '局麻', quantity: 1 },
    ])
    const result = await d.call('fees.fromConsultation', { consultationSheetId: consultation.id })
    expect(result.reused).toBe(false)
    expect(result.skipped).toEqual([
      { index: 1, name: '术后护理（手写）', reason: 'hand_typed' },
      { index: 2, name: '旧项目', reason: 'item_inactive' },
    ])
    const sheet = result.sheet
    expect(sheet).toMatchObject({
      sheetNo: 'SF2026-000001',
      status: 'draft',
      revision: 1,
      consultationSheetId: consultation.id,
      client: { name: '张小丽', archiveNo: 'DA202600001', gender: 'female', age: 36 },
      consultantName: '王静',
      doctorName: '周建国',
      visitDate: '2026-11-23',
      queueNo: 'A001',
    })
    expect(sheet.lines).toEqual([
      { itemId: items.ha.id, code: 'HA01', name: '玻尿酸', unit: '支', category: 'treatment', unitPrice: 380000, floorPrice: 300000, quantity: 2, discount: null },
      { itemId: items.mz.id, code: 'MZ01', name: '局麻', unit: '次', category: 'anaesthesia', unitPrice: 20000, floorPrice: null, quantity: 1, discount: null },
    ])
    expect(sheet.totals.total).toBe(780000)
    expect(d.published.at(-1)).toEqual([
      { topic: 'fees', ids: [sheet.id] },
      { topic: 'visits', ids: [s.visitId] },
    ])

    const counters = d.snapshot().counters
    const again = await d.call('fees.fromConsultation', { consultationSheetId: consultation.id })
    expect(again).toEqual({ sheet, skipped: [], reused: true })
    expect(d.count('fee_sheets')).toBe(1)
    expect(d.snapshot().counters).toBe(counters)
    expect(audits(d, 'fees.fromConsultation')).toEqual([
      '由咨询单 ZX2026-000001 第1版新建缴费单 SF2026-000001（张小丽，合计 ¥7,800.00），2 项，未带入 2 项：术后护理（手写）、旧项目',
      '打开咨询单 ZX2026-000001 的缴费单草稿 SF2026-000001',
    ])
  })

  it('refuses an unknown consultation sheet and writes nothing', async () => {
    const s = await setUp()
    expect(await s.d.refusedCleanly('fees.fromConsultation', { consultationSheetId: 999 })).toEqual({ code: 'not_found', message: '找不到该咨询单（编号 999）' })
  })
})

describe('fees.create, get, ofVisit, list', () => {
  it('makes an empty draft with the names of the visit’s consultation sheet; lists it for the day and the visit', async () => {
    const s = await setUp()
    const { d } = s
    await consultationWithPlan(s, [])
    const sheet = await draft(s)
    expect(sheet).toMatchObject({ sheetNo: 'SF2026-000001', consultantName: '王静', doctorName: '周建国', lines: [], deposits: [], payments: [], printCount: 0 })
    expect(sheet.totals).toMatchObject({ total: 0, payable: 0, floorViolations: [] })
    expect(sheet.capitalAmount).toBe('人民币零元整')
    expect(await d.call('fees.get', { id: sheet.id })).toEqual(sheet)
    expect((await d.call('fees.ofVisit', { visitId: s.visitId })).map((f) => f.id)).toEqual([sheet.id])
    expect(await d.call('fees.list', { date: '2026-11-23' })).toEqual([
      { id: sheet.id, sheetNo: 'SF2026-000001', visitId: s.visitId, queueNo: 'A001', clientName: '张小丽', consultantName: '王静', status: 'draft', totalFen: 0, paidFen: 0, createdAt: sheet.createdAt },
    ])
    expect(await d.call('fees.list', {})).toHaveLength(1)
    expect(await d.call('fees.list', { date: '2026-11-24' })).toEqual([])
  })

  it('refuses an unknown visit, a cancelled one, an unknown sheet; writes nothing', async () => {
    const s = await setUp()
    const { d } = s
    expect(await d.refusedCleanly('fees.create', { visitId: 999 })).toMatchObject({ code: 'not_found' })
    expect(await d.refused('fees.get', { id: 999 })).toEqual({ code: 'not_found', message: '找不到该缴费单（编号 999）' })
    expect(await d.refused('fees.ofVisit', { visitId: 999 })).toMatchObject({ code: 'not_found' })
    const other = await d.arrive('李娜', 'review')
    await d.move(other.visit.id, 'cancelled')
    expect(await d.refusedCleanly('fees.create', { visitId: other.visit.id })).toEqual({ code: 'rule_violation', message: '就诊 C001 已离院未诊或已取消，不能开缴费单' })
  })
})

describe('fees.saveDraft', () => {
  it('builds the snapshots on the server: an existing line keeps its price after a price change; a confirmed sheet keeps it too', async () => {
    const s = await setUp()
    const { d, items } = s
    let sheet = await draft(s)
    sheet = await save(d, sheet, { lines: [{ itemId: items.ha.id, quantity: 1 }] })
    expect(sheet.revision).toBe(2)
    expect(sheet.lines[0]).toMatchObject({ code: 'HA01', unitPrice: 380000, floorPrice: 300000 })

    await d.call('prices.update', { ...fields(items.ha), name: '玻尿酸（新）', listPriceFen: 420000, floorPriceFen: 350000 })
    await d.call('prices.update', { ...fields(items.mz), listPriceFen: 25000 })
    sheet = await save(d, sheet, { lines: [{ itemId: items.ha.id, quantity: 2 }, { itemId: items.mz.id, quantity: 1 }] })
    expect(sheet.lines.map((l) => [l.code, l.name, l.unitPrice, l.floorPrice, l.quantity])).toEqual([
      ['HA01', '玻尿酸', 380000, 300000, 2], // kept from the draft
      ['MZ01', '局麻', 25000, null, 1], // new: today's price
    ])
    const confirmed = await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    await d.call('prices.update', { ...fields(items.mz), listPriceFen: 1 })
    expect((await d.call('fees.get', { id: sheet.id })).lines).toEqual(confirmed.lines)
    expect(confirmed.totals.total).toBe(785000)
    expect(audits(d, 'fees.saveDraft')).toEqual([
      '保存缴费单 SF2026-000001（张小丽，合计 ¥3,800.00）草稿：加 HA01 玻尿酸×1',
      '保存缴费单 SF2026-000001（张小丽，合计 ¥7,850.00）草稿：改 HA01 ×1→×2；加 MZ01 局麻×1',
    ])
  })

  it('refuses a stale revision, an unknown item, an inactive item and a line that brings its own price, writing nothing', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await draft(s)
    const saved = await save(d, sheet, { lines: [{ itemId: items.mz.id, quantity: 1 }] })
    expect(await d.refusedCleanly('fees.saveDraft', { id: sheet.id, expectedRevision: 1, lines: [] })).toEqual({
      code: 'conflict',
      message: '缴费单 SF2026-000001 已在其他窗口修改，请载入最新内容后再改',
    })
    const base = { id: sheet.id, expectedRevision: saved.revision }
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.mz.id, quantity: 1 }, { itemId: 9999, quantity: 1 }] })).toEqual({
      code: 'not_found',
      message: '第 2 行：价目表中没有这个项目（编号 9999）',
      fields: { 'lines.1.itemId': '第 2 行：价目表中没有这个项目（编号 9999）' },
    })
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.old.id, quantity: 1 }] })).toMatchObject({
      code: 'rule_violation',
      message: '第 1 行：项目 XX01 旧项目 已停用，不能加入缴费单',
    })
    const tampered = await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.ha.id, quantity: 1, unitPrice: 1 } as never] })
    expect(tampered.code).toBe('invalid_input')
    const wrongQuantity = await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.ha.id, quantity: 0.5 }] })
    expect(Object.keys(wrongQuantity.fields ?? {})).toEqual(['lines.0.quantity'])
    // An item deactivated after it was put on the draft stays on the draft (its snapshot is kept).
    await d.call('prices.setActive', { id: items.mz.id, active: false })
    expect((await save(d, saved, { lines: [{ itemId: items.mz.id, quantity: 3 }] })).lines[0]).toMatchObject({ code: 'MZ01', quantity: 3 })
  })

  it('prices line discounts (8折 and an amount), a whole-sheet discount, 抹零 to the jiao and the yuan, and deposits', async () => {
    const s = await setUp()
    const { d, items } = s
    let sheet = await draft(s)
    sheet = await save(d, sheet, {
      lines: [
        { itemId: items.ha.id, quantity: 1, discount: { kind: 'rate', percent: 80 } },
        { itemId: items.mz.id, quantity: 1, discount: { kind: 'amount', fen: 5000 } },
      ],
    })
    expect(sheet.totals).toMatchObject({ subtotal: 400000, lineDiscounts: 81000, total: 319000 })
    expect(sheet.totals.lines.map((l) => l.amount)).toEqual([304000, 15000])

    sheet = await save(d, sheet, { lines: linesOf(sheet), sheetDiscount: { kind: 'amount', fen: 333 }, roundDown: 'jiao' })
    expect(sheet.totals).toMatchObject({ sheetDiscount: 333, roundOff: 7, total: 318660 })
    sheet = await save(d, sheet, { lines: linesOf(sheet), sheetDiscount: { kind: 'amount', fen: 333 }, roundDown: 'yuan' })
    expect(sheet.totals).toMatchObject({ sheetDiscount: 333, roundOff: 67, total: 318600 })
    expect(sheet.totals.lines.reduce((sum, l) => sum + l.net, 0)).toBe(318600)
    sheet = await save(d, sheet, { lines: linesOf(sheet), sheetDiscount: { kind: 'rate', percent: 95 }, roundDown: 'none' })
    expect(sheet.totals).toMatchObject({ sheetDiscount: 15950, total: 303050 })

    sheet = await save(d, sheet, {
      lines: linesOf(sheet),
      sheetDiscount: sheet.sheetDiscount,
      deposits: [
        { fen: 50000, note: 'DJ-0001' },
        { fen: 3050, note: '' },
      ],
    })
    expect(sheet.deposits).toEqual([
      { fen: 50000, note: 'DJ-0001' },
      { fen: 3050, note: '' },
    ])
    expect(sheet.totals).toMatchObject({ total: 303050, deposits: 53050, payable: 250000 })
    expect(audits(d, 'fees.saveDraft').at(-1)).toBe('保存缴费单 SF2026-000001（张小丽，合计 ¥3,030.50）草稿：定金 ¥530.50')
    expect(audits(d, 'fees.saveDraft').at(-2)).toBe('保存缴费单 SF2026-000001（张小丽，合计 ¥3,030.50）草稿：整单折扣 9.5折；不抹零')
  })

  it('refuses figures that do not add up, naming the line, and writes nothing', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.ha.id, quantity: 1 }, { itemId: items.mz.id, quantity: 1 }] })
    const base = { id: sheet.id, expectedRevision: sheet.revision }
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.ha.id, quantity: 1 }, { itemId: items.mz.id, quantity: 1, discount: { kind: 'amount', fen: 20001 } }] })).toEqual({
      code: 'invalid_input',
      message: '第 2 行 局麻：优惠金额不能大于该项金额',
      fields: { 'lines.1.discount': '第 2 行 局麻：优惠金额不能大于该项金额' },
    })
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, lines: linesOf(sheet), sheetDiscount: { kind: 'amount', fen: 400001 } })).toMatchObject({
      code: 'invalid_input',
      message: '整单优惠不能大于各项合计',
    })
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, lines: linesOf(sheet), deposits: [{ fen: 400001 }] })).toMatchObject({
      code: 'invalid_input',
      message: '抵扣的定金合计不能超过缴费单合计',
    })
    const rate = await d.refusedCleanly('fees.saveDraft', { ...base, lines: [{ itemId: items.ha.id, quantity: 1, discount: { kind: 'rate', percent: 85.555 } }] })
    expect(rate.fields).toEqual({ 'lines.0.discount.percent': '折扣率最多两位小数（如 85.5 表示八五五折）' })
  })

  it('lets only an administrator or a consultant give a whole-sheet discount or 抹零; a doctor (who may edit sheets) may still edit the lines', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.ha.id, quantity: 1 }] }, doctor)
    const base = { id: sheet.id, expectedRevision: sheet.revision, lines: linesOf(sheet) }
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, sheetDiscount: { kind: 'rate', percent: 90 } }, doctor)).toEqual({
      code: 'forbidden',
      message: '只有管理员或咨询师可以给整单折扣',
      fields: { sheetDiscount: '只有管理员或咨询师可以给整单折扣' },
    })
    expect(await d.refusedCleanly('fees.saveDraft', { ...base, roundDown: 'yuan' }, doctor)).toMatchObject({ code: 'forbidden', message: '只有管理员或咨询师可以抹零' })
    const discounted = await save(d, sheet, { lines: linesOf(sheet), sheetDiscount: { kind: 'rate', percent: 90 }, roundDown: 'yuan' }, consultantOp)
    expect(discounted.totals.total).toBe(342000)
    expect(discounted.updatedBy).toBe('王静')
    // The doctor changes a quantity and leaves the consultant's discount as it is.
    const edited = await save(d, discounted, { lines: [{ itemId: items.ha.id, quantity: 2 }], sheetDiscount: discounted.sheetDiscount, roundDown: 'yuan' }, doctor)
    expect(edited.totals.total).toBe(684000)
    // ... and may take it off.
    expect((await save(d, edited, { lines: linesOf(edited) }, doctor)).totals.total).toBe(760000)
  })
})

describe('fees.confirm', () => {
  it('refuses an empty sheet', async () => {
    const s = await setUp()
    const sheet = await draft(s)
    expect(await s.d.refusedCleanly('fees.confirm', { id: sheet.id, expectedRevision: 1 })).toEqual({ code: 'rule_violation', message: '缴费单 SF2026-000001 没有任何项目，不能确认' })
  })

  it('under the price floor: a consultant is refused; an administrator must give a reason, which is recorded', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), {
      lines: [
        { itemId: items.ha.id, quantity: 2, discount: { kind: 'rate', percent: 70 } },
        { itemId: items.mz.id, quantity: 1 },
      ],
    })
    // Saved with the violation shown.
    expect(sheet.totals.floorViolations).toEqual([{ lineIndex: 0, itemId: items.ha.id, code: 'HA01', floorAmount: 600000, charged: 532000, shortBy: 68000 }])
    const input = { id: sheet.id, expectedRevision: sheet.revision }
    expect(await d.refusedCleanly('fees.confirm', input, consultantOp)).toEqual({
      code: 'forbidden',
      message: '以下项目低于最低价，只有管理员可以确认（括号内为差额）：HA01 玻尿酸（¥680.00）',
    })
    expect(await d.refusedCleanly('fees.confirm', { ...input, floorOverrideReason: '老客户' }, consultantOp)).toMatchObject({ code: 'forbidden' })
    expect(await d.refusedCleanly('fees.confirm', input, admin)).toEqual({
      code: 'invalid_input',
      message: '以下项目低于最低价，请填写确认理由（括号内为差额）：HA01 玻尿酸（¥680.00）',
      fields: { floorOverrideReason: '以下项目低于最低价，请填写确认理由（括号内为差额）：HA01 玻尿酸（¥680.00）' },
    })
    expect(await d.refusedCleanly('fees.confirm', { ...input, floorOverrideReason: ' ' }, admin)).toMatchObject({ code: 'invalid_input' })
    d.clock.tick(3)
    const confirmed = await d.call('fees.confirm', { ...input, floorOverrideReason: '院长特批：老客户转介绍' }, admin)
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedBy: '前台',
      confirmedAt: d.clock.now.toISOString(),
      floorOverride: { by: '前台', at: d.clock.now.toISOString(), reason: '院长特批：老客户转介绍' },
    })
    expect(audits(d, 'fees.confirm')).toEqual([
      '确认缴费单 SF2026-000001（张小丽，合计 ¥5,520.00），应付 ¥5,520.00；低于最低价经管理员确认：HA01 玻尿酸（¥680.00），理由：院长特批：老客户转介绍',
    ])
    expect(d.db.prepare('SELECT total_fen, payable_fen, paid_fen FROM fee_sheets WHERE id = ?').get(sheet.id)).toEqual({ total_fen: 552000, payable_fen: 552000, paid_fen: null })
  })

  it('a consultant confirms a sheet within the floors; the reason is not recorded when no floor is crossed', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.ha.id, quantity: 1, discount: { kind: 'rate', percent: 80 } }] })
    const confirmed = await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision, floorOverrideReason: '无关' }, consultantOp)
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: '王静', floorOverride: null })
  })

  it('locks the sheet: saving, confirming again and discarding are refused; the database holds the line nets', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.ha.id, quantity: 1 }, { itemId: items.mz.id, quantity: 1 }], sheetDiscount: { kind: 'amount', fen: 1000 }, roundDown: 'yuan' })
    const confirmed = await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    expect(await d.refusedCleanly('fees.saveDraft', { id: sheet.id, expectedRevision: confirmed.revision, lines: [] })).toEqual({
      code: 'conflict',
      message: '缴费单 SF2026-000001 已确认，不能再修改；如需更正，请作废后重开',
    })
    expect(await d.refusedCleanly('fees.confirm', { id: sheet.id, expectedRevision: confirmed.revision })).toMatchObject({ code: 'conflict' })
    expect(await d.refusedCleanly('fees.discardDraft', { id: sheet.id, expectedRevision: confirmed.revision })).toMatchObject({ code: 'rule_violation' })
    const nets = d.db.prepare('SELECT net_fen FROM fee_sheet_lines WHERE sheet_id = ? ORDER BY position').pluck().all(sheet.id)
    expect(nets).toEqual(confirmed.totals.lines.map((l) => l.net))
    expect((nets as number[]).reduce((a, b) => a + b, 0)).toBe(399000)
  })
})

describe('fees.pay', () => {
  it('takes payment split across methods that add up to what is payable after deposits, exactly', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.ha.id, quantity: 1 }], deposits: [{ fen: 50000, note: 'DJ-0001' }] })
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'cash', fen: 330000 }] })).toMatchObject({ code: 'rule_violation', message: '缴费单 SF2026-000001 还是草稿，请先确认再收费' })
    const confirmed = await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    expect(confirmed.totals.payable).toBe(330000)
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'cash', fen: 100000 }, { method: 'wechat', fen: 200000 }] }, receptionist)).toEqual({
      code: 'invalid_input',
      message: '应付 ¥3,300.00，收款合计 ¥3,000.00，还差 ¥300.00；收款须与应付相等',
      fields: { payments: '应付 ¥3,300.00，收款合计 ¥3,000.00，还差 ¥300.00；收款须与应付相等' },
    })
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'cash', fen: 330001 }] })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('多了 ¥0.01') })
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [] })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'bitcoin', fen: 330000 } as never] })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'cash', fen: 0 }] })).toMatchObject({ code: 'invalid_input' })

    d.clock.tick(10)
    const paid = await d.call(
      'fees.pay',
      {
        id: sheet.id,
        payments: [
          { method: 'cash', fen: 30000 },
          { method: 'wechat', fen: 200000 },
          { method: 'card', fen: 100000 },
        ],
      },
      receptionist,
    )
    const at = d.clock.now.toISOString()
    expect(paid).toMatchObject({ status: 'paid', paidBy: '小李', paidAt: at })
    expect(paid.payments).toEqual([
      { method: 'cash', fen: 30000, at, by: '小李' },
      { method: 'wechat', fen: 200000, at, by: '小李' },
      { method: 'card', fen: 100000, at, by: '小李' },
    ])
    expect(paid.totals).toMatchObject({ total: 380000, deposits: 50000, payable: 330000, paid: 330000, balance: 0 })
    expect(paid.totals.paidByMethod).toEqual({ cash: 30000, wechat: 200000, alipay: 0, card: 100000, stored_value: 0 })
    expect(d.db.prepare('SELECT paid_fen FROM fee_sheets WHERE id = ?').pluck().get(sheet.id)).toBe(330000)
    expect(await d.call('fees.list', {})).toMatchObject([{ status: 'paid', totalFen: 380000, paidFen: 330000 }])
    expect(audits(d, 'fees.pay')).toEqual(['收费缴费单 SF2026-000001（张小丽，合计 ¥3,800.00）：现金 ¥300.00、微信 ¥2,000.00、银行卡 ¥1,000.00；开疗程卡 玻尿酸 1 次（有效至 2027-11-23）'])
    expect(await d.refusedCleanly('fees.pay', { id: sheet.id, payments: [{ method: 'cash', fen: 330000 }] })).toEqual({ code: 'conflict', message: '缴费单 SF2026-000001 已收费' })
  })

  it('settles a sheet the deposits cover entirely with no payment', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.mz.id, quantity: 1 }], deposits: [{ fen: 20000, note: 'DJ-0002' }] })
    await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    expect(await d.call('fees.pay', { id: sheet.id, payments: [] })).toMatchObject({ status: 'paid', payments: [], totals: { payable: 0, paid: 0 } })
  })
})

describe('fees.void, fees.reissue, fees.discardDraft', () => {
  async function paidSheet(s: Setup): Promise<FeeSheet> {
    const sheet = await save(s.d, await draft(s), { lines: [{ itemId: s.items.ha.id, quantity: 1 }, { itemId: s.items.mz.id, quantity: 2 }], deposits: [{ fen: 10000, note: 'DJ-9' }] })
    const confirmed = await s.d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    return s.d.call('fees.pay', { id: sheet.id, payments: [{ method: 'alipay', fen: confirmed.totals.payable }] })
  }

  it('voids a paid sheet with a reason, for an administrator only', async () => {
    const s = await setUp()
    const { d } = s
    const paid = await paidSheet(s)
    // The method is the administrator's: the dispatcher refuses before the handler's own check.
    expect(await d.refusedCleanly('fees.void', { id: paid.id, reason: '开错项目' }, consultantOp)).toEqual({ code: 'forbidden', message: '当前操作员没有权限执行此操作' })
    expect(await d.refusedCleanly('fees.void', { id: paid.id, reason: '错' })).toMatchObject({ code: 'invalid_input', fields: { reason: '请填写 2～200 字的理由' } })
    expect(await d.refusedCleanly('fees.void', { id: paid.id, reason: '错'.repeat(201) })).toMatchObject({ code: 'invalid_input' })
    d.clock.tick(30)
    const voided = await d.call('fees.void', { id: paid.id, reason: '开错项目' })
    expect(voided).toMatchObject({ status: 'void', voidReason: '开错项目', voidedBy: '前台', voidedAt: d.clock.now.toISOString(), paidAt: paid.paidAt, lines: paid.lines, payments: paid.payments })
    expect(await d.refusedCleanly('fees.void', { id: paid.id, reason: '再次作废' })).toEqual({ code: 'conflict', message: '缴费单 SF2026-000001 已作废' })
    expect(await d.refusedCleanly('fees.pay', { id: paid.id, payments: [] })).toMatchObject({ code: 'conflict' })
    expect(await d.refusedCleanly('fees.markPrinted', { id: paid.id })).toEqual({ code: 'rule_violation', message: '缴费单 SF2026-000001 已作废，不能打印' })
    expect(audits(d, 'fees.void')).toEqual(['作废缴费单 SF2026-000001（张小丽，合计 ¥4,200.00），理由：开错项目；疗程卡 玻尿酸 作废'])
  })

  it('refuses to void a draft (it is discarded instead)', async () => {
    const s = await setUp()
    const sheet = await draft(s)
    expect(await s.d.refusedCleanly('fees.void', { id: sheet.id, reason: '不要了' })).toMatchObject({ code: 'rule_violation', message: '缴费单 SF2026-000001 还是草稿，直接删除草稿即可，无需作废' })
    expect(await s.d.refusedCleanly('fees.reissue', { id: sheet.id, reason: '不要了' })).toMatchObject({ code: 'rule_violation' })
  })

  it('reissues: voids the sheet and makes a linked draft copy in one step; a refused reissue leaves both as they were', async () => {
    const s = await setUp()
    const { d } = s
    const paid = await paidSheet(s)
    expect(await d.refusedCleanly('fees.reissue', { id: paid.id, reason: '数量有误' }, consultantOp)).toMatchObject({ code: 'forbidden' })
    const next = await d.call('fees.reissue', { id: paid.id, reason: '数量有误' })
    expect(next).toMatchObject({ sheetNo: 'SF2026-000002', status: 'draft', revision: 1, replacesId: paid.id, replacedById: null, payments: [], printCount: 0 })
    expect(next.lines).toEqual(paid.lines)
    expect(next.deposits).toEqual(paid.deposits)
    expect(next.totals.total).toBe(paid.totals.total)
    const old = await d.call('fees.get', { id: paid.id })
    expect(old).toMatchObject({ status: 'void', voidReason: '数量有误', replacedById: next.id })
    // The paid sheet's open follow-up call (the 'other' plan's next-day call) goes with it.
    expect(d.published.at(-1)).toEqual([
      { topic: 'followUps', ids: [1] },
      { topic: 'cards', ids: [1] },
      { topic: 'fees', ids: [next.id, paid.id] },
      { topic: 'visits', ids: [s.visitId] },
    ])
    expect((await d.call('fees.ofVisit', { visitId: s.visitId })).map((f) => [f.sheetNo, f.status])).toEqual([
      ['SF2026-000001', 'void'],
      ['SF2026-000002', 'draft'],
    ])
    expect(audits(d, 'fees.reissue')).toEqual(['作废缴费单 SF2026-000001（张小丽，合计 ¥4,200.00）并重开为 SF2026-000002，理由：数量有误；疗程卡 玻尿酸 作废'])
    expect(await d.refusedCleanly('fees.reissue', { id: paid.id, reason: '再来一次' })).toMatchObject({ code: 'conflict' })
  })

  it('discards a draft at its revision; the number is not handed out again', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.mz.id, quantity: 1 }], deposits: [{ fen: 100 }] })
    expect(await d.refusedCleanly('fees.discardDraft', { id: sheet.id, expectedRevision: 1 })).toMatchObject({ code: 'conflict' })
    expect(await d.call('fees.discardDraft', { id: sheet.id, expectedRevision: sheet.revision })).toEqual({ id: sheet.id, sheetNo: 'SF2026-000001' })
    expect(d.count('fee_sheets') + d.count('fee_sheet_lines') + d.count('fee_sheet_deposits')).toBe(0)
    expect(await d.refused('fees.get', { id: sheet.id })).toMatchObject({ code: 'not_found' })
    expect((await draft(s)).sheetNo).toBe('SF2026-000002')
    expect(audits(d, 'fees.discardDraft')).toEqual(['删除缴费单 SF2026-000001（张小丽，合计 ¥200.00）草稿'])
  })
})

describe('fees.markPrinted', () => {
  it('prints a draft as 草稿 without counting; the first print of a confirmed sheet is the original, later ones copies', async () => {
    const s = await setUp()
    const { d, items } = s
    const sheet = await save(d, await draft(s), { lines: [{ itemId: items.sg.id, quantity: 2 }] })
    expect(await d.call('fees.markPrinted', { id: sheet.id })).toEqual({ sheet, copy: false })
    const confirmed = await d.call('fees.confirm', { id: sheet.id, expectedRevision: sheet.revision })
    const first = await d.call('fees.markPrinted', { id: sheet.id })
    expect(first).toMatchObject({ copy: false, sheet: { printCount: 1, revision: confirmed.revision } })
    const second = await d.call('fees.markPrinted', { id: sheet.id })
    expect(second).toMatchObject({ copy: true, sheet: { printCount: 2 } })
    // Paying from stored value needs the balance first (storedValue.topUp).
    await d.call('storedValue.topUp', { clientId: sheet.clientId, amountFen: 140950, method: 'cash' })
    await d.call('fees.pay', { id: sheet.id, payments: [{ method: 'stored_value', fen: 140950 }] })
    expect(await d.call('fees.markPrinted', { id: sheet.id })).toMatchObject({ copy: true, sheet: { printCount: 3, status: 'paid' } })
    expect(audits(d, 'fees.markPrinted')).toEqual([
      '打印缴费单 SF2026-000001（张小丽，合计 ¥1,409.50）（草稿）',
      '打印缴费单 SF2026-000001（张小丽，合计 ¥1,409.50）（原件）',
      '打印缴费单 SF2026-000001（张小丽，合计 ¥1,409.50）（副本，第2次打印）',
      '打印缴费单 SF2026-000001（张小丽，合计 ¥1,409.50）（副本，第3次打印）',
    ])
  })

  it('gives the capital amount of the total: ¥1,409.50 → 人民币壹仟肆佰零玖元伍角', async () => {
    const s = await setUp()
    const sheet = await save(s.d, await draft(s), { lines: [{ itemId: s.items.sg.id, quantity: 2 }] })
    expect(sheet.totals.total).toBe(140950)
    expect(sheet.capitalAmount).toBe('人民币壹仟肆佰零玖元伍角')
    const rounded = await save(s.d, sheet, { lines: linesOf(sheet), roundDown: 'yuan' })
    expect(rounded.capitalAmount).toBe('人民币壹仟肆佰零玖元整')
  })
})

describe('fee sheets saved through the API (property)', () => {
  it('store totals that are sheetTotals of the stored lines, with line nets adding up to the total, before and after confirming', async () => {
    const s = await setUp()
    const { d } = s
    const list = [
      s.items.ha,
      s.items.mz,
      s.items.sg,
      await d.call('prices.create', { code: 'JT01', name: '假体', category: 'consumable', unit: '个', listPriceFen: 1288800, floorPriceFen: 1000000 }),
      await d.call('prices.create', { code: 'HY01', name: '血常规', category: 'lab_test', unit: '次', listPriceFen: 3333 }),
    ]
    const lineArb = fc
      .record({ item: fc.constantFrom(...list), quantity: fc.integer({ min: 1, max: 20 }), kind: fc.constantFrom('none', 'rate', 'amount'), percent: percentArb, part: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ item, quantity, kind, percent, part }): FeeLineInput => ({
        itemId: item.id,
        quantity,
        discount: kind === 'rate' ? { kind: 'rate', percent } : kind === 'amount' ? { kind: 'amount', fen: Math.floor(item.listPriceFen * quantity * part) } : null,
      }))
    const draftArb = fc.record({
      lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
      sheetKind: fc.constantFrom('none', 'rate', 'amount'),
      sheetPercent: percentArb,
      sheetPart: fc.double({ min: 0, max: 1, noNaN: true }),
      roundDown: fc.constantFrom('none' as const, 'jiao' as const, 'yuan' as const),
      depositPart: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    await fc.assert(
      fc.asyncProperty(draftArb, async (r) => {
        let sheet = await draft(s)
        // The line figures before any sheet discount, to keep the generated amounts inside what is valid.
        sheet = await save(d, sheet, { lines: r.lines })
        const afterLines = sheet.totals.total
        const sheetDiscount: Discount | null =
          r.sheetKind === 'rate' ? { kind: 'rate', percent: r.sheetPercent } : r.sheetKind === 'amount' ? { kind: 'amount', fen: Math.floor(afterLines * r.sheetPart) } : null
        sheet = await save(d, sheet, { lines: r.lines, sheetDiscount, roundDown: r.roundDown })
        const deposit = Math.floor(sheet.totals.total * r.depositPart)
        sheet = await save(d, sheet, { lines: r.lines, sheetDiscount, roundDown: r.roundDown, deposits: deposit > 0 ? [{ fen: deposit }] : [] })

        const stored = await d.call('fees.get', { id: sheet.id })
        const recomputed = sheetTotals({ lines: stored.lines, sheetDiscount: stored.sheetDiscount, roundDown: stored.roundDown, deposits: stored.deposits.map((x) => x.fen), payments: [] })
        expect(recomputed.ok && recomputed.value).toEqual(stored.totals)
        expect(stored.totals.lines.reduce((sum, l) => sum + l.net, 0)).toBe(stored.totals.total)
        expect(stored.lines.map((l) => l.unitPrice)).toEqual(r.lines.map((l) => list.find((i) => i.id === l.itemId)?.listPriceFen))

        if (stored.totals.floorViolations.length === 0) {
          const confirmed = await d.call('fees.confirm', { id: stored.id, expectedRevision: stored.revision })
          const row = d.db.prepare('SELECT total_fen, payable_fen FROM fee_sheets WHERE id = ?').get(stored.id) as { total_fen: number; payable_fen: number }
          const nets = d.db.prepare('SELECT sum(net_fen) FROM fee_sheet_lines WHERE sheet_id = ?').pluck().get(stored.id) as number
          expect(row).toEqual({ total_fen: confirmed.totals.total, payable_fen: confirmed.totals.payable })
          expect(nets).toBe(confirmed.totals.total)
        } else {
          await d.call('fees.discardDraft', { id: stored.id, expectedRevision: stored.revision })
        }
      }),
      { numRuns: 40 },
    )
    expect(d.logged).toEqual([])
  })
})

/** The lines of a sheet as the form sends them back (items, quantities and discounts, never prices). */
function linesOf(sheet: FeeSheet): FeeLineInput[] {
  return sheet.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, discount: l.discount }))
}

function fields(item: PriceItem) {
  return { id: item.id, code: item.code, name: item.name, category: item.category, unit: item.unit, listPriceFen: item.listPriceFen, floorPriceFen: item.floorPriceFen, costFen: item.costFen }
}
