// @vitest-environment happy-dom
import { ElSelect } from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import type { AppointmentRow } from '../../core/domain/appointment.ts'
import { appointmentRow, body, byTestId as get, checkInResult, confirmationLine, TODAY, TOMORROW, useAppAtTen } from './appointments.fixtures.ts'
import { consultants } from './desk.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

const app = useAppAtTen()

const select = (testid: string) => app.wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === testid)!
const tab = (name: string) => body().findAll('[role="tab"]').find((t) => t.text() === name)!
const items = [
  { id: 5, code: 'T001', name: '光子嫩肤（全面部）', category: 'treatment', unit: '次', listPriceFen: 128000, active: true },
  { id: 6, code: 'T003', name: '肉毒素注射（100单位）', category: 'treatment', unit: '次', listPriceFen: 380000, active: true },
]

function pageHarness(rows: AppointmentRow[] = [], options: Parameters<typeof createHarness>[0] = {}): Harness {
  const harness = createHarness({ staff: consultants, ...options })
  harness.bridge.handlers['appointments.list'] = (input: { from: string; to: string }) => rows.filter((r) => r.date >= input.from && r.date <= input.to)
  harness.bridge.handlers['appointments.confirmations'] = () => []
  harness.bridge.handlers['visits.ofDay'] = () => []
  harness.bridge.handlers['prices.list'] = () => items
  harness.bridge.handlers['clients.findByPhone'] = () => []
  return harness
}

async function openPage(harness: Harness, path = '/appointments') {
  await app.open(harness, path)
}

async function openBooking(): Promise<void> {
  await get('appointments-book').trigger('click')
  await settle()
}

async function enterNewClient(name: string, phone: string): Promise<void> {
  await get('booking-new-client-button').trigger('click')
  await settle()
  await get('booking-new-name').setValue(name)
  await get('booking-new-phone').setValue(phone)
  await settle()
}

describe('appointments: the day and week views', () => {
  it('lists the day by time with its status, flags a consultant booked twice at once, and groups per consultant', async () => {
    const rows = [
      appointmentRow({ id: 1, time: '14:00', clientName: '王五', consultantId: 2, consultantName: '李娜' }),
      appointmentRow({ id: 2, time: '10:30', clientName: '林晓雯', status: 'confirmed' }),
      appointmentRow({ id: 3, time: '11:00', clientName: '黄婷婷', durationMinutes: 30 }),
      appointmentRow({ id: 4, time: '09:00', clientName: '孙莉', status: 'cancelled', cancelReason: '临时出差' }),
      appointmentRow({ id: 5, date: TOMORROW, time: '09:00', clientName: '明天的人' }),
    ]
    const harness = pageHarness(rows)
    await openPage(harness)
    expect(harness.bridge.callsOf('appointments.list')).toEqual([{ from: TODAY, to: TODAY, includeClosed: true }])
    const shown = body().findAll('[data-testid="appointment-row"]')
    expect(shown.map((r) => r.get('[data-testid="appointment-client"]').text())).toEqual(['孙莉', '林晓雯', '黄婷婷', '王五'])
    expect(shown.map((r) => r.get('[data-testid="appointment-status"]').text())).toEqual(['已取消', '已确认', '已预约', '已预约'])
    expect(shown[0]!.text()).toContain('取消原因：临时出差')
    // 王静 has 10:30–11:30 and 11:00–11:30: both flagged; the cancelled one is not.
    expect(shown.map((r) => r.find('[data-testid="appointment-clash"]').exists())).toEqual([false, true, true, false])
    // Today: 到店 on the open ones only.
    expect(shown.map((r) => r.find('[data-testid="appointment-checkIn"]').exists())).toEqual([false, true, true, true])
    // A no-show only once the time has come (it is 10:30).
    expect(shown.map((r) => r.find('[data-testid="appointment-noShow"]').exists())).toEqual([false, true, false, false])

    await get('appointments-group-consultant').trigger('click')
    await settle()
    expect(body().findAll('[data-testid="appointments-group"]').map((g) => g.find('th').text())).toEqual([
      expect.stringContaining('李娜'),
      expect.stringContaining('王静'),
    ])

    select('appointments-consultant').vm.$emit('update:modelValue', 2)
    await settle()
    expect(body().findAll('[data-testid="appointment-client"]').map((n) => n.text())).toEqual(['王五'])
  })

  it('moves a day at a time with the buttons and Alt+. / Alt+,, and shows the week as consultants × days', async () => {
    const rows = [
      appointmentRow({ id: 1, date: '2026-11-23', time: '10:00', clientName: '林晓雯' }),
      appointmentRow({ id: 2, date: '2026-11-25', time: '15:00', clientName: '王五', consultantId: 2, consultantName: '李娜', status: 'no_show' }),
      appointmentRow({ id: 3, date: '2026-11-25', time: '16:00', clientName: '无主', consultantId: null, consultantName: null }),
    ]
    const harness = pageHarness(rows)
    await openPage(harness)
    await get('appointments-next').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.list').at(-1)).toEqual({ from: TOMORROW, to: TOMORROW, includeClosed: true })
    expect(body().findAll('[data-testid="appointment-client"]').map((n) => n.text())).toEqual(['林晓雯'])
    // Tomorrow: no check-in yet, no no-show either; change and cancel are there.
    expect(body().find('[data-testid="appointment-checkIn"]').exists()).toBe(false)
    expect(body().find('[data-testid="appointment-noShow"]').exists()).toBe(false)
    expect(body().find('[data-testid="appointment-change"]').exists()).toBe(true)
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'Comma', altKey: true }))
    await settle()
    expect(harness.bridge.callsOf('appointments.list').at(-1)).toEqual({ from: TODAY, to: TODAY, includeClosed: true })

    // The week of Monday 23 November: the Sunday 22nd belongs to the week before (ISO weeks).
    await get('appointments-next').trigger('click')
    await settle()
    await tab('周视图').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.list').at(-1)).toEqual({ from: '2026-11-23', to: '2026-11-29', includeClosed: true })
    const lines = body().findAll('[data-testid="week-line"]')
    expect(lines.map((l) => l.attributes('data-consultant'))).toEqual(['1', '2', '3', 'none'])
    const cellOf = (consultant: string, day: string) => body().get(`[data-testid="week-line"][data-consultant="${consultant}"] [data-day="${day}"]`)
    expect(cellOf('1', '2026-11-23').text()).toContain('10:00 林晓雯')
    expect(cellOf('2', '2026-11-25').get('[data-testid="week-block"]').attributes('data-status')).toBe('no_show')
    expect(cellOf('none', '2026-11-25').text()).toContain('无主')
    // A day opens its day view.
    await get('week-open-2026-11-25').trigger('click')
    await settle()
    expect(body().findAll('[data-testid="appointment-client"]').map((n) => n.text())).toEqual(['王五', '无主'])
  })
})

