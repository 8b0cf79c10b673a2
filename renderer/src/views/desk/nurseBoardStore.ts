import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { BoardView, DoctorHandOver, NurseHandOver } from '../../../../core/api/rotation.ts'
import type { FeeSheetSummary } from '../../../../core/domain/feeSheet.ts'
import { api } from '../../api/client.ts'
import { liveResource } from '../../stores/liveResource.ts'

/** The boards of treatment staff: 护士轮牌 and 医生轮牌. */
export type TreatmentBoardKind = 'nurse' | 'doctor'

/** Today's board of one kind, as the main process last said, re-read on every change, with its actions. */
function treatmentBoard(kind: TreatmentBoardKind) {
  const boardResource = liveResource<BoardView | null>(null, () => api.call('rotation.board', { kind }), ['rotation', 'visits'])
  const board = boardResource.value
  const onBoard = computed(() => board.value?.members.filter((m) => m.position !== null) ?? [])
  const signedOut = computed(() => board.value?.members.filter((m) => m.position === null) ?? [])
  const next = computed(() => onBoard.value.find((m) => m.id === board.value?.nextMemberId) ?? null)
  /** The latest assignment of each visit on today's board. */
  const handOverOf = computed(() => new Map((board.value?.assignments ?? []).map((a) => [a.visitId, a])))

  async function apply(call: Promise<BoardView>): Promise<BoardView> {
    board.value = await call
    return board.value
  }

  return {
    boardResource,
    board,
    loaded: boardResource.loaded,
    onBoard,
    signedOut,
    next,
    handOverOf,
    load: boardResource.load,
    open: (memberIds: number[]) => apply(api.call('rotation.open', { kind, memberIds })),
    signIn: (memberId: number) => apply(api.call('rotation.signIn', { kind, memberId })),
    signOut: (memberId: number) => apply(api.call('rotation.signOut', { kind, memberId })),
    breakStart: (memberId: number) => apply(api.call('rotation.breakStart', { kind, memberId })),
    breakEnd: (memberId: number) => apply(api.call('rotation.breakEnd', { kind, memberId })),
    pass: (memberId: number) => apply(api.call('rotation.pass', { kind, memberId })),
    reorder: (order: number[], reason: string) => apply(api.call('rotation.reorder', { kind, order, reason })),
    undo: () => apply(api.call('rotation.undo', { kind })),
    finish: (visitId: number) => apply(api.call('rotation.finish', { kind, visitId })),
    /** 叫号: the visit the member serves goes to the waiting-room display with the member's room. */
    call: (visitId: number) => api.call('queue.callMember', { kind, visitId }),
  }
}

/**
 * Today's nurse board (护士轮牌) and the paid fee sheets of the day, for the hand-over after payment
 * (交给护士). Like the consultant board's store, it shows what the main process last said and re-reads on
 * every change; it is read only while the desk shows the nurse board or a hand-over button.
 */
export const useNurseBoardStore = defineStore('nurseBoard', () => {
  const { boardResource, ...rest } = treatmentBoard('nurse')
  const sheets = liveResource<FeeSheetSummary[]>([], () => api.call('fees.list', {}), ['fees'])
  /** Visits with a paid fee sheet today. */
  const paidVisitIds = computed(() => new Set(sheets.value.value.filter((s) => s.status === 'paid').map((s) => s.visitId)))

  async function ensureLoaded(): Promise<void> {
    await Promise.all([boardResource.ensureLoaded(), sheets.ensureLoaded()])
  }

  async function handOver(visitId: number): Promise<NurseHandOver> {
    const result = await api.call('rotation.handToNurse', { visitId })
    rest.board.value = result.board
    return result
  }

  return { ...rest, paidVisitIds, ensureLoaded, handOver }
})

/** Today's doctor board (医生轮牌): the same board and actions, and 请医生 for a consulting visit. */
export const useDoctorBoardStore = defineStore('doctorBoard', () => {
  const { boardResource, ...rest } = treatmentBoard('doctor')

  async function handOver(visitId: number): Promise<DoctorHandOver> {
    const result = await api.call('rotation.handToDoctor', { visitId })
    rest.board.value = result.board
    return result
  }

  return { ...rest, ensureLoaded: () => boardResource.ensureLoaded(), handOver }
})

/** The store of a treatment board's kind. */
export const useTreatmentBoardStore = (kind: TreatmentBoardKind) => (kind === 'nurse' ? useNurseBoardStore() : useDoctorBoardStore())
