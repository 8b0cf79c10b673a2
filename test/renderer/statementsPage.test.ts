// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { Operator } from '../../core/api/operator.ts'
import type { RebatePeriod } from '../../core/api/rebates.ts'
import { PRINTING_SHEET_CLASS } from '../../renderer/src/composables/usePrintSheet.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'
import { PERIODS, SALESPEOPLE, STORES, TODAY, statementOf } from './statements.fixtures.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

// happy-dom has no canvas: the chart is replaced by one that shows the categories and series it was given.
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object as PropType<{ xAxis: { data: string[] }; series: { name: string; data: number[] }[] }>, required: true } },
    setup: (props) => () =>
      h('div', {
        'data-testid': 'chart-stub',
        'data-categories': JSON.stringify(props.option.xAxis.data),
        'data-series': JSON.stringify(props.option.series.map((s) => [s.name, s.data])),
      }),
  }),
}))

let wrapper: VueWrapper | undefined
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(TODAY)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const body = () => new DOMWrapper(document.body)
const select = (testid: string) => wrapper!.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === testid)!
const text = (testid: string) => body().get(`[data-testid="${testid}"]`).text()
const amount = (key: string) => body().get(`[data-testid="statement-summary-${key}"] [data-testid="amount"]`).text()
const cells = (row: Pick<DOMWrapper<Element>, 'findAll'>) => row.findAll('td, th').map((c) => c.text())
/** Yuan text of a table cell ("¥8,500.00", "-¥2,000.00", "") as fen. */
const fenOf = (cell: string) => (cell === '' ? 0 : Math.round(Number(cell.replace(/[¥,]/g, '')) * 100))

function harnessWith(operator?: Operator, periods: RebatePeriod[] = PERIODS): Harness {
  const harness = createHarness({ staff: SALESPEOPLE, ...(operator ? { operator } : {}) })
  harness.bridge.handlers['rebates.periods'] = () => structuredClone(periods)
  harness.bridge.handlers['rebates.statement'] = (query: { period: string; storeId?: number; salespersonId?: number }) => statementOf(query, undefined, periods)
  harness.bridge.handlers['partnerStores.list'] = () => structuredClone(STORES)
  return harness
}

async function open(harness = harnessWith()) {
  ;({ wrapper } = await mountApp(harness, '/statements'))
  await settle()
  return harness
}

async function pickMonth(period: string) {
  select('statement-month-select').vm.$emit('update:modelValue', period)
  await settle()
}

async function openNovember(harness = harnessWith()) {
  await open(harness)
  await pickMonth('2026-11')
  return harness
}