describe('appointments: booking', () => {
  it('books a new client with the chosen slot, consultant and items', async () => {
    const harness = pageHarness()
    harness.bridge.handlers['appointments.book'] = (input) => appointmentRow({ id: 30, clientName: input.newClient.name, time: input.time })
    await openPage(harness)
    await openBooking()
    await enterNewClient('周雨桐', '138 1111 6666')
    select('booking-time').vm.$emit('update:modelValue', '14:15')
    select('booking-duration').vm.$emit('update:modelValue', 90)
    select('booking-consultant').vm.$emit('update:modelValue', 3)
    select('booking-category').vm.$emit('update:modelValue', 'injection')
    select('booking-items').vm.$emit('update:modelValue', [6])
    await get('booking-notes').setValue('  第一次来  ')
    await settle()
    expect(get('booking-ends').text()).toBe('约 15:45 结束')
    await get('booking-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.book')).toEqual([
      {
        newClient: { name: '周雨桐', phone: '138 1111 6666', gender: 'female', allowSharedPhone: false },
        date: TODAY,
        time: '14:15',
        durationMinutes: 90,
        consultantId: 3,
        category: 'injection',
        itemIds: [6],
        notes: '第一次来',
        allowDoubleBooking: false,
      },
    ])
    expect(document.body.textContent).toContain('已为 周雨桐 预约')
    expect(body().findAll('[data-testid="appointment-row"]')).toHaveLength(1)
  })

  it('asks for a client first, and books a client found on file with Enter', async () => {
    const harness = pageHarness()
    harness.bridge.handlers['clients.search'] = () => [{ id: 42, archiveNo: 'K0042', name: '黄婷婷', gender: 'female', phone: '13912340002', ownConsultantId: 1, lastVisitDate: null }]
    harness.bridge.handlers['appointments.book'] = (input) => appointmentRow({ id: 31, clientId: input.clientId, clientName: '黄婷婷' })
    await openPage(harness)
    await openBooking()
    await get('booking-submit').trigger('click')
    await settle()
    expect(get('booking-client-error').text()).toBe('请先选择顾客，或点“新顾客”填写资料')
    expect(harness.bridge.callsOf('appointments.book')).toEqual([])

    const search = get('booking-search')
    await search.setValue('2340002')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await settle()
    await search.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(get('booking-client-selected').text()).toContain('黄婷婷')
    await get('booking-notes').trigger('keydown', { key: 'Enter' }) // a textarea keeps its Enter
    await get('booking-form').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('appointments.book')).toEqual([
      { clientId: 42, date: TODAY, time: '10:30', durationMinutes: 60, consultantId: null, category: null, itemIds: [], notes: '', allowDoubleBooking: false },
    ])
  })

  it('warns when the consultant is booked then, and 仍然预约 sends it again allowing the double booking', async () => {
    const harness = pageHarness()
    harness.bridge.handlers['appointments.book'] = (input) =>
      input.allowDoubleBooking
        ? appointmentRow({ id: 32, clientName: '周雨桐', time: input.time })
        : new Refusal({ code: 'rule_violation', message: '王静 在 10:00 已有预约：林晓雯 10:30–11:30', fields: { time: '王静 在 10:00 已有预约：林晓雯 10:30–11:30' } })
    await openPage(harness)
    await openBooking()
    await enterNewClient('周雨桐', '13811116666')
    select('booking-consultant').vm.$emit('update:modelValue', 1)
    await settle()
    await get('booking-submit').trigger('click')
    await settle()
    expect(get('booking-double').text()).toContain('该咨询师这个时间已有预约')
    expect(get('booking-double-text').text()).toBe('王静 在 10:00 已有预约：林晓雯 10:30–11:30')
    expect(get('booking-dialog').isVisible()).toBe(true)

    await get('booking-anyway').trigger('click')
    await settle()
    const calls = harness.bridge.callsOf('appointments.book') as { allowDoubleBooking: boolean; consultantId: number; time: string }[]
    expect(calls.map((c) => [c.allowDoubleBooking, c.consultantId, c.time])).toEqual([
      [false, 1, '10:30'],
      [true, 1, '10:30'],
    ])
    expect(document.body.textContent).toContain('已为 周雨桐 预约')
  })

  it('a changed slot drops the warning, and a change keeps the client and sends the version', async () => {
    const row = appointmentRow({ id: 7, version: 4, time: '10:30', itemIds: [5, 99], itemNames: ['光子嫩肤（全面部）', '停用的项目'] })
    const harness = pageHarness([row])
    harness.bridge.handlers['appointments.change'] = (input) =>
      input.allowDoubleBooking || input.time !== '10:30' ? { ...row, time: input.time, version: 5 } : new Refusal({ code: 'rule_violation', message: '撞单', fields: { time: '撞单' } })
    await openPage(harness)
    await get('appointment-change').trigger('click')
    await settle()
    expect(get('booking-client-fixed').text()).toContain('林晓雯')
    expect(body().find('[data-testid="booking-type"]').exists()).toBe(false)
    await get('booking-submit').trigger('click')
    await settle()
    expect(body().find('[data-testid="booking-double"]').exists()).toBe(true)
    select('booking-time').vm.$emit('update:modelValue', '15:00')
    await settle()
    expect(body().find('[data-testid="booking-double"]').exists()).toBe(false)
    await get('booking-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.change').at(-1)).toEqual({
      id: 7,
      expectedVersion: 4,
      date: TODAY,
      time: '15:00',
      durationMinutes: 60,
      consultantId: 1,
      category: 'skin',
      itemIds: [5, 99],
      notes: '',
      allowDoubleBooking: false,
    })
    expect(body().get('[data-testid="appointment-row"]').text()).toContain('15:00')
  })
})

