import { computed, nextTick, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RegisterResult } from '../../../../core/api/visits.ts'
import type { ServiceCategory } from '../../../../core/domain/categories.ts'
import type { Channel, Client, ClientSummary } from '../../../../core/domain/client.ts'
import type { VisitType } from '../../../../core/domain/visit.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError } from '../../api/notify.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useTicketPrinter } from '../../composables/useTicketPrinter.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useVisitsStore, type RegisterInput } from '../../stores/visits.ts'
import { useClientFinder } from './useClientFinder.ts'
import { prefillFromSearch, summaryOf, useNewClient } from './useNewClient.ts'

export const FIND_SHORTCUT = { code: 'KeyF', alt: true } as const
export const NEW_CLIENT_SHORTCUT = { code: 'KeyN', alt: true } as const
export const REGISTER_SHORTCUT = { code: 'KeyR', alt: true } as const

export interface VisitOptions {
  type: VisitType
  /** null: the channel on the client's file. */
  channel: Channel | null
  designatedConsultantId: number | null
  intendedCategory: ServiceCategory | null
}

/** A returning visit when the client is on file with an own consultant; otherwise a first visit. */
export function defaultVisitType(client: Pick<ClientSummary, 'ownConsultantId'> | null): VisitType {
  return client?.ownConsultantId != null ? 'returning' : 'first'
}

/** The quick registration panel: find or create the client, choose the visit, register and assign. */
export function useRegistration(focusSearch: () => void, focusName: () => void) {
  const { t } = useI18n()
  const visits = useVisitsStore()
  const settings = useSettingsStore()
  const { print: printTicket } = useTicketPrinter()
  const selected = ref<ClientSummary | null>(null)
  const creating = ref(false)
  const options = reactive<VisitOptions>({ type: 'first', channel: null, designatedConsultantId: null, intendedCategory: null })
  const result = ref<RegisterResult | null>(null)
  const formError = ref('')
  const submitting = ref(false)
  const newClient = useNewClient()

  function choose(client: ClientSummary): void {
    selected.value = client
    creating.value = false
    formError.value = ''
    options.type = defaultVisitType(client)
    options.channel = null
  }
  const finder = useClientFinder(choose)

  /** Offers a client found under the typed phone instead of creating a second one. */
  function useExisting(client: Client): void {
    choose(summaryOf(client))
  }

  function clearSelection(): void {
    selected.value = null
    void nextTick(focusSearch)
  }

  /** Opens the new-client form, taking what was typed in the search box as the phone or the name. */
  function startNew(): void {
    newClient.reset(prefillFromSearch(finder.query.value))
    selected.value = null
    creating.value = true
    formError.value = ''
    options.type = 'first'
    options.channel = 'walk_in'
    finder.clear()
    void nextTick(focusName)
  }

  function cancelNew(): void {
    creating.value = false
    options.channel = null
    void nextTick(focusSearch)
  }

  const canSubmit = computed(() => selected.value !== null || creating.value)

  function toInput(): RegisterInput {
    const common = {
      type: options.type,
      designatedConsultantId: options.designatedConsultantId,
      intendedCategory: options.intendedCategory,
      assign: true,
      ...(options.channel ? { channel: options.channel } : {}),
    }
    if (selected.value) return { ...common, clientId: selected.value.id }
    const f = newClient.form
    return {
      ...common,
      newClient: {
        name: f.name.trim(),
        phone: f.phone.trim(),
        gender: f.gender,
        birthDate: f.birthDate || null,
        occupation: f.occupation.trim(),
        allowSharedPhone: newClient.sharedPhone.value,
      },
    }
  }

  function resetAfterRegister(): void {
    selected.value = null
    creating.value = false
    newClient.reset()
    Object.assign(options, { type: 'first', channel: null, designatedConsultantId: null, intendedCategory: null })
    void nextTick(focusSearch)
  }

  async function submit(): Promise<void> {
    if (submitting.value) return
    formError.value = ''
    if (!canSubmit.value) {
      formError.value = t('desk.register.needClient')
      return
    }
    if (creating.value && !newClient.validate()) return
    submitting.value = true
    try {
      result.value = await visits.register(toInput())
      resetAfterRegister()
      if (settings.settings.printTicketOnRegister) void printTicket(result.value.visit.id)
    } catch (error) {
      formError.value = describeError(error)
      // The phone is someone's already: show who, to use that record or register as a shared phone.
      if (creating.value && error instanceof ApiCallError && error.code === 'conflict') await newClient.checkPhone()
    } finally {
      submitting.value = false
    }
  }

  useShortcut(FIND_SHORTCUT, () => {
    creating.value = false
    selected.value = null
    void nextTick(focusSearch)
  })
  useShortcut(NEW_CLIENT_SHORTCUT, startNew)
  useShortcut(REGISTER_SHORTCUT, () => void submit())

  return { finder, newClient, selected, creating, options, result, formError, submitting, canSubmit, choose, useExisting, clearSelection, startNew, cancelNew, submit }
}
