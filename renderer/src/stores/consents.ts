import { defineStore } from 'pinia'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { CardConsent, Consent, ConsentTemplate } from '../../../core/domain/consent.ts'
import { api } from '../api/client.ts'
import { paramResource } from './paramResource.ts'

export type SaveTemplateInput = MethodInput<'consents.saveTemplate'>

/**
 * Consent forms (知情同意书): one client's cards with their consents, for the client's page (a consent
 * change is published as a 'cards' change of its card; a payment or void of a fee sheet makes or voids
 * cards, hence 'fees'; a price item's classification, 'prices'), and the templates for 设置.
 */
export const useConsentsStore = defineStore('consents', () => {
  const list = paramResource<number, CardConsent[]>([], (clientId) => api.call('consents.ofClient', { clientId }), ['cards', 'fees', 'prices'])
  const templates = paramResource<'all', ConsentTemplate[]>([], () => api.call('consents.templates', {}), ['settings'])

  async function open(clientId: number): Promise<void> {
    if (list.params.value !== clientId) list.value.value = []
    await list.load(clientId)
  }

  function put(consent: Consent): void {
    const index = list.value.value.findIndex((r) => r.cardId === consent.cardId)
    const row = list.value.value[index]
    if (row) list.value.value = list.value.value.with(index, { ...row, consent, state: consent.signedAt === null ? 'pending' : 'signed' })
  }

  /** The card's consent, made from its template if there is none yet; throws ApiCallError. */
  async function prepare(cardId: number): Promise<Consent> {
    const consent = await api.call('consents.prepare', { cardId })
    put(consent)
    return consent
  }

  /** Throws ApiCallError (already signed in another window: the list is re-read). */
  async function markSigned(id: number): Promise<Consent> {
    try {
      const consent = await api.call('consents.markSigned', { id })
      put(consent)
      return consent
    } catch (error) {
      await list.reload()
      throw error
    }
  }

  async function loadTemplates(): Promise<void> {
    await templates.load('all')
  }

  /** Throws ApiCallError; a conflict re-reads the templates first, so the card shows the newer text. */
  async function saveTemplate(input: SaveTemplateInput): Promise<ConsentTemplate> {
    try {
      const saved = await api.call('consents.saveTemplate', input)
      const index = templates.value.value.findIndex((t) => t.key === saved.key)
      if (index !== -1) templates.value.value = templates.value.value.with(index, saved)
      return saved
    } catch (error) {
      await templates.reload()
      throw error
    }
  }

  function attach(): () => void {
    const a = list.attach()
    const b = templates.attach()
    return () => {
      a()
      b()
    }
  }

  return { rows: list.value, loading: list.loading, templates: templates.value, templatesLoading: templates.loading, open, prepare, markSigned, loadTemplates, saveTemplate, attach }
})
