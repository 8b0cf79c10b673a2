import { useI18n } from 'vue-i18n'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { useBoardHandOver } from './useBoardHandOver.ts'
import { useDoctorBoardStore } from './nurseBoardStore.ts'

/** 请医生: one click hands a consulting visit to the next free doctor of today's doctor board (专家面诊). */
export function useDoctorHandOver() {
  const { t } = useI18n()
  const doctors = useDoctorBoardStore()

  /** In consultation, and not seen by a doctor of the board today (the board gives a visit one doctor a day). */
  const canHandOver = (v: VisitRow) => v.status === 'consulting' && !doctors.handOverOf.has(v.id)

  const { busyId, handOver } = useBoardHandOver(doctors, () => ({
    notOpen: t('desk.doctor.notOpenYet'),
    noneFree: t('desk.doctor.noneFree'),
    handed: (done) => t('desk.doctor.handedOk', { queueNo: done.queueNo, name: done.doctorName }),
  }))

  return { doctors, busyId, canHandOver, handOver }
}
