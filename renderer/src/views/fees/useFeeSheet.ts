import { computed, nextTick, onMounted, ref, toRaw, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PaperSize } from '../../../../core/api/print.ts'
import type { FeeSheet } from '../../../../core/domain/feeSheet.ts'
import { ApiCallError } from '../../api/client.ts'
import { showError } from '../../api/notify.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useFeeSheetStore } from '../../stores/feeSheet.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useSheetAutosave } from '../consultation/useSheetAutosave.ts'
import { draftInputOf, formOf, shortByLine, totalsOf, type FeeForm } from './feeForm.ts'

/**
 * The fee sheet page: the draft form (saved as the consultant types), its figures worked out live by the
 * same pure function the main process uses, and printing. Confirmed, paid and void sheets are read only.
 */
export function useFeeSheet(idParam: Ref<string>) {
  const { t } = useI18n()
  const store = useFeeSheetStore()
  const settings = useSettingsStore()
  const form = ref<FeeForm>({ lines: [], sheetDiscount: null, roundDown: 'none', deposits: [], note: '' })
  const paper = ref<PaperSize>('A4')
  const isCopy = ref(false)
  const printedAt = ref(new Date())
  const previewOpen = ref(false)
  let lastSent = ''

  const id = computed(() => {
    const n = Number(idParam.value)
    return Number.isInteger(n) && n > 0 ? n : null
  })
  const sheet = computed<FeeSheet | null>(() => (store.sheet && store.sheet.id === id.value ? store.sheet : null))
  const editable = computed(() => sheet.value?.status === 'draft')
  const computedTotals = computed(() => totalsOf(form.value))
  /** The figures shown: the form's while it is a draft, the stored ones once locked. */
  const totals = computed(() => (editable.value ? (computedTotals.value.ok ? computedTotals.value.value : null) : (sheet.value?.totals ?? null)))
  const totalsError = computed(() => {
    const result = computedTotals.value
    if (!editable.value || result.ok) return ''
    return result.errors.map((e) => (e.scope === 'sheet' ? '' : t(`fees.errors.${e.scope}`, { n: (e.index ?? 0) + 1 })) + t(`fees.errors.${e.code}`)).join('；')
  })
  const shortBy = computed(() => shortByLine(totals.value))

  const autosave = useSheetAutosave(
    async () => {
      const draft = draftInputOf(structuredClone(toRaw(form.value)))
      lastSent = JSON.stringify(form.value)
      const saved = await store.saveDraft(draft)
      // Snapshots of new lines come back from the price list as the main process took them.
      apply(saved, false)
    },
    async () => {
      if (id.value !== null) await store.open(id.value)
      if (store.sheet) apply(store.sheet, true)
    },
  )

  function apply(next: FeeSheet, reset: boolean): void {
    const incoming = formOf(toRaw(next))
    // Keep what was typed while the save ran; take the server's snapshots for the lines it saved.
    if (!reset && JSON.stringify(form.value) !== lastSent) return
    form.value = incoming
    lastSent = JSON.stringify(form.value)
    if (reset) autosave.reset(next.status === 'draft')
  }

  watch(form, (value) => {
    if (!editable.value || JSON.stringify(value) === lastSent) return
    if (computedTotals.value.ok) autosave.touch()
    else autosave.hold() // not saved while the figures are wrong; the message says why
  }, { deep: true })
  watch(sheet, (next, before) => {
    if (next && (next.id !== before?.id || next.status !== before.status || next.revision !== before.revision)) apply(next, next.id !== before?.id || next.status !== before.status)
  })
  watch(id, (next) => {
    if (next !== null) void store.open(next)
  })

  function openPreview(): void {
    if (!sheet.value || sheet.value.status === 'void') return
    printedAt.value = new Date()
    isCopy.value = sheet.value.status !== 'draft' && sheet.value.printCount > 0
    previewOpen.value = true
  }

  /** Before printing: a draft is saved first; the print is recorded (the second print of a confirmed sheet on is a copy). */
  async function prepare(): Promise<boolean> {
    if (editable.value && totalsError.value) {
      showError(new ApiCallError('invalid_input', t('fees.totals.invalid', { message: totalsError.value })))
      return false
    }
    if (editable.value && !(await autosave.flush())) return false
    isCopy.value = await store.markPrinted()
    printedAt.value = new Date()
    await nextTick()
    return true
  }

  onMounted(() => {
    store.init(() => editable.value && JSON.stringify(form.value) !== lastSent)
    if (id.value !== null) void store.open(id.value)
  })
  // While the page is open printing prints the fee sheet, with or without its preview.
  usePrintSheet()
  useShortcut({ code: 'KeyP', ctrl: true }, openPreview)
  useShortcut({ code: 'KeyS', ctrl: true }, () => void autosave.flush())

  const notFound = computed(() => id.value === null || (store.notFound && !store.loading))
  const clinic = computed(() => settings.settings)
  return { store, sheet, form, editable, totals, totalsError, shortBy, autosave, paper, isCopy, printedAt, previewOpen, notFound, clinic, openPreview, prepare }
}
