import { describe, expect, it } from 'vitest'
import { LOCAL_DESK_OPERATOR } from '../../core/api/operator.ts'
import type { HostCapabilities, PdfJob, PrintJob } from '../../electron/api/context.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { openDatabase } from '../../db/open.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()

/** A host that records what it is asked to print, as Electron's printing module would be asked. */
function recordingHost() {
  const printed: PrintJob[] = []
  const pdfs: PdfJob[] = []
  const host: HostCapabilities = {
    isDisplayOpen: () => false,
    setDisplayOpen: () => undefined,
    printers: () => Promise.resolve([{ name: 'EPSON_L3150', displayName: 'EPSON L3150' }]),
    print: (job) => (printed.push(job), Promise.resolve({ done: true, path: null })),
    savePdf: (job) => (pdfs.push(job), Promise.resolve({ done: true, path: `/home/desk/Documents/${job.fileName}` })),
  }
  return { host, printed, pdfs }
}

function desk(host: HostCapabilities | null) {
  const { db } = openDatabase(dbPathIn(tempDir()))
  const dispatch = createDispatcher({ db, handlers, publish: () => undefined, appInfo: { version: 't', preview: host === null }, host })
  return (method: string, input: unknown) => dispatch(method, input, LOCAL_DESK_OPERATOR)
}

describe('printing through the host', () => {
  it('hands a checked job to the host: named printer, paper, copies; a PDF with its file name', async () => {
    const { host, printed, pdfs } = recordingHost()
    const call = desk(host)
    expect(await call('print.printers', {})).toEqual({ ok: true, value: [{ name: 'EPSON_L3150', displayName: 'EPSON L3150' }] })
    expect(await call('print.toPrinter', { paper: 'A5', printerName: 'EPSON_L3150', copies: 2 })).toEqual({ ok: true, value: { done: true, path: null } })
    expect(await call('print.toPrinter', { paper: 'A4' })).toMatchObject({ ok: true })
    expect(printed).toEqual([
      { paper: 'A5', landscape: false, printerName: 'EPSON_L3150', copies: 2 },
      { paper: 'A4', landscape: false, copies: 1 },
    ])
    expect(await call('print.toPdf', { paper: 'A4', fileName: '缴费明细单 SF2026-000001.pdf' })).toEqual({
      ok: true,
      value: { done: true, path: '/home/desk/Documents/缴费明细单 SF2026-000001.pdf' },
    })
    expect(pdfs).toEqual([{ paper: 'A4', landscape: false, fileName: '缴费明细单 SF2026-000001.pdf' }])
  })

  it('refuses an unknown printer, a path for a file name and a strange paper, and prints nothing', async () => {
    const { host, printed, pdfs } = recordingHost()
    const call = desk(host)
    expect(await call('print.toPrinter', { paper: 'A4', printerName: 'Nope' })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到打印机“Nope”，请重新选择' } })
    for (const fileName of ['../../etc/passwd.pdf', 'C:\\Windows\\x.pdf', 'sheet.exe', 'a<b>.pdf', '.pdf']) {
      expect(await call('print.toPdf', { paper: 'A4', fileName }), fileName).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await call('print.toPrinter', { paper: 'A3' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('print.toPrinter', { paper: 'A4', copies: 100 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(printed).toEqual([])
    expect(pdfs).toEqual([])
  })

  it('in the web preview (no host) lists no printers and says the browser prints instead', async () => {
    const call = desk(null)
    expect(await call('print.printers', {})).toEqual({ ok: true, value: [] })
    const refused = await call('print.toPrinter', { paper: 'A4' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation' } })
    expect(refused.ok ? '' : refused.error.message).toContain('浏览器的打印对话框')
  })
})
