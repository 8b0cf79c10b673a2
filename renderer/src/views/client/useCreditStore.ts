import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { api } from '../../api/client.ts'
import { showSuccess } from '../../api/notify.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { useClientsStore } from '../../stores/clients.ts'
import { usePartnersStore } from '../../stores/partners.ts'

const FIELDS = ['storeId', 'reason'] as const

/**
 * 计入店家: an administrator credits a visit that arrived unreported to a store, with a reason (DOMAIN.md: never
 * without one). The visit's version guards against a change made meanwhile; the client's record is re-read.
 */
export function useCreditStore(enabled: () => boolean) {
  const { t } = useI18n()
  const partners = usePartnersStore()
  const clients = useClientsStore()
  const visit = ref<VisitRow | null>(null)
  const form = reactive<{ storeId: number | null; reason: string }>({ storeId: null, reason: '' })
  const storeName = (id: number | null) => partners.stores.find((s) => s.id === id)?.name ?? ''
  const { serverErrors: errors, formError, busy: saving, clear, submit: send } = useFormSubmit(
    form,
    FIELDS,
    async (row: VisitRow, storeId: number) => {
      await api.call('visits.creditToStore', { visitId: row.id, expectedVersion: row.version, storeId, reason: form.reason.trim() })
      return { row, storeId }
    },
    ({ row, storeId }) => {
      showSuccess(t('desk.credit.done', { date: row.visitDate, store: storeName(storeId) }))
      visit.value = null
      void clients.open(clients.detailId)
    },
    { aliases: { visitId: 'storeId', expectedVersion: 'storeId' } },
  )
  // The stores name the 店家 column; only an administrator sees it.
  onMounted(() => enabled() && void partners.ensureStores())

  function start(row: VisitRow): void {
    void partners.ensureStores()
    Object.assign(form, { storeId: null, reason: '' })
    clear()
    visit.value = row
  }

  function close(): void {
    visit.value = null
  }

  async function submit(): Promise<void> {
    const row = visit.value
    if (!row || saving.value) return
    clear()
    if (form.storeId === null) errors.storeId = t('desk.credit.storeRequired')
    if (form.reason.trim() === '') errors.reason = t('desk.credit.reasonRequired')
    if (form.storeId === null || errors.reason) return
    await send(row, form.storeId)
  }

  return { visit, close, form, errors, formError, saving, storeName, start, submit }
}

export type CreditStore = ReturnType<typeof useCreditStore>