describe('appointments: check-in, cancel, no-show', () => {
  it('checks an appointment in and shows the queue number it got', async () => {
    const row = appointmentRow({ id: 8, version: 2 })
    const harness = pageHarness([row])
    harness.bridge.handlers['appointments.checkIn'] = () => checkInResult(row, 'B007')
    await openPage(harness)
    await get('appointment-checkIn').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.checkIn')).toEqual([{ id: 8, expectedVersion: 2, assign: true }])
    expect(get('check-in-queue').text()).toBe('B007')
    expect(get('check-in-consultant').text()).toContain('分配给 王静')
    expect(get('appointment-status').text()).toBe('已到店')
    expect(body().find('[data-testid="appointment-checkIn"]').exists()).toBe(false)
  })

  it('cancels only with a reason, and asks before a no-show', async () => {
    const row = appointmentRow({ id: 9, version: 3 })
    const harness = pageHarness([row])
    harness.bridge.handlers['appointments.cancel'] = (input) => ({ ...row, status: 'cancelled', cancelReason: input.reason, version: 4 })
    harness.bridge.handlers['appointments.markNoShow'] = () => ({ ...row, status: 'no_show', version: 4 })
    await openPage(harness)
    await get('appointment-cancel').trigger('click')
    await settle()
    await get('cancel-submit').trigger('click')
    await settle()
    await vi.waitFor(() => expect(get('cancel-dialog').text()).toContain('请填写取消原因'))
    expect(harness.bridge.callsOf('appointments.cancel')).toEqual([])
    await get('cancel-reason').setValue('顾客临时出差')
    await get('cancel-submit').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.cancel')).toEqual([{ id: 9, expectedVersion: 3, reason: '顾客临时出差' }])
    expect(get('appointment-status').text()).toBe('已取消')

    // Back to an open one for the no-show.
    harness.bridge.handlers['appointments.list'] = () => [row]
    harness.bridge.emit({ topic: 'appointments' })
    await settle()
    await get('appointment-noShow').trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain('确定没有到店')
    ;(document.querySelector('.el-message-box .el-button--primary') as HTMLButtonElement).click()
    await settle()
    expect(harness.bridge.callsOf('appointments.markNoShow')).toEqual([{ id: 9, expectedVersion: 3 }])
    expect(get('appointment-status').text()).toBe('爽约')
  })

  it('shows no booking or row actions to an operator without the desk permission', async () => {
    const harness = pageHarness([appointmentRow()], { operator: { id: 5, name: '护士小陈', role: 'nurse' }, staff: [...consultants, staffMember({ id: 5, name: '护士小陈', role: 'nurse' })] })
    await openPage(harness)
    expect(body().findAll('[data-testid="appointment-row"]')).toHaveLength(1)
    expect(body().find('[data-testid="appointments-book"]').exists()).toBe(false)
    expect(body().find('[data-testid="appointment-checkIn"]').exists()).toBe(false)
  })
})

