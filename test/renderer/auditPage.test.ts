// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker, ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry, AuditOperator, AuditPage } from '../../core/api/audit.ts'
import { localDateOf } from '../../core/domain/dates.ts'
import { routes } from '../../renderer/src/router/index.ts'
import { NAV_ITEMS } from '../../renderer/src/router/nav.ts'
import AuditView from '../../renderer/src/views/audit/index.vue'
import { localDateTime } from '../../renderer/src/views/audit/useAuditLog.ts'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'
import { useTimeZone } from '../helpers/timeZone.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

useTimeZone('Asia/Shanghai')

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})
const body = () => new DOMWrapper(document.body)

function entry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: '2026-12-03T01:30:12.000Z',
    operatorId: 7,
    operator: '小周',
    method: 'clients.create',
    kind: 'registration',
    summary: `登记顾客 顾客${id}`,
    ...overrides,
  }
}

const operators: AuditOperator[] = [
  { id: 1, name: '林主任' },
  { id: 7, name: '小周' },
  { id: null, name: '' },
]

/** Mounts the screen over a fake log: `pages` are answered in turn to audit.list calls. */
async function openAudit(pages: (AuditPage | Refusal)[] = [{ entries: [entry(3), entry(2, { method: 'settings.update', kind: 'settings', operatorId: 1, operator: '林主任', summary: '修改设置' })], hasMore: false }]): Promise<Harness> {
  const harness = createHarness()
  let call = 0
  harness.bridge.handlers['audit.list'] = () => pages[Math.min(call++, pages.length - 1)]
  harness.bridge.handlers['audit.operators'] = () => operators
  wrapper = mount(AuditView, { global: harness.global as never, attachTo: document.body })
  await settle()
  return harness
}

const select = (testid: string) => wrapper!.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === testid)!
const lastList = (harness: Harness) => harness.bridge.callsOf('audit.list').at(-1)

