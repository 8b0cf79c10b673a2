import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../../../core/api/prices.ts'
import { ApiCallError } from '../../api/client.ts'
import { describeError, showSuccess } from '../../api/notify.ts'
import { usePricesStore } from '../../stores/prices.ts'

/** "5.0 MB": a size for people (display only; the check itself is on whole bytes). */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The file's bytes as base64, read in the renderer (it has no file system of its own). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      if (comma === -1) reject(new Error('not a data URL'))
      else resolve(url.slice(comma + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/**
 * The import dialog's steps: choose a workbook, preview what it would do (nothing written), then apply
 * exactly that preview (its hash), or nothing. A refusal is shown in the dialog, which stays open.
 */
export function usePriceImport(onApplied: () => void) {
  const { t } = useI18n()
  const store = usePricesStore()
  const fileName = ref('')
  const base64 = ref('')
  const preview = ref<ImportPreview | null>(null)
  const error = ref('')
  const previewing = ref(false)
  const applying = ref(false)
  const busy = computed(() => previewing.value || applying.value)
  const toWrite = computed(() => (preview.value ? preview.value.add.length + preview.value.change.length : 0))

  function reset(): void {
    fileName.value = ''
    base64.value = ''
    preview.value = null
    error.value = ''
  }

  async function runPreview(): Promise<void> {
    previewing.value = true
    error.value = ''
    preview.value = null
    try {
      preview.value = await store.previewImport(base64.value)
    } catch (failure) {
      error.value = describeError(failure)
    } finally {
      previewing.value = false
    }
  }

  /** A file was chosen: checked for size, read, previewed. */
  async function choose(file: File): Promise<void> {
    if (busy.value) return
    reset()
    fileName.value = file.name
    if (file.size > MAX_IMPORT_BYTES) {
      error.value = t('prices.importDialog.tooLarge', { name: file.name, size: sizeText(file.size), max: sizeText(MAX_IMPORT_BYTES) })
      return
    }
    try {
      if (file.size === 0) throw new Error('empty file')
      base64.value = await readAsBase64(file)
    } catch {
      error.value = t('prices.importDialog.readFailed', { name: file.name })
      return
    }
    await runPreview()
  }

  async function apply(): Promise<void> {
    const shown = preview.value
    if (!shown || busy.value || toWrite.value === 0) return
    applying.value = true
    error.value = ''
    try {
      const result = await store.applyImport(base64.value, shown.previewHash)
      showSuccess(t('prices.importDialog.applied', { ...result }))
      onApplied()
    } catch (failure) {
      const message = describeError(failure)
      // The file or the list changed since the preview: show what an import would do now.
      if (failure instanceof ApiCallError && failure.code === 'conflict') await runPreview()
      error.value = message
    } finally {
      applying.value = false
    }
  }

  return { fileName, preview, error, previewing, applying, busy, toWrite, reset, choose, apply }
}
