import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CheckInResult } from '../../../../core/api/appointments.ts'
import { isOpenAppointment, type AppointmentRow } from '../../../../core/domain/appointment.ts'
import { localDateOf, localTimeOf } from '../../../../core/domain/dates.ts'
import { showSuccess } from '../../api/notify.ts'
import { useTicketPrinter } from '../../composables/useTicketPrinter.ts'
import { useAppointmentsStore } from '../../stores/appointments.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { confirmWarning, useBusyRow } from '../desk/busyRow.ts'

export type AppointmentAction = 'checkIn' | 'change' | 'cancel' | 'noShow'

/** What can be done to an appointment now: arrivals only on its day, a no-show once its time has come. */
export function actionsFor(row: AppointmentRow, today = localDateOf(new Date()), now = localTimeOf(new Date())): AppointmentAction[] {
  if (!isOpenAppointment(row.status)) return []
  const actions: AppointmentAction[] = []
  if (row.date === today) actions.push('checkIn')
  actions.push('change', 'cancel')
  if (row.date < today || (row.date === today && row.time <= now)) actions.push('noShow')
  return actions
}

/**
 * The desk's actions on an appointment: check-in (the queue number it got is kept to show), cancel with a
 * reason, no-show after a confirmation. A change opens the booking dialog (the caller's `openChange`).
 */
export function useAppointmentActions(openChange: (row: AppointmentRow) => void) {
  const { t } = useI18n()
  const store = useAppointmentsStore()
  const settings = useSettingsStore()
  const { print } = useTicketPrinter()
  const { busyId, busy: busyWith } = useBusyRow()
  const cancelFor = ref<AppointmentRow | null>(null)
  /** The last check-in: its queue number is shown until the next one. */
  const checkedIn = ref<CheckInResult | null>(null)

  const busy = <T>(row: AppointmentRow, run: () => Promise<T>) => busyWith(row.id, run)

  const confirmNoShow = (row: AppointmentRow) =>
    confirmWarning(t('appointments.actions.confirmNoShow', { name: row.clientName, date: row.date, time: row.time }), t('appointments.actions.confirmNoShowTitle'), {
      confirm: t('appointments.actions.noShow'),
      cancel: t('common.cancel'),
    })

  async function run(action: AppointmentAction, row: AppointmentRow): Promise<void> {
    if (action === 'change') return openChange(row)
    if (action === 'cancel') {
      cancelFor.value = row
      return
    }
    if (action === 'noShow') {
      if (!(await confirmNoShow(row))) return
      const saved = await busy(row, () => store.markNoShow(row))
      if (saved) showSuccess(t('appointments.actions.noShowSet', { name: saved.clientName }))
      return
    }
    const result = await busy(row, () => store.checkIn(row))
    if (!result) return
    checkedIn.value = result
    showSuccess(t('appointments.actions.checkedIn', { name: result.client.name, queueNo: result.visit.queueNo }))
    if (settings.settings.printTicketOnRegister) void print(result.visit.id)
  }

  /** From the cancel dialog; true when done (the dialog closes). */
  async function cancel(reason: string): Promise<boolean> {
    const row = cancelFor.value
    if (!row) return false
    const saved = await busy(row, () => store.cancel(row, reason))
    if (!saved) return false
    showSuccess(t('appointments.actions.cancelled', { name: saved.clientName }))
    return true
  }

  return { busyId, cancelFor, checkedIn, run, cancel }
}
