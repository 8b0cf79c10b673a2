import { reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ServiceCategory } from '../../../../core/domain/categories.ts'
import type { Channel, Client, Gender } from '../../../../core/domain/client.ts'
import type { MaritalStatus } from '../../../../core/domain/consultation.ts'
import { isValidPhone } from '../../../../core/domain/phone.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError, showSuccess } from '../../api/notify.ts'
import { useClientsStore } from '../../stores/clients.ts'

export interface ClientForm {
  name: string
  phone: string
  gender: Gender
  birthDate: string | null
  occupation: string
  ownConsultantId: number | null
  channel: Channel
  intendedCategory: ServiceCategory | null
  allergies: string
  notes: string
  maritalStatus: MaritalStatus | null
  address: string
}

const FIELDS = ['name', 'phone', 'gender', 'birthDate', 'occupation', 'ownConsultantId', 'channel', 'intendedCategory', 'allergies', 'notes', 'maritalStatus', 'address'] as const

function formOf(c: Client): ClientForm {
  return Object.fromEntries(FIELDS.map((k) => [k, c[k]])) as unknown as ClientForm
}

/** The edit dialog of a client: the whole record is sent back with the time it was read (expectedUpdatedAt). */
export function useClientEdit(client: Ref<Client | null>, onSaved: () => void) {
  const { t } = useI18n()
  const clients = useClientsStore()
  const form = reactive<ClientForm>({ name: '', phone: '', gender: 'unknown', birthDate: null, occupation: '', ownConsultantId: null, channel: 'walk_in', intendedCategory: null, allergies: '', notes: '', maritalStatus: null, address: '' })
  const errors = reactive<Record<string, string>>({})
  const formError = ref('')
  const saving = ref(false)

  function reset(): void {
    if (client.value) Object.assign(form, formOf(client.value))
    for (const k of Object.keys(errors)) delete errors[k]
    formError.value = ''
  }

  async function submit(): Promise<void> {
    const before = client.value
    if (!before || saving.value) return
    for (const k of Object.keys(errors)) delete errors[k]
    formError.value = ''
    if (form.name.trim() === '') errors.name = t('desk.register.nameRequired')
    if (!isValidPhone(form.phone)) errors.phone = t('desk.register.phoneInvalid')
    if (Object.keys(errors).length > 0) return
    saving.value = true
    try {
      const saved = await clients.update({
        ...form,
        name: form.name.trim(),
        phone: form.phone.trim(),
        address: form.address.trim(),
        birthDate: form.birthDate || null,
        id: before.id,
        expectedUpdatedAt: before.updatedAt,
      })
      showSuccess(t('desk.client.saved', { name: saved.name }))
      onSaved()
    } catch (error) {
      if (error instanceof ApiCallError) {
        for (const [path, message] of Object.entries(error.fields)) errors[path.split('.')[0] as string] = message
        if (error.code === 'conflict') await clients.open(before.id)
      }
      if (Object.keys(errors).length === 0) {
        formError.value = describeError(error) + (error instanceof ApiCallError && error.code === 'conflict' ? t('desk.conflictReread') : '')
      }
    } finally {
      saving.value = false
    }
  }

  return { form, errors, formError, saving, reset, submit }
}
