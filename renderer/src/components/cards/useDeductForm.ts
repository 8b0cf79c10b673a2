import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DeductionResult } from '../../../../core/api/cards.ts'
import { cardStatus, type TreatmentCard } from '../../../../core/domain/treatmentCard.ts'
import { localDateOf } from '../../../../core/domain/dates.ts'
import { ApiCallError } from '../../api/client.ts'
import { useServerErrors } from '../../composables/useServerErrors.ts'
import { useCardsStore } from '../../stores/cards.ts'
import { useStaffStore } from '../../stores/staff.ts'

const FIELDS = ['nurseId', 'doctorId', 'note'] as const

/**
 * The 划扣 form of one card: the nurse who treated (required), the doctor if one did, a note. It sends the
 * version of the card as shown; a card changed meanwhile is re-read by the store and the form says so.
 */
export function useDeductForm(card: Ref<TreatmentCard | null>, done: (result: DeductionResult) => void) {
  const { t } = useI18n()
  const store = useCardsStore()
  const staff = useStaffStore()
  const form = reactive<{ nurseId: number | null; doctorId: number | null; note: string }>({ nurseId: null, doctorId: null, note: '' })
  const { serverErrors: errors, formError, clear, show } = useServerErrors(form, FIELDS, { cardId: 'nurseId', expectedVersion: 'nurseId' })
  const busy = ref(false)
  const nurses = computed(() => staff.active.filter((s) => s.role === 'nurse'))
  const doctors = computed(() => staff.active.filter((s) => s.role === 'doctor'))
  const status = computed(() => (card.value ? cardStatus(card.value, localDateOf(new Date())) : null))

  function reset(): void {
    void staff.ensureLoaded()
    Object.assign(form, { nurseId: null, doctorId: null, note: '' })
    clear()
  }

  async function submit(): Promise<void> {
    const c = card.value
    if (!c || busy.value) return
    clear()
    if (status.value !== 'active') {
      formError.value = t('cards.dialog.notActive', { status: t(`cards.status.${status.value ?? 'void'}`) })
      return
    }
    if (form.nurseId === null) {
      errors.nurseId = t('cards.dialog.nurseRequired')
      return
    }
    busy.value = true
    try {
      done(await store.deduct({ cardId: c.id, expectedVersion: c.version, nurseId: form.nurseId, doctorId: form.doctorId, note: form.note.trim() }))
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') formError.value = t('cards.dialog.conflict')
      else show(error)
    } finally {
      busy.value = false
    }
  }

  return { form, errors, formError, busy, nurses, doctors, status, reset, submit }
}
