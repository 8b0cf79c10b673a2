// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AUTOSAVE_DELAY_MS } from '../../renderer/src/views/consultation/useSheetAutosave.ts'
import { Refusal } from './fakeBridge.ts'
import { feeSheet, serveFees } from './fees.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

const body = () => new DOMWrapper(document.body)
const line = (i: number) => body().findAll('[data-testid="fee-line"]')[i]!
const amounts = () => body().findAll('[data-testid="fee-line-amount"]').map((c) => c.text())
const figure = (key: string) => body().get(`[data-testid="fee-total-${key}"] dd`).text()
const capital = () => body().get('[data-testid="fee-total-capital"]').text()
const errorMessages = () => body().findAll('.el-message--error').map((m) => m.text())

async function openSheet(sheet = feeSheet(), options: Parameters<typeof createHarness>[0] = {}) {
  const harness = createHarness(options)
  const server = serveFees(harness, sheet)
  let router
  ;({ wrapper, router } = await mountApp(harness, `/fee-sheets/${sheet.id}`))
  return { harness, server, router }
}

/** Picks a discount kind in line i's select (its listbox is teleported; aria-controls names it). */
async function chooseDiscount(i: number, kind: 'none' | 'rate' | 'amount') {
  const listbox = line(i).get('[data-testid="discount-kind"] input').attributes('aria-controls')
  const option = kind === 'none' ? `#${listbox} li:first-child` : `#${listbox} [data-testid="discount-kind-${kind}"]`
  await body().get(option).trigger('click')
}
const setDiscountValue = (i: number, value: string) => line(i).get('[data-testid="discount-value"] input').setValue(value)
const setQuantity = (i: number, value: string) => line(i).get('[data-testid="fee-line-qty"] input').setValue(value)

async function answerBox(text?: string) {
  const box = body().get('.el-message-box')
  if (text !== undefined) await box.get('.el-message-box__input input').setValue(text)
  await box.get('.el-message-box__btns .el-button--primary').trigger('click')
  await settle()
}

