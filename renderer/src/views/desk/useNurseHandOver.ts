import { useI18n } from 'vue-i18n'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { useBoardHandOver } from './useBoardHandOver.ts'
import { useNurseBoardStore } from './nurseBoardStore.ts'

/** 交给护士: one click hands a paid visit to the next free nurse of today's nurse board. */
export function useNurseHandOver() {
  const { t } = useI18n()
  const nurses = useNurseBoardStore()

  /** Paid today, not handed to a nurse yet, and still here. */
  const canHandOver = (v: VisitRow) =>
    nurses.paidVisitIds.has(v.id) && !nurses.handOverOf.has(v.id) && v.status !== 'left' && v.status !== 'cancelled'

  const { busyId, handOver } = useBoardHandOver(nurses, () => ({
    notOpen: t('desk.nurse.notOpenYet'),
    noneFree: t('desk.nurse.noneFree'),
    handed: (done) => t('desk.nurse.handedOk', { queueNo: done.queueNo, name: done.nurseName }),
  }))

  return { nurses, busyId, canHandOver, handOver }
}
