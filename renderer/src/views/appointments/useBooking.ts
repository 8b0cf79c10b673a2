import { computed, nextTick, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AppointmentRow, AppointmentSlot } from '../../../../core/domain/appointment.ts'
import { localDateOf, localTimeOf } from '../../../../core/domain/dates.ts'
import type { Client, ClientSummary } from '../../../../core/domain/client.ts'
import type { PriceItem } from '../../../../core/domain/priceItem.ts'
import type { VisitType } from '../../../../core/domain/visit.ts'
import { api, ApiCallError } from '../../api/client.ts'
import { describeError, showError, showSuccess } from '../../api/notify.ts'
import { useAppointmentsStore, type BookInput } from '../../stores/appointments.ts'
import { useClientFinder } from '../desk/useClientFinder.ts'
import { prefillFromSearch, summaryOf, useNewClient } from '../desk/useNewClient.ts'
import { DEFAULT_DURATION, DEFAULT_TIME, nextSlot } from './slots.ts'

export interface BookingForm extends AppointmentSlot {
  /** 'auto': the main process decides from the client's file (returning with an own consultant). */
  type: VisitType | 'auto'
}

/** Fields of the form a refusal may name (the API's paths, first segment). */
const FIELDS = ['date', 'time', 'durationMinutes', 'consultantId', 'category', 'itemIds', 'notes', 'client'] as const
type Field = (typeof FIELDS)[number]

/** A refusal because the consultant is booked then: the warning the desk reads before booking anyway. */
export function doubleBookingWarning(error: unknown): string | null {
  return error instanceof ApiCallError && error.code === 'rule_violation' && error.fields.time !== undefined ? error.message : null
}

/**
 * The booking dialog: a new appointment for a client on file or a new client, or a change of one. When the
 * consultant is booked at that time the main process refuses with a warning; the desk may book anyway.
 */
