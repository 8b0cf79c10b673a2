// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { AppointmentRow } from '../../core/domain/appointment.ts'
import type { FollowUpRow } from '../../core/domain/followUp.ts'
import { appointmentRow, body, byTestId as get, checkInResult, followUpRow, TODAY, TOMORROW, useAppAtTen } from './appointments.fixtures.ts'
import { clientSummary, consultants, openBoard } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

const app = useAppAtTen()

const tab = (text: string) => body().findAll('[data-testid="desk-schedule"] [role="tab"]').find((t) => t.text().includes(text))!

function deskHarness(appointments: AppointmentRow[] = [], calls: FollowUpRow[] = []): Harness {
  const harness = createHarness({ staff: consultants })
  harness.bridge.handlers['visits.ofDay'] = () => []
  harness.bridge.handlers['rotation.board'] = () => openBoard()
  harness.bridge.handlers['appointments.list'] = (input: { from: string; to: string }) => appointments.filter((a) => a.date >= input.from && a.date <= input.to)
  harness.bridge.handlers['followUps.due'] = () => structuredClone(calls)
  return harness
}

async function openDesk(harness: Harness) {
  await app.open(harness, '/front-desk')
}

describe('the desk: today’s and tomorrow’s appointments', () => {
  it('reads both days at once and checks an arrival in with one click, showing the queue number it got', async () => {
    const arriving = appointmentRow({ id: 3, time: '10:30', clientName: '林晓雯', version: 2 })
    const rows = [
      appointmentRow({ id: 4, time: '14:00', clientName: '王五', consultantId: null, consultantName: null, itemNames: [], category: 'laser' }),
      arriving,
      appointmentRow({ id: 5, time: '09:00', clientName: '已来过', status: 'checked_in', visitId: 77 }),
      appointmentRow({ id: 6, date: TOMORROW, time: '09:30', clientName: '明天甲' }),
      appointmentRow({ id: 7, date: TOMORROW, time: '11:00', clientName: '明天乙', status: 'confirmed', lastConfirmation: 'confirmed' }),
    ]
    const harness = deskHarness(rows)
    harness.bridge.handlers['appointments.checkIn'] = () => checkInResult(arriving, 'A012')
    await openDesk(harness)
    expect(harness.bridge.callsOf('appointments.list')).toEqual([{ from: TODAY, to: TOMORROW }])
    expect(tab('今日预约').text()).toBe('今日预约 2')
    expect(tab('明日预约').text()).toBe('明日预约 2')
    const today = body().findAll('[data-testid="desk-appointments-today"] [data-testid="desk-appointment"]')
    expect(today.map((r) => r.get('[data-testid="desk-appointment-client"]').text())).toEqual(['已来过', '林晓雯', '王五'])
    expect(today[2]!.text()).toContain('未指定咨询师')
    expect(today[2]!.text()).toContain('激光')
    expect(today.map((r) => r.find('[data-testid="appointment-checkIn"]').exists())).toEqual([false, true, true])

    await today[1]!.get('[data-testid="appointment-checkIn"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.checkIn')).toEqual([{ id: 3, expectedVersion: 2, assign: true }])
    expect(get('check-in-queue').text()).toBe('A012')
    expect(get('check-in-result').text()).toContain('林晓雯（预约 10:30）已到店')
    expect(get('check-in-consultant').text()).toContain('分配给 王静（指定）')
    expect(document.body.textContent).toContain('林晓雯 已到店，排队号 A012')
    expect(tab('今日预约').text()).toBe('今日预约 1')
    const row = body().get('[data-testid="desk-appointment"][data-appointment-id="3"]')
    expect(row.get('[data-testid="appointment-status"]').text()).toBe('已到店')
    expect(row.find('[data-testid="appointment-checkIn"]').exists()).toBe(false)

    await get('check-in-dismiss').trigger('click')
    await settle()
    expect(body().find('[data-testid="check-in-result"]').exists()).toBe(false)

    await tab('明日预约').trigger('click')
    await settle()
    expect(get('desk-tomorrow-note').text()).toContain('明天还有 1 个预约未确认')
    expect(get('desk-confirm-link').attributes('href')).toContain('/appointments?tab=confirm')
    const tomorrow = body().findAll('[data-testid="desk-appointments-tomorrow"] [data-testid="desk-appointment"]')
    expect(tomorrow.map((r) => r.get('[data-testid="appointment-status"]').text())).toEqual(['已预约', '已确认'])
    expect(body().find('[data-testid="desk-appointments-tomorrow"] [data-testid="appointment-checkIn"]').exists()).toBe(false)
  })

  it('tells the desk when the appointment changed meanwhile, and the list is read again', async () => {
    const row = appointmentRow({ id: 3, version: 2 })
    let rows = [row]
    const harness = deskHarness()
    harness.bridge.handlers['appointments.list'] = () => rows
    harness.bridge.handlers['appointments.checkIn'] = () => {
      rows = [{ ...row, status: 'cancelled', version: 3 }]
      return new Refusal({ code: 'conflict', message: '该预约刚被其他窗口修改' })
    }
    await openDesk(harness)
    await get('appointment-checkIn').trigger('click')
    await settle()
    await vi.waitFor(() => expect(document.body.textContent).toContain('该预约刚被其他窗口修改'))
    expect(harness.bridge.callsOf('appointments.list')).toHaveLength(2)
    expect(get('appointment-status').text()).toBe('已取消')
  })

  it('follows pushed changes: a booking made in another window appears', async () => {
    const rows: AppointmentRow[] = []
    const harness = deskHarness(rows)
    await openDesk(harness)
    expect(body().findAll('[data-testid="desk-appointment"]')).toHaveLength(0)
    rows.push(appointmentRow({ id: 9, clientName: '新约的' }))
    harness.bridge.emit({ topic: 'appointments', ids: [9] })
    await settle()
    expect(body().get('[data-testid="desk-appointment"]').text()).toContain('新约的')
  })
})

