// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import FeeSheetPrint from '../../renderer/src/components/fees/FeeSheetPrint.vue'
import { i18n } from '../../renderer/src/i18n/index.ts'
import { feeSheet, photoLine, serveFees, setPreview, threadLine } from './fees.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.unstubAllGlobals()
})

const clinic = { clinicName: '悦颜医疗美容诊所', clinicAddress: '上海市静安区南京西路 1 号', clinicPhone: '021-61234567' }
const body = () => new DOMWrapper(document.body)
const cells = (row: DOMWrapper<Element>) => row.findAll('td').map((td) => td.text())

function render(sheet: FeeSheet, options: { copy?: boolean; preview?: boolean; paper?: 'A4' | 'A5' } = {}) {
  const harness = createHarness()
  wrapper = mount(FeeSheetPrint, {
    props: { sheet, totals: sheet.totals, clinic, paper: options.paper ?? 'A4', copy: options.copy ?? false, printedAt: new Date(2026, 2, 1, 14, 5), preview: options.preview ?? true },
    global: harness.global as never,
    attachTo: document.body,
  })
  return body().get(options.preview === false ? '[data-testid="fee-print"]' : '[data-testid="fee-print-preview"]')
}

/** A confirmed sheet with a rate and an amount discount, a sheet discount, 抹零, a deposit and two payments. */
const settled = () =>
  feeSheet({
    status: 'paid',
    printCount: 1,
    lines: [
      { ...photoLine, discount: { kind: 'rate', percent: 90 } },
      { ...threadLine, discount: { kind: 'amount', fen: 1050 } },
    ],
    sheetDiscount: { kind: 'amount', fen: 245 },
    roundDown: 'yuan',
    deposits: [{ fen: 20000, note: '收据 0031' }],
    payments: [
      { method: 'wechat', fen: 100050, at: '2026-03-01T04:00:00.000Z', by: '前台小王' },
      { method: 'cash', fen: 53950, at: '2026-03-01T04:00:00.000Z', by: '前台小王' },
    ],
  })

describe('Fee sheet print', () => {
  it('lists every line with its snapshot, discount and amount', () => {
    const page = render(settled())
    const rows = page.findAll('[data-testid="fee-print-line"]')
    expect(rows.map(cells)).toEqual([
      ['1', 'T001', '光子嫩肤（全面部）', '治疗项目', '次', '1,280.00', '1', '9折', '1,152.00'],
      ['2', 'C002', 'PPDO埋线线材', '耗材/假体', '根', '300.50', '2', '-10.50', '590.50'],
    ])
  })

  it('prints the totals, the total in figures and as the capital amount, the payable and the payments', () => {
    const page = render(settled())
    const totals = page.get('.fp-totals').text()
    expect(totals).toMatch(/项目原价合计\s*1,881\.00/)
    expect(totals).toMatch(/项目折扣\s*-138\.50/)
    expect(totals).toMatch(/整单折扣\s*-2\.45/)
    expect(totals).toMatch(/抹零\s*-0\.05/)
    expect(page.get('[data-testid="fee-print-total"]').text()).toBe('¥1,740.00')
    expect(page.get('[data-testid="fee-print-capital"]').text()).toBe('人民币壹仟柒佰肆拾元整')
    expect(totals).toMatch(/定金抵扣\s*-200\.00/)
    expect(totals).toContain('¥1,540.00 · 人民币壹仟伍佰肆拾元整')
    expect(totals).toContain('微信支付 ¥1,000.50；现金 ¥539.50')
    expect(page.text()).toContain('以上收费项目及金额已由咨询师逐项向本人说明，本人已知悉并同意。')
    expect(page.text()).toContain('顾客签名')
    expect(page.text()).toContain('咨询师签名')
  })

  it('heads the sheet with the clinic, the number, the client and the people', () => {
    const page = render(feeSheet())
    expect(page.get('.fp-clinic').text()).toBe('悦颜医疗美容诊所')
    expect(page.get('.fp-clinic-contact').text()).toBe('上海市静安区南京西路 1 号 · 021-61234567')
    expect(page.get('.fp-title').text()).toBe(i18n.global.t('fees.print.title'))
    expect(page.get('.fp-meta').text()).toContain('单号：SF2026-000007')
    expect(page.get('.fp-meta').text()).toContain('日期：2026-03-01')
    expect(page.get('.fp-running').text()).toBe('缴费明细单 SF2026-000007 · 林晓雯 · 档案号 K0042')
    const people = page.get('.fp-people').text()
    for (const part of ['林晓雯', 'K0042', '女 / 35', 'A012', '陈晓', '李医生']) expect(people).toContain(part)
    expect(page.get('[data-testid="fee-print-capital"]').text()).toBe('人民币壹仟捌佰捌拾壹元整')
  })

  it('marks a draft 草稿, a reprint 副本, a void sheet 已作废, and the original not at all', () => {
    expect(render(feeSheet()).get('[data-testid="fee-print-mark"]').text()).toBe('草稿 · 未确认')
    wrapper!.unmount()
    expect(render(feeSheet(), { copy: true }).get('[data-testid="fee-print-mark"]').text()).toBe('草稿 · 未确认')
    wrapper!.unmount()
    expect(render(settled(), { copy: true }).get('[data-testid="fee-print-mark"]').text()).toBe('副本')
    wrapper!.unmount()
    expect(render(feeSheet({ status: 'void' })).get('[data-testid="fee-print-mark"]').text()).toBe('已作废')
    wrapper!.unmount()
    expect(render(settled()).find('[data-testid="fee-print-mark"]').exists()).toBe(false)
  })

  it('shows what people typed as text, never as markup', () => {
    const sheet = feeSheet({
      client: { name: '<b>x</b>', archiveNo: '<i>K1</i>', gender: 'female', age: null, phone: '' },
      consultantName: '<script>alert(1)</script>',
      lines: [{ ...photoLine, name: '<img src=x onerror="alert(1)">' }],
    })
    const page = render(sheet)
    expect(page.get('.fp-people').text()).toContain('<b>x</b>')
    expect(page.get('.fp-running').text()).toContain('<b>x</b> · 档案号 <i>K1</i>')
    expect(page.get('[data-testid="fee-print-line"]').text()).toContain('<img src=x onerror="alert(1)">')
    expect(page.findAll('b')).toHaveLength(0)
    expect(page.findAll('i')).toHaveLength(0)
    expect(page.findAll('img')).toHaveLength(0)
    expect(page.findAll('script')).toHaveLength(0)
  })

  it('is laid out for the paper chosen, and printed from <body> when not a preview', () => {
    expect(render(feeSheet(), { paper: 'A5' }).classes()).toEqual(expect.arrayContaining(['fee-print', 'fee-print--A5', 'is-preview']))
    wrapper!.unmount()
    const printed = render(feeSheet(), { preview: false })
    expect(printed.element.parentElement).toBe(document.body)
    expect(printed.classes()).not.toContain('is-preview')
  })
})

