import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { BoardView } from '../../../core/api/rotation.ts'
import { api } from '../api/client.ts'
import { liveResource } from './liveResource.ts'

/**
 * Today's consultant board (轮牌). The main process owns it; this store shows what it last read and
 * re-reads on every 'rotation' change. Actions throw ApiCallError for the caller to report.
 */
export const useRotationStore = defineStore('rotation', () => {
  const { value: board, loaded, loading, load, init, ensureLoaded } = liveResource<BoardView | null>(null, () => api.call('rotation.board', { kind: 'consultant' }), ['rotation', 'visits'])
  const onBoard = computed(() => board.value?.members.filter((m) => m.position !== null) ?? [])
  const signedOut = computed(() => board.value?.members.filter((m) => m.position === null) ?? [])
  const next = computed(() => onBoard.value.find((m) => m.id === board.value?.nextMemberId) ?? null)

  async function apply(call: Promise<BoardView>): Promise<BoardView> {
    board.value = await call
    return board.value
  }

  const kind = 'consultant' as const
  return {
    board,
    loaded,
    loading,
    onBoard,
    signedOut,
    next,
    init,
    load,
    ensureLoaded,
    open: (memberIds: number[]) => apply(api.call('rotation.open', { kind, memberIds })),
    signIn: (memberId: number) => apply(api.call('rotation.signIn', { kind, memberId })),
    signOut: (memberId: number) => apply(api.call('rotation.signOut', { kind, memberId })),
    breakStart: (memberId: number) => apply(api.call('rotation.breakStart', { kind, memberId })),
    breakEnd: (memberId: number) => apply(api.call('rotation.breakEnd', { kind, memberId })),
    pass: (memberId: number) => apply(api.call('rotation.pass', { kind, memberId })),
    reorder: (order: number[], reason: string) => apply(api.call('rotation.reorder', { kind, order, reason })),
    undo: () => apply(api.call('rotation.undo', { kind })),
  }
})
