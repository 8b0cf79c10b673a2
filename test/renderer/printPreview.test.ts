// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { printMethods } from '../../core/api/print.ts'
import PrintPreviewDialog from '../../renderer/src/components/print/PrintPreviewDialog.vue'
import { pdfFileName } from '../../renderer/src/composables/usePrintJob.ts'
import { Refusal } from './fakeBridge.ts'
import { setPreview } from './fees.fixtures.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.unstubAllGlobals()
})

const body = () => new DOMWrapper(document.body)
const printers = [
  { name: 'HP_LaserJet_M1136', displayName: '前台激光打印机' },
  { name: 'Canon_iP7200', displayName: '彩色喷墨' },
]

/** The dialog as a page uses it: closed first, then opened (which loads the printers in the app). */
async function openDialog(harness: Harness, prepare?: () => Promise<boolean>) {
  wrapper = mount(PrintPreviewDialog, {
    props: { modelValue: false, title: '缴费明细单', fileName: '缴费明细单 SF2026-000007.pdf', papers: ['A4', 'A5'], ...(prepare ? { prepare } : {}) },
    slots: { default: '<p data-testid="preview-slot">明细单内容</p>' },
    global: harness.global as never,
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}
const click = async (testid: string) => {
  await body().get(`[data-testid="${testid}"]`).trigger('click')
  await settle()
}

describe('Print preview in the web preview', () => {
  it('says the browser prints, offers no printer, and prints with window.print after prepare', async () => {
    const harness = createHarness()
    setPreview(harness, true)
    const order: string[] = []
    vi.stubGlobal('print', vi.fn(() => void order.push('print')))
    const w = await openDialog(harness, async () => {
      order.push('prepare')
      return true
    })
    expect(body().get('[data-testid="print-preview"]').text()).toContain('网页预览中由浏览器打印：在打印对话框中选择打印机，或选“另存为 PDF”。')
    expect(body().get('[data-testid="print-preview-paper"]').text()).toBe('明细单内容')
    expect(body().find('[data-testid="print-printer"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('print.printers')).toEqual([])

    await click('print-go')
    expect(order).toEqual(['prepare', 'print'])
    await click('print-pdf')
    expect(order).toEqual(['prepare', 'print', 'prepare', 'print'])
    expect(harness.bridge.calls.filter((c) => c.method.startsWith('print.'))).toEqual([])
    expect(w.emitted('done')).toEqual([['printer'], ['pdf']])
  })
})

describe('Print preview in the app', () => {
  function appHarness() {
    const harness = createHarness()
    harness.bridge.handlers['print.printers'] = () => printers
    harness.bridge.handlers['print.toPrinter'] = () => ({ done: true, path: null })
    harness.bridge.handlers['print.toPdf'] = () => ({ done: true, path: 'D:\\单据\\缴费明细单 SF2026-000007.pdf' })
    return harness
  }

  it('lists the printers and sends the chosen printer, paper and copies', async () => {
    const harness = appHarness()
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const w = await openDialog(harness)
    expect(harness.bridge.callsOf('print.printers')).toEqual([{}])
    expect(body().find('.print-preview__hint').exists()).toBe(false)
    const listbox = body().get('[data-testid="print-printer"] input').attributes('aria-controls')
    const options = body().findAll(`#${listbox} li`)
    expect(options.map((o) => o.text())).toEqual(['选择打印机（系统打印对话框）', '前台激光打印机', '彩色喷墨'])

    await click('print-go') // no printer chosen: the system dialog, one copy, A4
    expect(harness.bridge.callsOf('print.toPrinter')).toEqual([{ paper: 'A4', landscape: false, copies: 1 }])

    await options[1]!.trigger('click')
    await body().get('[data-testid="print-paper-A5"] input').setValue(true)
    await body().get('.print-preview__copies input').setValue('2')
    expect(body().get('[data-testid="print-preview-paper"]').classes()).toContain('print-preview__paper--A5')
    await click('print-go')
    expect(harness.bridge.callsOf('print.toPrinter')[1]).toEqual({ paper: 'A5', landscape: false, copies: 2, printerName: 'HP_LaserJet_M1136' })
    expect(body().get('.el-message--success').text()).toContain('已发送到打印机')
    expect(print).not.toHaveBeenCalled()
    expect(w.emitted('update:paper')).toEqual([['A5']])
    expect(w.emitted('done')).toEqual([['printer'], ['printer']])
  })

  it('saves a PDF with the file name given, and says where', async () => {
    const harness = appHarness()
    const w = await openDialog(harness)
    await click('print-pdf')
    expect(harness.bridge.callsOf('print.toPdf')).toEqual([{ paper: 'A4', landscape: false, fileName: '缴费明细单 SF2026-000007.pdf' }])
    expect(body().get('.el-message--success').text()).toContain('已保存 PDF：D:\\单据\\缴费明细单 SF2026-000007.pdf')
    expect(w.emitted('done')).toEqual([['pdf']])
  })

  it('stops the job when prepare says no', async () => {
    const harness = appHarness()
    const prepare = vi.fn(async () => false)
    const w = await openDialog(harness, prepare)
    await click('print-go')
    await click('print-pdf')
    expect(prepare).toHaveBeenCalledTimes(2)
    expect(harness.bridge.callsOf('print.toPrinter')).toEqual([])
    expect(harness.bridge.callsOf('print.toPdf')).toEqual([])
    expect(w.emitted('done')).toBeUndefined()
  })

  it('reports a cancelled dialog and a refusal, and is not done', async () => {
    const harness = appHarness()
    harness.bridge.handlers['print.toPrinter'] = () => ({ done: false, path: null })
    harness.bridge.handlers['print.toPdf'] = () => new Refusal({ code: 'invalid_input', message: '文件名不可用' })
    const w = await openDialog(harness)
    await click('print-go')
    expect(body().get('.el-message--success').text()).toContain('已取消打印')
    await click('print-pdf')
    expect(body().get('.el-message--error').text()).toContain('文件名不可用')
    expect(w.emitted('done')).toBeUndefined()
  })
  it('sends a number of copies print.toPrinter accepts, even after the field was cleared or given a fraction', async () => {
    const harness = appHarness()
    await openDialog(harness)
    const copies = body().get('.print-preview__copies input')
    for (const typed of ['', '2.5']) {
      await copies.setValue(typed)
      await copies.trigger('change')
      await click('print-go')
    }
    const schema = printMethods['print.toPrinter'].input
    const sent = harness.bridge.callsOf('print.toPrinter')
    expect(sent).toHaveLength(2)
    for (const input of sent) expect(schema.safeParse(input).success, JSON.stringify(input)).toBe(true)
  })
})

describe('pdfFileName', () => {
  it('is the title and the sheet number, with what a path could hide taken out', () => {
    expect(pdfFileName('缴费明细单', 'SF2026-000007')).toBe('缴费明细单 SF2026-000007.pdf')
    expect(pdfFileName('Fee sheet', '../../etc/passwd')).toBe('Fee sheet .. .. etc passwd.pdf')
    expect(pdfFileName('a\\b:c*d?e"f<g>h|i', 'x\ty\nz\u0000')).toBe('a b c d e f g h i x y z.pdf')
    expect(pdfFileName('', '')).toBe('sheet.pdf')
    expect(pdfFileName('///', '')).toBe('sheet.pdf')
    expect(pdfFileName('长'.repeat(200), 'SF1')).toBe(`${'长'.repeat(110)}.pdf`)
  })

  it('always gives a name that print.toPdf accepts', () => {
    const schema = printMethods['print.toPdf'].input
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 40 }), (title, sheetNo) => {
        const name = pdfFileName(title, sheetNo)
        expect(schema.safeParse({ paper: 'A4', fileName: name }).success, JSON.stringify(name)).toBe(true)
      }),
    )
  })
})
