import { ElMessageBox } from 'element-plus'
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PriceCategory, PriceItem } from '../../../../core/domain/priceItem.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { usePricesStore } from '../../stores/prices.ts'
import { downloadFile } from '../reports/download.ts'

/** Alt+N adds an item: Alt keeps plain typing free, and `code` works under a Chinese input method. */
export const ADD_PRICE_SHORTCUT = { code: 'KeyN', alt: true } as const
/** Typing pauses this long before the list is searched again. */
export const SEARCH_DELAY_MS = 250

/** The price-list page: search and filters (answered by main), add / edit, (de)activation, import and export. */
export function usePriceList() {
  const { t } = useI18n()
  const store = usePricesStore()
  const query = ref(store.filter.query)
  const category = ref<PriceCategory | 'all'>(store.filter.category ?? 'all')
  const showInactive = ref(store.filter.includeInactive)
  const dialogOpen = ref(false)
  const importOpen = ref(false)
  const editing = ref<PriceItem | null>(null)
  const exporting = ref(false)

  const rows = computed(() => store.items)
  const filtered = computed(() => query.value.trim() !== '' || category.value !== 'all')

  let searchTimer: ReturnType<typeof setTimeout> | undefined
  watch(query, (text) => {
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => void store.setFilter({ query: text }), SEARCH_DELAY_MS)
  })
  watch(category, (value) => void store.setFilter({ category: value === 'all' ? null : value }))
  watch(showInactive, (value) => void store.setFilter({ includeInactive: value }))

  /** Enter in the search box searches at once. */
  function searchNow(): void {
    clearTimeout(searchTimer)
    void store.setFilter({ query: query.value })
  }

  function openCreate(): void {
    editing.value = null
    dialogOpen.value = true
  }

  function openEdit(item: PriceItem): void {
    editing.value = item
    dialogOpen.value = true
  }

  async function toggleActive(item: PriceItem): Promise<void> {
    const activate = !item.active
    try {
      await ElMessageBox.confirm(
        t(activate ? 'prices.confirm.reactivateBody' : 'prices.confirm.deactivateBody', { name: item.name }),
        t(activate ? 'prices.confirm.reactivateTitle' : 'prices.confirm.deactivateTitle'),
        {
          type: activate ? 'info' : 'warning',
          confirmButtonText: t(activate ? 'prices.reactivate' : 'prices.deactivate'),
          cancelButtonText: t('common.cancel'),
          confirmButtonClass: activate ? '' : 'el-button--danger',
        },
      )
    } catch {
      return // cancelled
    }
    try {
      const saved = await store.setActive(item.id, activate)
      showSuccess(t(activate ? 'prices.reactivated' : 'prices.deactivated', { name: saved.name }))
    } catch (error) {
      showError(error)
    }
  }

  async function exportXlsx(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const file = await store.exportXlsx()
      downloadFile(file.fileName, file.base64)
      showSuccess(t('prices.exported', { file: file.fileName }))
    } catch (error) {
      showError(error)
    } finally {
      exporting.value = false
    }
  }

  useShortcut(ADD_PRICE_SHORTCUT, openCreate)
  onMounted(() => void store.ensureLoaded())
  onBeforeUnmount(() => clearTimeout(searchTimer))

  return {
    store,
    query,
    category,
    showInactive,
    rows,
    filtered,
    dialogOpen,
    importOpen,
    editing,
    exporting,
    searchNow,
    openCreate,
    openEdit,
    toggleActive,
    exportXlsx,
    openImport: () => (importOpen.value = true),
  }
}