describe('the desk: a booked client found by search', () => {
  it('offers the check-in of her appointment instead of a walk-in, and checks her in with it', async () => {
    const booked = appointmentRow({ id: 8, clientId: 42, time: '10:30', clientName: '林晓雯', version: 3 })
    const harness = deskHarness([booked, appointmentRow({ id: 9, clientId: 43, time: '11:00', clientName: '别人' })])
    harness.bridge.handlers['clients.search'] = () => [clientSummary({ id: 42, name: '林晓雯' }), clientSummary({ id: 44, name: '没预约' })]
    harness.bridge.handlers['appointments.checkIn'] = () => checkInResult(booked, 'A013')
    await openDesk(harness)
    const search = body().get('[data-testid="desk-search"]')

    await search.setValue('林')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await settle()
    await body().findAll('[data-testid="desk-search-result"]')[1]!.trigger('mousedown')
    await settle()
    expect(body().get('[data-testid="desk-selected-client"]').text()).toContain('没预约')
    expect(body().find('[data-testid="desk-booked-today"]').exists()).toBe(false)

    await body().get('[data-testid="desk-selected-change"]').trigger('click')
    await settle()
    await body().get('[data-testid="desk-search"]').setValue('林')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await settle()
    await body().findAll('[data-testid="desk-search-result"]')[0]!.trigger('mousedown')
    await settle()
    expect(get('desk-booked-today').text()).toContain('林晓雯 今天 10:30 有预约（王静）')

    await get('desk-booked-today-check-in').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.checkIn')).toEqual([{ id: 8, expectedVersion: 3, assign: true }])
    expect(harness.bridge.callsOf('visits.register')).toEqual([])
    expect(body().find('[data-testid="desk-selected-client"]').exists()).toBe(false)
    expect(body().find('[data-testid="desk-booked-today"]').exists()).toBe(false)
    expect(body().get('[data-testid="desk-register"] [data-testid="check-in-queue"]').text()).toBe('A013')
  })
})

