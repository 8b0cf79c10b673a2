// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { Client } from '../../core/domain/client.ts'
import type { LedgerEntry, StoredValueAccount } from '../../core/domain/storedValue.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { feeSheet, serveFees } from './fees.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})
const body = () => new DOMWrapper(document.body)
const texts = (selector: string) => body().findAll(selector).map((e) => e.text())
const get = (testid: string) => body().get(`[data-testid="${testid}"]`)
/** A field's message, once Element Plus's transition has shown it. */
async function errorOf(testid: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 120))
  return get(testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const client = { id: 42, archiveNo: 'K0042', name: '林晓雯', gender: 'female', phone: '13912340001', ownConsultantId: null, channel: 'walk_in' } as unknown as Client
const RECEPTION: Operator = { id: 9, name: '前台小周', role: 'receptionist' }

function entry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return { id: 1, clientId: 42, kind: 'top_up', amountFen: 100000, balanceFen: 100000, method: 'wechat', feeSheetId: null, sheetNo: null, note: '', at: '2026-03-01T02:00:00.000Z', byName: '前台小周', ...overrides }
}

/** ¥1,000 topped up by WeChat with ¥100 bonus, ¥300 paid on SF2026-000007: balance ¥800. */
const account: StoredValueAccount = {
  clientId: 42,
  clientName: '林晓雯',
  balanceFen: 80000,
  toppedUpFen: 100000,
  bonusFen: 10000,
  spentFen: 30000,
  refundedFen: 0,
  entries: [
    entry({ id: 3, kind: 'payment', amountFen: -30000, balanceFen: 80000, method: null, feeSheetId: 7, sheetNo: 'SF2026-000007' }),
    entry({ id: 2, kind: 'bonus', amountFen: 10000, balanceFen: 110000, method: null }),
    entry({ id: 1, kind: 'top_up', amountFen: 100000, balanceFen: 100000, note: '会员日' }),
  ],
}

async function openClient(options: { operator?: Operator; account?: StoredValueAccount } = {}) {
  const harness = createHarness({
    settings: { storedValueBonusRules: [{ minFen: 100000, bonusFen: 10000 }, { minFen: 500000, bonusFen: 80000 }] },
    ...(options.operator ? { operator: options.operator } : {}),
  })
  harness.bridge.handlers['clients.get'] = () => ({ client, visits: [] })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => []
  harness.bridge.handlers['storedValue.account'] = () => structuredClone(options.account ?? account)
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return harness
}

