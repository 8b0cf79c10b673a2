// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PRINTING_SHEET_CLASS } from '../../renderer/src/composables/usePrintSheet.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { dailyLog, freezeToday } from './reportsFixtures.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
beforeEach(freezeToday)
afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const body = () => new DOMWrapper(document.body)
const screenRows = () => body().findAll('[data-testid="daily-log-table"] [data-testid="daily-log-row"]')
const cells = (row: Pick<DOMWrapper<Element>, 'findAll'>) => row.findAll('td, th').map((cell) => cell.text())

async function openReports(options: { clinicName?: string } = {}) {
  const harness = createHarness({ settings: { clinicName: options.clinicName ?? '丽颜医疗美容门诊部' } })
  harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => dailyLog(date)
  ;({ wrapper } = await mountApp(harness, '/reports'))
  return harness
}

describe('Reports page: daily consultation log (一日当面咨询表)', () => {
  it("reads today's log and lists the visits in arrival order with every column", async () => {
    const harness = await openReports()
    expect(harness.bridge.callsOf('reports.dailyLog')).toEqual([{ date: '2026-11-22' }])
    expect((body().get('[data-testid="daily-log-date"] input').element as HTMLInputElement).value).toBe('2026-11-22')
    expect(screenRows()).toHaveLength(4)
    expect(cells(screenRows()[0]!)).toEqual(['1', '09:05', 'A001', '林晓雯', 'DA202600001', '初诊', '自然到店', '王静', '轮牌', '离院', '成交', '¥4,920.00'])
    expect(cells(screenRows()[1]!)).toEqual(['2', '09:41', 'A002', '黄丽娟', 'DA202600002', '初诊', '网络平台', '李娜', '指定', '离院', '未成交：价格超出预算', ''])
    expect(cells(screenRows()[2]!)).toEqual(['3', '14:07', 'B001', '张美玲', 'DA202500417', '复诊', '电话', '王静', '复诊归属', '咨询中', '—', ''])
    expect(cells(screenRows()[3]!)).toEqual(['4', '15:00', 'A003', '何思琪', 'DA202600003', '初诊', '自然到店', '—', '—', '候诊', '—', ''])
    expect(body().get('[data-testid="daily-log-count"]').text()).toBe('共 4 人次到店')
  })

  it('shows the totals per consultant (unassigned last) and the sum', async () => {
    await openReports()
    const totals = body().findAll('[data-testid="daily-log-totals"] [data-testid="daily-log-total-row"]').map(cells)
    expect(totals).toEqual([
      ['王静', '2', '1', '0', '¥4,920.00'],
      ['李娜', '1', '0', '1', '¥0.00'],
      ['（未分配）', '1', '0', '0', '¥0.00'],
    ])
    expect(cells(body().get('[data-testid="daily-log-grand-total"]'))).toEqual(['合计', '4', '1', '1', '¥4,920.00'])
  })

  it('reads another day when the date is changed', async () => {
    const harness = await openReports()
    await wrapper!.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-11-20')
    await settle()
    expect(harness.bridge.callsOf('reports.dailyLog')).toEqual([{ date: '2026-11-22' }, { date: '2026-11-20' }])
    expect(body().get('[data-testid="daily-log-print-date"]').text()).toBe('日期：2026年11月20日星期五')
  })

  it('re-reads the log when main broadcasts a visits change, and stops once the page is left', async () => {
    const harness = await openReports()
    harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => {
      const log = dailyLog(date)
      log.visits[3] = { ...log.visits[3]!, status: 'consulting', consultantId: 2, consultantName: '李娜', assignedBy: 'rotation' }
      return log
    }
    harness.bridge.emit({ topic: 'visits', ids: [4] })
    await settle()
    expect(harness.bridge.callsOf('reports.dailyLog')).toHaveLength(2)
    expect(cells(screenRows()[3]!).slice(7, 10)).toEqual(['李娜', '轮牌', '咨询中'])
    expect(harness.bridge.callsOf('rotation.figures')).toEqual([]) // the figures tab was never opened

    wrapper!.unmount()
    wrapper = undefined
    harness.bridge.emit({ topic: 'visits', ids: [4] })
    await settle()
    expect(harness.bridge.callsOf('reports.dailyLog')).toHaveLength(2)
  })

  it('keeps the newest day when an older answer arrives late', async () => {
    const harness = await openReports()
    let releaseSlow!: () => void
    harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) =>
      date === '2026-11-20' ? new Promise((resolve) => (releaseSlow = () => resolve(dailyLog(date)))) : dailyLog(date)
    const picker = wrapper!.findComponent(ElDatePicker)
    await picker.vm.$emit('update:modelValue', '2026-11-20')
    await picker.vm.$emit('update:modelValue', '2026-11-21')
    await settle()
    releaseSlow()
    await settle()
    expect(body().get('[data-testid="daily-log-print-date"]').text()).toBe('日期：2026年11月21日星期六')
  })

  it('says so when the day has no visits', async () => {
    const harness = createHarness()
    harness.bridge.handlers['reports.dailyLog'] = ({ date }: { date: string }) => ({ date, visits: [], totals: [] })
    ;({ wrapper } = await mountApp(harness, '/reports'))
    expect(body().get('[data-testid="daily-log-empty"]').text()).toContain('当天没有到店记录')
    expect(body().find('[data-testid="daily-log-totals"]').exists()).toBe(false)
  })

  it('exports the XLSX through a Blob and an <a download> with the name main gave', async () => {
    const harness = await openReports()
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff])
    harness.bridge.handlers['reports.dailyLogXlsx'] = ({ date }: { date: string }) => ({
      fileName: `一日当面咨询表-${date}.xlsx`,
      base64: Buffer.from(bytes).toString('base64'),
    })
    const blobs: Blob[] = []
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:reports-test'
    })
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL: vi.fn() }))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })

    await body().get('[data-testid="daily-log-export"]').trigger('click')
    await settle()

    expect(harness.bridge.callsOf('reports.dailyLogXlsx')).toEqual([{ date: '2026-11-22' }])
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('一日当面咨询表-2026-11-22.xlsx')
    expect(clicked[0]!.href).toBe('blob:reports-test')
    expect(clicked[0]!.isConnected).toBe(false) // the temporary link is removed again
    expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(bytes)
    expect(body().get('.el-message--success').text()).toContain('已导出 一日当面咨询表-2026-11-22.xlsx')
  })

  it('shows the refusal when the export fails, and downloads nothing', async () => {
    const harness = await openReports()
    harness.bridge.handlers['reports.dailyLogXlsx'] = () => new Refusal({ code: 'internal', message: '导出失败' })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await body().get('[data-testid="daily-log-export"]').trigger('click')
    await settle()
    expect(click).not.toHaveBeenCalled()
    expect(body().get('.el-message--error').text()).toContain('导出失败')
  })

  it('prints from the button and from Ctrl+P: a form with the clinic, the date and the totals', async () => {
    await openReports({ clinicName: '悦美医疗美容门诊部' })
    const print = vi.fn()
    vi.stubGlobal('print', print) // happy-dom has no window.print
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)

    await body().get('[data-testid="daily-log-print-button"]').trigger('click')
    await settle()
    expect(print).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyP', key: 'p', ctrlKey: true }))
    await settle()
    expect(print).toHaveBeenCalledTimes(2)

    // The printed form lives outside #app, so print styles can hide the whole screen around it.
    const form = body().get('[data-testid="daily-log-print"]')
    expect(form.element.parentElement).toBe(document.body)
    expect(form.attributes('data-print-active')).toBe('')
    expect(form.get('[data-testid="daily-log-print-clinic"]').text()).toBe('悦美医疗美容门诊部')
    expect(form.get('[data-testid="daily-log-print-date"]').text()).toBe('日期：2026年11月22日星期日')
    expect(form.findAll('[data-testid="daily-log-print-row"]')).toHaveLength(4)
    const totals = form.get('[data-testid="daily-log-print-totals"]')
    expect(totals.findAll('thead th').map((th) => th.text())).toEqual(['咨询师', '王静', '李娜', '（未分配）', '合计'])
    expect(totals.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
      ['接待', '2', '1', '1', '4'],
      ['成交', '1', '0', '0', '1'],
      ['未成交', '0', '1', '0', '1'],
      ['金额', '4,920.00', '0.00', '0.00', '4,920.00'],
    ])

    wrapper!.unmount()
    wrapper = undefined
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(false)
  })

  it('speaks English when the operator switches language', async () => {
    await openReports()
    await body().get('[data-testid="language-switch"] input[value="en-US"]').setValue(true)
    await settle()
    expect(cells(screenRows()[1]!).slice(5)).toEqual(['First visit', 'Online platform', '李娜', 'Designated', 'Done', 'No deal: 价格超出预算', ''])
    expect(body().get('[data-testid="daily-log-export"]').text()).toBe('Export Excel')
  })
})
