import { computed, reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import type { HandoverNotes } from '../../../../core/domain/partnerStore.ts'
import { isValidPhone } from '../../../../core/domain/phone.ts'
import { ApiCallError } from '../../api/client.ts'
import { showSuccess } from '../../api/notify.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { usePartnersStore } from '../../stores/partners.ts'

const FIELDS = ['storeId', 'clientName', 'phone'] as const

const emptyNotes = (): HandoverNotes => ({ income: '', work: '', family: '', wanted: '', other: '' })
const trimmed = (notes: HandoverNotes): HandoverNotes => ({ income: notes.income.trim(), work: notes.work.trim(), family: notes.family.trim(), wanted: notes.wanted.trim(), other: notes.other.trim() })

interface ReportForm {
  storeId: number | null
  clientName: string
  phone: string
  notes: HandoverNotes
}

/**
 * The pre-registration form (报备): a store, the client's name and phone, the hand-over notes. A refusal
 * (a phone reported already: the message names the first reporter) lands on its field. The store stays
 * chosen after a report, as a salesperson often reports several clients of one store in a row.
 */
export function useReportForm(focusFirst: () => void) {
  const { t } = useI18n()
  const partners = usePartnersStore()
  const form = reactive<ReportForm>({ storeId: null, clientName: '', phone: '', notes: emptyNotes() })
  const { serverErrors: errors, formError, busy: saving, clear, submit: send } = useFormSubmit(
    form,
    FIELDS,
    (storeId: number) => partners.createReport({ storeId, clientName: form.clientName.trim(), phone: form.phone.trim(), notes: trimmed(form.notes) }),
    (report) => {
      showSuccess(t('marketing.report.created', { name: report.clientName, until: report.validUntil }))
      Object.assign(form, { clientName: '', phone: '', notes: emptyNotes() })
      clear()
      focusFirst()
    },
    {
      // The duplicate's message (who reported her first, when, for which store) is too long for a field: it
      // is the form's message, and the phone is marked.
      onError: (error, messages) => {
        if (!(error instanceof ApiCallError && error.code === 'conflict' && error.fields.phone)) return
        messages.serverErrors.phone = t('marketing.report.duplicate')
        messages.formError.value = error.message
        return 'handled'
      },
    },
  )
  const activeStores = computed(() => partners.stores.filter((s) => s.status === 'active'))

  function checkLocally(): boolean {
    if (form.storeId === null) errors.storeId = t('marketing.required')
    if (form.clientName.trim() === '') errors.clientName = t('marketing.required')
    if (form.phone.trim() === '') errors.phone = t('marketing.required')
    else if (!isValidPhone(form.phone.trim())) errors.phone = t('validation.phone')
    return !errors.storeId && !errors.clientName && !errors.phone
  }

  async function submit(): Promise<void> {
    if (saving.value) return
    clear()
    if (!checkLocally() || form.storeId === null) return
    await send(form.storeId)
  }

  return { form, errors, formError, saving, activeStores, submit }
}
