import type { FormInstance } from 'element-plus'
import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Staff } from '../../../../core/domain/staff.ts'
import { showSuccess } from '../../api/notify.ts'
import { useServerErrors } from '../../composables/useServerErrors.ts'
import { useStaffStore, type StaffInput } from '../../stores/staff.ts'
import { staffRules, type StaffForm } from './rules.ts'

const FIELDS = ['name', 'role', 'phone', 'room', 'skills'] as const

function emptyForm(): StaffForm {
  return { name: '', role: 'consultant', phone: '', room: '', skills: [] }
}

function formOf(staff: Staff | null): StaffForm {
  if (!staff) return emptyForm()
  return { name: staff.name, role: staff.role, phone: staff.phone, room: staff.room, skills: [...staff.skills] }
}

/** The add / edit staff form: local validation, the call, and server errors put back on the fields. */
export function useStaffForm(staff: Ref<Staff | null>, onSaved: (staff: Staff) => void) {
  const { t } = useI18n()
  const store = useStaffStore()
  const formRef = ref<FormInstance>()
  const form = reactive<StaffForm>(emptyForm())
  const rules = computed(() => staffRules(t))
  const { serverErrors, formError, clear: clearServerErrors, show: showServerError } = useServerErrors(form, FIELDS)
  const saving = ref(false)
  const editing = computed(() => staff.value !== null)

  /** Fills the form for a new member or the one being edited. */
  function reset(): void {
    Object.assign(form, formOf(staff.value))
    clearServerErrors()
    formRef.value?.clearValidate()
  }

  function toInput(): StaffInput {
    if (form.role === '') throw new Error('role missing after validation')
    return { name: form.name.trim(), role: form.role, phone: form.phone.trim(), room: form.room.trim(), skills: [...form.skills] }
  }

  async function submit(): Promise<void> {
    if (saving.value) return
    clearServerErrors()
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    saving.value = true
    try {
      const input = toInput()
      const before = staff.value
      const saved = before
        ? await store.update({ ...input, id: before.id, expectedUpdatedAt: before.updatedAt })
        : await store.create(input)
      showSuccess(t(before ? 'staff.updated' : 'staff.created', { name: saved.name }))
      onSaved(saved)
    } catch (error) {
      showServerError(error)
    } finally {
      saving.value = false
    }
  }

  return { formRef, form, rules, serverErrors, formError, saving, editing, reset, submit }
}
