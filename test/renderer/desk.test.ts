// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VisitRow } from '../../core/domain/visit.ts'
import { clientSummary, consultants, minutesAgo, openBoard, visitRow } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

const body = () => new DOMWrapper(document.body)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function deskHarness(visits: VisitRow[] = [], settings = {}): Harness {
  const harness = createHarness({ staff: consultants, settings })
  harness.bridge.handlers['visits.ofDay'] = () => structuredClone(visits)
  harness.bridge.handlers['rotation.board'] = () => openBoard()
  return harness
}

async function openDesk(harness: Harness) {
  ;({ wrapper } = await mountApp(harness, '/front-desk'))
  await settle()
}

describe('front desk: registration', () => {
  it('finds a client as the desk types, picks it with the keyboard and registers a returning visit with assign', async () => {
    const harness = deskHarness()
    const found = clientSummary({ id: 42, name: '林晓雯', ownConsultantId: 3, lastVisitDate: '2025-02-01' })
    harness.bridge.handlers['clients.search'] = () => [found]
    harness.bridge.handlers['visits.register'] = () => ({
      visit: visitRow({ id: 9, clientId: 42, type: 'returning', queueNo: 'B003', consultantId: 3, consultantName: '陈晓', assignedBy: 'returning' }),
      client: { ...found, birthDate: null, occupation: '', channel: 'walk_in', intendedCategory: null, allergies: '', notes: '', createdAt: '', updatedAt: '' },
      assignRefusal: null,
    })
    await openDesk(harness)

    const search = body().get('[data-testid="desk-search"]')
    await search.setValue('5678')
    await wait(200)
    await settle()
    expect(harness.bridge.callsOf('clients.search')).toEqual([{ query: '5678', limit: 8 }])
    expect(body().findAll('[data-testid="desk-search-result"]')).toHaveLength(1)
    await search.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(body().get('[data-testid="desk-selected-client"]').text()).toContain('林晓雯')

    await body().get('[data-testid="desk-register-submit"]').trigger('submit')
    await settle()
    expect(harness.bridge.callsOf('visits.register')).toEqual([
      { type: 'returning', designatedConsultantId: null, intendedCategory: null, assign: true, clientId: 42 },
    ])
    expect(body().get('[data-testid="desk-result-queue"]').text()).toBe('B003')
    expect(body().get('[data-testid="desk-result-consultant"]').text()).toContain('分配给 陈晓')
  })

  it('registers a new client inline and says why the client waits when nobody could take them', async () => {
    const harness = deskHarness()
    harness.bridge.handlers['clients.findByPhone'] = () => []
    harness.bridge.handlers['visits.register'] = (input) => ({
      visit: visitRow({ id: 5, queueNo: 'A007', clientName: input.newClient.name }),
      client: { id: 50, archiveNo: 'K0050', ...input.newClient, createdAt: '', updatedAt: '' },
      assignRefusal: '没有空闲的咨询师，顾客先候诊',
    })
    await openDesk(harness)
    await body().get('[data-testid="desk-new-client-button"]').trigger('click')
    await settle()
    await body().get('[data-testid="desk-new-name"]').setValue('周雨桐')
    await body().get('[data-testid="desk-new-phone"]').setValue('138 1111 6666')
    await settle()
    await body().get('[data-testid="desk-register-submit"]').trigger('submit')
    await settle()
    expect(harness.bridge.callsOf('visits.register')).toEqual([
      {
        type: 'first',
        designatedConsultantId: null,
        intendedCategory: null,
        assign: true,
        channel: 'walk_in',
        newClient: { name: '周雨桐', phone: '138 1111 6666', gender: 'female', birthDate: null, occupation: '', allowSharedPhone: false },
      },
    ])
    expect(body().get('[data-testid="desk-result-queue"]').text()).toBe('A007')
    expect(body().get('[data-testid="desk-result-refusal"]').text()).toContain('没有空闲的咨询师')
  })

  it('offers the client already on file under the typed phone, and can register a shared phone instead', async () => {
    const harness = deskHarness()
    const existing = { ...clientSummary({ id: 7, name: '黄婷婷', phone: '13912340002', archiveNo: 'K0007', ownConsultantId: 1 }), birthDate: null, occupation: '', channel: 'walk_in', intendedCategory: null, allergies: '', notes: '', createdAt: '', updatedAt: '' }
    harness.bridge.handlers['clients.findByPhone'] = () => [existing]
    await openDesk(harness)
    await body().get('[data-testid="desk-new-client-button"]').trigger('click')
    await settle()
    await body().get('[data-testid="desk-new-name"]').setValue('黄婷')
    await body().get('[data-testid="desk-new-phone"]').setValue('13912340002')
    await settle()
    expect(harness.bridge.callsOf('clients.findByPhone')).toContainEqual({ phone: '13912340002' })
    expect(body().get('[data-testid="desk-phone-exists"]').text()).toContain('黄婷婷（档案号 K0007）')

    // Register as a shared phone: the flag goes with the new client.
    harness.bridge.handlers['visits.register'] = () => new Refusal({ code: 'rule_violation', message: 'stop here' })
    await body().get('[data-testid="desk-shared-phone"]').trigger('click')
    await body().get('[data-testid="desk-register-submit"]').trigger('submit')
    await settle()
    expect((harness.bridge.callsOf('visits.register')[0] as { newClient: { allowSharedPhone: boolean } }).newClient.allowSharedPhone).toBe(true)

    // Or use the client on file: a returning visit, since she has an own consultant.
    await body().get('[data-testid="desk-use-existing"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="desk-selected-client"]').text()).toContain('黄婷婷')
    expect(body().get('[data-testid="desk-visit-type-returning"]').classes()).toContain('is-active')
  })

  it('when the server refuses a known phone, shows whose it is', async () => {
    const harness = deskHarness()
    const existing = { ...clientSummary({ id: 7, name: '黄婷婷', phone: '13912340002', archiveNo: 'K0007' }), birthDate: null, occupation: '', channel: 'walk_in', intendedCategory: null, allergies: '', notes: '', createdAt: '', updatedAt: '' }
    let known: unknown[] = []
    harness.bridge.handlers['clients.findByPhone'] = () => known
    harness.bridge.handlers['visits.register'] = () => {
      known = [existing] // registered meanwhile in another window
      return new Refusal({ code: 'conflict', message: '手机号 13912340002 已登记为顾客 黄婷婷（档案号 K0007），请直接选用' })
    }
    await openDesk(harness)
    await body().get('[data-testid="desk-new-client-button"]').trigger('click')
    await settle()
    await body().get('[data-testid="desk-new-name"]').setValue('黄婷')
    await body().get('[data-testid="desk-new-phone"]').setValue('13912340002')
    await settle()
    expect(body().find('[data-testid="desk-phone-exists"]').exists()).toBe(false)
    await body().get('[data-testid="desk-register-submit"]').trigger('submit')
    await settle()
    expect(body().get('[data-testid="desk-register-error"]').text()).toContain('已登记为顾客 黄婷婷')
    expect(body().get('[data-testid="desk-use-existing"]').text()).toContain('选用 黄婷婷')
  })
})

