import type { CheckInResult, ConfirmationLine } from '../../core/api/appointments.ts'
import type { AppointmentRow } from '../../core/domain/appointment.ts'
import type { FollowUpRow } from '../../core/domain/followUp.ts'
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, vi } from 'vitest'
import { visitRow } from './desk.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { settle, type Harness } from './setup.ts'

/** Shared fakes of the appointment and follow-up tests (appointmentsPage, deskAppointments, followUps…). */

/** "Today" of these tests: Sunday 22 November 2026, mid-morning local time (as the reports tests). */
export const TODAY = '2026-11-22'
export const TOMORROW = '2026-11-23'

export function appointmentRow(overrides: Partial<AppointmentRow> = {}): AppointmentRow {
  return {
    id: 1,
    clientId: 11,
    date: TODAY,
    time: '10:30',
    durationMinutes: 60,
    type: 'first',
    consultantId: 1,
    category: 'skin',
    itemIds: [5],
    notes: '',
    status: 'booked',
    cancelReason: '',
    visitId: null,
    version: 1,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    clientName: '林晓雯',
    clientPhone: '13812340001',
    archiveNo: 'DA202600011',
    consultantName: '王静',
    itemNames: ['光子嫩肤（全面部）'],
    lastConfirmation: null,
    ...overrides,
  }
}

export function followUpRow(overrides: Partial<FollowUpRow> = {}): FollowUpRow {
  return {
    id: 1,
    clientId: 11,
    visitId: 3,
    feeSheetId: 4,
    category: 'surgery',
    label: '次日回访',
    dueDate: TODAY,
    status: 'open',
    result: null,
    attempts: 0,
    notes: '',
    doneAt: null,
    doneByName: '',
    version: 1,
    createdAt: '2026-11-21T02:00:00.000Z',
    clientName: '周雨桐',
    clientPhone: '13811116666',
    archiveNo: 'DA202600012',
    consultantName: '李娜',
    overdue: false,
    ...overrides,
  }
}

export function confirmationLine(appointment: AppointmentRow, overrides: Partial<ConfirmationLine> = {}): ConfirmationLine {
  return {
    appointment,
    text: `${appointment.clientName}您好，这里是丽颜医美。您预约了11月23日（周一） ${appointment.time}到店。`,
    calls: [],
    ...overrides,
  }
}

export function checkInResult(appointment: AppointmentRow, queueNo = 'A012'): CheckInResult {
  return {
    appointment: { ...appointment, status: 'checked_in', visitId: 40, version: appointment.version + 1 },
    visit: visitRow({ id: 40, clientId: appointment.clientId, clientName: appointment.clientName, queueNo, consultantId: appointment.consultantId, consultantName: appointment.consultantName, assignedBy: 'designated', status: 'waiting', designatedConsultantId: appointment.consultantId, designatedName: appointment.consultantName }),
    client: { id: appointment.clientId, archiveNo: appointment.archiveNo, name: appointment.clientName, gender: 'female', birthDate: null, phone: appointment.clientPhone, occupation: '', ownConsultantId: null, channel: 'phone', intendedCategory: null, allergies: '', notes: '', maritalStatus: null, address: '', createdAt: '', updatedAt: '' },
    assignRefusal: null,
  }
}

/**
 * The app of these tests: each test runs with the clock at 10:30 of TODAY and what it mounted is unmounted
 * after it. `open` mounts the whole app at a path and lets it settle.
 */
export function useAppAtTen() {
  let wrapper: VueWrapper | undefined
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 10, 22, 10, 30))
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
  return {
    async open(harness: Harness, path: string): Promise<void> {
      ;({ wrapper } = await mountApp(harness, path))
      await settle()
    },
    /** The mounted app; only after `open`. */
    get wrapper(): VueWrapper {
      if (!wrapper) throw new Error('nothing mounted yet')
      return wrapper
    },
  }
}

export const body = () => new DOMWrapper(document.body)
export const byTestId = (testid: string) => body().get(`[data-testid="${testid}"]`)
