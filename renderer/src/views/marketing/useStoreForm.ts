import type { FormInstance } from 'element-plus'
import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { localDateOf } from '../../../../core/domain/dates.ts'
import type { BankAccount, PartnerStore } from '../../../../core/domain/partnerStore.ts'
import { ApiCallError } from '../../api/client.ts'
import { showSuccess } from '../../api/notify.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { usePartnersStore, type StoreInput } from '../../stores/partners.ts'
import { useSessionStore } from '../../stores/session.ts'
import { photoInput, type PhotoChoice } from './storePhoto.ts'
import { emptyBank, storeFormOf, storeRules, type StoreForm } from './storeRules.ts'

const FIELDS = ['name', 'storeClass', 'consultantId', 'salespersonId', 'agreementNo', 'agreementText', 'startDate', 'status'] as const
const BANK_FIELDS = ['bankName', 'accountName', 'accountNo'] as const
type BankField = (typeof BANK_FIELDS)[number]

const trimBank = (bank: BankAccount): BankAccount => ({ bankName: bank.bankName.trim(), accountName: bank.accountName.trim(), accountNo: bank.accountNo.replace(/\s/g, '') })
const sameBank = (a: BankAccount, b: BankAccount) => a.bankName === b.bankName && a.accountName === b.accountName && a.accountNo === b.accountNo

/**
 * The new / edit store form (店家建档). What it sends follows the API's rules: the salesperson only at filing
 * (a change is a hand-over, partnerStores.reassign); the photo omitted when unchanged and null when removed;
 * the bank account only from an administrator (a new store's always, an edited one's when it changed), as
 * everyone else reads it masked and the main process refuses it from them.
 */
export function useStoreForm(store: Ref<PartnerStore | null>, onSaved: (store: PartnerStore) => void) {
  const { t } = useI18n()
  const partners = usePartnersStore()
  const session = useSessionStore()
  const admin = computed(() => session.may('admin'))
  const editing = computed(() => store.value !== null)
  const formRef = ref<FormInstance>()
  const form = reactive<StoreForm>(storeFormOf(null, { salespersonId: null, today: '' }))
  const bank = ref<BankAccount>(emptyBank())
  const bankErrors = reactive<Partial<Record<BankField, string>>>({})
  const photo = ref<PhotoChoice>({ kind: 'keep' })
  /** The stored photo of the store being edited, as a data URL once read; null while there is none. */
  const currentPhotoUrl = ref<string | null>(null)
  const photoLoading = ref(false)
  const rules = computed(() => storeRules(t, form))
  /** The main process's refusal of the photo (its type is checked by the first bytes there too). */
  const photoServerError = ref('')
  const { serverErrors, formError, busy: saving, clear, submit: send } = useFormSubmit(
    form,
    FIELDS,
    async (input: StoreInput) => ({ before: store.value, saved: await partners.saveStore(input) }),
    ({ before, saved }) => {
      showSuccess(t(before ? 'marketing.dialog.updated' : 'marketing.dialog.created', { name: saved.name }))
      onSaved(saved)
    },
    { onError: placeBankAndPhoto },
  )
  let photoRead = 0

  /** A salesperson files stores as their own (the main process allows nothing else). */
  function defaultSalesperson(): number | null {
    const operator = session.operator
    return operator?.role === 'marketing' ? operator.id : null
  }

  async function loadPhoto(current: PartnerStore): Promise<void> {
    const ticket = ++photoRead
    photoLoading.value = true
    try {
      const found = await partners.photo(current.id)
      if (ticket === photoRead) currentPhotoUrl.value = found ? `data:${found.mime};base64,${found.base64}` : null
    } catch {
      // The dialog still works without the preview; saving keeps the photo as it is.
      if (ticket === photoRead) currentPhotoUrl.value = null
    } finally {
      if (ticket === photoRead) photoLoading.value = false
    }
  }

  function clearAll(): void {
    clear()
    photoServerError.value = ''
    for (const field of BANK_FIELDS) delete bankErrors[field]
  }

  function reset(): void {
    const current = store.value
    Object.assign(form, storeFormOf(current, { salespersonId: defaultSalesperson(), today: localDateOf(new Date()) }))
    bank.value = current ? { ...current.bank } : emptyBank()
    photo.value = { kind: 'keep' }
    currentPhotoUrl.value = null
    photoRead++
    photoLoading.value = false
    if (current && current.photoMime !== null) void loadPhoto(current)
    clearAll()
    formRef.value?.clearValidate()
  }

  function bankInput(): { bank?: BankAccount } {
    if (!admin.value) return {}
    const typed = trimBank(bank.value)
    const before = store.value
    if (before && sameBank(typed, trimBank(before.bank))) return {}
    return { bank: typed }
  }

  function toInput(salespersonId: number): StoreInput {
    const before = store.value
    const fields = {
      name: form.name.trim(),
      storeClass: form.storeClass,
      consultantId: form.storeClass === 'A' ? form.consultantId : null,
      salespersonId,
      agreementNo: form.agreementNo.trim(),
      agreementText: form.agreementText.trim(),
      startDate: form.startDate,
      status: before ? form.status : 'active',
      ...photoInput(photo.value),
      ...bankInput(),
    }
    return before ? { id: before.id, expectedVersion: before.version, ...fields } : fields
  }

  /** Bank refusals (`bank.accountNo`, or `bank` itself) go on the bank fields, the photo's on the photo; the rest as useFormSubmit puts them. */
  function placeBankAndPhoto(error: unknown): void | 'handled' {
    if (!(error instanceof ApiCallError)) return
    let onBank = false
    for (const [path, message] of Object.entries(error.fields)) {
      const [head, sub] = path.split('.')
      if (head !== 'bank') continue
      const field = BANK_FIELDS.find((f) => f === sub) ?? 'accountNo'
      bankErrors[field] = message
      onBank = true
    }
    if (error.fields.photo) photoServerError.value = error.fields.photo
    const elsewhere = Object.keys(error.fields).some((path) => !path.startsWith('bank') && path !== 'photo')
    return elsewhere || (!onBank && !error.fields.photo) ? undefined : 'handled'
  }

  async function submit(): Promise<void> {
    if (saving.value) return
    clearAll()
    const valid = await formRef.value?.validate().catch(() => false)
    const salespersonId = store.value?.salespersonId ?? form.salespersonId
    if (!valid || salespersonId === null) return
    await send(toInput(salespersonId))
  }

  /** Editing a bank field drops the server's complaint about it. */
  function bankEdited(field: BankField): void {
    delete bankErrors[field]
  }

  return { formRef, form, bank, bankErrors, bankEdited, photo, currentPhotoUrl, photoLoading, rules, serverErrors, photoServerError, formError, saving, editing, admin, reset, submit }
}
