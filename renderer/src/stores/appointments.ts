import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CheckInResult, ConfirmationLine } from '../../../core/api/appointments.ts'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { AppointmentRow, ConfirmationResult } from '../../../core/domain/appointment.ts'
import { addDays, localDateOf } from '../../../core/domain/dates.ts'
import { api, ApiCallError } from '../api/client.ts'
import { liveResource } from './liveResource.ts'
import { paramResource } from './paramResource.ts'

export type BookInput = MethodInput<'appointments.book'>
export type ChangeInput = MethodInput<'appointments.change'>

export interface AppointmentRange {
  from: string
  to: string
  consultantId?: number
}

const TOPICS = ['appointments', 'clients', 'staff'] as const

/** The day after `day` (YYYY-MM-DD), worked out on the calendar alone. */
export const nextDay = (day: string): string => addDays(day, 1)

const byWhen = (a: AppointmentRow, b: AppointmentRow) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.id - b.id

/** Puts a written appointment into a list at once, where it belongs (the change event re-reads it after). */
function upsert(rows: AppointmentRow[], row: AppointmentRow, belongs: boolean): AppointmentRow[] {
  const others = rows.filter((r) => r.id !== row.id)
  return belongs ? [...others, row].sort(byWhen) : others
}

/**
 * Appointments (预约): today's and tomorrow's for the desk, the range a page shows (a day or a week), and the
 * day-before call list. Every write passes the appointment's version; a conflict re-reads what is shown
 * before it is rethrown, so the caller can tell the operator and the lists already show the latest state.
 */
export const useAppointmentsStore = defineStore('appointments', () => {
  /** The desk's two days, from the day they were read. */
  const deskDay = ref(localDateOf(new Date()))
  const desk = liveResource<AppointmentRow[]>(
    [],
    () => {
      deskDay.value = localDateOf(new Date())
      return api.call('appointments.list', { from: deskDay.value, to: nextDay(deskDay.value) })
    },
    TOPICS,
  )
  const today = computed(() => desk.value.value.filter((a) => a.date === deskDay.value).sort(byWhen))
  const tomorrow = computed(() => desk.value.value.filter((a) => a.date === nextDay(deskDay.value)).sort(byWhen))

  const range = paramResource<AppointmentRange, AppointmentRow[]>([], (p) => api.call('appointments.list', { ...p, includeClosed: true }), TOPICS)
  const confirmations = paramResource<string, ConfirmationLine[]>([], (date) => api.call('appointments.confirmations', { date }), [...TOPICS, 'settings'])

  function put(row: AppointmentRow): void {
    desk.value.value = upsert(desk.value.value, row, row.date === deskDay.value || row.date === nextDay(deskDay.value))
    const p = range.params.value
    if (p) range.value.value = upsert(range.value.value, row, row.date >= p.from && row.date <= p.to && (p.consultantId === undefined || row.consultantId === p.consultantId))
    confirmations.value.value = confirmations.value.value.map((line) => (line.appointment.id === row.id ? { ...line, appointment: row } : line))
  }

  /** Runs a write; on a version conflict re-reads what is shown, then rethrows for the caller to report. */
  async function write<R>(run: () => Promise<R>, rowOf: (result: R) => AppointmentRow): Promise<R> {
    try {
      const result = await run()
      put(rowOf(result))
      return result
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') await Promise.all([desk.loaded.value ? desk.load() : undefined, range.reload(), confirmations.reload()])
      throw error
    }
  }

  const same = (row: AppointmentRow) => row

  function book(input: BookInput): Promise<AppointmentRow> {
    return write(() => api.call('appointments.book', input), same)
  }

  function change(input: ChangeInput): Promise<AppointmentRow> {
    return write(() => api.call('appointments.change', input), same)
  }

  function cancel(row: AppointmentRow, reason: string): Promise<AppointmentRow> {
    return write(() => api.call('appointments.cancel', { id: row.id, expectedVersion: row.version, reason }), same)
  }

  function markNoShow(row: AppointmentRow): Promise<AppointmentRow> {
    return write(() => api.call('appointments.markNoShow', { id: row.id, expectedVersion: row.version }), same)
  }

  /** The arrival registered in one action: a visit with the appointment's consultant designated, and its queue number. */
  function checkIn(row: AppointmentRow): Promise<CheckInResult> {
    return write(() => api.call('appointments.checkIn', { id: row.id, expectedVersion: row.version, assign: true }), (r) => r.appointment)
  }

  /** Logs a confirmation call; the call list is re-read for the call's time and who made it. */
  async function recordConfirmation(row: AppointmentRow, result: ConfirmationResult, note = ''): Promise<AppointmentRow> {
    const saved = await write(() => api.call('appointments.recordConfirmation', { id: row.id, expectedVersion: row.version, result, note }), same)
    await confirmations.reload()
    return saved
  }

  function init(): void {
    desk.init()
    range.init()
    confirmations.init()
  }

  return {
    deskDay,
    deskRows: desk.value,
    deskLoaded: desk.loaded,
    ensureDesk: desk.ensureLoaded,
    today,
    tomorrow,
    rangeRows: range.value,
    rangeFor: range.loadedFor,
    rangeLoading: range.loading,
    loadRange: range.load,
    attachRange: range.attach,
    confirmationLines: confirmations.value,
    confirmationsFor: confirmations.loadedFor,
    confirmationsLoading: confirmations.loading,
    loadConfirmations: confirmations.load,
    attachConfirmations: confirmations.attach,
    init,
    book,
    change,
    cancel,
    markNoShow,
    checkIn,
    recordConfirmation,
  }
})
