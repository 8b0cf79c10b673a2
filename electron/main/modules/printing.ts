import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { app, dialog, type BrowserWindow } from 'electron'
import { DomainError } from '../../../core/api/errors.ts'
import type { PrinterInfo, PrintOutcome } from '../../../core/api/print.ts'
import type { PdfJob, PrintJob } from '../../api/context.ts'
import { pdfOptionsFor, PrintFailure, printOptionsFor, printOutcome, suggestedPdfPath, toPrinterInfo, withPdfExtension } from '../logic/printOptions.ts'
import type { Logger } from './logging.ts'

export interface Printing {
  printers(): Promise<PrinterInfo[]>
  print(job: PrintJob): Promise<PrintOutcome>
  savePdf(job: PdfJob): Promise<PrintOutcome>
}

/**
 * Printing of the desk window: the page's print styles keep only the sheet it shows. A named printer
 * prints without a dialog; otherwise the system's print dialog asks. A PDF is written to a temporary file,
 * flushed and renamed into place, so a saved PDF is complete or absent.
 */
export function enablePrinting(desk: () => BrowserWindow | null, logger: Logger): Printing {
  const window = (): BrowserWindow => {
    const win = desk()
    if (!win || win.isDestroyed()) throw new DomainError('rule_violation', 'print.failed', { reason: 'no desk window' })
    return win
  }

  return {
    async printers() {
      return toPrinterInfo(await window().webContents.getPrintersAsync())
    },

    print(job) {
      const win = window()
      return new Promise<PrintOutcome>((resolve, reject) => {
        win.webContents.print(printOptionsFor(job), (success, failureReason) => {
          try {
            resolve(printOutcome(success, failureReason))
          } catch (error) {
            logger.warn(`Printing failed: ${failureReason}`)
            reject(error instanceof PrintFailure ? new DomainError('rule_violation', 'print.failed', { reason: error.reason }) : error)
          }
        })
      })
    },

    async savePdf(job) {
      const win = window()
      const pdf = await win.webContents.printToPDF(pdfOptionsFor(job))
      const choice = await dialog.showSaveDialog(win, {
        defaultPath: suggestedPdfPath(app.getPath('documents'), job.fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (choice.canceled || !choice.filePath) return { done: false, path: null }
      const path = withPdfExtension(choice.filePath)
      writeWhole(path, pdf)
      logger.info(`Saved a PDF to ${path}`)
      return { done: true, path }
    },
  }
}

function writeWhole(path: string, bytes: Uint8Array): void {
  const temp = `${path}.part`
  try {
    const fd = openSync(temp, 'w')
    try {
      writeFileSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw new DomainError('rule_violation', 'print.failed', { reason: error instanceof Error ? error.message : String(error) })
  }
}
