import { defineStore } from 'pinia'
import type { TreatmentRecordRow } from '../../../core/domain/treatmentCard.ts'
import { api } from '../api/client.ts'
import { paramResource } from './paramResource.ts'

/**
 * One client's treatment record (病历档案): every deduction of their cards, newest first. A deduction or its
 * undo ('cards'), a payment or void making or voiding cards ('fees') and a renamed staff member re-read it.
 */
export const useTreatmentRecordStore = defineStore('treatmentRecord', () => {
  const record = paramResource<number, TreatmentRecordRow[]>([], (clientId) => api.call('cards.treatmentRecord', { clientId }), ['cards', 'fees', 'staff'])

  /** Shows one client's record; another client's is not kept on screen meanwhile. */
  async function open(clientId: number): Promise<void> {
    if (record.params.value !== clientId) record.value.value = []
    await record.load(clientId)
  }

  return { rows: record.value, loading: record.loading, open, attach: record.attach }
})
