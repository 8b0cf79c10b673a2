// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { RangeReport } from '../../core/api/reports.ts'
import { CHANNELS } from '../../core/domain/client.ts'
import ReportsPage from '../../renderer/src/views/reports/index.vue'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { dailyLog, freezeToday } from './reportsFixtures.ts'
import { createHarness, settle, type Harness } from './setup.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'

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
beforeEach(freezeToday) // Sunday 22 November 2026
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const body = () => new DOMWrapper(document.body)
const cells = (row: Pick<DOMWrapper<Element>, 'findAll'>) => row.findAll('td, th').map((cell) => cell.text())
const rowsOf = (testid: string) => body().findAll(`[data-testid="${testid}"] tbody tr`).map(cells)
const chart = (testid: string) => {
  const stub = body().get(`[data-testid="${testid}"] [data-testid="chart-stub"]`)
  return { categories: JSON.parse(stub.attributes('data-categories')!) as string[], series: JSON.parse(stub.attributes('data-series')!) as [string, number[]][] }
}
const tabNames = () => body().findAll('[role="tab"]').map((t) => t.text())

function rangeReport(from: string, to: string, overrides: Partial<RangeReport> = {}): RangeReport {
  return {
    from,
    to,
    days: 30,
    totals: { visits: 42, cancelled: 2, consultations: 36, deals: 15, noDeals: 19, conversionRate: 15 / 36, revenueFen: 12_345_600 },
    byType: [
      { type: 'first', visits: 30, consultations: 28, deals: 11 },
      { type: 'returning', visits: 8, consultations: 8, deals: 4 },
      { type: 'review', visits: 4, consultations: 0, deals: 0 },
    ],
    byChannel: CHANNELS.map((channel, i) => ({ channel, visits: [20, 6, 10, 4, 2, 0][i]!, consultations: [17, 5, 9, 3, 2, 0][i]!, deals: [7, 2, 4, 1, 1, 0][i]! })),
    consultants: [
      { staffId: 1, name: '王静', turns: 12, designated: 4, returning: 3, partner: 5, manual: 1, consultations: 19, deals: 9, conversionRate: 9 / 19, revenueFen: 8_800_000 },
      { staffId: 2, name: '刘洋', turns: 13, designated: 0, returning: 2, partner: 0, manual: 0, consultations: 14, deals: 6, conversionRate: 6 / 14, revenueFen: 3_545_600 },
      { staffId: 3, name: '陈晨', turns: 1, designated: 0, returning: 0, partner: 0, manual: 0, consultations: 0, deals: 0, conversionRate: null, revenueFen: 0 },
    ],
    waiting: { count: 40, median: 12.5, p90: 31, missing: 2 },
    consultation: { count: 33, median: 38, p90: 64.2, missing: 3 },
    ...overrides,
  }
}

function emptyReport(from: string, to: string): RangeReport {
  return rangeReport(from, to, {
    totals: { visits: 0, cancelled: 0, consultations: 0, deals: 0, noDeals: 0, conversionRate: null, revenueFen: 0 },
    consultants: [],
    waiting: { count: 0, median: null, p90: null, missing: 0 },
    consultation: { count: 0, median: null, p90: null, missing: 0 },
  })
}

function harnessWithReports(): Harness {
  const harness = createHarness()
  harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => dailyLog(date)
  harness.bridge.handlers['reports.range'] = ({ from, to }: { from: string; to: string }) => rangeReport(from, to)
  return harness
}

async function openRange(harness = harnessWithReports()) {
  ;({ wrapper } = await mountApp(harness, '/reports'))
  await body().findAll('[role="tab"]').find((t) => t.text() === '区间报表')!.trigger('click')
  await settle()
  return harness
}

async function waitForCharts() {
  await vi.waitFor(() => expect(body().findAll('[data-testid="chart-stub"]')).toHaveLength(4)) // loaded lazily
}

async function pickPreset(preset: 'day' | 'week' | 'month' | 'custom') {
  await body().get(`[data-testid="range-preset-${preset}"] input`).setValue(true)
  await settle()
}

