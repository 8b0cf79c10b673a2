// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { Client } from '../../core/domain/client.ts'
import type { Complaint } from '../../core/domain/complaint.ts'
import type { SatisfactionFigures } from '../../core/domain/serviceFigures.ts'
import FollowUpResultDialog from '../../renderer/src/components/appointments/FollowUpResultDialog.vue'
import { followUpRow } from './appointments.fixtures.ts'
import { visitRow } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { dailyLog, freezeToday } from './reportsFixtures.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))
// happy-dom has no canvas: the service figures' chart is replaced.
vi.mock('vue-echarts', () => ({
  default: defineComponent({ props: { option: { type: Object as PropType<unknown>, required: true } }, setup: () => () => h('div', { 'data-testid': 'chart-stub' }) }),
}))

let wrapper: VueWrapper | undefined
beforeEach(freezeToday) // 22 November 2026, 10:30 local
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})
const body = () => new DOMWrapper(document.body)
/** An ISO instant at a local wall-clock time (the desk shows local times). */
const local = (mo: number, d: number, h: number, mi = 0) => new Date(2026, mo - 1, d, h, mi).toISOString()
const get = (testid: string) => body().get(`[data-testid="${testid}"]`)
const texts = (selector: string) => body().findAll(selector).map((e) => e.text())
async function errorOf(testid: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 120))
  return get(testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const client = { id: 42, archiveNo: 'K0042', name: '林晓雯', gender: 'female', birthDate: null, phone: '13912340001', ownConsultantId: null, channel: 'walk_in' } as unknown as Client
const staff = [
  staffMember({ id: 1, name: '王静', role: 'consultant' }),
  staffMember({ id: 9, name: '前台小周', role: 'receptionist' }),
  staffMember({ id: 7, name: '离职护士', role: 'nurse', active: false }),
]
const visits = [visitRow({ id: 30, clientId: 42, visitDate: '2026-11-20', queueNo: 'A003', consultantName: '王静' }), visitRow({ id: 21, clientId: 42, visitDate: '2026-10-02', queueNo: 'A011' })]

function complaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: 5,
    clientId: 42,
    clientName: '林晓雯',
    visitId: 30,
    visitDate: '2026-11-20',
    receivedAt: local(11, 21, 9, 5),
    channel: 'phone',
    content: '术后红肿，没人回电',
    handlerId: 1,
    handlerName: '王静',
    status: 'open',
    resolution: '',
    closedAt: null,
    closedByName: '',
    createdByName: '前台小周',
    version: 2,
    steps: [{ id: 1, at: local(11, 21, 10), byName: '前台小周', note: '已回电道歉' }],
    ...overrides,
  }
}
const closedOne = complaint({ id: 3, status: 'closed', channel: 'visit', content: '等候太久', resolution: '赠送一次补水', closedAt: local(10, 3, 16), closedByName: '测试管理员', steps: [], visitDate: '2026-10-02', visitId: 21, receivedAt: local(10, 2, 15, 40) })

async function openClient(list: Complaint[], options: { operator?: Parameters<typeof createHarness>[0] } = {}) {
  const harness = createHarness({ staff, ...options.operator })
  let complaints = structuredClone(list)
  harness.bridge.handlers['clients.get'] = () => ({ client, visits })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => []
  harness.bridge.handlers['complaints.ofClient'] = () => complaints
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return { harness, set: (next: Complaint[]) => (complaints = next) }
}

