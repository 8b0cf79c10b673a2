import { describe, expect, it } from 'vitest'
import { pdfOptionsFor, PrintFailure, printOptionsFor, printOutcome, suggestedPdfPath, toPrinterInfo, withPdfExtension } from '../../electron/main/logic/printOptions.ts'

describe("Electron's print options for a job", () => {
  it('a named printer prints silently on it; no name asks the system dialog', () => {
    expect(printOptionsFor({ paper: 'A5', landscape: false, printerName: 'EPSON_L3150', copies: 2 })).toEqual({
      silent: true,
      deviceName: 'EPSON_L3150',
      printBackground: true,
      color: true,
      copies: 2,
      pageSize: 'A5',
      landscape: false,
      margins: { marginType: 'none' },
    })
    const dialog = printOptionsFor({ paper: 'A4', landscape: true, copies: 1 })
    expect(dialog.silent).toBe(false)
    expect(dialog).not.toHaveProperty('deviceName')
    expect(dialog).toMatchObject({ pageSize: 'A4', landscape: true })
  })

  it('a PDF keeps the templates’ own @page size and margins', () => {
    expect(pdfOptionsFor({ paper: 'A4', landscape: false, fileName: 'x.pdf' })).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true })
  })

  it('a cancelled dialog is no failure; a failure carries its reason', () => {
    expect(printOutcome(true, '')).toEqual({ done: true, path: null })
    expect(printOutcome(false, 'Print job canceled')).toEqual({ done: false, path: null })
    expect(() => printOutcome(false, 'Print job failed')).toThrow(PrintFailure)
    expect(() => printOutcome(false, '')).toThrow('unknown')
  })

  it('suggests the file in Documents, adds .pdf when typed without it, and sorts printers by name', () => {
    expect(suggestedPdfPath('/home/a/Documents', '咨询单.pdf')).toBe('/home/a/Documents/咨询单.pdf')
    expect(withPdfExtension('/tmp/sheet')).toBe('/tmp/sheet.pdf')
    expect(withPdfExtension('/tmp/sheet.PDF')).toBe('/tmp/sheet.PDF')
    expect(toPrinterInfo([{ name: 'b', displayName: 'Zebra' }, { name: 'a', displayName: '' }])).toEqual([
      { name: 'a', displayName: 'a' },
      { name: 'b', displayName: 'Zebra' },
    ])
  })
})
