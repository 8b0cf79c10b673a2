import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import type { BoardView } from '../../../../core/api/rotation.ts'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { showSuccess } from '../../api/notify.ts'
import { reportDeskError } from './report.ts'

const warn = (message: string) => ElMessage({ type: 'warning', message, grouping: true, showClose: true })

/** What a board store offers a one-click hand-over: its board and the call that hands a visit over. */
interface HandOverBoard<Done> {
  board: BoardView | null
  handOver(visitId: number): Promise<Done>
}

interface HandOverTexts<Done> {
  notOpen: string
  noneFree: string
  handed(done: Done): string
}

/**
 * One click hands a visit to the next free member of a board (交给护士, 请医生). The board's own state is checked
 * at once, without a round trip; the main process checks again (skills, another window).
 */
export function useBoardHandOver<Done>(store: HandOverBoard<Done>, texts: () => HandOverTexts<Done>) {
  const busyId = ref<number | null>(null)

  async function handOver(visit: VisitRow): Promise<boolean> {
    if (busyId.value !== null) return false
    const said = texts()
    if (!store.board?.opened) {
      warn(said.notOpen)
      return false
    }
    if (store.board.nextMemberId === null) {
      warn(said.noneFree)
      return false
    }
    busyId.value = visit.id
    try {
      showSuccess(said.handed(await store.handOver(visit.id)))
      return true
    } catch (error) {
      reportDeskError(error)
      return false
    } finally {
      busyId.value = null
    }
  }

  return { busyId, handOver }
}
