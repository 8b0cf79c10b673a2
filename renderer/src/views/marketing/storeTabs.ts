import { ref, type Ref } from 'vue'
import type { PartnerStore } from '../../../../core/domain/partnerStore.ts'

/**
 * Which store dialog a tab has open: the store form (new when `editing` is null), the hand-over, or its
 * history. The stores and the reminders tab open the same dialogs.
 */
export function useStoreDialogs() {
  const formOpen = ref(false)
  const editing = ref<PartnerStore | null>(null)
  const reassignOpen = ref(false)
  const historyOnly = ref(false)
  const target = ref<PartnerStore | null>(null)

  function openCreate(): void {
    editing.value = null
    formOpen.value = true
  }
  function openEdit(store: PartnerStore): void {
    editing.value = store
    formOpen.value = true
  }
  function openReassign(store: PartnerStore, onlyHistory = false): void {
    target.value = store
    historyOnly.value = onlyHistory
    reassignOpen.value = true
  }
  return { formOpen, editing, reassignOpen, historyOnly, target, openCreate, openEdit, openReassign }
}

/** Whether the element sits in a tab pane that is shown (a lazy pane stays mounted, hidden, after a switch). */
export function inShownPane(root: Ref<HTMLElement | undefined>): boolean {
  const pane = root.value?.closest<HTMLElement>('.el-tab-pane')
  return !pane || pane.style.display !== 'none'
}
