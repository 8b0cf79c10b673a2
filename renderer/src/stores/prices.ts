import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { ImportPreview, ImportResult } from '../../../core/api/prices.ts'
import type { PriceCategory, PriceItem } from '../../../core/domain/priceItem.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

export type PriceInput = MethodInput<'prices.create'>
export type PriceUpdate = MethodInput<'prices.update'>

/** What the price-list page asks for; the query is matched by main (code, name, pinyin). */
export interface PriceFilter {
  query: string
  category: PriceCategory | null
  includeInactive: boolean
}

const byCode = (a: PriceItem, b: PriceItem) => a.code.localeCompare(b.code, 'en', { sensitivity: 'base' }) || a.id - b.id

/**
 * The price list as the page filters it (main does the search). Re-read on each 'prices' change once the
 * page has asked for it; a slower answer to an older filter never replaces a newer one.
 */
export const usePricesStore = defineStore('prices', () => {
  const items = ref<PriceItem[]>([])
  const filter = ref<PriceFilter>({ query: '', category: null, includeInactive: false })
  const loaded = ref(false)
  const loading = ref(false)
  let initialised = false
  let wanted = false
  let request = 0

  async function load(): Promise<void> {
    const mine = ++request
    const { query, category, includeInactive } = filter.value
    loading.value = true
    try {
      const value = await api.call('prices.list', {
        ...(query.trim() === '' ? {} : { query: query.trim() }),
        ...(category ? { category } : {}),
        includeInactive,
      })
      if (mine !== request) return
      items.value = value
      loaded.value = true
    } catch (error) {
      if (mine === request) showError(error)
    } finally {
      if (mine === request) loading.value = false
    }
  }

  /** Subscribes once to pushed changes (from this window or another). */
  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('prices', () => {
      if (wanted) void load()
    })
  }

  async function ensureLoaded(): Promise<void> {
    init()
    wanted = true
    if (!loaded.value && !loading.value) await load()
  }

  /** Changes the filter and reads the list for it. */
  async function setFilter(patch: Partial<PriceFilter>): Promise<void> {
    filter.value = { ...filter.value, ...patch }
    await load()
  }

  /** Puts a written item into the list at once (the change event re-reads it after). */
  function replace(item: PriceItem): void {
    const { category, includeInactive } = filter.value
    const shown = (includeInactive || item.active) && (category === null || item.category === category)
    const others = items.value.filter((i) => i.id !== item.id)
    items.value = shown ? [...others, item].sort(byCode) : others
  }

  /** Writes throw ApiCallError so the caller can show field errors. */
  async function create(input: PriceInput): Promise<PriceItem> {
    const item = await api.call('prices.create', input)
    replace(item)
    return item
  }

  async function update(input: PriceUpdate): Promise<PriceItem> {
    const item = await api.call('prices.update', input)
    replace(item)
    return item
  }

  async function setActive(id: number, active: boolean): Promise<PriceItem> {
    const item = await api.call('prices.setActive', { id, active })
    replace(item)
    return item
  }

  /** The whole list as an XLSX file (name and base64 content). */
  function exportXlsx(): Promise<{ fileName: string; base64: string }> {
    return api.call('prices.exportXlsx', {})
  }

  /** What importing the workbook would do; writes nothing. */
  function previewImport(base64: string): Promise<ImportPreview> {
    return api.call('prices.previewImport', { base64 })
  }

  /** Writes the previewed workbook (refused if it or the list changed since), then re-reads the list. */
  async function applyImport(base64: string, previewHash: string): Promise<ImportResult> {
    const result = await api.call('prices.applyImport', { base64, expectedPreviewHash: previewHash })
    await load()
    return result
  }

  return { items, filter, loaded, loading, init, load, ensureLoaded, setFilter, create, update, setActive, exportXlsx, previewImport, applyImport }
})
