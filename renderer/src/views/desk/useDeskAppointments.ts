import { computed, nextTick, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isOpenAppointment } from '../../../../core/domain/appointment.ts'
import type { FollowUpResult, FollowUpRow } from '../../../../core/domain/followUp.ts'
import { showSuccess } from '../../api/notify.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useAppointmentsStore } from '../../stores/appointments.ts'
import { useFollowUpsStore } from '../../stores/followUps.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useAppointmentActions } from '../appointments/useAppointmentActions.ts'
import { reportDeskError } from './report.ts'

export type DeskScheduleTab = 'today' | 'tomorrow' | 'followUps'
export const SCHEDULE_SHORTCUT = { code: 'KeyY', alt: true } as const

/**
 * The desk's panel of the day's schedule: today's appointments (checked in here in one action), tomorrow's
 * (with how their confirmation went), and the follow-up calls due today or overdue.
 */
export function useDeskAppointments(focusPanel: () => void) {
  const { t } = useI18n()
  const appointments = useAppointmentsStore()
  const followUps = useFollowUpsStore()
  const session = useSessionStore()
  const tab = ref<DeskScheduleTab>('today')
  // Changing or cancelling is the appointments page's work; the desk checks in.
  const actions = useAppointmentActions(() => {})
  const canAct = computed(() => session.may('desk'))
  const recordFor = ref<FollowUpRow | null>(null)
  const openToday = computed(() => appointments.today.filter((a) => isOpenAppointment(a.status)).length)
  const openCalls = computed(() => followUps.due.filter((c) => c.status === 'open'))
  const overdueCount = computed(() => openCalls.value.filter((c) => c.overdue).length)
  /** Overdue calls first (oldest first), then today's. */
  const calls = computed(() =>
    [...followUps.due].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id),
  )
  const unconfirmed = computed(() => appointments.tomorrow.filter((a) => isOpenAppointment(a.status) && a.status !== 'confirmed').length)

  async function record(result: FollowUpResult, notes: string, satisfaction: number | null = null): Promise<boolean> {
    const call = recordFor.value
    if (!call) return false
    try {
      const saved = await followUps.record(call, result, notes, satisfaction)
      showSuccess(t('followUps.recorded', { name: saved.clientName, result: t(`followUps.result.${result}`) }))
      return true
    } catch (error) {
      reportDeskError(error)
      return false
    }
  }

  useShortcut(SCHEDULE_SHORTCUT, () => {
    const order: DeskScheduleTab[] = ['today', 'tomorrow', 'followUps']
    tab.value = order[(order.indexOf(tab.value) + 1) % order.length] ?? 'today'
    void nextTick(focusPanel)
  })

  onMounted(() => {
    void appointments.ensureDesk()
    void followUps.ensureLoaded()
  })

  return { appointments, followUps, tab, canAct, openToday, openCalls, overdueCount, calls, unconfirmed, recordFor, record, ...actions }
}
