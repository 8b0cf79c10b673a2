import { computed, reactive, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DeductionResult } from '../../../../core/api/cards.ts'
import { BODY_AREA_MAX, cardStatus, type TreatmentCard } from '../../../../core/domain/treatmentCard.ts'
import { localDateOf } from '../../../../core/domain/dates.ts'
import { api, ApiCallError } from '../../api/client.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { useCardsStore, type DeductInput } from '../../stores/cards.ts'
import { useStaffStore } from '../../stores/staff.ts'

const FIELDS = ['nurseId', 'bodyArea', 'doctorId', 'assistantId', 'note'] as const

interface DeductForm {
  nurseId: number | null
  bodyArea: string
  doctorId: number | null
  assistantId: number | null
  note: string
}
const EMPTY: DeductForm = { nurseId: null, bodyArea: '', doctorId: null, assistantId: null, note: '' }

/**
 * The 划扣 form of one card: the nurse who treated (required), the body area (部位, required; the card's
 * earlier ones are offered), the doctor if one did, the doctor's assistant (a nurse or another doctor), a note. It sends the
 * version of the card as shown; a card changed meanwhile is re-read by the store and the form says so.
 */
export function useDeductForm(card: Ref<TreatmentCard | null>, done: (result: DeductionResult) => void) {
  const { t } = useI18n()
  const store = useCardsStore()
  const staff = useStaffStore()
  const form = reactive<DeductForm>({ ...EMPTY })
  const { serverErrors: errors, formError, busy, clear, submit: send } = useFormSubmit(
    form,
    FIELDS,
    (input: DeductInput) => store.deduct(input),
    done,
    {
      aliases: { cardId: 'nurseId', expectedVersion: 'nurseId' },
      // The store has re-read the card; the form says it changed rather than the server's words.
      onError: (error, messages) => {
        if (!(error instanceof ApiCallError && error.code === 'conflict')) return
        messages.formError.value = t('cards.dialog.conflict')
        return 'handled'
      },
    },
  )
  const nurses = computed(() => staff.active.filter((s) => s.role === 'nurse'))
  const doctors = computed(() => staff.active.filter((s) => s.role === 'doctor'))
  const assistants = computed(() => staff.active.filter((s) => (s.role === 'nurse' || s.role === 'doctor') && s.id !== form.doctorId))
  /** The body areas of this card's earlier deductions, newest first, each once. */
  const areaSuggestions = ref<string[]>([])
  watch(
    () => form.doctorId,
    (doctorId) => {
      if (doctorId !== null && form.assistantId === doctorId) form.assistantId = null
    },
  )
  const status = computed(() => (card.value ? cardStatus(card.value, localDateOf(new Date())) : null))

  function reset(): void {
    void staff.ensureLoaded()
    Object.assign(form, EMPTY)
    clear()
    areaSuggestions.value = []
    if (card.value) void loadSuggestions(card.value.id)
  }

  // Only a help: without them (a refusal, a slow answer) the field is typed by hand.
  async function loadSuggestions(cardId: number): Promise<void> {
    try {
      const detail = await api.call('cards.get', { id: cardId })
      if (card.value?.id !== cardId) return
      areaSuggestions.value = [...new Set(detail.deductions.map((d) => d.bodyArea).filter((a) => a !== ''))]
    } catch {
      areaSuggestions.value = []
    }
  }

  async function submit(): Promise<void> {
    const c = card.value
    if (!c || busy.value) return
    clear()
    if (status.value !== 'active') {
      formError.value = t('cards.dialog.notActive', { status: t(`cards.status.${status.value ?? 'void'}`) })
      return
    }
    const bodyArea = form.bodyArea.trim()
    if (form.nurseId === null) errors.nurseId = t('cards.dialog.nurseRequired')
    if (bodyArea === '') errors.bodyArea = t('cards.dialog.bodyAreaRequired')
    else if (bodyArea.length > BODY_AREA_MAX) errors.bodyArea = t('cards.dialog.bodyAreaTooLong', { n: BODY_AREA_MAX })
    if (form.nurseId === null || errors.bodyArea) return
    await send({ cardId: c.id, expectedVersion: c.version, nurseId: form.nurseId, bodyArea, doctorId: form.doctorId, assistantId: form.assistantId, note: form.note.trim() })
  }

  return { form, errors, formError, busy, nurses, doctors, assistants, areaSuggestions, status, reset, submit }
}
