// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClientReferral } from '../../core/api/rebates.ts'
import { clientSummary } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
const field = (testid: string) => body().get(`[data-testid="${testid}"]`)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const staff = [
  staffMember({ id: 1, name: '王静' }),
  staffMember({ id: 2, name: '护士小何', role: 'nurse' }),
  staffMember({ id: 3, name: '离职的人', role: 'nurse', active: false }),
  staffMember({ id: 5, name: '李业务', role: 'marketing' }),
  staffMember({ id: 6, name: '张业务', role: 'marketing' }),
]

const referral = (overrides: Partial<ClientReferral> = {}): ClientReferral => ({
  clientId: 42,
  clientName: '林晓雯',
  referrerId: 2,
  referrerName: '护士小何',
  salespersonId: 5,
  salespersonName: '李业务',
  assignedAt: '2026-03-02T01:30:00.000Z',
  assignedByName: '市场主管',
  ...overrides,
})

async function openReferrals(list = [referral()]): Promise<Harness> {
  const harness = createHarness({ staff })
  harness.bridge.handlers['partnerStores.list'] = () => []
  harness.bridge.handlers['partnerReports.list'] = () => []
  harness.bridge.handlers['referrals.list'] = () => list
  ;({ wrapper } = await mountApp(harness, '/marketing'))
  await settle()
  const tab = body().findAll('.el-tabs__item').find((t) => t.text() === '员工转介绍')
  await tab?.trigger('click')
  await settle()
  return harness
}

async function errorOf(testid: string): Promise<string> {
  await wait(120)
  return field(testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}
const rows = () => body().findAll('[data-testid="referral-row"]')
const optionNames = (prefix: string) => body().findAll(`[data-testid^="${prefix}-"]`).map((o) => o.text())

describe('marketing: 员工转介绍', () => {
  it('lists each referred client with referrer, salesperson and who assigned it when', async () => {
    const harness = await openReferrals([referral(), referral({ clientId: 43, clientName: '周芷', referrerId: 1, referrerName: '王静', salespersonId: 6, salespersonName: '张业务' })])
    expect(harness.bridge.callsOf('referrals.list')).toEqual([{}])
    expect(rows()).toHaveLength(2)
    const cells = rows()[0]?.findAll('td').map((c) => c.text())
    expect(cells?.slice(0, 3)).toEqual(['林晓雯', '护士小何', '李业务'])
    expect(cells?.[3]).toBe(new Date('2026-03-02T01:30:00.000Z').toLocaleString(undefined, { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }))
    expect(cells?.[4]).toBe('市场主管')
    expect(field('referral-count').text()).toBe('共 2 位')
  })

  it('assigns a client found by search: referrer from staff outside marketing, salesperson from marketing', async () => {
    const harness = await openReferrals([])
    expect(body().find('[data-testid="referral-list-empty"]').exists()).toBe(true)
    harness.bridge.handlers['clients.search'] = () => [clientSummary({ id: 50, name: '孙丽', phone: '13955556666' })]
    harness.bridge.handlers['referrals.assign'] = (input: { clientId: number; referrerId: number; salespersonId: number }) =>
      referral({ ...input, clientName: '孙丽', referrerName: '王静', salespersonName: '张业务', assignedAt: '2026-03-05T02:00:00.000Z' })
    await field('referral-assign').trigger('click')
    await settle()
    expect(field('referral-hint').text()).toContain('5%')
    expect(optionNames('referral-referrer')).toEqual(['王静', '护士小何'])
    expect(optionNames('referral-salesperson')).toEqual(['李业务', '张业务'])

    await field('referral-submit').trigger('click')
    await settle()
    expect(await errorOf('referral-search')).toBe('请先查找并选择顾客')
    expect(await errorOf('referral-referrer')).toBe('请选择介绍的员工')
    expect(await errorOf('referral-salesperson')).toBe('请选择业务员')
    expect(harness.bridge.callsOf('referrals.assign')).toEqual([])

    await field('referral-search').setValue('孙丽')
    await wait(200)
    await settle()
    expect(harness.bridge.callsOf('clients.search')).toEqual([{ query: '孙丽', limit: 8 }])
    await field('referral-search').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(field('referral-client').text()).toContain('孙丽')
    await field('referral-referrer-1').trigger('click')
    await field('referral-salesperson-6').trigger('click')
    await field('referral-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('referrals.assign')).toEqual([{ clientId: 50, referrerId: 1, salespersonId: 6 }])
    expect(rows()).toHaveLength(1)
    expect(rows()[0]?.findAll('td').map((c) => c.text()).slice(0, 3)).toEqual(['孙丽', '王静', '张业务'])
    expect(body().text()).toContain('已将 孙丽 分配给 张业务')
  })

  it('re-assigns a listed client to another salesperson, keeping the client fixed', async () => {
    const harness = await openReferrals()
    harness.bridge.handlers['referrals.assign'] = (input: { clientId: number; referrerId: number; salespersonId: number }) =>
      referral({ ...input, salespersonName: '张业务', assignedAt: '2026-03-06T02:00:00.000Z' })
    await rows()[0]?.get('[data-testid="referral-change"]').trigger('click')
    await settle()
    expect(field('referral-client').text()).toBe('林晓雯')
    expect(body().find('[data-testid="referral-client-change"]').exists()).toBe(false)
    await field('referral-salesperson-6').trigger('click')
    await field('referral-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('referrals.assign')).toEqual([{ clientId: 42, referrerId: 2, salespersonId: 6 }])
    expect(rows()).toHaveLength(1)
    expect(rows()[0]?.text()).toContain('张业务')
    expect(body().find('[data-testid="referral-dialog"]').isVisible()).toBe(false)
  })

  it('shows main’s refusal on its field and keeps the dialog open', async () => {
    const harness = await openReferrals()
    const message = '介绍人须是在职的非市场部员工'
    harness.bridge.handlers['referrals.assign'] = () => new Refusal({ code: 'invalid_input', message, fields: { referrerId: message } })
    await rows()[0]?.get('[data-testid="referral-change"]').trigger('click')
    await settle()
    await field('referral-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('referrals.assign')).toHaveLength(1)
    expect(await errorOf('referral-referrer')).toBe(message)
    expect(field('referral-dialog').isVisible()).toBe(true)
  })
})