describe('the desk: follow-up calls due', () => {
  const calls = [
    followUpRow({ id: 1, clientName: '今天的', dueDate: TODAY, label: '次日回访' }),
    followUpRow({ id: 2, clientName: '拖了三天', dueDate: '2026-11-19', label: '拆线', overdue: true, attempts: 2 }),
    followUpRow({ id: 3, clientName: '已回访', dueDate: TODAY, status: 'done', result: 'reached', notes: '恢复良好' }),
  ]

  it('puts overdue calls first and makes them stand out: red, 逾期 and how many days', async () => {
    const harness = deskHarness([], calls)
    await openDesk(harness)
    expect(harness.bridge.callsOf('followUps.due')).toEqual([{ overdue: true }])
    expect(get('desk-follow-ups-tab').text()).toContain('今日回访 2')
    expect(get('desk-follow-ups-overdue').text()).toBe('逾期 1')
    // The desk's header says it at a glance, and opens the list.
    expect(get('desk-summary-appointments').text()).toBe('今日预约 0')
    expect(get('desk-summary-calls').text()).toBe('回访 2（逾期 1）')
    expect(get('desk-summary-calls').classes()).toContain('el-button--danger')
    await get('desk-summary-calls').trigger('click')
    await settle()
    expect(body().get('[data-testid="desk-schedule"] [role="tab"][aria-selected="true"]').text()).toContain('今日回访')
    const rows = body().findAll('[data-testid="follow-up-row"]')
    expect(rows.map((r) => r.get('[data-testid="follow-up-client"]').text())).toEqual(['拖了三天', '今天的', '已回访'])
    expect(rows[0]!.classes()).toContain('is-long')
    expect(rows[0]!.attributes('data-overdue')).toBe('true')
    expect(rows[0]!.get('[data-testid="follow-up-overdue"]').text()).toBe('逾期')
    expect(rows[0]!.get('[data-testid="follow-up-days"]').text()).toBe('已逾期 3 天')
    expect(rows[0]!.text()).toContain('已拨 2 次')
    expect(rows[1]!.classes()).not.toContain('is-long')
    expect(rows[1]!.find('[data-testid="follow-up-overdue"]').exists()).toBe(false)
    expect(rows[1]!.text()).toContain('今天')
    expect(rows[2]!.get('[data-testid="follow-up-status"]').text()).toContain('已回访')
    expect(rows[2]!.find('[data-testid="follow-up-record"]').exists()).toBe(false)
  })

  it('needs what was said for a reached call; a call not answered goes without notes and stays open', async () => {
    const harness = deskHarness([], calls)
    harness.bridge.handlers['followUps.record'] = (input) => {
      const call = calls.find((c) => c.id === input.id)!
      const done = input.result !== 'no_answer'
      return { ...call, result: input.result, notes: input.notes, status: done ? 'done' : 'open', attempts: call.attempts + 1, version: call.version + 1, overdue: false }
    }
    await openDesk(harness)
    await tab('今日回访').trigger('click')
    await settle()
    const row = (id: number) => body().get(`[data-testid="follow-up-row"][data-follow-up-id="${id}"]`)

    await row(1).get('[data-testid="follow-up-record"]').trigger('click')
    await settle()
    expect(get('follow-up-dialog-phone').text()).toBe('13811116666')
    expect(get('follow-up-result-reached').classes()).toContain('is-active')
    await get('follow-up-submit').trigger('click')
    await settle()
    await vi.waitFor(() => expect(get('follow-up-dialog').text()).toContain('已回访请填写回访内容'))
    expect(harness.bridge.callsOf('followUps.record')).toEqual([])
    await get('follow-up-notes').setValue('  消肿了，很满意 ')
    await get('follow-up-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('followUps.record')).toEqual([{ id: 1, expectedVersion: 1, result: 'reached', notes: '消肿了，很满意' }])
    expect(row(1).get('[data-testid="follow-up-status"]').text()).toContain('已回访')
    expect(row(1).find('[data-testid="follow-up-record"]').exists()).toBe(false)
    expect(get('desk-follow-ups-tab').text()).toContain('今日回访 1')

    await row(2).get('[data-testid="follow-up-record"]').trigger('click')
    await settle()
    await get('follow-up-result-no_answer').find('input').setValue(true)
    await settle()
    await get('follow-up-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('followUps.record').at(-1)).toEqual({ id: 2, expectedVersion: 1, result: 'no_answer', notes: '' })
    // Still open, one more attempt; still overdue until the list is read again.
    expect(row(2).get('[data-testid="follow-up-status"]').text()).toContain('未接通')
    expect(row(2).text()).toContain('已拨 3 次')
    expect(row(2).find('[data-testid="follow-up-record"]').exists()).toBe(true)
  })

  it('Alt+Y moves between the lists', async () => {
    const harness = deskHarness([], calls)
    await openDesk(harness)
    const active = () => body().get('[data-testid="desk-schedule"] [role="tab"][aria-selected="true"]').text()
    expect(active()).toContain('今日预约')
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyY', altKey: true }))
    await settle()
    expect(active()).toContain('明日预约')
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyY', altKey: true }))
    await settle()
    expect(active()).toContain('今日回访')
  })
})