describe('Rebate statements page (返款对账)', () => {
  it('reads the months and the newest statement, and tags the closed month', async () => {
    const harness = await open()
    expect(harness.bridge.callsOf('rebates.periods')).toEqual([{}])
    expect(harness.bridge.callsOf('rebates.statement')).toEqual([{ period: '2026-12' }])
    expect(body().get('[data-testid="statement-month"] .el-select__selected-item:not(.is-hidden)').text()).toBe('2026年12月')
    expect(body().find('[data-testid="statement-empty"]').text()).toBe('本月没有返款记录')
    expect(text('statement-open-tag')).toBe('未结账')
    const options = body().findAll('[data-testid^="statement-month-2026"]')
    expect(options.map((o) => o.text())).toEqual(['2026年12月', '2026年11月', '2026年10月已结账'])

    await pickMonth('2026-10')
    expect(harness.bridge.callsOf('rebates.statement').at(-1)).toEqual({ period: '2026-10' })
    expect(text('statement-closed-tag')).toBe('已结账')
  })

  it('offers the current month when no month has entries yet', async () => {
    const harness = harnessWith(undefined, [])
    harness.bridge.handlers['rebates.statement'] = ({ period }: { period: string }) =>
      statementOf({ period }, [], [{ period, closed: false, closedAt: null, closedByName: '', entryCount: 0, shareFen: 0, commissionFen: 0 }])
    await open(harness)
    expect(harness.bridge.callsOf('rebates.statement')).toEqual([{ period: '2026-12' }])
    expect(body().findAll('[data-testid^="statement-month-2026"]').map((o) => o.text())).toEqual(['2026年12月'])
  })

  it('asks for the statement of the chosen store or salesperson with exactly that input', async () => {
    const harness = await openNovember()
    expect(harness.bridge.callsOf('rebates.statement').at(-1)).toEqual({ period: '2026-11' })

    await body().get('[data-testid="statement-scope-store"] input').setValue(true)
    await settle()
    expect(text('statement-pick-first')).toContain('请先选择店家或业务员')
    const before = harness.bridge.callsOf('rebates.statement').length
    select('statement-store-select').vm.$emit('update:modelValue', 2)
    await settle()
    expect(harness.bridge.callsOf('rebates.statement').slice(before)).toEqual([{ period: '2026-11', storeId: 2 }])
    expect(body().findAll('[data-testid="statement-entry"]')).toHaveLength(1)
    expect(body().find('[data-testid="statement-summary-stores"]').exists()).toBe(false)

    await body().get('[data-testid="statement-scope-salesperson"] input').setValue(true)
    await settle()
    select('statement-salesperson-select').vm.$emit('update:modelValue', 7)
    await settle()
    expect(harness.bridge.callsOf('rebates.statement').at(-1)).toEqual({ period: '2026-11', salespersonId: 7 })
    expect(body().get('[data-testid="statement-table"] caption').text()).toBe('2026年11月 业务员 赵敏 返款明细，按入账先后排列')
  })

  it('shows totals equal to the sum of the entries: share, commissions, reversals, net to pay, per store and in the chart', async () => {
    await openNovember()
    expect(amount('base')).toBe('¥14,980.00')
    expect(amount('share')).toBe('¥8,698.00') // 8,500 + 198
    expect(amount('commission')).toBe('¥300.00')
    expect(amount('reversals')).toBe('-¥2,000.00')
    expect(amount('net')).toBe('¥6,998.00')
    expect(text('statement-summary-entries')).toContain('返款 2 笔 · 冲销 1 笔 · 提成 1 笔')
    expect(body().findAll('[data-testid="statement-summary-store"]').map(cells)).toEqual([
      ['丽人美容院', '2', '¥13,000.00', '¥6,500.00'],
      ['悦颜美甲', '1', '¥1,980.00', '¥198.00'],
    ])

    const rows = body().findAll('[data-testid="statement-entry"]')
    expect(rows.map((r) => cells(r).slice(1, 6))).toEqual([
      ['2026-11-05', expect.stringContaining('F20261105001'), '林晓雯', '丽人美容院', '赵敏'],
      ['2026-11-12', 'F20261112003', '周雨', '悦颜美甲', '孙倩'],
      ['2026-11-15', expect.stringContaining('F20261115002'), '钱多多', '', '赵敏'],
      ['2026-11-20', expect.stringContaining('F20261028004'), '吴芳', '丽人美容院', '赵敏'],
    ])
    expect(cells(rows[0]!).slice(6)).toEqual(['¥22,000.00', '¥2,000.00', '¥3,000.00', '¥17,000.00', '¥8,500.00', ''])
    const totals = cells(body().get('[data-testid="statement-totals-row"]'))
    expect(totals).toEqual(['合计', '¥19,980.00', '¥2,000.00', '¥3,000.00', '¥14,980.00', '¥6,698.00', '¥300.00'])
    // Every money column of the totals row is the sum of its rows.
    for (let col = 6; col < 12; col++) expect(fenOf(totals[col - 5]!)).toBe(rows.reduce((s, r) => s + fenOf(cells(r)[col]!), 0))

    await vi.waitFor(() => expect(body().find('[data-testid="statement-chart"] [data-testid="chart-stub"]').exists()).toBe(true)) // loaded lazily
    const stub = body().get('[data-testid="statement-chart"] [data-testid="chart-stub"]')
    expect(JSON.parse(stub.attributes('data-categories')!)).toEqual(['丽人美容院', '悦颜美甲'])
    expect(JSON.parse(stub.attributes('data-series')!)).toEqual([['返款', [650_000, 19_800]]])
  })

  it('marks the reversal row in red with 冲销 and the month it reverses, and the referral row with its split', async () => {
    await openNovember()
    const reversal = body().get('[data-testid="statement-entry"][data-entry-id="4"]')
    expect(reversal.attributes('data-kind')).toBe('reversal')
    expect(reversal.classes()).toContain('is-reversal')
    expect(reversal.get('[data-testid="statement-reversal-tag"]').text()).toBe('冲销')
    expect(reversal.get('[data-testid="statement-reversal-note"]').text()).toBe('冲销 2026-10 的返款（缴费单作废）')
    expect(cells(reversal).slice(6)).toEqual(['-¥4,000.00', '¥0.00', '¥0.00', '-¥4,000.00', '-¥2,000.00', ''])
    expect(body().findAll('[data-testid="statement-reversal-tag"]')).toHaveLength(1)

    const referral = body().get('[data-testid="statement-entry"][data-entry-id="3"]')
    expect(referral.attributes('data-kind')).toBe('referral')
    expect(referral.text()).toContain('成交额 ¥6,000.00：介绍人 李护士 ¥150.00 · 业务员 赵敏 ¥150.00')
    expect(cells(referral).at(-1)).toBe('¥300.00')
  })

  it('opens an entry onto its lines: the rule of each, what was excluded and why, the special price applied', async () => {
    await openNovember()
    expect(body().find('[data-testid="statement-lines-1"]').exists()).toBe(false)
    await body().get('[data-testid="statement-expand-1"]').trigger('click')
    const lines = body().get('[data-testid="statement-lines-1"]')
    expect(lines.findAll('[data-testid="statement-line"]').map((r) => cells(r))).toEqual([
      ['埋线提升', '治疗项目', '1', '按比例分成', '20,000.00', '0.00', '20,000.00', '3,000.00', '17,000.00', '8,500.00'],
      ['全麻', '麻醉', '1', '不计返款', '2,000.00', '0.00', '2,000.00', '2,000.00', '0.00', '0.00'],
    ])
    expect(lines.findAll('[data-testid="statement-exclusion"]').map((e) => e.text())).toEqual(['埋线提升：扣除高值耗材成本 ¥3,000.00', '全麻：麻醉类项目不计返款 ¥2,000.00'])
    expect(body().get('[data-testid="statement-expand-1"]').attributes('aria-expanded')).toBe('true')

    await body().get('[data-testid="statement-expand-2"]').trigger('click')
    expect(body().get('[data-testid="statement-lines-2"] [data-testid="statement-special"]').text()).toBe('特价玻尿酸：特价 ¥1,980.00，低于原价 ¥3,800.00 的 80%，按特价的 10% 返款')

    await body().get('[data-testid="statement-expand-1"]').trigger('click')
    expect(body().find('[data-testid="statement-lines-1"]').exists()).toBe(false)
  })

  it('exports the shown statement through rebates.exportXlsx with its query and downloads the file', async () => {
    const harness = await openNovember()
    await body().get('[data-testid="statement-scope-store"] input').setValue(true)
    await settle()
    select('statement-store-select').vm.$emit('update:modelValue', 1)
    await settle()
    harness.bridge.handlers['rebates.exportXlsx'] = () => ({ fileName: '返款月结单-丽人美容院-2026-11.xlsx', base64: btoa('PK\x03\x04') })
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: vi.fn(() => 'blob:statement-test'), revokeObjectURL: vi.fn() }))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    await body().get('[data-testid="statement-export"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rebates.exportXlsx')).toEqual([{ period: '2026-11', storeId: 1 }])
    expect(clicked.map((a) => a.download)).toEqual(['返款月结单-丽人美容院-2026-11.xlsx'])
    expect(body().get('.el-message--success').text()).toContain('已导出 返款月结单-丽人美容院-2026-11.xlsx')
  })

  it('closes an ended month for an administrator after a confirmation, then shows it closed without the button', async () => {
    const harness = await openNovember()
    harness.bridge.handlers['rebates.closeMonth'] = ({ period }: { period: string }) => ({ ...PERIODS[1]!, period, closed: true, closedAt: '2026-12-04T02:30:00.000Z', closedByName: '测试管理员' })
    await body().get('[data-testid="statement-close"]').trigger('click')
    await settle()
    const box = body().get('.el-message-box')
    expect(box.text()).toContain('结账后 2026年11月 的返款不能再更改，此操作不能撤销')
    await box.get('.el-message-box__btns .el-button--danger').trigger('click')
    await vi.waitFor(() => expect(harness.bridge.callsOf('rebates.closeMonth')).toEqual([{ period: '2026-11' }]))
    await settle()
    expect(text('statement-closed-tag')).toBe('已结账')
    expect(body().find('[data-testid="statement-close"]').exists()).toBe(false)
    expect(body().findAll('[data-testid^="statement-month-2026"]').map((o) => o.text())).toContain('2026年11月已结账')
  })

  it('does not close when the confirmation is cancelled, nor the current month, and shows a server refusal', async () => {
    const harness = await openNovember()
    harness.bridge.handlers['rebates.closeMonth'] = () => new Refusal({ code: 'conflict', message: '2026-11 已于 2026-12-04 10:00 由 王经理 结账' })
    await body().get('[data-testid="statement-close"]').trigger('click')
    await settle()
    await body().get('.el-message-box__btns .el-button:not(.el-button--danger)').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('rebates.closeMonth')).toEqual([])

    await body().get('[data-testid="statement-close"]').trigger('click')
    await settle()
    await body().get('.el-message-box__btns .el-button--danger').trigger('click')
    await vi.waitFor(() => expect(body().find('.el-message--error').exists()).toBe(true))
    expect(body().get('.el-message--error').text()).toContain('已于 2026-12-04 10:00 由 王经理 结账')
    expect(body().find('[data-testid="statement-closed-tag"]').exists()).toBe(false)

    await pickMonth('2026-12')
    expect(body().get('[data-testid="statement-close"]').attributes('disabled')).toBeDefined()
    expect(text('statement-close-hint')).toBe('本月尚未结束，月底后才能结账')
    expect(harness.bridge.callsOf('rebates.closeMonth')).toHaveLength(1)
  })

  it('gives a salesperson no close button, and only themselves and their own stores to choose', async () => {
    const harness = await openNovember(harnessWith({ id: 7, name: '赵敏', role: 'marketing' }))
    expect(body().find('[data-testid="statement-close"]').exists()).toBe(false)
    await body().get('[data-testid="statement-scope-salesperson"] input').setValue(true)
    await settle()
    expect(harness.bridge.callsOf('rebates.statement').at(-1)).toEqual({ period: '2026-11', salespersonId: 7 })
    expect(body().findAll('[data-testid^="statement-salesperson-"]').filter((o) => o.element.tagName === 'LI').map((o) => o.text())).toEqual(['赵敏'])
    await body().get('[data-testid="statement-scope-store"] input').setValue(true)
    await settle()
    expect(body().findAll('[data-testid^="statement-store-"]').filter((o) => o.element.tagName === 'LI').map((o) => o.text())).toEqual(['丽人美容院'])
  })

  it('prints: the preview shows the statement on A4 landscape with every row, the totals and the signature lines', async () => {
    await openNovember()
    expect(document.body.classList).toContain(PRINTING_SHEET_CLASS)
    expect(document.querySelector('body > [data-print-active]')?.getAttribute('data-testid')).toBe('statement-print')
    await body().get('[data-testid="statement-print-button"]').trigger('click')
    await settle()
    const preview = body().get('[data-testid="print-preview"]')
    expect(preview.isVisible()).toBe(true)
    expect(preview.get('[data-testid="print-preview-paper"]').classes()).toContain('print-preview__paper--A4-landscape')
    const sheet = preview.get('[data-testid="statement-print-preview"]')
    expect(sheet.get('[data-testid="statement-print-title"]').text()).toBe('返款对账单 · 2026年11月')
    expect(sheet.get('[data-testid="statement-print-scope"]').text()).toBe('范围：全院')
    expect(sheet.get('[data-testid="statement-print-clinic"]').text()).not.toBe('')
    expect(sheet.findAll('[data-testid="statement-print-row"]').map((r) => cells(r)[1])).toEqual([
      'F20261105001',
      'F20261112003',
      expect.stringContaining('F20261115002'),
      expect.stringContaining('F20261028004 （冲销 2026-10 的返款（缴费单作废））'),
    ])
    expect(cells(sheet.get('[data-testid="statement-print-totals"]'))).toEqual(['合计', '19,980.00', '2,000.00', '3,000.00', '14,980.00', '6,698.00', '300.00'])
    expect(sheet.get('[data-testid="statement-print-net"]').text()).toBe('应付合计：¥6,998.00')
    expect(sheet.text()).toContain('店家确认')
    expect(sheet.text()).toContain('业务员')
    expect(sheet.text()).toContain('财务')
    // The printed copy (outside #app) carries the same rows.
    expect(body().findAll('[data-testid="statement-print"] [data-testid="statement-print-row"]')).toHaveLength(4)
  })

  it('leaves the print body class when the screen is left', async () => {
    await open()
    expect(document.body.classList).toContain(PRINTING_SHEET_CLASS)
    wrapper!.unmount()
    wrapper = undefined
    expect(document.body.classList).not.toContain(PRINTING_SHEET_CLASS)
  })
})
