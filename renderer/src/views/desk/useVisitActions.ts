import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { maskName } from '../../../../core/domain/mask.ts'
import type { Outcome, VisitRow } from '../../../../core/domain/visit.ts'
import { showSuccess } from '../../api/notify.ts'
import { useVisitsStore } from '../../stores/visits.ts'
import { confirmWarning, useBusyRow } from './busyRow.ts'
import { STATUS_OF, type VisitAction } from './visitActions.ts'

/**
 * Runs the desk's actions on a visit. A version conflict (another window changed the visit) has already
 * re-read the list in the store; the operator is told so, and acts again on what they now see.
 */
export function useVisitActions() {
  const { t } = useI18n()
  const visits = useVisitsStore()
  const manualFor = ref<VisitRow | null>(null)
  const outcomeFor = ref<VisitRow | null>(null)
  const { busyId, busy: busyWith } = useBusyRow()

  const busy = <T>(visit: VisitRow, run: () => Promise<T>) => busyWith(visit.id, run)

  function confirmEnd(visit: VisitRow, action: 'left' | 'cancel'): Promise<boolean> {
    const key = action === 'left' ? 'Left' : 'Cancel'
    return confirmWarning(t(`desk.actions.confirm${key}`, { queueNo: visit.queueNo, name: maskName(visit.clientName) }), t(`desk.actions.confirm${key}Title`), {
      confirm: t('common.confirm'),
      cancel: t('common.cancel'),
    })
  }

  async function run(action: VisitAction, visit: VisitRow): Promise<void> {
    if (action === 'assignManual') {
      manualFor.value = visit
      return
    }
    if (action === 'outcome') {
      outcomeFor.value = visit
      return
    }
    if (action === 'assign') {
      const row = await busy(visit, () => visits.assign(visit))
      if (row) showSuccess(t('desk.actions.assigned', { queueNo: row.queueNo, name: row.consultantName ?? '' }))
      return
    }
    if (action === 'call' || action === 'recall' || action === 'skip') {
      const row = await busy(visit, () => visits[action](visit))
      const done = { call: 'called', recall: 'recalled', skip: 'skipped' } as const
      if (row) showSuccess(t(`desk.actions.${done[action]}`, { queueNo: row.queueNo }))
      return
    }
    const status = STATUS_OF[action]
    if (!status) return
    if ((action === 'left' || action === 'cancel') && !(await confirmEnd(visit, action))) return
    const row = await busy(visit, () => visits.setStatus(visit, status))
    if (row) showSuccess(t('desk.actions.statusSet', { queueNo: row.queueNo, status: t(`visit.status.${row.status}`) }))
  }

  /** From the manual-assignment dialog; true when done (the dialog closes). */
  async function assignManually(memberId: number, reason: string): Promise<boolean> {
    const visit = manualFor.value
    if (!visit) return false
    const row = await busy(visit, () => visits.assign(visit, { memberId, reason }))
    if (!row) return false
    showSuccess(t('desk.actions.assigned', { queueNo: row.queueNo, name: row.consultantName ?? '' }))
    return true
  }

  async function recordOutcome(outcome: Outcome, reason: string): Promise<boolean> {
    const visit = outcomeFor.value
    if (!visit) return false
    const row = await busy(visit, () => visits.setOutcome(visit, outcome, reason))
    if (!row) return false
    showSuccess(t('desk.actions.outcomeSet', { queueNo: row.queueNo, outcome: t(`visit.outcome.${outcome}`) }))
    return true
  }

  return { manualFor, outcomeFor, busyId, run, assignManually, recordOutcome }
}
