import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { useVisitDetailStore } from '../../stores/visitDetail.ts'

/** Not yet with the consultant, or never: assistance is asked during or after the consultation. */
const NOT_CONSULTED: readonly VisitRow['status'][] = ['waiting', 'called', 'cancelled']

/**
 * The partner store of the visit on the consultation page, with the salesperson's hand-over notes, and
 * 协助过单: the button shows for a partner client's first visit without a deal and not yet assisted
 * (main checks the rest: the supervisor set, not the visit's own consultant).
 */
export function usePartnerHandover(visitId: Ref<number | null>) {
  const { t } = useI18n()
  const store = useVisitDetailStore()
  const busy = ref(false)
  const detail = computed(() => (store.detail && store.detail.visit.id === visitId.value ? store.detail : null))
  const canRequest = computed(() => {
    const visit = detail.value?.visit
    if (!visit || detail.value?.partner === null) return false
    return visit.type === 'first' && visit.outcome !== 'deal' && visit.assistConsultantId === null && !NOT_CONSULTED.includes(visit.status)
  })

  async function requestAssistance(): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      await store.requestAssistance()
      showSuccess(t('consultation.partner.requested', { name: store.detail?.visit.assistConsultantName ?? '' }))
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  watch(visitId, (id) => {
    if (id !== null) void store.open(id)
  })
  onMounted(() => {
    if (visitId.value !== null) void store.open(visitId.value)
  })
  return { detail, canRequest, busy, requestAssistance }
}
