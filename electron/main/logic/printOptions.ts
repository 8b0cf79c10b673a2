import { join } from 'node:path'
import type { PrinterInfo, PrintOutcome } from '../../../core/api/print.ts'
import type { PdfJob, PrintJob } from '../../api/context.ts'

/*
 * Pure translations between the app's print jobs and Electron's printing options, kept apart from the
 * module that calls Electron so they can be tested under plain Node.
 */

/** What webContents.print takes for a job: a named printer is used without a dialog; no name shows the system's. */
export function printOptionsFor(job: PrintJob) {
  return {
    silent: job.printerName !== undefined,
    ...(job.printerName !== undefined ? { deviceName: job.printerName } : {}),
    printBackground: true,
    color: true,
    copies: job.copies,
    pageSize: job.paper,
    landscape: job.landscape,
    // The templates' @page rules set the margins.
    margins: { marginType: 'none' as const },
  }
}

/** What webContents.printToPDF takes: the page size and margins of the templates' @page rules win. */
export function pdfOptionsFor(job: PdfJob) {
  return {
    pageSize: job.paper,
    landscape: job.landscape,
    printBackground: true,
    preferCSSPageSize: true,
    generateTaggedPDF: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  }
}

/** webContents.print's answer as an outcome; a cancelled dialog is no failure. Anything else throws its reason. */
export function printOutcome(success: boolean, failureReason: string): PrintOutcome {
  if (success) return { done: true, path: null }
  if (/cancel/i.test(failureReason)) return { done: false, path: null }
  throw new PrintFailure(failureReason || 'unknown')
}

export class PrintFailure extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(`print failed: ${reason}`)
    this.name = 'PrintFailure'
    this.reason = reason
  }
}

/** The save dialog's suggestion: the job's file name (already checked by the contract) in the Documents folder. */
export function suggestedPdfPath(documentsDir: string, fileName: string): string {
  return join(documentsDir, fileName)
}

/** A path the dialog returned, given the .pdf ending when the operator typed a name without one. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`
}

/** Electron's printer list as the API's: only what the desk needs. */
export function toPrinterInfo(printers: readonly { name: string; displayName: string }[]): PrinterInfo[] {
  return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name })).sort((a, b) => a.displayName.localeCompare(b.displayName))
}
