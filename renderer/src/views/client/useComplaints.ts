import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Complaint } from '../../../../core/domain/complaint.ts'
import { showSuccess } from '../../api/notify.ts'
import { useComplaintsStore } from '../../stores/complaints.ts'
import { useSessionStore } from '../../stores/session.ts'

/** The client page's complaints (投诉): the list kept fresh while shown, the open count, and the three dialogs. */
export function useComplaints(clientId: Ref<number | null>) {
  const { t } = useI18n()
  const store = useComplaintsStore()
  const session = useSessionStore()
  const canAct = computed(() => session.may('desk'))
  const openCount = computed(() => store.complaints.filter((c) => c.status === 'open').length)
  const creating = ref(false)
  // Ids, so a dialog shows the store's complaint as re-read after a conflict or a change elsewhere.
  const noteFor = ref<{ id: number; mode: 'step' | 'close' } | null>(null)
  const noteComplaint = computed(() => store.complaints.find((c) => c.id === noteFor.value?.id) ?? null)

  function created(c: Complaint): void {
    creating.value = false
    showSuccess(t('complaints.create.done', { name: c.clientName }))
  }

  async function saveNote(c: Complaint, text: string): Promise<void> {
    if (noteFor.value?.mode === 'close') {
      await store.close(c, text)
      showSuccess(t('complaints.closeDialog.done'))
    } else {
      await store.addStep(c, text)
      showSuccess(t('complaints.step.done'))
    }
  }

  const startStep = (c: Complaint) => (noteFor.value = { id: c.id, mode: 'step' })
  const startClose = (c: Complaint) => (noteFor.value = { id: c.id, mode: 'close' })

  function open(id: number | null): void {
    if (id !== null) void store.open(id)
  }
  watch(clientId, open)
  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    open(clientId.value)
  })
  onBeforeUnmount(() => detach?.())

  return { store, canAct, openCount, creating, noteFor, noteComplaint, created, saveNote, startStep, startClose }
}
