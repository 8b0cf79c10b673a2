import { z } from 'zod'
import { method } from './method.ts'

/** Paper the sheets are laid out for; the print templates name their CSS pages after them. */
export const PAPER_SIZES = ['A4', 'A5'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

export interface PrinterInfo {
  /** The system's name, which printing takes. */
  name: string
  /** The name people know it by. */
  displayName: string
}

/** What became of a print job: `done` false when the operator cancelled the dialog (nothing is an error then). */
export interface PrintOutcome {
  done: boolean
  /** Where a PDF was saved. */
  path: string | null
}

/** A file name without folders or characters Windows refuses, ending in .pdf. */
const pdfFileName = z
  .string()
  .trim()
  .min(5, 'validation.required')
  .max(120, 'validation.tooLong')
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'validation.fileName')
  .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 32), 'validation.fileName')

const layout = { paper: z.enum(PAPER_SIZES), landscape: z.boolean().default(false) }

/**
 * Printing the page the desk shows (its print styles keep only the sheet). The desktop app prints
 * through Electron; the web preview has no printer of its own and prints with the browser's dialog.
 */
export const printMethods = {
  'print.printers': method<PrinterInfo[]>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  /** To a named printer without a dialog, or with no name through the system's print dialog. */
  'print.toPrinter': method<PrintOutcome>()({
    input: z.object({ ...layout, printerName: z.string().trim().min(1).max(200).optional(), copies: z.number().int().min(1).max(9).default(1) }).strict(),
    writes: false,
    permission: 'read',
  }),
  /** To a PDF file the operator chooses in a save dialog (the name is a suggestion). */
  'print.toPdf': method<PrintOutcome>()({ input: z.object({ ...layout, fileName: pdfFileName }).strict(), writes: false, permission: 'read' }),
}
