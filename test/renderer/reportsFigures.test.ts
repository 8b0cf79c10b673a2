// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { lastDays, lastMonth, thisMonth } from '../../renderer/src/views/reports/dates.ts'
import { mountApp } from './mountApp.ts'
import { dailyLog, fairnessRow, freezeToday } from './reportsFixtures.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

// ECharts draws on a canvas, which happy-dom does not have: the chart component is replaced by one that
// shows what it was given, so the test can check the option (names translated, one bar per consultant).
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
beforeEach(freezeToday)
afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
})

const body = () => new DOMWrapper(document.body)
const cells = (row: Pick<DOMWrapper<Element>, 'findAll'>) => row.findAll('td, th').map((cell) => cell.text())
const chart = () => body().get('[data-testid="chart-stub"]')

const figures = [
  fairnessRow({ partner: 3, totalClients: 44 }),
  fairnessRow({ memberId: 2, name: '李娜', days: 18, rotationTurns: 28, rotation: 28, designated: 1, returning: 3, manual: 0, passes: 0, totalClients: 32, deals: 1, conversionRate: 1 }),
  fairnessRow({ memberId: 3, name: '陈晓', days: 2, rotationTurns: 1, rotation: 1, designated: 0, returning: 0, manual: 0, passes: 1, totalClients: 1, deals: 0, conversionRate: null }),
  fairnessRow({ memberId: 4, name: '赵敏', days: 5, rotationTurns: 4, rotation: 4, designated: 0, returning: 0, manual: 0, passes: 0, totalClients: 4, deals: 0, conversionRate: 0 }),
]

async function openFigures() {
  const harness = createHarness()
  harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => dailyLog(date)
  harness.bridge.handlers['rotation.figures'] = () => figures
  ;({ wrapper } = await mountApp(harness, '/reports'))
  const tab = body().findAll('[role="tab"]').find((t) => t.text() === '公平性统计')!
  await tab.trigger('click')
  await settle()
  await vi.waitFor(() => expect(body().find('[data-testid="chart-stub"]').exists()).toBe(true)) // the chart is loaded lazily
  return harness
}

describe('Reports page: fairness figures (公平性)', () => {
  it('reads this month up to today for the consultant board, only once its tab is opened', async () => {
    const harness = createHarness()
    harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => dailyLog(date)
    harness.bridge.handlers['rotation.figures'] = () => figures
    ;({ wrapper } = await mountApp(harness, '/reports'))
    expect(harness.bridge.callsOf('rotation.figures')).toEqual([])
    wrapper!.unmount()
    wrapper = undefined

    const opened = await openFigures()
    expect(opened.bridge.callsOf('rotation.figures')).toEqual([{ kind: 'consultant', from: '2026-11-01', to: '2026-11-22' }])
    const [start, end] = body().findAll('[data-testid="fairness-range"] input').map((i) => (i.element as HTMLInputElement).value)
    expect([start, end]).toEqual(['2026-11-01', '2026-11-22'])
  })

  it('lists every count per consultant and the conversion rate as a percentage', async () => {
    await openFigures()
    const rows = body().findAll('[data-testid="fairness-row"]').map(cells)
    expect(rows).toEqual([
      ['王静', '20', '30', '4', '6', '3', '1', '2', '44', '2', '66.7%'],
      ['李娜', '18', '28', '1', '3', '0', '0', '0', '32', '1', '100%'],
      ['陈晓', '2', '1', '0', '0', '0', '0', '1', '1', '0', '—'],
      ['赵敏', '5', '4', '0', '0', '0', '0', '0', '4', '0', '0%'],
    ])
    const headers = body().findAll('[data-testid="fairness-table"] thead th').map((th) => th.text())
    expect(headers).toEqual(['咨询师', '在岗天数', '轮牌次数', '指定', '复诊', '店家', '手动', '过牌', '接待总数', '成交', '转化率'])
  })

  it('passes the picked range to rotation.figures', async () => {
    const harness = await openFigures()
    const picker = wrapper!.findAllComponents(ElDatePicker).find((p) => p.props('type') === 'daterange')!
    await picker.vm.$emit('update:modelValue', ['2026-10-01', '2026-10-31'])
    await settle()
    expect(harness.bridge.callsOf('rotation.figures').at(-1)).toEqual({ kind: 'consultant', from: '2026-10-01', to: '2026-10-31' })
    expect(body().get('[data-testid="fairness-table"] caption').text()).toBe('2026-10-01 至 2026-10-31 各咨询师公平性统计')
  })

  it('re-reads the figures after a board action or a new outcome', async () => {
    const harness = await openFigures()
    harness.bridge.emit({ topic: 'rotation' })
    await settle()
    harness.bridge.emit({ topic: 'visits', ids: [9] })
    await settle()
    expect(harness.bridge.callsOf('rotation.figures')).toHaveLength(3)
  })

  it('draws a grouped bar chart with one group per consultant and translated series names', async () => {
    await openFigures()
    expect(JSON.parse(chart().attributes('data-categories')!)).toEqual(['王静', '李娜', '陈晓', '赵敏'])
    const series = JSON.parse(chart().attributes('data-series')!) as [string, number[]][]
    expect(series.map(([name]) => name)).toEqual(['轮牌次数', '指定', '复诊', '店家', '手动', '过牌', '接待总数', '成交'])
    expect(series[0]![1]).toEqual([30, 28, 1, 4])
    expect(body().get('[data-testid="fairness-chart"]').attributes('role')).toBe('img')

    await body().get('[data-testid="language-switch"] input[value="en-US"]').setValue(true)
    await settle()
    const english = JSON.parse(chart().attributes('data-series')!) as [string, number[]][]
    expect(english.map(([name]) => name)).toEqual(['Rotation turns', 'Designated', 'Returning', 'Partner store', 'Manual', 'Passes', 'Total clients', 'Deals'])
    expect(cells(body().findAll('[data-testid="fairness-row"]')[2]!).at(-1)).toBe('—')
  })

  it('says so when no board was open in the period', async () => {
    const harness = createHarness()
    harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => dailyLog(date)
    harness.bridge.handlers['rotation.figures'] = () => []
    ;({ wrapper } = await mountApp(harness, '/reports'))
    await body().findAll('[role="tab"]').find((t) => t.text() === '公平性统计')!.trigger('click')
    await settle()
    expect(body().get('[data-testid="fairness-empty"]').text()).toContain('该期间没有轮牌记录')
    expect(body().find('[data-testid="fairness-chart"]').exists()).toBe(false)
  })
})

describe('report periods', () => {
  it('this month, last month (across a year) and the last n days, in local dates', () => {
    expect(thisMonth(new Date(2026, 10, 22, 23, 59))).toEqual(['2026-11-01', '2026-11-22'])
    expect(lastMonth(new Date(2026, 0, 15))).toEqual(['2025-12-01', '2025-12-31'])
    expect(lastMonth(new Date(2026, 2, 31))).toEqual(['2026-02-01', '2026-02-28'])
    expect(lastDays(7, new Date(2026, 2, 3))).toEqual(['2026-02-25', '2026-03-03'])
    expect(lastDays(1, new Date(2026, 2, 3))).toEqual(['2026-03-03', '2026-03-03'])
  })
})
