import { computed, nextTick, onBeforeUnmount, onMounted, reactive, ref, toRaw, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { emptyPayload, type ConsultationPayload, type ConsultationSheet } from '../../../../core/domain/consultation.ts'
import { ApiCallError } from '../../api/client.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useConsultationStore } from '../../stores/consultation.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useStaffStore } from '../../stores/staff.ts'
import { fieldErrors, focusFirstError } from './rules.ts'
import { useSheetAutosave } from './useSheetAutosave.ts'

/** Ctrl+P opens the print preview (Electron has no print accelerator; a browser's is replaced). */
export const PRINT_SHORTCUT = { code: 'KeyP', ctrl: true } as const

/**
 * The consultation sheet of a visit: the form (saved as a draft while typing), the version shown (the
 * latest, or an older one read only), the checks before printing, printing, and new versions.
 */
export function useConsultationSheet(visitIdParam: Ref<string>) {
  const { t } = useI18n()
  const store = useConsultationStore()
  const staff = useStaffStore()
  const settings = useSettingsStore()
  const form = ref<ConsultationPayload>(emptyPayload())
  const viewingId = ref<number | null>(null)
  const printedAt = ref(new Date())
  const busy = ref(false)
  const previewOpen = ref(false)
  const checkRequired = ref(false)
  const serverErrors = reactive<Record<string, string>>({})
  /** The form as last loaded or sent, so that loading a sheet is not taken for typing. */
  let lastSent = ''

  const visitId = computed(() => {
    const n = Number(visitIdParam.value)
    return Number.isInteger(n) && n > 0 ? n : null
  })
  const shown = computed<ConsultationSheet | null>(() => (viewingId.value === null ? store.sheet : (store.versions.find((v) => v.id === viewingId.value) ?? store.sheet)))
  const isLatest = computed(() => shown.value !== null && shown.value.id === store.sheet?.id)
  const readonly = computed(() => !shown.value || shown.value.status === 'printed' || !isLatest.value)
  const errors = computed<Record<string, string>>(() => ({ ...(checkRequired.value && !readonly.value ? fieldErrors(form.value, t) : {}), ...serverErrors }))
  const consultants = computed(() => staff.active.filter((s) => s.role === 'consultant'))
  const doctors = computed(() => staff.active.filter((s) => s.role === 'doctor'))

  const autosave = useSheetAutosave(
    async () => {
      const payload = structuredClone(toRaw(form.value))
      lastSent = JSON.stringify(payload)
      const saved = await store.saveDraft(payload)
      // Names of the consultant and doctor come back from the staff records.
      form.value.visit.consultantName = saved.payload.visit.consultantName
      form.value.visit.doctorName = saved.payload.visit.doctorName
      lastSent = JSON.stringify(form.value)
      clearServerErrors()
    },
    async () => {
      const latest = await store.reload()
      if (latest) apply(latest)
    },
  )

  function clearServerErrors(): void {
    for (const key of Object.keys(serverErrors)) delete serverErrors[key]
  }

  function apply(sheet: ConsultationSheet): void {
    form.value = structuredClone(toRaw(sheet.payload))
    lastSent = JSON.stringify(form.value)
    clearServerErrors()
    autosave.reset(sheet.status === 'draft')
  }

  watch(
    form,
    (value) => {
      if (readonly.value || JSON.stringify(value) === lastSent) return
      autosave.touch()
    },
    { deep: true },
  )
  watch(shown, (sheet, before) => {
    if (sheet && sheet.id !== before?.id) apply(sheet)
  })

  function takeServerErrors(error: unknown): boolean {
    if (!(error instanceof ApiCallError) || Object.keys(error.fields).length === 0) return false
    for (const [path, message] of Object.entries(error.fields)) serverErrors[path.replace(/^payload\./, '')] = message
    return true
  }

  /** Opens the print preview of the version shown (a draft shows as such). */
  function openPreview(): void {
    if (!shown.value) return
    printedAt.value = new Date()
    previewOpen.value = true
  }

  /**
   * Runs before the sheet goes to a printer or a PDF: a draft must have its required fields, is saved and
   * frozen as printed (the print then shows the final version); a printed version records a reprint.
   */
  async function prepare(): Promise<boolean> {
    const sheet = shown.value
    if (busy.value || !sheet) return false
    busy.value = true
    try {
      if (sheet.status === 'draft') {
        checkRequired.value = true
        const missing = fieldErrors(form.value, t)
        if (Object.keys(missing).length > 0) {
          previewOpen.value = false
          showError(new ApiCallError('invalid_input', t('consultation.validation.summary', { n: Object.keys(missing).length })))
          await nextTick()
          focusFirstError(missing)
          return false
        }
        if (!(await autosave.flush())) return false
        const printed = await store.markPrinted()
        apply(printed)
        checkRequired.value = false
        showSuccess(t('consultation.actions.printed', { no: printed.sheetNo, n: printed.version }))
      } else {
        await store.markPrinted(sheet)
      }
      printedAt.value = new Date()
      await nextTick()
      return true
    } catch (error) {
      if (takeServerErrors(error)) {
        previewOpen.value = false
        focusFirstError(serverErrors)
      }
      showError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  /** Copies the printed latest version into a new draft to edit. */
  async function newVersion(): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      const next = await store.newVersion()
      viewingId.value = null
      apply(next)
      showSuccess(t('consultation.actions.newVersionDone', { n: next.version }))
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  watch(visitId, (id) => {
    viewingId.value = null
    if (id !== null) void store.open(id)
  })
  const stampPrintTime = () => (printedAt.value = new Date())
  onMounted(() => {
    void staff.ensureLoaded()
    if (visitId.value !== null) void store.open(visitId.value)
    window.addEventListener('beforeprint', stampPrintTime)
  })
  onBeforeUnmount(() => window.removeEventListener('beforeprint', stampPrintTime))
  usePrintSheet()
  useShortcut(PRINT_SHORTCUT, openPreview)

  const notFound = computed(() => visitId.value === null || (store.notFound && !store.loading))
  const clinic = computed(() => settings.settings)
  return { store, form, shown, isLatest, readonly, errors, viewingId, consultants, doctors, autosave, busy, printedAt, notFound, clinic, previewOpen, openPreview, prepare, newVersion }
}