describe('Reports page: range report (区间报表)', () => {
  it('reads this calendar month once its tab is opened, and says which period it shows', async () => {
    const harness = harnessWithReports()
    ;({ wrapper } = await mountApp(harness, '/reports'))
    expect(tabNames()).toEqual(['一日当面咨询表', '公平性统计', '服务指标', '区间报表'])
    expect(harness.bridge.callsOf('reports.range')).toEqual([])
    await body().findAll('[role="tab"]').find((t) => t.text() === '区间报表')!.trigger('click')
    await settle()
    expect(harness.bridge.callsOf('reports.range')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }])
    expect(body().get('[data-testid="range-period"]').text()).toBe('2026-11-01 至 2026-11-30，共 30 天')
    expect((body().get('[data-testid="range-month"] input').element as HTMLInputElement).value).toBe('2026-11')
    expect(body().get('[data-testid="range-preset-month"]').classes()).toContain('is-active')
  })

  it('shows the totals, the waiting and consultation times, every consultant and the visits by type and channel as tables', async () => {
    await openRange()
    expect(body().findAll('[data-testid="range-totals"] thead th').map((th) => th.text())).toEqual(['到店人次', '取消登记', '接待咨询', '成交', '未成交', '转化率', '业绩'])
    expect(rowsOf('range-totals')).toEqual([['42', '2', '36', '15', '19', '41.7%', '¥123,456.00']])
    expect(body().findAll('[data-testid="range-times"] thead th').map((th) => th.text())).toEqual(['时间', '人次', '中位数', '90% 分位', '缺少时间'])
    expect(rowsOf('range-times')).toEqual([
      ['候诊时间 到店 → 首次叫号或开始咨询', '40', '12.5', '31', '2'],
      ['咨询时间 开始咨询 → 去缴费、治疗、离院或离开（含专家面诊）', '33', '38', '64.2', '3'],
    ])
    expect(body().findAll('[data-testid="range-consultants"] thead th').map((th) => th.text())).toEqual([
      '咨询师', '轮牌', '指定', '复诊', '店家', '手动', '接待咨询', '成交', '转化率', '业绩',
    ])
    expect(rowsOf('range-consultants')).toEqual([
      ['王静', '12', '4', '3', '5', '1', '19', '9', '47.4%', '¥88,000.00'],
      ['刘洋', '13', '0', '2', '0', '0', '14', '6', '42.9%', '¥35,456.00'],
      ['陈晨', '1', '0', '0', '0', '0', '0', '0', '—', '¥0.00'],
    ])
    expect(rowsOf('range-types')).toEqual([
      ['初诊', '30', '28', '11'],
      ['复诊', '8', '8', '4'],
      ['复查/治疗', '4', '0', '0'],
    ])
    expect(rowsOf('range-channels')).toEqual([
      ['自然到店', '20', '17', '7'],
      ['电话', '6', '5', '2'],
      ['网络平台', '10', '9', '4'],
      ['转介绍', '4', '3', '1'],
      ['合作店家', '2', '2', '1'],
      ['其他', '0', '0', '0'],
    ])
    for (const id of ['range-totals', 'range-times', 'range-consultants', 'range-types', 'range-channels']) {
      expect(body().get(`[data-testid="${id}"] caption`).text()).toContain('2026-11-01 至 2026-11-30')
    }
  })

  it('draws the same numbers: consultations against deals and revenue per consultant, visits by type and by channel', async () => {
    await openRange()
    await waitForCharts()
    expect(chart('range-chart-work')).toEqual({ categories: ['王静', '刘洋', '陈晨'], series: [['接待咨询', [19, 14, 0]], ['成交', [9, 6, 0]]] })
    expect(chart('range-chart-revenue')).toEqual({ categories: ['王静', '刘洋', '陈晨'], series: [['业绩', [8_800_000, 3_545_600, 0]]] })
    expect(chart('range-chart-types')).toEqual({ categories: ['初诊', '复诊', '复查/治疗'], series: [['到店', [30, 8, 4]], ['接待咨询', [28, 8, 0]], ['成交', [11, 4, 0]]] })
    expect(chart('range-chart-channels').categories).toEqual(['自然到店', '电话', '网络平台', '转介绍', '合作店家', '其他'])
    expect(chart('range-chart-channels').series[0]).toEqual(['到店', [20, 6, 10, 4, 2, 0]])
    for (const id of ['range-chart-work', 'range-chart-revenue', 'range-chart-types', 'range-chart-channels']) {
      const figure = body().get(`[data-testid="${id}"]`)
      expect(figure.attributes('role')).toBe('img')
      expect(figure.attributes('aria-label')).toContain('2026-11-01 至 2026-11-30')
    }
  })

  it('picks a day, an ISO week (Monday first) or a month, and steps back and forth by it', async () => {
    const harness = await openRange()
    const last = () => harness.bridge.callsOf('reports.range').at(-1)
    await pickPreset('week')
    expect(last()).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(body().get('[data-testid="range-period"]').text()).toBe('2026 年第 47 周 · 2026-11-16 至 2026-11-22，共 7 天')
    await body().get('[data-testid="range-previous"]').trigger('click')
    await settle()
    expect(last()).toEqual({ from: '2026-11-09', to: '2026-11-15' })
    expect(body().get('[data-testid="range-previous"]').attributes('aria-label')).toBe('上一周')

    await pickPreset('day')
    expect(last()).toEqual({ from: '2026-11-15', to: '2026-11-15' })
    await body().get('[data-testid="range-next"]').trigger('click')
    await settle()
    expect(last()).toEqual({ from: '2026-11-16', to: '2026-11-16' })
    const picker = wrapper!.findAllComponents(ElDatePicker).find((p) => p.props('popperClass') === 'range-anchor-popper')!
    await picker.vm.$emit('update:modelValue', '2026-10-08')
    await settle()
    expect(last()).toEqual({ from: '2026-10-08', to: '2026-10-08' })

    await pickPreset('month')
    expect(last()).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    await body().get('[data-testid="range-next"]').trigger('click')
    await body().get('[data-testid="range-next"]').trigger('click')
    await settle()
    expect(last()).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(body().get('[data-testid="range-next"]').attributes('aria-label')).toBe('下个月')
  })

  it('takes a custom range from the period shown, and refuses one longer than 366 days without asking main', async () => {
    const harness = await openRange()
    await pickPreset('week')
    await pickPreset('custom')
    expect(body().find('[data-testid="range-previous"]').exists()).toBe(false)
    const [start, end] = body().findAll('[data-testid="range-custom"] input').map((i) => (i.element as HTMLInputElement).value)
    expect([start, end]).toEqual(['2026-11-16', '2026-11-22'])
    const picker = () => wrapper!.findAllComponents(ElDatePicker).find((p) => p.props('popperClass') === 'range-custom-popper')!

    const before = harness.bridge.callsOf('reports.range').length
    await picker().vm.$emit('update:modelValue', ['2025-01-01', '2026-01-02'])
    await settle()
    expect(harness.bridge.callsOf('reports.range')).toHaveLength(before)
    expect(body().get('[data-testid="range-too-long"]').text()).toContain('区间最长 366 天（所选 367 天）')
    expect(body().find('[data-testid="range-totals"]').exists()).toBe(false)
    expect(body().get('[data-testid="range-export"]').attributes('disabled')).toBeDefined()

    await picker().vm.$emit('update:modelValue', ['2025-11-23', '2026-11-22'])
    await settle()
    expect(harness.bridge.callsOf('reports.range').at(-1)).toEqual({ from: '2025-11-23', to: '2026-11-22' })
    expect(body().find('[data-testid="range-too-long"]').exists()).toBe(false)
    expect(body().get('[data-testid="range-period"]').text()).toBe('2025-11-23 至 2026-11-22，共 365 天')
  })

  it('exports the range to Excel through a Blob and an <a download> with the name main gave', async () => {
    const harness = await openRange()
    harness.bridge.handlers['reports.rangeXlsx'] = ({ from, to }: { from: string; to: string }) => ({
      fileName: `区间报表-${from}至${to}.xlsx`,
      base64: Buffer.from([0x50, 0x4b, 0x03, 0x04]).toString('base64'),
    })
    const createObjectURL = vi.fn(() => 'blob:range-test')
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL: vi.fn() }))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    await body().get('[data-testid="range-export"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('reports.rangeXlsx')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }])
    expect(clicked.map((a) => a.download)).toEqual(['区间报表-2026-11-01至2026-11-30.xlsx'])
    expect(body().get('.el-message--success').text()).toContain('已导出 区间报表-2026-11-01至2026-11-30.xlsx')
  })

  it('shows the refusal of main (a receptionist was refused) and keeps the tables empty', async () => {
    const harness = harnessWithReports()
    harness.bridge.handlers['reports.range'] = () => new Refusal({ code: 'forbidden', message: '当前操作员没有权限执行此操作' })
    await openRange(harness)
    expect(body().get('.el-message--error').text()).toContain('当前操作员没有权限执行此操作')
    expect(body().find('[data-testid="range-totals"]').exists()).toBe(false)
  })

  it('re-reads the report after a visit, a fee sheet or a staff change, and stops once the page is left', async () => {
    const harness = await openRange()
    for (const topic of ['visits', 'fees', 'staff'] as const) {
      harness.bridge.emit({ topic })
      await settle()
    }
    expect(harness.bridge.callsOf('reports.range')).toHaveLength(4)
    harness.bridge.emit({ topic: 'rotation' }) // board actions change no figure of this report
    await settle()
    expect(harness.bridge.callsOf('reports.range')).toHaveLength(4)
    wrapper!.unmount()
    wrapper = undefined
    harness.bridge.emit({ topic: 'fees' })
    await settle()
    expect(harness.bridge.callsOf('reports.range')).toHaveLength(4)
  })

  it('keeps the newest range when an older answer arrives late', async () => {
    const harness = await openRange()
    let releaseSlow!: () => void
    harness.bridge.handlers['reports.range'] = ({ from, to }: { from: string; to: string }) =>
      from === '2026-12-01'
        ? new Promise((resolve) => (releaseSlow = () => resolve(rangeReport(from, to, { totals: { ...rangeReport(from, to).totals, visits: 1 } }))))
        : rangeReport(from, to, { totals: { ...rangeReport(from, to).totals, visits: 2 } })
    await body().get('[data-testid="range-next"]').trigger('click') // December: slow
    await body().get('[data-testid="range-next"]').trigger('click') // January: at once
    await settle()
    releaseSlow()
    await settle()
    expect(body().get('[data-testid="range-total-visits"]').text()).toBe('2')
    expect(body().get('[data-testid="range-totals"] caption').text()).toContain('2027-01-01 至 2027-01-31')
  })

  it('says so when the range has no visits, and draws no chart', async () => {
    const harness = harnessWithReports()
    harness.bridge.handlers['reports.range'] = ({ from, to }: { from: string; to: string }) => emptyReport(from, to)
    await openRange(harness)
    expect(body().get('[data-testid="range-empty"]').text()).toContain('该区间没有到店记录')
    expect(body().find('[data-testid="range-totals"]').exists()).toBe(false)
    expect(body().find('[data-testid="chart-stub"]').exists()).toBe(false)
  })

  it('is labelled in English too', async () => {
    await openRange()
    await body().get('[data-testid="language-switch"] input[value="en-US"]').setValue(true)
    await settle()
    expect(body().findAll('[data-testid="range-preset"] label').map((l) => l.text())).toEqual(['Day', 'Week', 'Month', 'Custom'])
    expect(body().findAll('[data-testid="range-consultants"] thead th').map((th) => th.text())).toEqual([
      'Consultant', 'Rotation', 'Designated', 'Returning', 'Partner store', 'Manual', 'Consultations', 'Deals', 'Conversion', 'Revenue',
    ])
    expect(rowsOf('range-types').map((r) => r[0])).toEqual(['First visit', 'Returning', 'Review/treatment'])
    expect(body().get('[data-testid="range-period"]').text()).toBe('2026-11-01 to 2026-11-30, 30 days')
    await waitForCharts()
    expect(chart('range-chart-work').series.map(([name]) => name)).toEqual(['Consultations', 'Deals'])
  })
})

