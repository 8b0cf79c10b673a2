import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { showError, showSuccess } from '../../api/notify.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useShortcut } from '../../composables/useShortcut.ts'
import { useReportsStore } from '../../stores/reports.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { today } from './dates.ts'
import { downloadFile } from './download.ts'

/** Ctrl+P prints the log (Electron has no print accelerator of its own; a browser's is replaced). */
export const PRINT_SHORTCUT = { code: 'KeyP', ctrl: true } as const

export interface LogTotals {
  visits: number
  deals: number
  noDeals: number
  /** Confirmed and paid fee sheets of the day, fen. */
  amountFen: number
}

/** The daily consultation log: the day picked (today by default), its rows and totals, print and export. */
export function useDailyLog() {
  const { t } = useI18n()
  const store = useReportsStore()
  const settings = useSettingsStore()
  const date = ref(today())
  const exporting = ref(false)
  const printedAt = ref(new Date())

  const log = computed(() => store.log)
  const visits = computed(() => store.log?.visits ?? [])
  const totals = computed(() => store.log?.totals ?? [])
  const grandTotal = computed<LogTotals>(() =>
    totals.value.reduce(
      (sum, row) => ({ visits: sum.visits + row.visits, deals: sum.deals + row.deals, noDeals: sum.noDeals + row.noDeals, amountFen: sum.amountFen + row.amountFen }),
      { visits: 0, deals: 0, noDeals: 0, amountFen: 0 },
    ),
  )

  watch(date, (day) => {
    if (day) void store.loadLog(day)
  })

  async function print(): Promise<void> {
    printedAt.value = new Date()
    await nextTick()
    window.print()
  }

  async function exportXlsx(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const file = await store.exportLog(date.value)
      downloadFile(file.fileName, file.base64)
      showSuccess(t('reports.dailyLog.exported', { file: file.fileName }))
    } catch (error) {
      showError(error)
    } finally {
      exporting.value = false
    }
  }

  // Printing from a menu or the browser's own shortcut stamps the time too.
  const stampPrintTime = () => (printedAt.value = new Date())
  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach('log')
    void store.loadLog(date.value)
    window.addEventListener('beforeprint', stampPrintTime)
  })
  onBeforeUnmount(() => {
    detach?.()
    window.removeEventListener('beforeprint', stampPrintTime)
  })
  // The log has no preview: while the page is open, printing prints it.
  usePrintSheet()
  useShortcut(PRINT_SHORTCUT, () => void print())

  const clinicName = computed(() => settings.clinicName)
  return { store, date, log, visits, totals, grandTotal, exporting, printedAt, clinicName, print, exportXlsx }
}
