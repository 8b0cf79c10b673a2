// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { PartnerReport, PartnerStore, ReportStatus } from '../../core/domain/partnerStore.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)

const store: PartnerStore = {
  id: 7,
  name: '丽人美容',
  storeClass: 'A',
  consultantId: 1,
  consultantName: '王静',
  salespersonId: 5,
  salespersonName: '李业务',
  agreementNo: 'HZ-007',
  agreementText: '',
  photoMime: 'image/jpeg',
  bank: { bankName: '', accountName: '', accountNo: '' },
  bankMasked: false,
  startDate: '2026-01-01',
  status: 'active',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function report(overrides: Partial<PartnerReport> = {}): PartnerReport {
  return {
    id: 1,
    storeId: 7,
    storeName: '丽人美容',
    salespersonId: 5,
    salespersonName: '李业务',
    clientName: '赵敏',
    phone: '13911112222',
    notes: { income: '', work: '', family: '', wanted: '', other: '' },
    reportedAt: '2026-03-01T02:00:00.000Z',
    validUntil: '2026-03-31',
    reportedByName: '李业务',
    status: 'open',
    visitId: null,
    cancelReason: '',
    ...overrides,
  }
}

const receptionist: Operator = { id: 20, name: '前台小周', role: 'receptionist' }

async function openReports(reports: PartnerReport[] = [report()], operator?: Operator): Promise<Harness> {
  const harness = createHarness({ staff: [staffMember({ id: 1, name: '王静' }), staffMember({ id: 5, name: '李业务', role: 'marketing' })], ...(operator ? { operator } : {}) })
  harness.bridge.handlers['partnerStores.list'] = () => [store, { ...store, id: 8, name: '已停用的店', status: 'inactive' }]
  harness.bridge.handlers['partnerReports.list'] = (input: { status: ReportStatus | 'all' }) => reports.filter((r) => input.status === 'all' || r.status === input.status)
  ;({ wrapper } = await mountApp(harness, '/marketing'))
  await settle()
  return harness
}

const field = (testid: string) => body().get(`[data-testid="${testid}"]`)
/** Element Plus shows a field's error after a 100 ms debounce. */
async function errorOf(testid: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 120))
  return field(testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}
async function fillReport(values: Record<string, string>): Promise<void> {
  await field('report-store-7').trigger('click')
  for (const [testid, value] of Object.entries(values)) await field(testid).setValue(value)
  await field('report-submit').trigger('submit')
  await settle()
}
const rows = () => body().findAll('[data-testid="report-row"]')

