import { computed, reactive, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Complaint, ComplaintChannel } from '../../../../core/domain/complaint.ts'
import type { VisitRow } from '../../../../core/domain/visit.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import type { ComplaintInput } from '../../stores/complaints.ts'
import { useStaffStore } from '../../stores/staff.ts'

const FIELDS = ['visitId', 'receivedAt', 'channel', 'content', 'handlerId'] as const

/** The 登记投诉 form: the visit (the newest by default), when and how it came, what was said, who handles it. */
export function useComplaintForm(visits: Ref<VisitRow[]>, create: (input: ComplaintInput) => Promise<Complaint>, done: (complaint: Complaint) => void) {
  const { t } = useI18n()
  const staff = useStaffStore()
  const handlers = computed(() => staff.active.filter((s) => s.role !== 'marketing'))
  const form = reactive({ visitId: null as number | null, receivedAt: new Date(), channel: 'phone' as ComplaintChannel, content: '', handlerId: null as number | null })
  const { serverErrors: errors, formError, busy, clear, submit: send } = useFormSubmit(form, FIELDS, create, done)

  function reset(): void {
    void staff.ensureLoaded()
    Object.assign(form, { visitId: visits.value[0]?.id ?? null, receivedAt: new Date(), channel: 'phone', content: '', handlerId: null })
    clear()
  }

  function check(): boolean {
    clear()
    if (form.visitId === null) errors.visitId = t('complaints.create.visitRequired')
    if (!form.receivedAt) errors.receivedAt = t('complaints.create.receivedAtRequired')
    if (form.content.trim() === '') errors.content = t('complaints.create.contentRequired')
    if (form.handlerId === null) errors.handlerId = t('complaints.create.handlerRequired')
    return !errors.visitId && !errors.receivedAt && !errors.content && !errors.handlerId
  }

  async function submit(): Promise<void> {
    if (busy.value || !check() || form.visitId === null || form.handlerId === null) return
    await send({ visitId: form.visitId, receivedAt: form.receivedAt.toISOString(), channel: form.channel, content: form.content.trim(), handlerId: form.handlerId })
  }

  return { form, errors, formError, busy, handlers, reset, submit }
}
