import { ElMessage } from 'element-plus'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ConfirmationLine } from '../../../../core/api/appointments.ts'
import type { AppointmentRow, ConfirmationResult } from '../../../../core/domain/appointment.ts'
import { showSuccess } from '../../api/notify.ts'
import { useAppointmentsStore } from '../../stores/appointments.ts'
import { useBusyRow } from '../desk/busyRow.ts'

/** Puts the text of `element` in the selection, for Ctrl+C when the clipboard cannot be written. */
function selectText(element: HTMLElement | null): void {
  if (!element) return
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.selectAllChildren(element)
}

/**
 * The day-before call list (二次确认): each appointment's text to read or send, copied in one click, and the
 * result of each call logged. 改约 opens the change dialog once the call is logged.
 */
export function useConfirmations(date: () => string, openChange: (row: AppointmentRow) => void) {
  const { t } = useI18n()
  const store = useAppointmentsStore()
  const { busyId, busy } = useBusyRow()
  const lines = computed(() => (store.confirmationsFor === JSON.stringify(date()) ? store.confirmationLines : []))
  const loading = computed(() => store.confirmationsLoading && lines.value.length === 0)
  const pending = computed(() => lines.value.filter((l) => l.appointment.lastConfirmation === null || l.appointment.lastConfirmation === 'no_answer').length)

  async function copy(line: ConfirmationLine, element: HTMLElement | null): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(line.text)
      showSuccess(t('appointments.confirm.copied', { name: line.appointment.clientName }))
    } catch {
      selectText(element)
      ElMessage({ type: 'info', message: t('appointments.confirm.copySelected'), duration: 4000, grouping: true })
    }
  }

  async function record(line: ConfirmationLine, result: ConfirmationResult): Promise<void> {
    if (busyId.value !== null) return
    const saved = await busy(line.appointment.id, () => store.recordConfirmation(line.appointment, result))
    if (!saved) return
    showSuccess(t('appointments.confirm.recorded', { name: saved.clientName, result: t(`appointments.confirmation.${result}`) }))
    if (result === 'changed') openChange(saved)
  }

  return { lines, loading, pending, busyId, copy, record }
}
