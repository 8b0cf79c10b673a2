// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { Client } from '../../core/domain/client.ts'
import { appointmentRow, body, followUpRow, TOMORROW, useAppAtTen } from './appointments.fixtures.ts'
import { consultants } from './desk.fixtures.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

const app = useAppAtTen()

const client: Client = {
  id: 11,
  archiveNo: 'DA202600011',
  name: '林晓雯',
  gender: 'female',
  birthDate: null,
  phone: '13812340001',
  occupation: '',
  ownConsultantId: 1,
  channel: 'phone',
  intendedCategory: null,
  allergies: '',
  notes: '',
  maritalStatus: null,
  address: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function clientHarness(): Harness {
  const harness = createHarness({ staff: consultants })
  harness.bridge.handlers['clients.get'] = () => ({ client, visits: [] })
  harness.bridge.handlers['prices.list'] = () => []
  harness.bridge.handlers['appointments.ofClient'] = () => [
    appointmentRow({ id: 1, date: '2026-11-01', time: '10:00', status: 'checked_in' }),
    appointmentRow({ id: 2, date: '2026-11-25', time: '15:00', status: 'confirmed', lastConfirmation: 'confirmed' }),
    appointmentRow({ id: 3, date: '2026-10-12', time: '09:00', status: 'cancelled', cancelReason: '出差' }),
  ]
  harness.bridge.handlers['followUps.ofClient'] = () => [
    followUpRow({ id: 5, label: '1个月复查', dueDate: '2026-12-01' }),
    followUpRow({ id: 4, label: '拆线', dueDate: '2026-11-08', overdue: true }),
    followUpRow({ id: 3, label: '次日回访', dueDate: '2026-11-02', status: 'done', result: 'reached', notes: '无红肿', doneAt: new Date(2026, 10, 2, 15, 20).toISOString(), doneByName: '前台小周' }),
  ]
  return harness
}

describe('client page: appointments and follow-up calls', () => {
  it("shows the client's appointments newest first and the follow-up calls by due date, overdue ones marked", async () => {
    const harness = clientHarness()
    await app.open(harness, '/clients/11')
    expect(harness.bridge.callsOf('appointments.ofClient')).toEqual([{ clientId: 11 }])
    expect(harness.bridge.callsOf('followUps.ofClient')).toEqual([{ clientId: 11 }])
    const appointments = body().findAll('[data-testid="client-appointment"]')
    expect(appointments.map((a) => a.text().slice(0, 10))).toEqual(['2026-11-25', '2026-11-01', '2026-10-12'])
    expect(appointments[0]!.text()).toContain('15:00–16:00')
    expect(appointments[0]!.text()).toContain('电话确认：已确认')
    expect(appointments[2]!.text()).toContain('取消原因：出差')

    const calls = body().findAll('[data-testid="client-follow-up"]')
    expect(calls.map((c) => c.get('[data-testid="client-follow-up-due"]').text())).toEqual(['2026-11-02', '2026-11-08', '2026-12-01'])
    expect(calls.map((c) => c.get('[data-testid="client-follow-up-label"]').text())).toEqual(['次日回访', '拆线', '1个月复查'])
    expect(calls[0]!.text()).toContain('已回访')
    expect(calls[0]!.text()).toContain('2026-11-02 15:20 前台小周')
    expect(calls[0]!.text()).toContain('无红肿')
    expect(calls[1]!.find('[data-testid="client-follow-up-overdue"]').exists()).toBe(true)
    expect(calls[1]!.text()).toContain('已逾期 14 天')
    expect(calls[2]!.find('[data-testid="client-follow-up-overdue"]').exists()).toBe(false)

    // A paid fee sheet elsewhere brings new calls: the page reads them again.
    harness.bridge.emit({ topic: 'followUps' })
    await settle()
    expect(harness.bridge.callsOf('followUps.ofClient')).toHaveLength(2)
  })

  it('books the client from the page, the client already chosen, for tomorrow', async () => {
    const harness = clientHarness()
    harness.bridge.handlers['appointments.book'] = (input) => appointmentRow({ id: 9, date: input.date, time: input.time })
    await app.open(harness, '/clients/11')
    await body().get('[data-testid="client-book"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="booking-client-selected"]').text()).toContain('林晓雯')
    await body().get('[data-testid="booking-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('appointments.book')).toEqual([
      { clientId: 11, date: TOMORROW, time: '10:00', durationMinutes: 60, consultantId: null, category: null, itemIds: [], notes: '', allowDoubleBooking: false },
    ])
  })
})