describe('Fee sheet page: a draft', () => {
  it('shows every line with its amount, the figures and the capital amount', async () => {
    const { harness } = await openSheet()
    expect(harness.bridge.callsOf('fees.get')).toEqual([{ id: 7 }])
    expect(body().get('[data-testid="fee-sheet-no"]').text()).toBe('单号 SF2026-000007')
    expect(body().get('[data-testid="fee-status"]').text()).toBe('草稿')
    expect(line(0).text()).toContain('T001')
    expect(line(0).text()).toContain('光子嫩肤（全面部）')
    expect(line(0).text()).toContain('治疗项目')
    expect(line(1).text()).toContain('耗材/假体')
    expect(line(1).text()).toContain('¥300.50')
    expect(amounts()).toEqual(['¥1,280.00', '¥601.00'])
    expect(figure('subtotal')).toBe('¥1,881.00')
    expect(figure('total')).toBe('¥1,881.00')
    expect(capital()).toBe('大写 人民币壹仟捌佰捌拾壹元整')
    expect(body().find('[data-testid="fee-floor-warning"]').exists()).toBe(false)
  })

  it('works figures out live as quantity and discount change, then saves items only, at the revision read', async () => {
    const { harness } = await openSheet()
    vi.useFakeTimers()
    await setQuantity(1, '3')
    expect(amounts()).toEqual(['¥1,280.00', '¥901.50'])
    expect(figure('total')).toBe('¥2,181.50')
    expect(capital()).toBe('大写 人民币贰仟壹佰捌拾壹元伍角')

    await chooseDiscount(0, 'rate') // starts at 90 (9折)
    expect(amounts()).toEqual(['¥1,152.00', '¥901.50'])
    expect(figure('lineDiscounts')).toBe('−¥128.00')
    expect(figure('total')).toBe('¥2,053.50')
    expect(capital()).toBe('大写 人民币贰仟零伍拾叁元伍角')
    expect(body().get('[data-testid="consultation-autosave"]').attributes('data-state')).toBe('pending')

    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1)
    expect(harness.bridge.callsOf('fees.saveDraft')).toEqual([])
    vi.advanceTimersByTime(1)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toEqual([
      {
        id: 7,
        expectedRevision: 1,
        lines: [
          { itemId: 11, quantity: 1, discount: { kind: 'rate', percent: 90 } },
          { itemId: 12, quantity: 3, discount: null },
        ],
        sheetDiscount: null,
        roundDown: 'none',
        deposits: [],
        note: '',
      },
    ])
    expect(body().get('[data-testid="consultation-autosave"]').attributes('data-state')).toBe('saved')

    // The next save names the revision the last one returned.
    vi.useFakeTimers()
    await setDiscountValue(0, '95')
    expect(amounts()[0]).toBe('¥1,216.00')
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toHaveLength(2)
    expect(harness.bridge.callsOf('fees.saveDraft')[1]).toMatchObject({ expectedRevision: 2, lines: [{ itemId: 11, discount: { kind: 'rate', percent: 95 } }, { itemId: 12, quantity: 3 }] })
  })

  it('sets the store-staff rate (打版) on the surgery and consumable lines: 45% of list price with a consumable', async () => {
    const { harness } = await openSheet()
    expect(body().text()).toContain('手术项目按原价 40%，含耗材 45%')
    vi.useFakeTimers()
    await body().get('[data-testid="fee-store-staff"]').trigger('click')
    expect(amounts()).toEqual(['¥576.00', '¥270.45'])
    expect(body().get('.el-message--success').text()).toBe('已按原价 45% 设置 2 个项目')
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft').at(-1)).toMatchObject({
      lines: [
        { itemId: 11, quantity: 1, discount: { kind: 'rate', percent: 45 } },
        { itemId: 12, quantity: 2, discount: { kind: 'rate', percent: 45 } },
      ],
    })
  })

  it('shows why a figure is wrong and does not save it', async () => {
    const { harness } = await openSheet()
    vi.useFakeTimers()
    await chooseDiscount(1, 'amount')
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toHaveLength(1) // the valid ¥0.00 off
    vi.useFakeTimers()
    await setDiscountValue(1, '700') // ¥700.00 off a line of ¥601.00
    expect(body().get('[data-testid="fee-totals"] .el-alert').text()).toContain('金额有误：第 2 行：折扣金额不能超过金额')
    expect(amounts()).toEqual(['—', '—'])
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toHaveLength(1)
  })

  it('does not save an invalid figure typed within a second of a valid change', async () => {
    const { harness } = await openSheet()
    vi.useFakeTimers()
    await chooseDiscount(1, 'amount') // valid (¥0.00 off): the autosave timer starts
    await setDiscountValue(1, '700') // invalid a moment later
    expect(body().get('[data-testid="fee-totals"]').text()).toContain('折扣金额不能超过金额')
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3)
    vi.useRealTimers()
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toEqual([])
  })

  it('flags a line under its floor, and confirming it saves first, then asks for a reason sent as floorOverrideReason', async () => {
    const { harness } = await openSheet()
    await chooseDiscount(0, 'rate')
    await setDiscountValue(0, '70') // ¥896.00 for a floor of ¥1,024.00
    expect(line(0).classes()).toContain('is-under-floor')
    expect(line(0).get('[data-testid="fee-line-floor"]').text()).toBe('低于底价 ¥1,024.00')
    expect(line(1).classes()).not.toContain('is-under-floor')
    const warning = body().get('[data-testid="fee-floor-warning"]').text()
    expect(warning).toContain('1 个项目低于底价，只有管理员可以确认（需填写原因）')
    expect(warning).toContain('T001 光子嫩肤（全面部）：底价 ¥1,024.00，实收 ¥896.00，差 ¥128.00')

    await body().get('[data-testid="fee-confirm"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.saveDraft')).toHaveLength(1)
    expect(body().get('.el-message-box__title').text()).toBe('低于底价确认')
    await answerBox('x') // too short: the prompt refuses it
    expect(body().get('.el-message-box__errormsg').text()).toBe('原因须为 2～200 字')
    expect(harness.bridge.callsOf('fees.confirm')).toEqual([])
    await answerBox('  老顾客周年活动价  ')
    await vi.waitFor(() => expect(harness.bridge.callsOf('fees.confirm')).toEqual([{ id: 7, expectedRevision: 2, floorOverrideReason: '老顾客周年活动价' }]))
    await settle()
    expect(body().get('[data-testid="fee-status"]').text()).toBe('已确认')
  })

  it('asks before confirming a sheet within its floors, and sends no reason', async () => {
    const { harness } = await openSheet()
    await body().get('[data-testid="fee-confirm"]').trigger('click')
    await settle()
    expect(body().get('.el-message-box').text()).toContain('确认后明细单将被锁定，不能再修改。应收合计 ¥1,881.00。继续吗？')
    await body().get('.el-message-box__btns .el-button:not(.el-button--primary)').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.confirm')).toEqual([])

    await body().get('[data-testid="fee-confirm"]').trigger('click')
    await settle()
    await answerBox()
    expect(harness.bridge.callsOf('fees.confirm')).toEqual([{ id: 7, expectedRevision: 1 }])
    expect(harness.bridge.callsOf('fees.saveDraft')).toEqual([])
    expect(body().get('[data-testid="fee-status"]').text()).toBe('已确认')
    expect(body().findAll('[data-testid="fee-line-qty"]')).toHaveLength(0)
    expect(body().find('[data-testid="fee-pay"]').exists()).toBe(true)
  })

  it("shows the server's refusal and changes nothing", async () => {
    const { harness } = await openSheet()
    harness.bridge.handlers['fees.confirm'] = () => new Refusal({ code: 'forbidden', message: '当前操作员无权确认此明细单' })
    await body().get('[data-testid="fee-confirm"]').trigger('click')
    await settle()
    await answerBox()
    await vi.waitFor(() => expect(errorMessages().join()).toContain('当前操作员无权确认此明细单'))
    expect(body().get('[data-testid="fee-status"]').text()).toBe('草稿')
    expect(body().findAll('[data-testid="fee-line-qty"]')).toHaveLength(2)
    expect(body().find('[data-testid="fee-pay"]').exists()).toBe(false)
    expect(amounts()).toEqual(['¥1,280.00', '¥601.00'])
  })
})

