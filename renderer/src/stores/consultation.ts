import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ConsultationPayload, ConsultationSheet } from '../../../core/domain/consultation.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * The consultation sheet of the visit whose page is open: its latest version (the one being edited or
 * the last printed one) and every version. Writes throw ApiCallError so the page can show field errors
 * and conflicts. A 'visits' change of this visit (printed or versioned in another window) re-reads the
 * version list; the form being typed into is the page's and is never replaced behind its back.
 */
export const useConsultationStore = defineStore('consultation', () => {
  const visitId = ref<number | null>(null)
  const sheet = ref<ConsultationSheet | null>(null)
  const versions = ref<ConsultationSheet[]>([])
  const loading = ref(false)
  const notFound = ref(false)
  let initialised = false

  const latestVersion = computed(() => versions.value.at(-1)?.version ?? sheet.value?.version ?? 0)

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('visits', (event) => {
      if (visitId.value !== null && (!event.ids || event.ids.includes(visitId.value))) void loadVersions()
    })
  }

  async function loadVersions(): Promise<void> {
    const id = visitId.value
    if (id === null) return
    try {
      const list = await api.call('consultations.versions', { visitId: id })
      if (visitId.value === id) versions.value = list
    } catch (error) {
      showError(error)
    }
  }

  /** Opens (or makes) the visit's sheet. */
  async function open(id: number): Promise<void> {
    init()
    if (visitId.value !== id) {
      sheet.value = null
      versions.value = []
    }
    visitId.value = id
    notFound.value = false
    loading.value = true
    try {
      const current = await api.call('consultations.get', { visitId: id })
      if (visitId.value !== id) return
      sheet.value = current
      await loadVersions()
    } catch (error) {
      if (visitId.value === id) notFound.value = true
      showError(error)
    } finally {
      loading.value = false
    }
  }

  function keep(next: ConsultationSheet): ConsultationSheet {
    if (!sheet.value || next.id === sheet.value.id || next.version > sheet.value.version) sheet.value = next
    const index = versions.value.findIndex((v) => v.id === next.id)
    versions.value = index === -1 ? [...versions.value, next].sort((a, b) => a.version - b.version) : versions.value.with(index, next)
    return next
  }

  /** Saves the form as the current draft at the revision last read. */
  async function saveDraft(payload: ConsultationPayload): Promise<ConsultationSheet> {
    const current = sheet.value
    if (!current) throw new Error('no sheet open')
    return keep(await api.call('consultations.saveDraft', { sheetId: current.id, expectedRevision: current.revision, payload }))
  }

  /** Freezes the current draft; on a printed version (this one or an older one) it records a reprint. */
  async function markPrinted(target: ConsultationSheet | null = sheet.value): Promise<ConsultationSheet> {
    const current = target
    if (!current) throw new Error('no sheet open')
    return keep(await api.call('consultations.markPrinted', { sheetId: current.id, expectedRevision: current.revision }))
  }

  async function newVersion(): Promise<ConsultationSheet> {
    const current = sheet.value
    if (!current) throw new Error('no sheet open')
    return keep(await api.call('consultations.newVersion', { sheetId: current.id }))
  }

  /** Re-reads the sheet after a conflict (another window saved it first). */
  async function reload(): Promise<ConsultationSheet | null> {
    if (visitId.value === null) return null
    await open(visitId.value)
    return sheet.value
  }

  return { visitId, sheet, versions, loading, notFound, latestVersion, init, open, saveDraft, markPrinted, newVersion, reload, loadVersions }
})
