import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { FeeSheet } from '../../../core/domain/feeSheet.ts'
import type { Payment } from '../../../core/fees/types.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

export type DraftInput = Omit<MethodInput<'fees.saveDraft'>, 'id' | 'expectedRevision'>

/**
 * The fee sheet whose page is open. Writes throw ApiCallError so the page shows field errors and
 * conflicts. A 'fees' change of this sheet made elsewhere re-reads it unless the page holds unsaved edits
 * (`hasLocalEdits`), which are never replaced behind the operator's back.
 */
export const useFeeSheetStore = defineStore('feeSheet', () => {
  const sheet = ref<FeeSheet | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  let hasLocalEdits: () => boolean = () => false
  let initialised = false

  function init(localEdits: () => boolean): void {
    hasLocalEdits = localEdits
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('fees', (event) => {
      const current = sheet.value
      if (current && (!event.ids || event.ids.includes(current.id)) && !hasLocalEdits()) void open(current.id)
    })
  }

  /** The sheet the page wants now: an answer for any other (an older read still on its way) is dropped. */
  let wanted: number | null = null

  async function open(id: number): Promise<void> {
    wanted = id
    if (sheet.value?.id !== id) sheet.value = null
    notFound.value = false
    loading.value = true
    try {
      const next = await api.call('fees.get', { id })
      if (wanted === id) sheet.value = next
    } catch (error) {
      if (wanted === id) notFound.value = true
      showError(error)
    } finally {
      if (wanted === id) loading.value = false
    }
  }

  const current = (): FeeSheet => {
    if (!sheet.value) throw new Error('no fee sheet open')
    return sheet.value
  }
  const keep = (next: FeeSheet): FeeSheet => {
    if (wanted === next.id) sheet.value = next
    return next
  }

  return {
    sheet,
    loading,
    notFound,
    init,
    open,
    saveDraft: async (draft: DraftInput) => keep(await api.call('fees.saveDraft', { id: current().id, expectedRevision: current().revision, ...draft })),
    confirm: async (floorOverrideReason?: string) =>
      keep(await api.call('fees.confirm', { id: current().id, expectedRevision: current().revision, ...(floorOverrideReason ? { floorOverrideReason } : {}) })),
    pay: async (payments: Payment[]) => keep(await api.call('fees.pay', { id: current().id, payments })),
    voidSheet: async (reason: string) => keep(await api.call('fees.void', { id: current().id, reason })),
    /** Voids this sheet and returns the new draft (the page moves to it). */
    reissue: async (reason: string) => api.call('fees.reissue', { id: current().id, reason }),
    discard: async () => api.call('fees.discardDraft', { id: current().id, expectedRevision: current().revision }),
    markPrinted: async () => {
      const result = await api.call('fees.markPrinted', { id: current().id })
      keep(result.sheet)
      return result.copy
    },
  }
})