describe('Fee sheet page: a confirmed sheet', () => {
  const confirmed = () =>
    feeSheet({ status: 'confirmed', revision: 3, confirmedAt: '2026-03-01T03:00:00.000Z', confirmedBy: '陈晓', deposits: [{ fen: 20000, note: '收据 0031' }], lines: [{ ...feeSheet().lines[0]!, discount: { kind: 'rate', percent: 90 } }, feeSheet().lines[1]!] })

  it('is read only and offers pay and reissue instead of confirm', async () => {
    await openSheet(confirmed())
    expect(body().get('[data-testid="fee-status"]').text()).toBe('已确认')
    expect(body().get('[data-testid="fee-locked"]').text()).toContain('由 陈晓 确认，内容已锁定')
    expect(body().findAll('[data-testid="fee-lines"] input')).toHaveLength(0)
    expect(body().find('[data-testid="fee-line-pick"]').exists()).toBe(false)
    expect(body().find('[data-testid="fee-round-down"]').exists()).toBe(false)
    expect(body().find('[data-testid="fee-confirm"]').exists()).toBe(false)
    expect(body().get('[data-testid="fee-pay"]').text()).toBe('收款')
    expect(body().get('[data-testid="fee-reissue"]').text()).toBe('作废重开')
    expect(line(0).text()).toContain('9折')
    expect(amounts()).toEqual(['¥1,152.00', '¥601.00'])
    expect(figure('total')).toBe('¥1,753.00')
    expect(figure('deposits')).toBe('−¥200.00')
    expect(figure('payable')).toBe('¥1,553.00')
  })

  it('shows a rate discount in English as the percent of the price paid', async () => {
    await openSheet(confirmed(), { settings: { language: 'en-US' } })
    expect(body().get('[data-testid="fee-status"]').text()).toBe('Confirmed')
    expect(line(0).text()).toContain('90% of price')
  })

  it('takes payment: the payable by default, refuses a sum that does not match, sends split payments in fen', async () => {
    const { harness } = await openSheet(confirmed())
    await body().get('[data-testid="fee-pay"]').trigger('click')
    await settle()
    const dialog = () => body().get('[data-testid="fee-pay-dialog"]')
    const amountInputs = () => dialog().findAll('input[data-testid="fee-pay-amount"]')
    const submit = () => dialog().get('[data-testid="fee-pay-submit"]')
    expect(dialog().get('[data-testid="fee-pay-payable"]').text()).toBe('本次应付 ¥1,553.00')
    expect((amountInputs()[0]!.element as HTMLInputElement).value).toBe('1553.00')
    expect(dialog().get('[data-testid="fee-pay-status"]').text()).toBe('金额正好')
    expect(submit().attributes('disabled')).toBeUndefined()

    await amountInputs()[0]!.setValue('1000')
    expect(dialog().get('[data-testid="fee-pay-status"]').text()).toBe('还差 ¥553.00')
    expect(submit().attributes('disabled')).toBeDefined()
    await submit().trigger('click')
    await amountInputs()[0]!.setValue('1600')
    expect(dialog().get('[data-testid="fee-pay-status"]').text()).toBe('多出 ¥47.00')
    await amountInputs()[0]!.setValue('abc')
    expect(dialog().get('[data-testid="fee-pay-problems"]').text()).toContain('第 1 笔金额有误：请输入数字')
    expect(submit().attributes('disabled')).toBeDefined()
    expect(harness.bridge.callsOf('fees.pay')).toEqual([])

    await amountInputs()[0]!.setValue('1,000.50')
    await dialog().get('[data-testid="fee-pay-add"]').trigger('click') // the next method, with what is left
    expect((amountInputs()[1]!.element as HTMLInputElement).value).toBe('552.50')
    expect(dialog().get('[data-testid="fee-pay-status"]').text()).toBe('金额正好')
    await submit().trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.pay')).toEqual([{ id: 7, payments: [{ method: 'wechat', fen: 100050 }, { method: 'cash', fen: 55250 }] }])
    expect(body().get('[data-testid="fee-status"]').text()).toBe('已缴费')
    expect(figure('paid')).toBe('¥1,553.00')
  })

  it('reissues with a reason and moves to the new draft', async () => {
    const { harness, router } = await openSheet(confirmed())
    const next = feeSheet({ id: 8, sheetNo: 'SF2026-000008', replacesId: 7 })
    const old = harness.bridge.handlers['fees.get']!
    harness.bridge.handlers['fees.get'] = (input: { id: number }) => (input.id === 8 ? next : old(input))
    harness.bridge.handlers['fees.reissue'] = () => next
    await body().get('[data-testid="fee-reissue"]').trigger('click')
    await settle()
    expect(body().get('.el-message-box__title').text()).toBe('作废重开：SF2026-000007')
    await answerBox('数量录错')
    expect(harness.bridge.callsOf('fees.reissue')).toEqual([{ id: 7, reason: '数量录错' }])
    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/fee-sheets/8'))
    await settle()
    expect(harness.bridge.callsOf('fees.get').at(-1)).toEqual({ id: 8 })
    expect(body().get('[data-testid="fee-sheet-no"]').text()).toBe('单号 SF2026-000008')
    expect(body().get('[data-testid="fee-status"]').text()).toBe('草稿')
  })

  it('shows a refused void and leaves the sheet as it was', async () => {
    const { harness } = await openSheet(confirmed())
    harness.bridge.handlers['fees.void'] = () => new Refusal({ code: 'forbidden', message: '只有管理员可以作废缴费明细单' })
    await body().get('[data-testid="fee-void"]').trigger('click')
    await settle()
    await answerBox('顾客改主意')
    await vi.waitFor(() => expect(errorMessages().join()).toContain('只有管理员可以作废缴费明细单'))
    expect(harness.bridge.callsOf('fees.void')).toEqual([{ id: 7, reason: '顾客改主意' }])
    expect(body().get('[data-testid="fee-status"]').text()).toBe('已确认')
    expect(body().find('[data-testid="fee-pay"]').exists()).toBe(true)
  })
})
