import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { showSuccess } from '../../api/notify.ts'
import { useNurseBoardStore } from './nurseBoardStore.ts'
import { reportDeskError } from './report.ts'

const warn = (message: string) => ElMessage({ type: 'warning', message, grouping: true, showClose: true })

/** 交给护士: one click hands a paid visit to the next free nurse of today's nurse board. */
export function useNurseHandOver() {
  const { t } = useI18n()
  const nurses = useNurseBoardStore()
  const busyId = ref<number | null>(null)

  /** Paid today, not handed to a nurse yet, and still here. */
  const canHandOver = (v: VisitRow) =>
    nurses.paidVisitIds.has(v.id) && !nurses.handOverOf.has(v.id) && v.status !== 'left' && v.status !== 'cancelled'

  async function handOver(visit: VisitRow): Promise<boolean> {
    if (busyId.value !== null) return false
    // Said at once, without a round trip; the main process checks again (skills, another window).
    if (!nurses.board?.opened) {
      warn(t('desk.nurse.notOpenYet'))
      return false
    }
    if (nurses.board.nextMemberId === null) {
      warn(t('desk.nurse.noneFree'))
      return false
    }
    busyId.value = visit.id
    try {
      const done = await nurses.handOver(visit.id)
      showSuccess(t('desk.nurse.handedOk', { queueNo: done.queueNo, name: done.nurseName }))
      return true
    } catch (error) {
      reportDeskError(error)
      return false
    } finally {
      busyId.value = null
    }
  }

  return { nurses, busyId, canHandOver, handOver }
}
