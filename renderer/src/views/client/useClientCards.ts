import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DeductionResult } from '../../../../core/api/cards.ts'
import type { CardDeduction, TreatmentCard } from '../../../../core/domain/treatmentCard.ts'
import { showSuccess } from '../../api/notify.ts'
import { freshSlip, reprintSlip, type DeductionSlip } from '../../components/cards/slip.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useCardsStore } from '../../stores/cards.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useSettingsStore } from '../../stores/settings.ts'

/**
 * The client page's treatment cards: the list, kept fresh while shown; the 划扣 dialog of one card; its
 * history; and the slip of a deduction, opened in the print preview as soon as the deduction is made.
 */
export function useClientCards(clientId: Ref<number | null>, archiveNo: Ref<string>) {
  const { t } = useI18n()
  const store = useCardsStore()
  const session = useSessionStore()
  const settings = useSettingsStore()
  const canTreat = computed(() => session.may('treat'))
  const canUndo = computed(() => session.may('admin'))
  const clinicName = computed(() => settings.clinicName)

  // Ids, so the dialogs show the store's card as re-read after a conflict or a change elsewhere.
  const deductingId = ref<number | null>(null)
  const deducting = computed(() => store.cards.find((c) => c.id === deductingId.value) ?? null)
  const historyOpen = ref(false)
  const slip = ref<DeductionSlip | null>(null)
  const slipOpen = ref(false)

  function startDeduct(card: TreatmentCard): void {
    deductingId.value = card.id
  }

  async function showSlip(next: DeductionSlip): Promise<void> {
    slip.value = next
    await nextTick()
    slipOpen.value = true
  }

  function deducted(result: DeductionResult): void {
    deductingId.value = null
    showSuccess(t('cards.dialog.done', { name: result.card.name, n: result.deduction.sessionNo, left: result.card.sessionsLeft }))
    void showSlip(freshSlip(result.card, result.deduction, archiveNo.value))
  }

  function openHistory(card: TreatmentCard): void {
    historyOpen.value = true
    void store.openDetail(card.id)
  }

  function reprint(deduction: CardDeduction): void {
    const detail = store.detail
    if (detail) void showSlip(reprintSlip(detail.card, deduction, detail.deductions, archiveNo.value))
  }

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
  // The slip prints while the client page is open (also after its preview is closed), unless a sheet opened later does.
  usePrintSheet()

  return { store, canTreat, canUndo, clinicName, deducting, deductingId, historyOpen, slip, slipOpen, startDeduct, deducted, openHistory, reprint }
}