describe('Fee sheet print from the page', () => {
  /** A confirmed sheet on its page; fees.markPrinted counts prints as main does (the second on is a copy). */
  async function openConfirmed(preview: boolean) {
    const harness = createHarness()
    setPreview(harness, preview)
    const server = serveFees(harness, feeSheet({ status: 'confirmed', revision: 2 }))
    harness.bridge.handlers['fees.markPrinted'] = () => {
      server.stored = { ...server.stored, printCount: server.stored.printCount + 1 }
      return { sheet: structuredClone(server.stored), copy: server.stored.printCount > 1 }
    }
    ;({ wrapper } = await mountApp(harness, '/fee-sheets/7'))
    return harness
  }
  const printedMark = () => body().get('[data-testid="fee-print"]').find('[data-testid="fee-print-mark"]')
  async function print() {
    await body().get('[data-testid="fee-print-open"]').trigger('click')
    await settle()
    await body().get('[data-testid="print-go"]').trigger('click')
    await settle()
  }

  it('records each print; the first is the original, every later one is marked 副本 when it is printed', async () => {
    const harness = await openConfirmed(true)
    const marks: string[] = []
    vi.stubGlobal('print', vi.fn(() => void marks.push(printedMark().exists() ? printedMark().text() : '')))
    await print()
    expect(harness.bridge.callsOf('fees.markPrinted')).toEqual([{ id: 7 }])
    expect(marks).toEqual([''])
    await body().get('[data-testid="fee-print-open"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="fee-print-preview"] [data-testid="fee-print-mark"]').text()).toBe('副本')
    await body().get('[data-testid="print-go"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.markPrinted')).toHaveLength(2)
    expect(marks).toEqual(['', '副本'])
  })

  it('in the app, saves the PDF under the sheet title and number, on the paper chosen', async () => {
    const harness = await openConfirmed(false)
    harness.bridge.handlers['print.printers'] = () => []
    harness.bridge.handlers['print.toPdf'] = () => ({ done: true, path: '/tmp/x.pdf' })
    await body().get('[data-testid="fee-print-open"]').trigger('click')
    await settle()
    await body().get('[data-testid="print-paper-A5"] input').setValue(true)
    expect(body().get('[data-testid="fee-print"]').classes()).toContain('fee-print--A5')
    await body().get('[data-testid="print-pdf"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('fees.markPrinted')).toEqual([{ id: 7 }])
    expect(harness.bridge.callsOf('print.toPdf')).toEqual([{ paper: 'A5', landscape: false, fileName: `${i18n.global.t('fees.title')} SF2026-000007.pdf` }])
  })
})
