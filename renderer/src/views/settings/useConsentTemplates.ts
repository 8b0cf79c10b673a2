import { computed, onBeforeUnmount, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { CONSENT_LIMITS, type ConsentTemplate, type ConsentTemplateKey } from '../../../../core/domain/consent.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError, showSuccess } from '../../api/notify.ts'
import { useConsentsStore } from '../../stores/consents.ts'

/**
 * The settings card of the consent form templates: one template picked, its title and body as a draft that
 * follows the store (another window's save) until edited; saved at the version read. A conflict shows the
 * newer text (the message says to look at it), an empty title or body is refused on its field.
 */
export function useConsentTemplates() {
  const { t } = useI18n()
  const store = useConsentsStore()
  const key = ref<ConsentTemplateKey>('general')
  const current = computed<ConsentTemplate | null>(() => store.templates.find((x) => x.key === key.value) ?? null)
  const draft = reactive({ title: '', body: '' })
  const base = ref({ key: key.value, version: 0, title: '', body: '' })
  const dirty = computed(() => draft.title !== base.value.title || draft.body !== base.value.body)
  const errors = reactive<Record<string, string>>({})
  const formError = ref('')
  const saving = ref(false)

  function clearErrors(): void {
    for (const k of Object.keys(errors)) delete errors[k]
    formError.value = ''
  }

  function take(template: ConsentTemplate | null): void {
    base.value = { key: key.value, version: template?.version ?? 0, title: template?.title ?? '', body: template?.body ?? '' }
    draft.title = base.value.title
    draft.body = base.value.body
  }

  // A newer version from another window replaces the draft only when it is not being edited (or another template was picked).
  watch(current, (template) => {
    if (base.value.key !== key.value || !dirty.value) take(template)
  })
  watch(key, () => {
    clearErrors()
    take(current.value)
  })

  function check(): boolean {
    clearErrors()
    const title = draft.title.trim()
    const body = draft.body.trim()
    if (title === '') errors.title = t('consent.templates.titleRequired')
    else if (title.length > CONSENT_LIMITS.title) errors.title = t('consent.templates.tooLong', { max: CONSENT_LIMITS.title })
    if (body === '') errors.body = t('consent.templates.bodyRequired')
    else if (body.length > CONSENT_LIMITS.body) errors.body = t('consent.templates.tooLong', { max: CONSENT_LIMITS.body })
    return Object.keys(errors).length === 0
  }

  async function save(): Promise<void> {
    if (saving.value || !check()) return
    saving.value = true
    try {
      const saved = await store.saveTemplate({ key: key.value, expectedVersion: base.value.version, title: draft.title.trim(), body: draft.body.trim() })
      take(saved)
      showSuccess(t('consent.templates.saved', { name: t(`consent.templateNames.${saved.key}`) }))
    } catch (error) {
      if (error instanceof ApiCallError && Object.keys(error.fields).length > 0) Object.assign(errors, error.fields)
      else formError.value = describeError(error)
      if (error instanceof ApiCallError && error.code === 'conflict') take(current.value)
    } finally {
      saving.value = false
    }
  }

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    void store.loadTemplates().then(() => take(current.value))
  })
  onBeforeUnmount(() => detach?.())

  return { key, current, draft, dirty, errors, formError, saving, save }
}
