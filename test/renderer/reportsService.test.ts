// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { ServiceFigures } from '../../core/api/followUps.ts'
import { mountApp } from './mountApp.ts'
import { dailyLog, freezeToday } from './reportsFixtures.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

// happy-dom has no canvas: the chart is replaced by one that shows the categories and values it was given.
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object as PropType<{ xAxis: { data: string[] }; series: { data: { value: number | string }[] }[] }>, required: true } },
    setup: (props) => () =>
      h('div', {
        'data-testid': 'chart-stub',
        'data-categories': JSON.stringify(props.option.xAxis.data),
        'data-values': JSON.stringify(props.option.series[0]?.data.map((d) => d.value)),
      }),
  }),
}))

let wrapper: VueWrapper | undefined
beforeEach(freezeToday) // 22 November 2026
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

const body = () => new DOMWrapper(document.body)
const figures = (from: string, to: string, overrides: Partial<ServiceFigures> = {}): ServiceFigures => ({
  from,
  to,
  appointments: 40,
  confirmed: 27,
  toConfirm: 36,
  noShows: 3,
  keptOrMissed: 30,
  followUpsDue: 24,
  followUpsOnTime: 18,
  ...overrides,
})

function reportsHarness(): Harness {
  const harness = createHarness()
  harness.bridge.handlers['reports.dailyLog'] = (input: { date: string }) => dailyLog(input.date)
  harness.bridge.handlers['reports.serviceFigures'] = (input: { from: string; to: string }) =>
    input.from === '2026-11-01' ? figures(input.from, input.to) : figures(input.from, input.to, { appointments: 0, confirmed: 0, toConfirm: 0, noShows: 0, keptOrMissed: 0, followUpsDue: 0, followUpsOnTime: 0 })
  return harness
}

async function openServiceTab(harness: Harness) {
  ;({ wrapper } = await mountApp(harness, '/reports'))
  await settle()
  await body().findAll('[role="tab"]').find((t) => t.text() === '服务指标')!.trigger('click')
  await settle()
  await vi.waitFor(() => expect(body().find('[data-testid="chart-stub"]').exists()).toBe(true))
}

describe('reports: the service figures (服务指标)', () => {
  it('shows the confirmation, no-show and on-time follow-up rates of this month as numbers and a chart', async () => {
    const harness = reportsHarness()
    await openServiceTab(harness)
    expect(harness.bridge.callsOf('reports.serviceFigures')).toEqual([{ from: '2026-11-01', to: '2026-11-22' }])
    const tile = (key: string) => body().get(`[data-testid="service-${key}"]`)
    expect(tile('confirmation').get('[data-testid="service-rate"]').text()).toBe('75%')
    expect(tile('confirmation').get('[data-testid="service-counts"]').text()).toBe('27 / 36 个预约电话确认')
    expect(tile('noShow').get('[data-testid="service-rate"]').text()).toBe('10%')
    expect(tile('followUp').get('[data-testid="service-rate"]').text()).toBe('75%')
    expect(tile('followUp').get('[data-testid="service-counts"]').text()).toBe('18 / 24 次回访按时完成')
    const stub = body().get('[data-testid="service-chart"] [data-testid="chart-stub"]')
    expect(JSON.parse(stub.attributes('data-categories')!)).toEqual(['二次确认率', '爽约率', '回访按时完成率'])
    expect(JSON.parse(stub.attributes('data-values')!)).toEqual([75, 10, 75])
  })

  it('reads another range when picked, and shows a dash for a rate with nothing to count', async () => {
    const harness = reportsHarness()
    await openServiceTab(harness)
    const picker = wrapper!.findAllComponents(ElDatePicker).find((p) => p.props('popperClass') === 'service-range-popper')!
    await picker.vm.$emit('update:modelValue', ['2026-10-01', '2026-10-31'])
    await settle()
    expect(harness.bridge.callsOf('reports.serviceFigures').at(-1)).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(body().get('[data-testid="service-empty"]').text()).toContain('这段时间没有预约和回访')
    expect(body().get('[data-testid="service-confirmation"] [data-testid="service-rate"]').text()).toBe('—')
    const stub = body().get('[data-testid="service-chart"] [data-testid="chart-stub"]')
    expect(JSON.parse(stub.attributes('data-values')!)).toEqual(['-', '-', '-'])

    // A change of appointments re-reads the figures shown.
    harness.bridge.emit({ topic: 'appointments' })
    await settle()
    expect(harness.bridge.callsOf('reports.serviceFigures')).toHaveLength(3)
  })
})