export function useBooking(onSaved: (row: AppointmentRow) => void = () => {}) {
  const { t } = useI18n()
  const store = useAppointmentsStore()
  const open = ref(false)
  /** The appointment being changed; null for a new booking. */
  const changing = ref<AppointmentRow | null>(null)
  const form = reactive<BookingForm>({ date: '', time: DEFAULT_TIME, durationMinutes: DEFAULT_DURATION, consultantId: null, category: null, itemIds: [], notes: '', type: 'auto' })
  const selected = ref<ClientSummary | null>(null)
  const creating = ref(false)
  const newClient = useNewClient()
  const finder = useClientFinder((client) => {
    selected.value = client
    creating.value = false
    delete errors.client
  })
  const errors = reactive<Partial<Record<Field, string>>>({})
  const formError = ref('')
  /** The server's warning that the consultant is booked then (仍然预约 sends again with allowDoubleBooking). */
  const doubleBooking = ref('')
  const saving = ref(false)
  /** Active price-list items to choose from, with the appointment's own items even when no longer active. */
  const items = ref<Pick<PriceItem, 'id' | 'code' | 'name'>[]>([])
  let focusClient: () => void = () => {}

  const slotKey = computed(() => `${form.date}|${form.time}|${form.durationMinutes}|${form.consultantId}`)
  watch(slotKey, () => (doubleBooking.value = ''))

  function clearMessages(): void {
    for (const field of FIELDS) delete errors[field]
    formError.value = ''
    doubleBooking.value = ''
  }

  async function loadItems(extra: Pick<PriceItem, 'id' | 'code' | 'name'>[]): Promise<void> {
    try {
      const active = await api.call('prices.list', { includeInactive: false })
      const known = new Set(active.map((i) => i.id))
      items.value = [...active.map(({ id, code, name }) => ({ id, code, name })), ...extra.filter((i) => !known.has(i.id))]
    } catch (error) {
      items.value = extra
      showError(error)
    }
  }

  function reset(values: Partial<BookingForm>): void {
    Object.assign(form, { date: '', time: DEFAULT_TIME, durationMinutes: DEFAULT_DURATION, consultantId: null, category: null, itemIds: [], notes: '', type: 'auto' }, values)
    selected.value = null
    creating.value = false
    newClient.reset()
    finder.clear()
    clearMessages()
  }

  /** A new booking on `date`, with the consultant the page is filtered on. */
  function openNew(date: string, consultantId: number | null = null, client: ClientSummary | null = null): void {
    changing.value = null
    // Today, the first time still to come (the main process refuses a time already past).
    const now = new Date()
    const time = date === localDateOf(now) ? (nextSlot(localTimeOf(now)) ?? DEFAULT_TIME) : DEFAULT_TIME
    reset({ date, consultantId, time: time > DEFAULT_TIME ? time : DEFAULT_TIME })
    selected.value = client
    open.value = true
    void loadItems([])
  }

  function openChange(row: AppointmentRow): void {
    changing.value = row
    reset({ date: row.date, time: row.time, durationMinutes: row.durationMinutes, consultantId: row.consultantId, category: row.category, itemIds: [...row.itemIds], notes: row.notes, type: row.type })
    open.value = true
    void loadItems(row.itemIds.map((id, i) => ({ id, code: '', name: row.itemNames[i] ?? String(id) })))
  }

  function close(): void {
    open.value = false
  }

  /** Opens the new-client fields, taking what was typed in the search box as the phone or the name. */
  function startNew(): void {
    newClient.reset(prefillFromSearch(finder.query.value))
    selected.value = null
    creating.value = true
    finder.clear()
    delete errors.client
  }

  function cancelNew(): void {
    creating.value = false
    void nextTick(() => focusClient())
  }

  function clearClient(): void {
    selected.value = null
    void nextTick(() => focusClient())
  }

  /** Offers a client found under the typed phone instead of creating a second one. */
  function useExisting(client: Client): void {
    selected.value = summaryOf(client)
    creating.value = false
  }

  const slot = (allowDoubleBooking: boolean) => ({
    date: form.date,
    time: form.time,
    durationMinutes: form.durationMinutes,
    consultantId: form.consultantId,
    category: form.category,
    itemIds: [...form.itemIds],
    notes: form.notes.trim(),
    allowDoubleBooking,
  })

  function bookInput(allowDoubleBooking: boolean): BookInput {
    const common = { ...slot(allowDoubleBooking), ...(form.type === 'auto' ? {} : { type: form.type }) }
    if (selected.value) return { clientId: selected.value.id, ...common }
    const f = newClient.form
    return { newClient: { name: f.name.trim(), phone: f.phone.trim(), gender: f.gender, allowSharedPhone: newClient.sharedPhone.value }, ...common }
  }

  function validate(): boolean {
    if (!changing.value && !selected.value) {
      if (!creating.value) errors.client = t('appointments.booking.needClient')
      else if (!newClient.validate()) return false
    }
    if (!form.date) errors.date = t('appointments.booking.dateRequired')
    if (!form.time) errors.time = t('appointments.booking.timeRequired')
    return Object.keys(errors).length === 0
  }

  function show(error: unknown): void {
    const warning = doubleBookingWarning(error)
    if (warning !== null) {
      doubleBooking.value = warning
      return
    }
    let placed = false
    if (error instanceof ApiCallError) {
      for (const [path, message] of Object.entries(error.fields)) {
        const key = path.split('.')[0] ?? ''
        const field = key === 'clientId' || key === 'newClient' ? 'client' : FIELDS.find((f) => f === key)
        if (field) {
          errors[field] = message
          placed = true
        }
      }
    }
    if (!placed) formError.value = describeError(error)
  }

  /** Books (or saves the change); `allowDoubleBooking` after the desk has read the warning. */
  async function submit(allowDoubleBooking = false): Promise<void> {
    if (saving.value) return
    clearMessages()
    if (!validate()) return
    saving.value = true
    try {
      const before = changing.value
      const row = before
        ? await store.change({ id: before.id, expectedVersion: before.version, ...slot(allowDoubleBooking) })
        : await store.book(bookInput(allowDoubleBooking))
      open.value = false
      showSuccess(t(before ? 'appointments.booking.changed' : 'appointments.booking.booked', { name: row.clientName, date: row.date, time: row.time }))
      onSaved(row)
    } catch (error) {
      show(error)
      // The phone is someone's already: show who, to use that record or book as a shared phone.
      if (creating.value && error instanceof ApiCallError && error.code === 'conflict') await newClient.checkPhone()
    } finally {
      saving.value = false
    }
  }

  return {
    open,
    changing,
    form,
    selected,
    creating,
    newClient,
    finder,
    errors,
    formError,
    doubleBooking,
    saving,
    items,
    setFocusClient: (focus: () => void) => (focusClient = focus),
    openNew,
    openChange,
    close,
    startNew,
    cancelNew,
    clearClient,
    useExisting,
    submit,
  }
}

export type Booking = ReturnType<typeof useBooking>
