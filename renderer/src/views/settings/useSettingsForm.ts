import type { FormInstance } from 'element-plus'
import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ClinicSettings } from '../../../../core/domain/settings.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError, showSuccess } from '../../api/notify.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { PREFIX_PATHS, settingsRules, type PrefixKey, type SettingsForm } from './rules.ts'

function formOf(settings: ClinicSettings): SettingsForm {
  const { clinicName, clinicAddress, clinicPhone, queuePrefixes } = settings
  return { clinicName, clinicAddress, clinicPhone, queuePrefixes: { ...queuePrefixes } }
}

const FORM_PATHS = ['clinicName', 'clinicAddress', 'clinicPhone', ...PREFIX_PATHS]

/** The settings form: a draft of the store's settings, kept in step with it until the operator edits. */
export function useSettingsForm() {
  const { t } = useI18n()
  const store = useSettingsStore()
  const formRef = ref<FormInstance>()
  const form = reactive<SettingsForm>(formOf(store.settings))
  const rules = computed(() => settingsRules(t, form))
  const serverErrors = reactive<Record<string, string>>({})
  const formError = ref('')
  const saving = ref(false)
  let base = JSON.stringify(formOf(store.settings))
  const dirty = () => JSON.stringify(form) !== base

  // Another window (or this one) saved: show it, unless the operator is in the middle of editing.
  watch(
    () => store.settings,
    (settings) => {
      if (dirty()) return
      Object.assign(form, formOf(settings))
      base = JSON.stringify(formOf(settings))
    },
  )

  // The prefixes must differ: a change to one re-checks the other two.
  watch(
    () => ({ ...form.queuePrefixes }),
    () => {
      for (const path of PREFIX_PATHS) delete serverErrors[path]
      void formRef.value?.validateField(PREFIX_PATHS).catch(() => undefined)
    },
  )

  function setPrefix(key: PrefixKey, value: string): void {
    form.queuePrefixes[key] = value.toUpperCase().replace(/\s/g, '')
  }

  function clearServerErrors(): void {
    for (const key of Object.keys(serverErrors)) delete serverErrors[key]
    formError.value = ''
  }

  function showServerError(error: unknown): void {
    let placed = false
    if (error instanceof ApiCallError) {
      for (const [path, message] of Object.entries(error.fields)) {
        if (FORM_PATHS.includes(path)) {
          serverErrors[path] = message
          placed = true
        }
      }
    }
    if (!placed) formError.value = describeError(error)
  }

  async function save(): Promise<void> {
    if (saving.value) return
    clearServerErrors()
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) {
      formError.value = t('validation.fixErrors')
      return
    }
    saving.value = true
    try {
      const saved = await store.update({
        clinicName: form.clinicName.trim(),
        clinicAddress: form.clinicAddress.trim(),
        clinicPhone: form.clinicPhone.trim(),
        queuePrefixes: { ...form.queuePrefixes },
      })
      base = JSON.stringify(formOf(saved))
      Object.assign(form, formOf(saved))
      showSuccess(t('settings.saved'))
    } catch (error) {
      showServerError(error)
    } finally {
      saving.value = false
    }
  }

  return { formRef, form, rules, serverErrors, formError, saving, setPrefix, save }
}