describe('appointments: the confirmation calls (二次确认)', () => {
  it("lists tomorrow's calls with the text, copies it, and logs each result; 改约 opens the change dialog", async () => {
    const first = appointmentRow({ id: 20, date: TOMORROW, time: '09:30', clientName: '林晓雯' })
    const second = appointmentRow({ id: 21, date: TOMORROW, time: '15:00', clientName: '王五', version: 2 })
    let lines = [confirmationLine(first), confirmationLine(second)]
    const harness = pageHarness()
    harness.bridge.handlers['appointments.confirmations'] = () => lines
    harness.bridge.handlers['appointments.recordConfirmation'] = (input) => {
      const row = input.id === 20 ? first : second
      const saved = { ...row, status: input.result === 'confirmed' ? 'confirmed' : row.status, lastConfirmation: input.result, version: row.version + 1 }
      lines = lines.map((l) => (l.appointment.id === input.id ? { ...l, appointment: saved, calls: [...l.calls, { id: 1, appointmentId: input.id, result: input.result, note: '', at: new Date(2026, 10, 22, 11, 5).toISOString(), byStaffId: 99, byName: '测试管理员' }] } : l))
      return saved
    }
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    await openPage(harness, '/appointments?tab=confirm')
    expect(harness.bridge.callsOf('appointments.confirmations')).toEqual([{ date: TOMORROW }])
    expect(get('confirm-count').text()).toBe('2 个预约，2 个待确认')
    const line = (i: number) => body().findAll('[data-testid="confirm-line"]')[i]!
    expect(line(0).get('[data-testid="confirm-phone"]').text()).toBe('13812340001')
    expect(line(0).get('[data-testid="confirm-text"]').text()).toContain('林晓雯您好')
    expect(line(0).get('[data-testid="confirm-last"]').text()).toContain('尚未联系')

    await line(0).get('[data-testid="confirm-copy"]').trigger('click')
    await settle()
    expect(writeText).toHaveBeenCalledWith(lines[0]!.text)

    await line(0).get('[data-testid="confirm-result-confirmed"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.recordConfirmation')).toEqual([{ id: 20, expectedVersion: 1, result: 'confirmed', note: '' }])
    expect(line(0).get('[data-testid="confirm-last-result"]').text()).toBe('已确认')
    expect(line(0).get('[data-testid="confirm-last"]').text()).toContain('11:05 测试管理员 · 共 1 次')
    expect(get('confirm-count').text()).toBe('2 个预约，1 个待确认')

    await line(1).get('[data-testid="confirm-result-changed"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.recordConfirmation').at(-1)).toEqual({ id: 21, expectedVersion: 2, result: 'changed', note: '' })
    expect(get('booking-dialog').text()).toContain('改约：王五')
    expect(get('booking-client-fixed').text()).toContain('王五')
  })

  it('selects the text when the clipboard cannot be written', async () => {
    const harness = pageHarness()
    harness.bridge.handlers['appointments.confirmations'] = () => [confirmationLine(appointmentRow({ id: 20, date: TOMORROW }))]
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } })
    await openPage(harness, '/appointments?tab=confirm')
    await get('confirm-copy').trigger('click')
    await settle()
    expect(window.getSelection()?.toString()).toContain('林晓雯您好')
    expect(document.body.textContent).toContain('已选中话术，请按 Ctrl+C')
  })
})
