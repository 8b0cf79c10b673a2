import { defineStore } from 'pinia'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { DeductionResult } from '../../../core/api/cards.ts'
import type { CardDetail, TreatmentCard } from '../../../core/domain/treatmentCard.ts'
import { api, ApiCallError } from '../api/client.ts'
import { paramResource } from './paramResource.ts'

export type DeductInput = MethodInput<'cards.deduct'>

/**
 * One client's treatment cards (疗程卡) and the card whose deductions are open, for the client's page;
 * fresh while the page shows them. A payment or a void of a fee sheet makes or voids cards, hence 'fees'.
 */
export const useCardsStore = defineStore('cards', () => {
  const list = paramResource<number, TreatmentCard[]>([], (clientId) => api.call('cards.ofClient', { clientId }), ['cards', 'fees'])
  const detail = paramResource<number, CardDetail | null>(null, (id) => api.call('cards.get', { id }), ['cards', 'staff'])

  /** Shows one client's cards; another client's are not kept on screen meanwhile. */
  async function open(clientId: number): Promise<void> {
    if (list.params.value !== clientId) list.value.value = []
    await list.load(clientId)
  }

  async function openDetail(cardId: number): Promise<void> {
    if (detail.params.value !== cardId) detail.value.value = null
    await detail.load(cardId)
  }

  function replace(card: TreatmentCard): void {
    const index = list.value.value.findIndex((c) => c.id === card.id)
    if (index !== -1) list.value.value = list.value.value.with(index, card)
    if (detail.value.value?.card.id === card.id) detail.value.value = { ...detail.value.value, card }
  }

  /** Throws ApiCallError; a card changed meanwhile (conflict) is re-read first, so the caller shows it as it is now. */
  async function deduct(input: DeductInput): Promise<DeductionResult> {
    try {
      const result = await api.call('cards.deduct', input)
      replace(result.card)
      return result
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') await list.reload()
      throw error
    }
  }

  /** An administrator's undo, with a reason; throws ApiCallError (the reason dialog shows it). */
  async function undo(deductionId: number, reason: string): Promise<CardDetail> {
    const next = await api.call('cards.undoDeduction', { deductionId, reason })
    detail.value.value = next
    replace(next.card)
    return next
  }

  /** The client page is shown: keep its cards fresh until the returned function is called. */
  function attach(): () => void {
    const detachList = list.attach()
    const detachDetail = detail.attach()
    return () => {
      detachList()
      detachDetail()
    }
  }

  return { cards: list.value, loading: list.loading, detail: detail.value, detailLoading: detail.loading, open, openDetail, deduct, undo, attach }
})
