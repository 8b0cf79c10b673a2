import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccess } from '../../api/notify.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { useReferralsStore, type ReferralInput, type ReferralRow } from '../../stores/referrals.ts'
import { useClientFinder } from '../desk/useClientFinder.ts'

const FIELDS = ['clientId', 'referrerId', 'salespersonId'] as const

interface ReferralForm {
  clientId: number | null
  clientName: string
  referrerId: number | null
  salespersonId: number | null
}

/**
 * 分配转介绍顾客: the dialog's state. A new assignment finds the client as the desk does; 重新分配 keeps the
 * row's client and offers its referrer and salesperson to change. A refusal lands on its field.
 */
export function useReferrals() {
  const { t } = useI18n()
  const store = useReferralsStore()
  const open = ref(false)
  /** Re-assigning a listed client: the client cannot be changed. */
  const fixed = ref(false)
  const form = reactive<ReferralForm>({ clientId: null, clientName: '', referrerId: null, salespersonId: null })
  const { serverErrors: errors, formError, busy: saving, clear, submit: send } = useFormSubmit(
    form,
    FIELDS,
    (input: ReferralInput) => store.assign(input),
    (saved) => {
      showSuccess(t('marketing.referrals.done', { client: form.clientName, name: saved.salespersonName }))
      open.value = false
    },
  )
  const finder = useClientFinder((client) => Object.assign(form, { clientId: client.id, clientName: client.name }))
  const chosen = computed(() => (form.clientId === null ? null : { id: form.clientId, name: form.clientName }))

  function start(row: ReferralRow | null): void {
    finder.clear()
    Object.assign(form, row ? { clientId: row.clientId, clientName: row.clientName, referrerId: row.referrerId, salespersonId: row.salespersonId } : { clientId: null, clientName: '', referrerId: null, salespersonId: null })
    fixed.value = row !== null
    clear()
    open.value = true
  }

  function close(): void {
    open.value = false
  }

  function changeClient(): void {
    Object.assign(form, { clientId: null, clientName: '' })
  }

  async function submit(): Promise<void> {
    if (saving.value) return
    clear()
    if (form.clientId === null) errors.clientId = t('marketing.referrals.clientRequired')
    if (form.referrerId === null) errors.referrerId = t('marketing.referrals.referrerRequired')
    if (form.salespersonId === null) errors.salespersonId = t('marketing.referrals.salespersonRequired')
    if (form.clientId === null || form.referrerId === null || form.salespersonId === null) return
    await send({ clientId: form.clientId, referrerId: form.referrerId, salespersonId: form.salespersonId })
  }

  return { store, open, close, fixed, saving, form, errors, formError, finder, chosen, start, changeClient, submit }
}

export type Referrals = ReturnType<typeof useReferrals>
