import type { ChangeEvent } from '../../core/api/events.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { PaperSize, PrinterInfo, PrintOutcome } from '../../core/api/print.ts'
import type { WritableDb } from '../../db/types.ts'

/** What a handler gets besides its input. Handlers are plain functions: no Electron, no I/O but the db. */
export interface HandlerContext {
  db: WritableDb
  operator: Operator
  /** The current time as ISO-8601 UTC; injectable so tests control the clock. */
  now(): string
  /** Today's date in the clinic's local time zone, YYYY-MM-DD: the day of boards and queue numbers. */
  today(): string
  /** Queues a change event; it is pushed to every window only after the transaction commits. */
  emit(event: ChangeEvent): void
  /** Replaces the audit summary of this call with a readable one. */
  audit(summary: string): void
  appInfo: { version: string; preview: boolean }
  /** What the host process can do besides the database: windows and printing. Null in the web preview and tests. */
  host: HostCapabilities | null
}

export interface HostCapabilities {
  isDisplayOpen(): boolean
  setDisplayOpen(open: boolean): void
  printers(): Promise<PrinterInfo[]>
  /** Prints the desk window as its print styles show it. */
  print(job: PrintJob): Promise<PrintOutcome>
  /** Renders the desk window to PDF and saves it where the operator chooses. */
  savePdf(job: PdfJob): Promise<PrintOutcome>
}

export interface PrintJob {
  paper: PaperSize
  landscape: boolean
  /** Omitted: the system's print dialog, where the operator picks the printer. */
  printerName?: string
  copies: number
}

export interface PdfJob {
  paper: PaperSize
  landscape: boolean
  fileName: string
}
