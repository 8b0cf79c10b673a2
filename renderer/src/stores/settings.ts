import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEFAULT_SETTINGS, type ClinicSettings, type SettingsPatch } from '../../../core/domain/settings.ts'
import type { Locale } from '../../../core/i18n/locales.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'
import { applyLocale } from '../i18n/index.ts'

/**
 * Clinic settings. The main process owns them: it validates, saves and broadcasts a 'settings' change;
 * this store applies what it reads (including the language), so there is one source of truth.
 */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<ClinicSettings>(structuredClone(DEFAULT_SETTINGS))
  const loaded = ref(false)
  const clinicName = computed(() => settings.value.clinicName)
  const language = computed<Locale>(() => settings.value.language)
  let initialised = false

  function apply(next: ClinicSettings): void {
    settings.value = next
    loaded.value = true
    applyLocale(next.language)
  }

  async function load(): Promise<void> {
    try {
      apply(await api.call('settings.get', {}))
    } catch (error) {
      showError(error)
    }
  }

  /** Loads once and re-reads on every 'settings' change (from this window or another). */
  async function init(): Promise<void> {
    if (initialised) return
    initialised = true
    applyLocale(settings.value.language)
    if (!isConnected()) return
    api.onChange('settings', () => void load())
    await load()
  }

  /** Saves a patch; throws ApiCallError (with `fields`) so a form can show it. */
  async function update(patch: SettingsPatch): Promise<ClinicSettings> {
    const next = await api.call('settings.update', patch)
    apply(next)
    return next
  }

  /** Applies a language at once, then saves it; goes back if saving fails. */
  async function setLanguage(locale: Locale): Promise<boolean> {
    const before = settings.value.language
    if (locale === before) return true
    applyLocale(locale)
    try {
      apply(await api.call('settings.setLanguage', { language: locale }))
      return true
    } catch (error) {
      applyLocale(before)
      showError(error)
      return false
    }
  }

  return { settings, loaded, clinicName, language, init, load, update, setLanguage }
})
