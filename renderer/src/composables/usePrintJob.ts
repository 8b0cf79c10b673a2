import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PaperSize, PrinterInfo } from '../../../core/api/print.ts'
import { api, isPreview } from '../api/client.ts'
import { showError, showSuccess } from '../api/notify.ts'

export interface PrintLayout {
  paper: PaperSize
  landscape?: boolean
}

/**
 * Prints what the page's print styles show. In the desktop app through the main process (a chosen
 * printer without a dialog, or the system dialog; a PDF saved where the operator says); in the web
 * preview, which has no printer of its own, through the browser's print dialog.
 */
export function usePrintJob() {
  const { t } = useI18n()
  const inApp = !isPreview()
  const printers = ref<PrinterInfo[]>([])
  const busy = ref(false)

  async function loadPrinters(): Promise<void> {
    if (!inApp) return
    try {
      printers.value = await api.call('print.printers', {})
    } catch (error) {
      showError(error)
    }
  }

  async function run(job: () => Promise<boolean>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      return await job()
    } catch (error) {
      showError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  /** True when the job went to a printer (false when cancelled or refused). */
  function toPrinter(layout: PrintLayout, printerName?: string, copies = 1): Promise<boolean> {
    return run(async () => {
      if (!inApp) {
        window.print()
        return true
      }
      const outcome = await api.call('print.toPrinter', { paper: layout.paper, landscape: layout.landscape ?? false, copies, ...(printerName ? { printerName } : {}) })
      showSuccess(outcome.done ? t('print.printed') : t('print.cancelled'))
      return outcome.done
    })
  }

  /** True when a PDF was saved (in the web preview: when the browser's dialog was opened). */
  function toPdf(layout: PrintLayout, fileName: string): Promise<boolean> {
    return run(async () => {
      if (!inApp) {
        window.print()
        return true
      }
      const outcome = await api.call('print.toPdf', { paper: layout.paper, landscape: layout.landscape ?? false, fileName })
      if (outcome.done && outcome.path) showSuccess(t('print.savedPdf', { path: outcome.path }))
      return outcome.done
    })
  }

  return { inApp, printers, busy, loadPrinters, toPrinter, toPdf }
}

/** A file name for a sheet's PDF that any system accepts: the sheet's title and number, nothing a path could hide. */
export function pdfFileName(title: string, sheetNo: string): string {
  const printable = [...`${title} ${sheetNo}`].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('')
  const safe = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim()
  return `${safe.slice(0, 110) || 'sheet'}.pdf`
}
