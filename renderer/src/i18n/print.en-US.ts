import type { printZh } from './print.zh-CN.ts'

export const printEn: typeof printZh = {
  preview: 'Print preview',
  previewTitle: 'Print preview · {title}',
  printer: 'Printer',
  systemDialog: 'Choose in the system print dialog',
  paper: 'Paper',
  copies: 'Copies',
  print: 'Print',
  savePdf: 'Save as PDF',
  close: 'Close',
  printing: 'Printing…',
  printed: 'Sent to the printer',
  savedPdf: 'PDF saved: {path}',
  cancelled: 'Printing cancelled',
  previewHint: 'In the web preview the browser prints: choose a printer in its dialog, or “Save as PDF”.',
  previewNote: 'The preview is laid out for the paper; page breaks and numbers are as printed.',
}
