import { computed, reactive, ref, watch } from 'vue'
import type { Client, ClientSummary, Gender } from '../../../../core/domain/client.ts'
import { isValidPhone, normalizePhone } from '../../../../core/domain/phone.ts'
import { useClientsStore } from '../../stores/clients.ts'

export interface NewClientForm {
  name: string
  phone: string
  gender: Gender
  birthDate: string | null
  occupation: string
}

export function emptyNewClient(): NewClientForm {
  return { name: '', phone: '', gender: 'female', birthDate: null, occupation: '' }
}

/** The inline new-client form, and the clients already on file under the phone typed in it. */
export function useNewClient() {
  const clients = useClientsStore()
  const form = reactive<NewClientForm>(emptyNewClient())
  const errors = reactive<{ name?: string; phone?: string }>({})
  /** Clients already registered with this phone (clients.findByPhone). */
  const phoneMatches = ref<Client[]>([])
  /** The operator chose to register a second client on a phone already used (allowSharedPhone). */
  const sharedPhone = ref(false)
  const phoneValid = computed(() => isValidPhone(form.phone))
  let seq = 0

  async function checkPhone(): Promise<Client[]> {
    const mine = ++seq
    if (!phoneValid.value) {
      phoneMatches.value = []
      return []
    }
    try {
      const found = await clients.findByPhone(normalizePhone(form.phone))
      if (mine === seq) phoneMatches.value = found
      return found
    } catch {
      return [] // the server checks again on registration
    }
  }

  watch(
    () => form.phone,
    () => {
      sharedPhone.value = false
      delete errors.phone
      void checkPhone()
    },
  )
  watch(
    () => form.name,
    () => delete errors.name,
  )

  function reset(prefill: Partial<NewClientForm> = {}): void {
    Object.assign(form, emptyNewClient(), prefill)
    phoneMatches.value = []
    sharedPhone.value = false
    delete errors.name
    delete errors.phone
  }

  /** Local checks; the messages are i18n keys. */
  function validate(): boolean {
    if (form.name.trim() === '') errors.name = 'desk.register.nameRequired'
    if (!phoneValid.value) errors.phone = 'desk.register.phoneInvalid'
    return errors.name === undefined && errors.phone === undefined
  }

  return { form, errors, phoneMatches, sharedPhone, phoneValid, checkPhone, reset, validate }
}

export type NewClientModel = ReturnType<typeof useNewClient>

/** What the search box held when 新顾客 was pressed, as the new client's phone or name. */
export function prefillFromSearch(typed: string): Partial<NewClientForm> {
  const text = typed.trim()
  if (text === '') return {}
  return /^[\d\s+\-()]+$/.test(text) ? { phone: text } : { name: text }
}

/** A client found under the typed phone, as the finder would have listed them (no last visit is known here). */
export function summaryOf(client: Client): ClientSummary {
  return { id: client.id, archiveNo: client.archiveNo, name: client.name, gender: client.gender, phone: client.phone, ownConsultantId: client.ownConsultantId, lastVisitDate: null }
}
