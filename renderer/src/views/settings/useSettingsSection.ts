import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ClinicSettings } from '../../../../core/domain/settings.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError, showSuccess } from '../../api/notify.ts'
import { useSettingsStore } from '../../stores/settings.ts'

/**
 * A card of the settings page that edits a few keys and saves them on its own: a draft that follows the
 * store (changes from another window) until the operator edits it, and the server's field errors.
 */
export function useSettingsSection<K extends keyof ClinicSettings>(keys: readonly K[]) {
  const { t } = useI18n()
  const store = useSettingsStore()
  // Settings are plain JSON; a JSON copy also unwraps reactive proxies (structuredClone cannot).
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
  const pick = (settings: ClinicSettings) => copy(Object.fromEntries(keys.map((k) => [k, settings[k]])) as Pick<ClinicSettings, K>)
  const draft = reactive(pick(store.settings)) as Pick<ClinicSettings, K>
  // A ref, so saving a draft equal to what was saved still clears `dirty`.
  const base = ref(JSON.stringify(pick(store.settings)))
  const dirty = computed(() => JSON.stringify(draft) !== base.value)
  const errors = reactive<Record<string, string>>({})
  const formError = ref('')
  const saving = ref(false)

  watch(
    () => store.settings,
    (settings) => {
      if (dirty.value) return
      Object.assign(draft, pick(settings))
      base.value = JSON.stringify(pick(settings))
    },
  )

  async function save(): Promise<void> {
    if (saving.value) return
    for (const key of Object.keys(errors)) delete errors[key]
    formError.value = ''
    saving.value = true
    try {
      const saved = await store.update(copy({ ...draft }) as Partial<ClinicSettings>)
      Object.assign(draft, pick(saved))
      base.value = JSON.stringify(pick(saved))
      showSuccess(t('settings.saved'))
    } catch (error) {
      if (error instanceof ApiCallError && Object.keys(error.fields).length > 0) Object.assign(errors, error.fields)
      else formError.value = describeError(error)
    } finally {
      saving.value = false
    }
  }

  return { draft, dirty, errors, formError, saving, save }
}