describe('the audit log page', () => {
  it('reads the last 7 days at first and shows each entry: local time, operator, kind, method, summary', async () => {
    const harness = await openAudit()
    const today = new Date()
    const weekAgo = localDateOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6))
    expect(harness.bridge.callsOf('audit.list')).toEqual([{ limit: 50, from: weekAgo, to: localDateOf(today) }])
    expect(harness.bridge.callsOf('audit.operators')).toHaveLength(1)

    const rows = body().findAll('[data-testid="audit-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.get('[data-testid="audit-row-time"]').text()).toBe('2026-12-03 09:30:12') // 01:30 UTC in Shanghai
    expect(rows[0]!.get('[data-testid="audit-row-operator"]').text()).toBe('小周')
    expect(rows[0]!.get('[data-testid="audit-row-kind"]').text()).toBe('登记')
    expect(rows[0]!.get('[data-testid="audit-row-method"]').text()).toBe('clients.create')
    expect(rows[0]!.get('[data-testid="audit-row-summary"]').text()).toBe('登记顾客 顾客3')
    expect(rows[1]!.get('[data-testid="audit-row-kind"]').text()).toBe('设置')
    expect(body().get('[data-testid="audit-count"]').text()).toBe('已显示全部 2 条')
    expect(body().find('[data-testid="audit-load-more"]').exists()).toBe(false)
    expect(body().find('[data-testid="audit-empty"]').exists()).toBe(false)
    expect(localDateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00')
  })

  it('sends each filter as the API takes it: operator (or none), kind, dates, and all again when cleared', async () => {
    const harness = await openAudit()
    const operator = select('audit-filter-operator')
    const labels = operator.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    expect(labels).toEqual(['林主任', '小周', '系统 / 未登录'])

    operator.vm.$emit('update:modelValue', '7')
    await settle()
    expect(lastList(harness)).toMatchObject({ operatorId: 7, limit: 50 })
    select('audit-filter-kind').vm.$emit('update:modelValue', 'fees')
    await settle()
    expect(lastList(harness)).toMatchObject({ operatorId: 7, kind: 'fees' })
    await wrapper!.findComponent(ElDatePicker).vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await settle()
    expect(lastList(harness)).toEqual({ limit: 50, operatorId: 7, kind: 'fees', from: '2026-11-01', to: '2026-11-30' })

    operator.vm.$emit('update:modelValue', 'none')
    await settle()
    expect(lastList(harness)).toEqual({ limit: 50, operatorId: null, kind: 'fees', from: '2026-11-01', to: '2026-11-30' })
    // Cleared: no filter at all (Element Plus clears a range to null).
    operator.vm.$emit('update:modelValue', '')
    select('audit-filter-kind').vm.$emit('update:modelValue', '')
    await wrapper!.findComponent(ElDatePicker).vm.$emit('update:modelValue', null)
    await settle()
    expect(lastList(harness)).toEqual({ limit: 50 })
  })

  it('loads more: the next page starts below the last id and is appended, until there is no more', async () => {
    const harness = await openAudit([
      { entries: [entry(9), entry(8)], hasMore: true },
      { entries: [entry(7), entry(6)], hasMore: true },
      { entries: [entry(5)], hasMore: false },
    ])
    expect(body().get('[data-testid="audit-count"]').text()).toBe('已显示 2 条')
    await body().get('[data-testid="audit-load-more"]').trigger('click')
    await settle()
    expect(lastList(harness)).toMatchObject({ beforeId: 8, limit: 50 })
    await body().get('[data-testid="audit-load-more"]').trigger('click')
    await settle()
    expect(lastList(harness)).toMatchObject({ beforeId: 6 })
    expect(body().findAll('[data-testid="audit-row"]').map((r) => r.attributes('data-id'))).toEqual(['9', '8', '7', '6', '5'])
    expect(body().find('[data-testid="audit-load-more"]').exists()).toBe(false)
    expect(body().get('[data-testid="audit-count"]').text()).toBe('已显示全部 5 条')
    // A new filter starts again from the top.
    select('audit-filter-kind').vm.$emit('update:modelValue', 'registration')
    await settle()
    expect(lastList(harness)).not.toHaveProperty('beforeId')
  })

  it('shows the empty state when nothing matches, and refreshes on the button', async () => {
    const harness = await openAudit([{ entries: [], hasMore: false }])
    expect(body().get('[data-testid="audit-empty"]').text()).toContain('没有符合条件的记录')
    expect(body().findAll('[data-testid="audit-row"]')).toHaveLength(0)
    expect(body().find('[data-testid="audit-count"]').exists()).toBe(false)
    await body().get('[data-testid="audit-refresh"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('audit.list')).toHaveLength(2)
    expect(harness.bridge.callsOf('audit.operators')).toHaveLength(2)
  })

  it('shows the loading state while reading, and an error through the notice', async () => {
    const harness = createHarness()
    let finish: (page: AuditPage) => void = () => undefined
    harness.bridge.handlers['audit.list'] = () => new Promise<AuditPage>((resolve) => (finish = resolve))
    harness.bridge.handlers['audit.operators'] = () => operators
    wrapper = mount(AuditView, { global: harness.global as never, attachTo: document.body })
    await settle()
    const table = body().get('[data-testid="audit-table-wrap"]')
    expect(table.attributes('aria-busy')).toBe('true')
    expect(table.find('.el-loading-mask').exists()).toBe(true)
    expect(body().find('[data-testid="audit-empty"]').exists()).toBe(false) // not "nothing" before the answer
    finish({ entries: [entry(1)], hasMore: false })
    await settle()
    expect(table.attributes('aria-busy')).toBe('false')
    expect(body().findAll('[data-testid="audit-row"]')).toHaveLength(1)

    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    harness.bridge.handlers['audit.list'] = () => new Refusal({ code: 'forbidden', message: '当前操作员没有权限执行此操作' })
    await body().get('[data-testid="audit-refresh"]').trigger('click')
    await settle()
    expect(body().get('.el-message--error').text()).toContain('当前操作员没有权限执行此操作')
    expect(body().findAll('[data-testid="audit-row"]')).toHaveLength(1) // what was shown stays
  })

  it('drops an older answer that arrives after a newer filter', async () => {
    const harness = createHarness()
    const pending: ((page: AuditPage) => void)[] = []
    harness.bridge.handlers['audit.list'] = () => new Promise<AuditPage>((resolve) => pending.push(resolve))
    harness.bridge.handlers['audit.operators'] = () => operators
    wrapper = mount(AuditView, { global: harness.global as never, attachTo: document.body })
    await settle()
    select('audit-filter-kind').vm.$emit('update:modelValue', 'fees')
    await settle()
    pending[1]!({ entries: [entry(2, { kind: 'fees', method: 'fees.pay' })], hasMore: false })
    await settle()
    pending[0]!({ entries: [entry(1)], hasMore: false })
    await settle()
    expect(body().findAll('[data-testid="audit-row"]').map((r) => r.attributes('data-kind'))).toEqual(['fees'])
  })

  it('is reached by keyboard: the filters, the table region, load more and refresh take the focus', async () => {
    await openAudit([{ entries: [entry(2), entry(1)], hasMore: true }])
    const focusables = ['audit-refresh', 'audit-table-wrap', 'audit-load-more'].map((id) => body().get(`[data-testid="${id}"]`).element as HTMLElement)
    for (const el of focusables) {
      el.focus()
      expect(document.activeElement).toBe(el)
    }
    for (const id of ['audit-filter-operator', 'audit-filter-kind', 'audit-filter-range']) {
      const input = body().get(`[data-testid="${id}"] input`).element as HTMLInputElement
      expect(input.tabIndex, id).not.toBe(-1)
    }
    expect(body().get('[data-testid="audit-filter-operator"] input').attributes('aria-label')).toBe('操作员')
  })

  it('has its route and an administrator’s navigation item', () => {
    const desk = routes.find((r) => r.path === '/')
    expect(desk?.children?.find((r) => r.name === 'audit')).toMatchObject({ path: 'audit', component: AuditView, meta: { nav: 'audit' } })
    expect(NAV_ITEMS.find((i) => i.key === 'audit')).toMatchObject({ to: '/audit', permission: 'admin' })
  })
})