describe('marketing: 报备', () => {
  it('files a report with the trimmed name, phone and hand-over notes, and lists it at once', async () => {
    const harness = await openReports([])
    expect(harness.bridge.callsOf('partnerReports.list')).toEqual([{ status: 'open' }])
    expect(body().findAll('[data-testid="report-store-8"]')).toHaveLength(0)
    harness.bridge.handlers['partnerReports.create'] = (input: { clientName: string; phone: string; notes: PartnerReport['notes'] }) =>
      report({ id: 3, clientName: input.clientName, phone: input.phone, notes: input.notes })
    await fillReport({ 'report-client-name': '  孙丽  ', 'report-phone': ' 13955556666 ', 'report-note-income': ' 月入两万 ', 'report-note-wanted': '玻尿酸丰唇', 'report-note-other': '怕疼' })
    expect(harness.bridge.callsOf('partnerReports.create')).toEqual([
      { storeId: 7, clientName: '孙丽', phone: '13955556666', notes: { income: '月入两万', work: '', family: '', wanted: '玻尿酸丰唇', other: '怕疼' } },
    ])
    expect(rows()).toHaveLength(1)
    expect(rows()[0]?.text()).toContain('孙丽')
    expect(rows()[0]?.get('[data-testid="report-notes"]').text()).toBe('收入月入两万想做项目玻尿酸丰唇其他怕疼')
    expect(body().text()).toContain('已报备 孙丽，有效至 2026-03-31')
    expect((field('report-client-name').element as HTMLInputElement).value).toBe('')
    expect(field('report-count').text()).toBe('共 1 条')
  })

  it('shows the refusal of a duplicate as the form’s message naming the first reporter, marks the phone, and keeps what was typed', async () => {
    const harness = await openReports([])
    const message = '13911112222 已于 2026/3/1 10:00 由 李业务（丽人美容）报备，报备以先报为准，不能重复报备'
    harness.bridge.handlers['partnerReports.create'] = () => new Refusal({ code: 'conflict', message, fields: { phone: message } })
    await fillReport({ 'report-client-name': '赵敏', 'report-phone': '13911112222' })
    expect(harness.bridge.callsOf('partnerReports.create')).toHaveLength(1)
    expect(await errorOf('report-phone')).toBe('该手机号已有有效报备')
    expect(body().get('[data-testid="report-error"]').text()).toBe(message)
    expect((field('report-client-name').element as HTMLInputElement).value).toBe('赵敏')
    expect(rows()).toHaveLength(0)
  })

  it('checks the fields before calling: required ones and a phone that is no phone', async () => {
    const harness = await openReports([])
    await field('report-submit').trigger('submit')
    await settle()
    expect(await errorOf('report-store')).toBe('必填')
    expect(await errorOf('report-client-name')).toBe('必填')
    expect(await errorOf('report-phone')).toBe('必填')
    await fillReport({ 'report-client-name': '赵敏', 'report-phone': '1391111' })
    expect(await errorOf('report-phone')).toBe('请输入正确的手机号（11 位）或座机号（如 021-61234567）')
    expect(await errorOf('report-client-name')).toBe('')
    expect(harness.bridge.callsOf('partnerReports.create')).toEqual([])
  })

  it('re-lists the reports of the status chosen', async () => {
    const harness = await openReports([report(), report({ id: 2, clientName: '钱多多', status: 'arrived' }), report({ id: 4, clientName: '周芷', status: 'cancelled', cancelReason: '顾客不来了' })])
    expect(rows().map((r) => r.attributes('data-report-id'))).toEqual(['1'])
    await field('report-status-cancelled').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('partnerReports.list')).toEqual([{ status: 'open' }, { status: 'cancelled' }])
    expect(rows().map((r) => r.attributes('data-report-id'))).toEqual(['4'])
    expect(rows()[0]?.text()).toContain('顾客不来了')
    await field('report-status-all').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('partnerReports.list').at(-1)).toEqual({ status: 'all' })
    expect(rows()).toHaveLength(3)
  })

  it('cancels a report only with a reason, and shows it cancelled', async () => {
    const harness = await openReports()
    harness.bridge.handlers['partnerReports.cancel'] = (input: { id: number; reason: string }) => report({ id: input.id, status: 'cancelled', cancelReason: input.reason })
    await rows()[0]?.get('[data-testid="report-cancel"]').trigger('click')
    await settle()
    expect(field('reason-dialog-who').text()).toBe('赵敏（13911112222，丽人美容）')
    await field('reason-input').setValue('   ')
    await field('reason-submit').trigger('click')
    await settle()
    expect(await errorOf('reason-input')).toBe('请写明取消原因')
    expect(harness.bridge.callsOf('partnerReports.cancel')).toEqual([])
    await field('reason-input').setValue(' 顾客改约下月 ')
    await field('reason-input').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('partnerReports.cancel')).toEqual([{ id: 1, reason: '顾客改约下月' }])
    expect(rows()).toHaveLength(0)
    expect(body().text()).toContain('已取消 赵敏 的报备')
  })

  it('keeps the dialog open with the refusal when main refuses the cancel', async () => {
    const harness = await openReports()
    harness.bridge.handlers['partnerReports.cancel'] = () => new Refusal({ code: 'conflict', message: '这条报备已到店，不能取消' })
    await rows()[0]?.get('[data-testid="report-cancel"]').trigger('click')
    await settle()
    await field('reason-input').setValue('重复')
    await field('reason-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('partnerReports.cancel')).toHaveLength(1)
    expect(await errorOf('reason-input')).toBe('这条报备已到店，不能取消')
    expect(rows()).toHaveLength(1)
  })

  it('lets the desk file reports but neither filter nor cancel them, nor see the marketing tabs', async () => {
    await openReports([report()], receptionist)
    expect(rows()).toHaveLength(1)
    expect(body().find('[data-testid="report-status-filter"]').exists()).toBe(false)
    expect(body().find('[data-testid="report-cancel"]').exists()).toBe(false)
    expect(body().get('[data-testid="marketing-tabs"]').text()).not.toContain('员工转介绍')
  })
})
