import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ClientPhoto, PhotoKind } from '../../../../core/domain/clientPhoto.ts'
import type { TreatmentCard } from '../../../../core/domain/treatmentCard.ts'
import { api, ApiCallError } from '../../api/client.ts'
import { describeError, showError } from '../../api/notify.ts'
import { useClientPhotosStore } from '../../stores/clientPhotos.ts'
import { today } from '../reports/dates.ts'
import { fileDay, photoFileRefusal, readClinicalPhoto } from './photoFiles.ts'

export type ImportSource = 'files' | 'folder'

export interface ImportSummary {
  imported: number
  /** Names of the pictures imported before for this client: skipped, not errors. */
  skipped: string[]
  /** Each file not imported, with the sentence that says why (it names the file). */
  refused: { name: string; message: string }[]
  /** Files of a camera folder that are not pictures at all, left out without a word each. */
  ignored: number
}

/** The fields a refusal may stop the whole import on: every file would be refused the same way. */
const FORM_FIELDS = ['takenOn', 'cardId'] as const

/**
 * Importing photos into a client's record: the files picked (or a camera folder's pictures), the kind, date,
 * card and note for all of them, then one call per file with the progress, and a summary at the end.
 * Files are checked by their first bytes here before anything is sent, and again in main.
 */
export function usePhotoImport(clientId: Ref<number | null>) {
  const { t } = useI18n()
  const store = useClientPhotosStore()
  const open = ref(false)
  const source = ref<ImportSource>('files')
  const files = ref<File[]>([])
  const ignored = ref(0)
  const cards = ref<TreatmentCard[]>([])
  const form = reactive({ kind: 'before' as PhotoKind, takenOn: today(), cardId: null as number | null, note: '', useFileDates: true })
  const errors = reactive({ takenOn: '', cardId: '' })
  const running = ref(false)
  const done = ref(0)
  const summary = ref<ImportSummary | null>(null)
  const total = computed(() => files.value.length)

  /** 术前 unless the client already has a photo today: then the ones taken now are most likely 术后. */
  function defaultKind(photos: readonly ClientPhoto[], day: string): PhotoKind {
    return photos.some((p) => p.takenOn === day) ? 'after' : 'before'
  }

  async function loadCards(id: number): Promise<void> {
    try {
      cards.value = (await api.call('cards.ofClient', { clientId: id })).filter((c) => !c.voided)
    } catch (error) {
      cards.value = []
      showError(error)
    }
  }

  /** The picked files: all of them from the picker; from a camera folder, only those whose first bytes are no plain non-picture. */
  async function pick(list: readonly File[], from: ImportSource): Promise<void> {
    const id = clientId.value
    if (id === null || list.length === 0) return
    let kept = [...list]
    let left = 0
    if (from === 'folder') {
      const reasons = await Promise.all(kept.map(photoFileRefusal))
      // A HEIC or an oversized picture stays in, so the summary says what to do with it.
      kept = kept.filter((_, i) => reasons[i] !== 'notImage' && reasons[i] !== 'empty')
      left = list.length - kept.length
    }
    source.value = from
    files.value = kept.sort((a, b) => a.name.localeCompare(b.name))
    ignored.value = left
    summary.value = null
    done.value = 0
    const day = today()
    Object.assign(form, { kind: defaultKind(store.photos, day), takenOn: day, cardId: null, note: '', useFileDates: true })
    Object.assign(errors, { takenOn: '', cardId: '' })
    open.value = true
    await loadCards(id)
  }

  const dayOf = (file: File, day: string) => (source.value === 'folder' && form.useFileDates ? fileDay(file, day) : form.takenOn)

  function refusalText(name: string, reason: 'notImage' | 'heic' | 'tooLarge' | 'empty'): string {
    return t(`photos.refusal.${reason}`, { name })
  }

  /** Imports one file; false when a refusal of the form's fields stops the run. */
  async function importFile(id: number, file: File, day: string, result: ImportSummary): Promise<boolean> {
    const read = await readClinicalPhoto(file)
    if (!read.ok) {
      result.refused.push({ name: file.name, message: refusalText(file.name, read.reason) })
      return true
    }
    try {
      await store.importOne({ clientId: id, kind: form.kind, takenOn: dayOf(file, day), cardId: form.cardId, note: form.note.trim(), originalName: file.name, base64: read.base64 })
      result.imported += 1
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') result.skipped.push(file.name)
      else if (error instanceof ApiCallError && FORM_FIELDS.some((f) => error.fields[f])) {
        for (const f of FORM_FIELDS) errors[f] = error.fields[f] ?? ''
        return false
      } else result.refused.push({ name: file.name, message: describeError(error) })
    }
    return true
  }

  async function start(): Promise<void> {
    const id = clientId.value
    if (id === null || running.value || files.value.length === 0) return
    const day = today()
    errors.takenOn = form.takenOn > day ? t('photos.dialog.futureDate') : ''
    errors.cardId = ''
    if (errors.takenOn) return
    running.value = true
    done.value = 0
    const result: ImportSummary = { imported: 0, skipped: [], refused: [], ignored: ignored.value }
    try {
      for (const file of files.value) {
        if (!(await importFile(id, file, day, result))) return
        done.value += 1
      }
      summary.value = result
    } finally {
      running.value = false
      if (result.imported > 0) void store.reload()
    }
  }

  function close(): void {
    if (running.value) return
    open.value = false
    files.value = []
  }

  return { open, source, files, ignored, cards, form, errors, running, done, total, summary, pick, start, close }
}

export type PhotoImport = ReturnType<typeof usePhotoImport>
