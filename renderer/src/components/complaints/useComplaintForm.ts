import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Complaint, ComplaintChannel } from '../../../../core/domain/complaint.ts'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { ApiCallError } from '../../api/client.ts'
import type { ComplaintInput } from '../../stores/complaints.ts'
import { useStaffStore } from '../../stores/staff.ts'

type Field = 'visitId' | 'receivedAt' | 'channel' | 'content' | 'handlerId'

/** The 登记投诉 form: the visit (the newest by default), when and how it came, what was said, who handles it. */
export function useComplaintForm(visits: Ref<VisitRow[]>, create: (input: ComplaintInput) => Promise<Complaint>, done: (complaint: Complaint) => void) {
  const { t } = useI18n()
  const staff = useStaffStore()
  const handlers = computed(() => staff.active.filter((s) => s.role !== 'marketing'))
  const form = reactive({ visitId: null as number | null, receivedAt: new Date(), channel: 'phone' as ComplaintChannel, content: '', handlerId: null as number | null })
  const errors = reactive<Record<Field, string>>({ visitId: '', receivedAt: '', channel: '', content: '', handlerId: '' })
  const formError = ref('')
  const busy = ref(false)

  function reset(): void {
    void staff.ensureLoaded()
    Object.assign(form, { visitId: visits.value[0]?.id ?? null, receivedAt: new Date(), channel: 'phone', content: '', handlerId: null })
    for (const key of Object.keys(errors) as Field[]) errors[key] = ''
    formError.value = ''
  }

  function check(): boolean {
    errors.visitId = form.visitId === null ? t('complaints.create.visitRequired') : ''
    errors.receivedAt = form.receivedAt ? '' : t('complaints.create.receivedAtRequired')
    errors.content = form.content.trim() === '' ? t('complaints.create.contentRequired') : ''
    errors.handlerId = form.handlerId === null ? t('complaints.create.handlerRequired') : ''
    return !errors.visitId && !errors.receivedAt && !errors.content && !errors.handlerId
  }

  async function submit(): Promise<void> {
    if (busy.value || !check() || form.visitId === null || form.handlerId === null) return
    busy.value = true
    formError.value = ''
    try {
      const input = { visitId: form.visitId, receivedAt: form.receivedAt.toISOString(), channel: form.channel, content: form.content.trim(), handlerId: form.handlerId }
      done(await create(input))
    } catch (error) {
      const fields = error instanceof ApiCallError ? error.fields : {}
      const known = (Object.keys(errors) as Field[]).filter((f) => fields[f])
      for (const f of known) errors[f] = fields[f] ?? ''
      if (known.length === 0) formError.value = error instanceof Error ? error.message : String(error)
    } finally {
      busy.value = false
    }
  }

  return { form, errors, formError, busy, handlers, reset, submit }
}
