import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BoardMemberView, BoardView } from '../../../../core/api/rotation.ts'
import { showSuccess } from '../../api/notify.ts'
import { matchesShortcut, useShortcut } from '../../composables/useShortcut.ts'
import { useRotationStore } from '../../stores/rotation.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { useVisitsStore } from '../../stores/visits.ts'
import { reportDeskError } from './report.ts'
import { firstUnassignedFirstVisit } from './waiting.ts'

export const UNDO_SHORTCUTS = [{ code: 'KeyZ', alt: true }, { code: 'KeyZ', ctrl: true }] as const
export const ASSIGN_NEXT_SHORTCUT = { code: 'KeyA', alt: true } as const

/** The order with one member moved up (-1) or down (+1); null when it cannot move that way. */
export function movedOrder(order: readonly number[], memberId: number, delta: -1 | 1): number[] | null {
  const from = order.indexOf(memberId)
  const to = from + delta
  if (from === -1 || to < 0 || to >= order.length) return null
  const next = [...order]
  next.splice(from, 1)
  next.splice(to, 0, memberId)
  return next
}

const showInfo = (message: string) => ElMessage({ type: 'info', message, grouping: true })
const editing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

/** What the actions need of a board's store: the consultant board's (stores/rotation.ts) or a treatment board's. */
export interface BoardSource {
  readonly board: BoardView | null
  readonly onBoard: BoardMemberView[]
  open(memberIds: number[]): Promise<unknown>
  signIn(memberId: number): Promise<unknown>
  signOut(memberId: number): Promise<unknown>
  breakStart(memberId: number): Promise<unknown>
  breakEnd(memberId: number): Promise<unknown>
  pass(memberId: number): Promise<unknown>
  reorder(order: number[], reason: string): Promise<unknown>
  undo(): Promise<unknown>
}

export interface BoardOptions<S extends BoardSource> {
  /** Default: the consultant board. */
  store?: S
  /** Who may sit on the board. Default: consultants. */
  role?: 'consultant' | 'nurse' | 'doctor'
  /** Whether the undo keys act on this board now (both boards live on the desk, one shown at a time). */
  keysActive?: () => boolean
}

/** A board's actions: each one click or one key, with the confirmations rules ask for. */
export function useBoard<S extends BoardSource = ReturnType<typeof useRotationStore>>(options: BoardOptions<S> = {}) {
  const { t } = useI18n()
  const rotation = (options.store ?? useRotationStore()) as S
  const role = options.role ?? 'consultant'
  const keysActive = options.keysActive ?? (() => true)
  const visits = useVisitsStore()
  const staff = useStaffStore()
  const busy = ref(false)

  const consultants = computed(() => staff.active.filter((s) => s.role === role))
  /** Active members of the role who are not on the board now (late arrivals, or signed out earlier today). */
  const canSignIn = computed(() => consultants.value.filter((s) => !rotation.onBoard.some((m) => m.id === s.id)))
  const nextWaiting = computed(() => firstUnassignedFirstVisit(visits.waiting))

  async function act(run: () => Promise<unknown>, done?: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      await run()
      if (done) showSuccess(done)
      return true
    } catch (error) {
      reportDeskError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  const open = (ids: number[]) =>
    act(() => rotation.open(ids), t(role === 'consultant' ? 'desk.board.opened' : `desk.${role}.opened`, { names: ids.map((id) => staff.all.find((s) => s.id === id)?.name ?? id).join('、') }))
  const signIn = (id: number) => act(() => rotation.signIn(id), t('desk.board.signedIn', { name: staff.all.find((s) => s.id === id)?.name ?? '' }))
  const signOut = (m: BoardMemberView) => act(() => rotation.signOut(m.id), t('desk.board.signedOut', { name: m.name }))
  const breakStart = (m: BoardMemberView) => act(() => rotation.breakStart(m.id), t('desk.board.breakStarted', { name: m.name }))
  const breakEnd = (m: BoardMemberView) => act(() => rotation.breakEnd(m.id), t('desk.board.breakEnded', { name: m.name }))
  const pass = (m: BoardMemberView) => act(() => rotation.pass(m.id), t('desk.board.passed', { name: m.name }))

  async function move(m: BoardMemberView, delta: -1 | 1): Promise<void> {
    const order = movedOrder(rotation.onBoard.map((x) => x.id), m.id, delta)
    if (!order) return
    const names = order.map((id) => rotation.onBoard.find((x) => x.id === id)?.name ?? '').join(' → ')
    let reason: string
    try {
      const answer = await ElMessageBox.prompt(t('desk.board.reorderPrompt', { order: names }), t('desk.board.reorderTitle'), {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('desk.board.reorderReason'),
        inputValidator: (v: string) => (v ?? '').trim() !== '' || t('desk.manual.reasonRequired'),
      })
      reason = (answer as { value: string }).value.trim()
    } catch {
      return
    }
    await act(() => rotation.reorder(order, reason), t('desk.board.reordered'))
  }

  async function undo(): Promise<void> {
    const target = rotation.board?.undoable
    if (!target) {
      showInfo(t('desk.board.undoNothing'))
      return
    }
    const what = t(`desk.board.event.${target.type}`)
    try {
      await ElMessageBox.confirm(t('desk.board.undoConfirm', { seq: target.seq, what }), t('desk.board.undoTitle'), {
        type: 'warning',
        confirmButtonText: t('desk.board.undo'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    await act(() => rotation.undo(), t('desk.board.undone', { what }))
  }

  async function assignNext(): Promise<void> {
    const visit = nextWaiting.value
    if (!visit) {
      showInfo(t('desk.board.assignNextNone'))
      return
    }
    await act(async () => {
      const row = await visits.assign(visit)
      showSuccess(t('desk.actions.assigned', { queueNo: row.queueNo, name: row.consultantName ?? '' }))
    })
  }

  useShortcut(UNDO_SHORTCUTS[0], () => {
    if (keysActive()) void undo()
  })
  if (role === 'consultant') useShortcut(ASSIGN_NEXT_SHORTCUT, () => void assignNext())
  // Ctrl+Z stays the text fields' own undo while typing in one.
  const ctrlZ = (event: KeyboardEvent) => {
    if (!keysActive() || !matchesShortcut(event, UNDO_SHORTCUTS[1]) || editing(event.target) || document.querySelector('.el-overlay:not([style*="display: none"])')) return
    event.preventDefault()
    void undo()
  }
  onMounted(() => window.addEventListener('keydown', ctrlZ))
  onBeforeUnmount(() => window.removeEventListener('keydown', ctrlZ))

  return { rotation, busy, consultants, canSignIn, nextWaiting, act, open, signIn, signOut, breakStart, breakEnd, pass, move, undo, assignNext }
}