/** The session store as the desk holds it once someone has signed in. */
function signedInAs(role: 'administrator' | 'receptionist') {
  const session = useSessionStore()
  session.state = { operator: { id: 1, name: role, role }, setupNeeded: false, demo: false, idleLockMinutes: 10 }
  return session
}

describe('Reports page: who sees the range report', () => {
  it('shows the tab only to an operator who may call administrator methods', async () => {
    const harness = harnessWithReports()
    const session = signedInAs('receptionist')
    wrapper = mount(ReportsPage, { global: harness.global as never, attachTo: document.body })
    await settle()
    expect(tabNames()).toEqual(['一日当面咨询表', '公平性统计', '服务指标'])
    expect(body().find('[data-testid="range-report"]').exists()).toBe(false)

    session.state = { ...session.state!, operator: { id: 1, name: '管理员', role: 'administrator' } }
    await settle()
    expect(tabNames()).toEqual(['一日当面咨询表', '公平性统计', '服务指标', '区间报表'])
    expect(harness.bridge.callsOf('reports.range')).toEqual([]) // not read before its tab is opened
  })

  it('leaves the range tab when the right is lost', async () => {
    const harness = harnessWithReports()
    const session = signedInAs('administrator')
    wrapper = mount(ReportsPage, { global: harness.global as never, attachTo: document.body })
    await settle()
    await body().findAll('[role="tab"]').find((t) => t.text() === '区间报表')!.trigger('click')
    await settle()
    expect(body().get('[data-testid="range-report"]').isVisible()).toBe(true)
    session.state = { ...session.state!, operator: { id: 2, name: '郑佳', role: 'receptionist' } }
    await settle()
    expect(tabNames()).toEqual(['一日当面咨询表', '公平性统计', '服务指标'])
    expect(body().get('[role="tab"][aria-selected="true"]').text()).toBe('一日当面咨询表')
  })
})