describe('stored value on the client page', () => {
  it('shows the balance, the totals and the ledger newest first with kind, signed amount, balance after and sheet', async () => {
    const harness = await openClient()
    expect(harness.bridge.callsOf('storedValue.account')).toEqual([{ clientId: 42 }])
    expect(get('stored-value-balance').text()).toBe('¥800.00')
    expect(['toppedUp', 'bonus', 'spent', 'refunded'].map((k) => get(`stored-value-total-${k}`).text())).toEqual(['¥1,000.00', '¥100.00', '¥300.00', '¥0.00'])
    expect(texts('[data-testid="stored-value-entry-kind"]')).toEqual(['消费', '赠送', '充值'])
    expect(texts('[data-testid="stored-value-entry-amount"]')).toEqual(['-¥300.00', '+¥100.00', '+¥1,000.00'])
    expect(texts('[data-testid="stored-value-entry-balance"]')).toEqual(['¥800.00', '¥1,100.00', '¥1,000.00'])
    expect(texts('[data-testid="stored-value-entry-sheet"]')).toEqual(['SF2026-000007', '', ''])
    const rows = body().findAll('[data-testid="stored-value-entry"]')
    expect(rows[2]!.text()).toContain('微信')
    expect(rows[2]!.text()).toContain('会员日')
    expect(rows[2]!.text()).toContain('前台小周')
  })

  it('tops up in fen from the yuan typed, shows the bonus the rules give as one types, submits on Enter', async () => {
    const harness = await openClient({ operator: RECEPTION })
    const after: StoredValueAccount = { ...account, balanceFen: 190050, toppedUpFen: 200050, bonusFen: 20000, entries: [entry({ id: 5, kind: 'bonus', amountFen: 10000, balanceFen: 190050, method: null }), entry({ id: 4, amountFen: 100050, balanceFen: 180050, method: 'alipay' }), ...account.entries] }
    harness.bridge.handlers['storedValue.topUp'] = () => after
    await get('stored-value-top-up').trigger('click')
    await settle()
    const amount = body().get('input[data-testid="top-up-amount"]')
    expect(get('top-up-bonus').text()).toBe('本次充值无赠送')
    await amount.setValue('999.99')
    expect(get('top-up-bonus').text()).toBe('本次充值无赠送')
    await amount.setValue('1,000.5')
    expect(get('top-up-bonus').text()).toBe('将赠送 ¥100.00')
    await amount.setValue('５０００')
    expect(get('top-up-bonus').text()).toBe('将赠送 ¥800.00')
    await amount.setValue('abc')
    await get('top-up-submit').trigger('click')
    expect(await errorOf('top-up-amount')).toBe('请输入数字，如 1000 或 1,000.50')
    await amount.setValue('0')
    await get('top-up-submit').trigger('click')
    expect(await errorOf('top-up-amount')).toBe('金额须大于 0')
    expect(harness.bridge.callsOf('storedValue.topUp')).toEqual([])

    await amount.setValue('1,000.5')
    await get('top-up-method-alipay').find('input').setValue(true)
    await body().get('input[data-testid="top-up-note"]').setValue(' 老客户 ')
    await body().get('input[data-testid="top-up-note"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('storedValue.topUp')).toEqual([{ clientId: 42, amountFen: 100050, method: 'alipay', note: '老客户' }])
    expect(get('stored-value-balance').text()).toBe('¥1,900.50')
    expect(body().text()).toContain('已充值 ¥1,000.50，余额 ¥1,900.50')
  })

  it('shows a server refusal of a top-up on the amount', async () => {
    const harness = await openClient()
    harness.bridge.handlers['storedValue.topUp'] = () => new Refusal({ code: 'invalid_input', message: '输入有误', fields: { amountFen: '金额超出范围' } })
    await get('stored-value-top-up').trigger('click')
    await settle()
    await body().get('input[data-testid="top-up-amount"]').setValue('20000000000')
    await get('top-up-submit').trigger('click')
    await settle()
    expect(await errorOf('top-up-amount')).toBe('金额超出范围')
    expect(get('top-up-dialog').isVisible()).toBe(true)
  })

  it('offers 退款 to an administrator only', async () => {
    await openClient({ operator: RECEPTION })
    expect(body().find('[data-testid="stored-value-top-up"]').exists()).toBe(true)
    expect(body().find('[data-testid="stored-value-refund"]').exists()).toBe(false)
    wrapper?.unmount()
    await openClient({ operator: { id: 1, name: '王静', role: 'consultant' } })
    expect(body().find('[data-testid="stored-value-top-up"]').exists()).toBe(false)
    expect(body().find('[data-testid="stored-value-refund"]').exists()).toBe(false)
    expect(get('stored-value-balance').text()).toBe('¥800.00')
  })

  it('refunds with a reason, refusing beyond the balance before asking the server', async () => {
    const harness = await openClient()
    harness.bridge.handlers['storedValue.refund'] = () => ({ ...account, balanceFen: 30000, refundedFen: 50000, entries: [entry({ id: 9, kind: 'refund', amountFen: -50000, balanceFen: 30000, method: null, note: '顾客要求' }), ...account.entries] })
    await get('stored-value-refund').trigger('click')
    await settle()
    expect(get('refund-balance').text()).toBe('当前余额 ¥800.00')
    const amount = body().get('input[data-testid="refund-amount"]')
    await amount.setValue('800.01')
    await get('refund-submit').trigger('click')
    expect(await errorOf('refund-amount')).toBe('储值余额 ¥800.00，不能退 ¥800.01')
    expect(await errorOf('refund-reason')).toBe('请填写退款理由')
    expect(harness.bridge.callsOf('storedValue.refund')).toEqual([])
    await amount.setValue('500')
    await body().get('input[data-testid="refund-reason"]').setValue('顾客要求')
    await body().get('input[data-testid="refund-reason"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('storedValue.refund')).toEqual([{ clientId: 42, amountFen: 50000, reason: '顾客要求' }])
    expect(get('stored-value-balance').text()).toBe('¥300.00')
    expect(texts('[data-testid="stored-value-entry-kind"]')[0]).toBe('退款')
  })
})

describe('paying from stored value in the payment dialog', () => {
  const confirmed = () => feeSheet({ status: 'confirmed', revision: 3, confirmedAt: '2026-03-01T03:00:00.000Z', confirmedBy: '陈晓' })

  it('shows the client’s balance once 储值 is picked and refuses a stored-value part above it', async () => {
    const harness = createHarness()
    serveFees(harness, confirmed())
    harness.bridge.handlers['storedValue.account'] = () => structuredClone(account)
    ;({ wrapper } = await mountApp(harness, '/fee-sheets/7'))
    await settle()
    await get('fee-pay').trigger('click')
    await settle()
    const dialog = () => get('fee-pay-dialog')
    const payable = dialog().get('[data-testid="fee-pay-payable"]').text()
    expect(dialog().find('[data-testid="fee-pay-stored-balance"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('storedValue.account')).toEqual([])

    await get('fee-pay-method-stored_value').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('storedValue.account')).toEqual([{ clientId: 42 }])
    expect(dialog().get('[data-testid="fee-pay-stored-balance"]').text()).toBe('储值余额 ¥800.00')
    // The sheet is ¥1,280.00 + 2 × ¥300.50 = ¥1,881.00, all of it put on 储值 by default.
    expect((body().get('input[data-testid="fee-pay-amount"]').element as HTMLInputElement).value).toBe('1881.00')
    expect(dialog().get('[data-testid="fee-pay-stored-over"]').text()).toBe('储值余额 ¥800.00，不足以支付 ¥1,881.00')
    expect(dialog().get('[data-testid="fee-pay-submit"]').attributes('disabled')).toBeDefined()
    await dialog().get('form').trigger('submit')
    await get('fee-pay-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.pay')).toEqual([])

    // ¥800 from stored value, the rest in cash.
    await body().get('input[data-testid="fee-pay-amount"]').setValue('800')
    await get('fee-pay-add').trigger('click')
    expect(dialog().find('[data-testid="fee-pay-stored-over"]').exists()).toBe(false)
    await get('fee-pay-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.pay')).toEqual([{ id: 7, payments: [{ method: 'stored_value', fen: 80000 }, { method: 'cash', fen: 108100 }] }])
    expect(payable).toBe('本次应付 ¥1,881.00')
  })
})

describe('the bonus rules in the settings', () => {
  it('adds and removes 充/送 rows in yuan and saves them in fen with the settings', async () => {
    const harness = createHarness({ settings: { storedValueBonusRules: [{ minFen: 100000, bonusFen: 10000 }] } })
    await useSettingsStore().init()
    wrapper = mount(SettingsView, { global: harness.global as never, attachTo: document.body })
    await settle()
    const card = () => get('settings-stored-value')
    const mins = () => card().findAll('input[data-testid="bonus-rule-min"]')
    const bonuses = () => card().findAll('input[data-testid="bonus-rule-bonus"]')
    expect(mins().map((i) => (i.element as HTMLInputElement).value)).toEqual(['1000.00'])
    expect(bonuses().map((i) => (i.element as HTMLInputElement).value)).toEqual(['100.00'])
    const save = () => get('settings-stored-value-save')
    expect(save().attributes('disabled')).toBeDefined()

    await get('bonus-rule-add').trigger('click')
    await mins()[1]!.setValue('5,000')
    await bonuses()[1]!.setValue('abc')
    expect(get('bonus-rules-problems').text()).toContain('第 2 档“送”的金额有误：请输入数字')
    expect(save().attributes('disabled')).toBeDefined()
    await bonuses()[1]!.setValue('800')
    await mins()[1]!.setValue('1000')
    expect(get('bonus-rules-problems').text()).toBe('第 2 档的“充”金额与前面一档相同')
    await mins()[1]!.setValue('5000')
    await settle()
    expect(save().attributes('disabled')).toBeUndefined()
    await save().trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update')).toEqual([{ storedValueBonusRules: [{ minFen: 100000, bonusFen: 10000 }, { minFen: 500000, bonusFen: 80000 }] }])

    await card().findAll('[data-testid="bonus-rule-remove"]')[0]!.trigger('click')
    await settle()
    await save().trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update').at(-1)).toEqual({ storedValueBonusRules: [{ minFen: 500000, bonusFen: 80000 }] })
  })
})