describe('front desk: waiting list', () => {
  it('masks names by default, flags long waits and warns when too many wait', async () => {
    const visits = [
      visitRow({ id: 1, queueNo: 'A001', clientName: '张小丽', registeredAt: minutesAgo(35) }),
      visitRow({ id: 2, queueNo: 'A002', clientName: '欧阳娜娜', registeredAt: minutesAgo(3) }),
      visitRow({ id: 3, queueNo: 'B001', clientName: '王五', type: 'returning', registeredAt: minutesAgo(8), consultantId: 1, consultantName: '王静' }),
    ]
    const harness = deskHarness(visits, { waitAlertMinutes: 20, waitingCountAlert: 2 })
    await openDesk(harness)
    const rows = body().findAll('[data-testid="waiting-row"]')
    // Queue order (registration time): A001, B001, A002.
    expect(rows.map((r) => r.get('[data-testid="visit-name"]').text())).toEqual(['张*丽', '王*', '欧*娜'])
    expect(rows[0]?.attributes('data-long')).toBe('true')
    expect(rows[0]?.get('[data-testid="waiting-minutes"]').text()).toContain('35 分钟')
    expect(rows[0]?.find('[data-testid="waiting-overdue"]').exists()).toBe(true)
    expect(rows[2]?.find('[data-testid="waiting-overdue"]').exists()).toBe(false)
    expect(body().get('[data-testid="waiting-banner"]').text()).toContain('现有 3 位顾客候诊')
    expect(body().get('[data-testid="waiting-long-banner"]').text()).toContain('1 位顾客等候超过 20 分钟')

    await body().get('[data-testid="waiting-show-names"]').trigger('click')
    await settle()
    expect(body().findAll('[data-testid="visit-name"]').map((n) => n.text())).toEqual(['张小丽', '王五', '欧阳娜娜'])
  })

  it('calls with the visit version, and on a conflict re-reads the list and tells the desk', async () => {
    let visits = [visitRow({ id: 3, queueNo: 'B001', type: 'returning', consultantId: 1, consultantName: '王静', version: 4 })]
    const harness = deskHarness()
    harness.bridge.handlers['visits.ofDay'] = () => structuredClone(visits)
    harness.bridge.handlers['queue.call'] = () => {
      visits = [visitRow({ id: 3, queueNo: 'B001', type: 'returning', consultantId: 1, consultantName: '王静', version: 5, status: 'consulting' })]
      return new Refusal({ code: 'conflict', message: 'B001 刚被其他窗口修改，请看最新状态后再操作' })
    }
    await openDesk(harness)
    const readsBefore = harness.bridge.callsOf('visits.ofDay').length
    await body().get('[data-testid="waiting-row"] [data-testid="visit-action-call"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('queue.call')).toEqual([{ visitId: 3, expectedVersion: 4 }])
    expect(harness.bridge.callsOf('visits.ofDay').length).toBe(readsBefore + 1)
    await vi.waitFor(() => expect(document.body.textContent).toContain('B001 刚被其他窗口修改'))
    expect(document.body.textContent).toContain('列表已重新读取')
    // Re-read: B001 is now with its consultant, no longer in the waiting list.
    expect(body().findAll('[data-testid="waiting-row"]')).toHaveLength(0)
    expect(body().get('[data-testid="served-row"]').text()).toContain('B001')
  })

  it('offers recall and skip-and-keep for a called client, with the visit version', async () => {
    const called = visitRow({ id: 4, queueNo: 'A004', consultantId: 1, consultantName: '王静', version: 3, status: 'called' })
    const harness = deskHarness()
    harness.bridge.handlers['visits.ofDay'] = () => [structuredClone(called)]
    harness.bridge.handlers['queue.recall'] = () => called
    harness.bridge.handlers['queue.skip'] = () => ({ ...called, status: 'waiting', version: 4 })
    await openDesk(harness)
    const row = () => body().get('[data-testid="waiting-row"]')
    expect(row().find('[data-testid="visit-action-call"]').exists()).toBe(false)
    await row().get('[data-testid="visit-action-recall"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('queue.recall')).toEqual([{ visitId: 4 }])
    // Skip is in the row's "more" menu.
    await row().get('[data-testid="visit-action-more"]').trigger('click')
    await settle()
    await body().get('[data-testid="visit-action-skip"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('queue.skip')).toEqual([{ visitId: 4, expectedVersion: 3 }])
    await vi.waitFor(() => expect(row().get('[data-testid="visit-status"]').text()).toBe('候诊'))
  })

  it('re-reads the day when another window changes visits', async () => {
    let visits: VisitRow[] = []
    const harness = deskHarness()
    harness.bridge.handlers['visits.ofDay'] = () => structuredClone(visits)
    await openDesk(harness)
    expect(body().findAll('[data-testid="waiting-row"]')).toHaveLength(0)
    visits = [visitRow({ id: 8, queueNo: 'A008' })]
    harness.bridge.emit({ topic: 'visits', ids: [8] })
    await settle()
    expect(body().get('[data-testid="waiting-row"]').text()).toContain('A008')
  })

  it('assigns by the rules without a member', async () => {
    const visits = [visitRow({ id: 4, queueNo: 'A004', version: 2 })]
    const harness = deskHarness(visits)
    harness.bridge.handlers['visits.assign'] = (input) => visitRow({ id: 4, queueNo: 'A004', version: 3, consultantId: input.memberId ?? 1, consultantName: '王静' })
    await openDesk(harness)
    await body().get('[data-testid="visit-action-assign"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('visits.assign')).toEqual([{ visitId: 4, expectedVersion: 2 }])
  })

  it('assigns manually only with a reason', async () => {
    const visits = [visitRow({ id: 4, queueNo: 'A004', version: 2 })]
    const harness = deskHarness(visits)
    harness.bridge.handlers['visits.assign'] = (input) => visitRow({ id: 4, queueNo: 'A004', version: 3, consultantId: input.memberId, consultantName: '王静' })
    await openDesk(harness)
    await body().get('[data-testid="visit-action-assignManual"]').trigger('click')
    await settle()
    await body().get('[data-testid="manual-submit"]').trigger('click')
    await settle()
    await vi.waitFor(() => expect(body().get('[data-testid="manual-dialog"]').text()).toContain('请填写原因'))
    expect(harness.bridge.callsOf('visits.assign')).toEqual([])
    await body().get('[data-testid="manual-reason"]').setValue('顾客要求')
    await body().get('[data-testid="manual-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('visits.assign')).toEqual([{ visitId: 4, expectedVersion: 2, memberId: 1, reason: '顾客要求' }])
  })
})