describe('complaints (投诉) on the client page', () => {
  it('puts a red alert at the top of the record for the open complaint, then lists each with its steps and resolution', async () => {
    const { harness } = await openClient([complaint(), closedOne])
    expect(harness.bridge.callsOf('complaints.ofClient')).toEqual([{ clientId: 42 }])
    const alert = get('complaint-alert')
    expect(alert.text()).toContain('有 1 条未处理的投诉')
    // Above the client's details.
    const page = get('client-page').element
    expect(page.innerHTML.indexOf('data-testid="complaint-alert"')).toBeLessThan(page.innerHTML.indexOf('data-testid="client-cards-card"'))
    expect(texts('[data-testid="complaint-status"]')).toEqual(['未处理', '已结案'])
    expect(texts('[data-testid="complaint-received"]')).toEqual(['2026-11-21 09:05 受理 · 电话 · 到访 2026-11-20', '2026-10-02 15:40 受理 · 到店 · 到访 2026-10-02'])
    expect(texts('[data-testid="complaint-step"]')).toEqual(['2026-11-21 10:00 前台小周 已回电道歉'])
    expect(get('complaint-resolution').text()).toBe('处理结果：赠送一次补水 · 2026-10-03 16:00 由 测试管理员 结案')
    expect(body().findAll('[data-testid="complaint-close"]')).toHaveLength(1)
  })

  it('shows no alert and an empty list when the client has no complaint; a consultant cannot log one', async () => {
    await openClient([], { operator: { operator: { id: 1, name: '王静', role: 'consultant' } } })
    expect(body().find('[data-testid="complaint-alert"]').exists()).toBe(false)
    expect(get('client-complaints-card').text()).toContain('该顾客没有投诉记录')
    expect(body().find('[data-testid="complaint-add"]').exists()).toBe(false)
  })

  it('logs a complaint against the newest visit by default, with the fields required in Chinese', async () => {
    const { harness, set } = await openClient([])
    harness.bridge.handlers['complaints.create'] = (input: { content: string }) => {
      const made = complaint({ id: 8, version: 1, steps: [], content: input.content, receivedAt: new Date().toISOString() })
      set([made])
      return made
    }
    await get('complaint-add').trigger('click')
    await settle()
    expect(texts('[data-testid^="complaint-handler-"]')).toEqual(['王静', '前台小周'])
    await get('complaint-create-submit').trigger('click')
    await settle()
    expect(await errorOf('complaint-content-input')).toBe('请填写投诉内容')
    expect(await errorOf('complaint-handler')).toBe('请选择处理投诉的员工')
    expect(harness.bridge.callsOf('complaints.create')).toEqual([])

    await get('complaint-content-input').setValue('  价格和说的不一样 ')
    await get('complaint-channel-online').find('input').setValue(true)
    await get('complaint-handler-9').trigger('click')
    await get('complaint-create-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('complaints.create')).toEqual([
      { visitId: 30, receivedAt: new Date(2026, 10, 22, 10, 30).toISOString(), channel: 'online', content: '价格和说的不一样', handlerId: 9 },
    ])
    await vi.waitFor(() => expect(body().find('.el-message--success').text()).toContain('已登记 林晓雯 的投诉'))
    expect(get('complaint-alert').text()).toContain('有 1 条未处理的投诉')
  })

  it('adds a step and closes with a resolution (required) at the version shown; the alert goes once none is open', async () => {
    const { harness } = await openClient([complaint()])
    harness.bridge.handlers['complaints.addStep'] = (input: { note: string }) =>
      complaint({ version: 3, steps: [...complaint().steps, { id: 2, at: new Date().toISOString(), byName: '测试管理员', note: input.note }] })
    harness.bridge.handlers['complaints.close'] = (input: { resolution: string }) =>
      complaint({ version: 4, status: 'closed', resolution: input.resolution, closedAt: new Date().toISOString(), closedByName: '测试管理员' })

    await get('complaint-add-step').trigger('click')
    await settle()
    await get('complaint-note-text').setValue('约 11-23 复诊')
    await get('complaint-note-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('complaints.addStep')).toEqual([{ id: 5, expectedVersion: 2, note: '约 11-23 复诊' }])
    await vi.waitFor(() => expect(texts('[data-testid="complaint-step"]')).toEqual(['2026-11-21 10:00 前台小周 已回电道歉', '2026-11-22 10:30 测试管理员 约 11-23 复诊']))

    await get('complaint-close').trigger('click')
    await settle()
    await get('complaint-note-submit').trigger('click')
    await settle()
    expect(await errorOf('complaint-note-text')).toBe('请填写处理结果才能结案')
    expect(harness.bridge.callsOf('complaints.close')).toEqual([])
    await get('complaint-note-text').setValue('复诊消肿，顾客接受')
    await get('complaint-note-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('complaints.close')).toEqual([{ id: 5, expectedVersion: 3, resolution: '复诊消肿，顾客接受' }])
    await vi.waitFor(() => expect(body().find('[data-testid="complaint-alert"]').exists()).toBe(false))
    expect(texts('[data-testid="complaint-status"]')).toEqual(['已结案'])
  })

  it('shows a refusal from the server in the dialog and re-reads the list', async () => {
    const { harness } = await openClient([complaint()])
    harness.bridge.handlers['complaints.close'] = () => new Refusal({ code: 'conflict', message: '林晓雯 的投诉刚被其他窗口修改，请看最新记录后再操作' })
    await get('complaint-close').trigger('click')
    await settle()
    await get('complaint-note-text').setValue('退款')
    await get('complaint-note-submit').trigger('click')
    await settle()
    expect(get('complaint-note-error').text()).toBe('林晓雯 的投诉刚被其他窗口修改，请看最新记录后再操作')
    expect(harness.bridge.callsOf('complaints.ofClient')).toHaveLength(2)
  })
})

describe('satisfaction (满意度) on a follow-up call', () => {
  it('offers a 1–5 score only for a reached call and passes it (or none) to the record', async () => {
    const harness = createHarness()
    const record = vi.fn(async () => true)
    wrapper = mount(FollowUpResultDialog, { props: { call: null, record }, global: harness.global as never, attachTo: document.body })
    await wrapper.setProps({ call: followUpRow() })
    await settle()
    expect(texts('[data-testid^="follow-up-score-"]')).toEqual(['不评分', '1', '2', '3', '4', '5'])
    await get('follow-up-notes').setValue('很满意')
    await get('follow-up-score-4').find('input').setValue(true)
    await get('follow-up-submit').trigger('click')
    await settle()
    expect(record).toHaveBeenLastCalledWith('reached', '很满意', 4)

    await wrapper.setProps({ call: null })
    await wrapper.setProps({ call: followUpRow({ id: 2 }) })
    await settle()
    await get('follow-up-result-no_answer').find('input').setValue(true)
    await settle()
    expect(body().find('[data-testid="follow-up-score"]').exists()).toBe(false)
    await get('follow-up-submit').trigger('click')
    await settle()
    expect(record).toHaveBeenLastCalledWith('no_answer', '', null)
  })
})

describe('reports: satisfaction and open complaints', () => {
  const figures = (from: string, to: string): SatisfactionFigures => ({
    from,
    to,
    scoredCalls: 3,
    average: 3.67,
    byConsultant: [
      { staffId: 2, name: '赵咨询', calls: 1, average: 4 },
      { staffId: 1, name: '王咨询', calls: 2, average: 3.5 },
    ],
    byNurse: [{ staffId: 5, name: '孙护士', calls: 1, average: 5 }],
    openComplaints: 2,
  })

  async function openService(harness: Harness) {
    ;({ wrapper } = await mountApp(harness, '/reports'))
    await settle()
    await body().findAll('[role="tab"]').find((t) => t.text() === '服务指标')!.trigger('click')
    await settle()
    await vi.waitFor(() => expect(body().find('[data-testid="satisfaction"]').exists()).toBe(true))
  }

  it('shows the average, the open complaints and a table per consultant and per nurse for the range', async () => {
    const harness = createHarness()
    harness.bridge.handlers['reports.dailyLog'] = (input: { date: string }) => dailyLog(input.date)
    harness.bridge.handlers['reports.serviceFigures'] = (input: { from: string; to: string }) => ({ ...input, appointments: 0, confirmed: 0, toConfirm: 0, noShows: 0, keptOrMissed: 0, followUpsDue: 0, followUpsOnTime: 0 })
    harness.bridge.handlers['reports.satisfaction'] = (input: { from: string; to: string }) => figures(input.from, input.to)
    await openService(harness)
    expect(harness.bridge.callsOf('reports.satisfaction')).toEqual([{ from: '2026-11-01', to: '2026-11-22' }])
    expect(get('satisfaction-average-value').text()).toBe('3.67')
    expect(get('satisfaction-average').text()).toContain('3 次回访有评分')
    expect(get('satisfaction-open-value').text()).toBe('2')
    const rows = (key: string) => get(`satisfaction-${key}`).findAll('[data-testid="satisfaction-row"]').map((r) => r.findAll('td').map((td) => td.text()))
    expect(rows('byConsultant')).toEqual([['赵咨询', '1', '4.00'], ['王咨询', '2', '3.50']])
    expect(rows('byNurse')).toEqual([['孙护士', '1', '5.00']])

    harness.bridge.emit({ topic: 'complaints' })
    await settle()
    expect(harness.bridge.callsOf('reports.satisfaction')).toHaveLength(2)
  })
})
