// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsultationPayload, ConsultationSheet } from '../../core/domain/consultation.ts'
import type { FromConsultationResult } from '../../core/domain/feeSheet.ts'
import { Refusal } from './fakeBridge.ts'
import { consultants, visitRow } from './desk.fixtures.ts'
import { completePayload, consultationSheet, feeSheet, serveFees, setPreview } from './fees.fixtures.ts'
import { mountApp } from './mountApp.ts'
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
const errorOf = (path: string) => body().get(`[data-field="${path}"]`).find('.el-form-item__error')
const fieldError = (path: string) => (errorOf(path).exists() ? errorOf(path).text() : '')
const hasError = (path: string) => errorOf(path).exists()
const status = () => body().get('[data-testid="consultation-status"]').text()

/** A fake consultations service over one visit's versions, as main keeps them; records the order of events. */
function serveConsultations(harness: Harness, first: ConsultationSheet) {
  const versions = [structuredClone(first)]
  const latest = () => versions.at(-1)!
  const events: string[] = []
  const h = harness.bridge.handlers
  h['consultations.get'] = () => structuredClone(latest())
  h['consultations.versions'] = () => structuredClone(versions)
  h['visits.detail'] = () => ({ visit: visitRow({ id: first.visitId, status: 'consulting' }), partner: null })
  h['consultations.saveDraft'] = ({ sheetId, expectedRevision, payload }: { sheetId: number; expectedRevision: number; payload: ConsultationPayload }) => {
    events.push('save')
    const sheet = versions.find((v) => v.id === sheetId)!
    if (sheet.status !== 'draft' || sheet.revision !== expectedRevision) return new Refusal({ code: 'conflict', message: '咨询单已在其他窗口修改' })
    Object.assign(sheet, { payload, revision: sheet.revision + 1 })
    return structuredClone(sheet)
  }
  h['consultations.markPrinted'] = ({ sheetId }: { sheetId: number }) => {
    events.push('markPrinted')
    const sheet = versions.find((v) => v.id === sheetId)!
    Object.assign(sheet, { status: 'printed', revision: sheet.revision + 1, printedAt: '2026-03-01T03:00:00.000Z', printedBy: '陈晓' })
    return structuredClone(sheet)
  }
  h['consultations.newVersion'] = () => {
    const next: ConsultationSheet = { ...structuredClone(latest()), id: latest().id + 1, version: latest().version + 1, status: 'draft', revision: 1, printedAt: null, printedBy: null }
    versions.push(next)
    return structuredClone(next)
  }
  return { versions, events }
}

async function openConsultation(sheet = consultationSheet()) {
  const harness = createHarness({ staff: consultants })
  setPreview(harness, true)
  const server = serveConsultations(harness, sheet)
  /** What the printable sheet (the one teleported to <body>, not the preview) said when window.print ran. */
  const printedTexts: string[] = []
  const print = vi.fn(() => {
    server.events.push('print')
    printedTexts.push(document.querySelector('[data-testid="consultation-print"]')?.textContent ?? '')
  })
  vi.stubGlobal('print', print)
  let router
  ;({ wrapper, router } = await mountApp(harness, `/visits/${sheet.visitId}/consultation`))
  return { harness, server, print, printedTexts, router: router! }
}

async function printFromPreview() {
  await body().get('[data-testid="consultation-print-open"]').trigger('click')
  await settle()
  await body().get('[data-testid="print-go"]').trigger('click')
  await settle()
}

describe('Consultation page: printing', () => {
  it('refuses to print a draft without occupation and age, flags them, and records nothing', async () => {
    const { harness, print } = await openConsultation(consultationSheet({ payload: completePayload({ occupation: '', age: null }) }))
    expect(harness.bridge.callsOf('consultations.get')).toEqual([{ visitId: 31 }])
    expect(hasError('client.occupation')).toBe(false) // not before a print is asked for
    await printFromPreview()
    await vi.waitFor(() => expect(fieldError('client.occupation')).toBe('必填'))
    expect(fieldError('client.age')).toBe('必填')
    expect(hasError('client.name')).toBe(false)
    expect(hasError('client.phone')).toBe(false)
    expect(body().get('.el-message--error').text()).toContain('还有 2 项必填内容未填写，请补全后再打印')
    expect(harness.bridge.callsOf('consultations.markPrinted')).toEqual([])
    expect(harness.bridge.callsOf('consultations.saveDraft')).toEqual([])
    expect(print).not.toHaveBeenCalled()
    expect(status()).toBe('草稿')

    await body().get('[data-testid="cs-occupation"]').setValue('教师')
    await vi.waitFor(() => expect(hasError('client.occupation')).toBe(false))
    expect(fieldError('client.age')).toBe('必填')
  })

  it('saves a complete draft, freezes it as printed, then prints with the browser', async () => {
    const { harness, server, print, printedTexts } = await openConsultation()
    expect(body().get('[data-testid="consultation-print"]').text()).toContain('草稿 · 未定稿')
    await body().get('[data-testid="cs-goals"]').setValue('改善肤色暗沉，淡化雀斑')
    await printFromPreview()
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    expect(server.events).toEqual(['save', 'markPrinted', 'print'])
    expect(harness.bridge.callsOf('consultations.saveDraft')).toMatchObject([{ sheetId: 5, expectedRevision: 1, payload: { concerns: { goals: '改善肤色暗沉，淡化雀斑' } } }])
    expect(harness.bridge.callsOf('consultations.markPrinted')).toEqual([{ sheetId: 5, expectedRevision: 2 }])
    expect(body().get('.el-message--success').text()).toContain('咨询单 ZX2026-000005 第 1 版已定稿打印')
    expect(status()).toBe('已打印')
    // What went to the printer was the final version, with what was typed and without the draft mark.
    expect(printedTexts[0]).toContain('改善肤色暗沉，淡化雀斑')
    expect(printedTexts[0]).toContain('林晓雯')
    expect(printedTexts[0]).not.toContain('草稿 · 未定稿')
  })
})

describe('Consultation page: a printed sheet', () => {
  const printed = () => consultationSheet({ status: 'printed', revision: 3, printedAt: '2026-03-01T03:00:00.000Z', printedBy: '陈晓' })

  it('is read only and offers a new version, which is an editable draft', async () => {
    const { harness } = await openConsultation(printed())
    expect(status()).toBe('已打印')
    expect(body().text()).toContain('由 陈晓 打印，内容已冻结')
    expect(body().get('[data-testid="consultation-autosave"]').attributes('data-state')).toBe('frozen')
    for (const testid of ['cs-name', 'cs-occupation', 'cs-goals', 'cs-assessment']) expect(body().get(`[data-testid="${testid}"]`).attributes('disabled')).toBeDefined()
    expect(body().find('[data-testid="cs-plan-add"]').exists()).toBe(false)
    expect(body().get('[data-testid="consultation-print-open"]').text()).toBe('重新打印')

    await body().get('[data-testid="consultation-new-version"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('consultations.newVersion')).toEqual([{ sheetId: 5 }])
    expect(status()).toBe('草稿')
    expect(body().text()).toContain('第 2 版')
    expect(body().get('[data-testid="cs-occupation"]').attributes('disabled')).toBeUndefined()
    expect(body().find('[data-testid="consultation-new-version"]').exists()).toBe(false)
  })

  it('records a reprint of the printed version and prints, without saving', async () => {
    const { harness, print } = await openConsultation(printed())
    await printFromPreview()
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    expect(harness.bridge.callsOf('consultations.markPrinted')).toEqual([{ sheetId: 5, expectedRevision: 3 }])
    expect(harness.bridge.callsOf('consultations.saveDraft')).toEqual([])
  })
})

describe('Consultation page: the fee sheet from the plan', () => {
  function serveFromPlan(harness: Harness, result: Partial<FromConsultationResult> = {}) {
    serveFees(harness, feeSheet())
    harness.bridge.handlers['fees.fromConsultation'] = () => ({ sheet: feeSheet(), skipped: [], reused: false, ...result })
  }

  it('saves what was typed, makes the fee sheet from this sheet and opens it', async () => {
    const { harness, server, router } = await openConsultation()
    serveFromPlan(harness)
    harness.bridge.handlers['fees.fromConsultation'] = () => {
      server.events.push('fromConsultation')
      return { sheet: feeSheet(), skipped: [], reused: false }
    }
    await body().get('[data-testid="cs-assessment"]').setValue('面部色斑，皮肤屏障尚可')
    await body().get('[data-testid="consultation-fee-sheet"]').trigger('click')
    await settle()
    expect(server.events).toEqual(['save', 'fromConsultation'])
    expect(harness.bridge.callsOf('fees.fromConsultation')).toEqual([{ consultationSheetId: 5 }])
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/fee-sheets/7'))
    await settle()
    expect(body().get('[data-testid="fee-sheet-no"]').text()).toBe('单号 SF2026-000007')
  })

  it('names the plan lines it did not carry over before opening the fee sheet', async () => {
    const { harness, router } = await openConsultation()
    serveFromPlan(harness, { skipped: [{ index: 1, name: '自带产品导入', reason: 'hand_typed' }] })
    await body().get('[data-testid="consultation-fee-sheet"]').trigger('click')
    await settle()
    const box = body().get('.el-message-box')
    expect(box.get('.el-message-box__title').text()).toBe('1 行未转入缴费明细单')
    expect(box.text()).toContain('第 2 行 自带产品导入：手动填写的项目不在价目表中，请从价目表添加')
    expect(router.currentRoute.value.fullPath).toBe('/visits/31/consultation')
    await box.get('.el-message-box__btns .el-button--primary').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/fee-sheets/7'))
  })

  it('says when the draft already made from this sheet is opened again', async () => {
    const { harness, router } = await openConsultation(consultationSheet({ status: 'printed', printedAt: '2026-03-01T03:00:00.000Z', printedBy: '陈晓' }))
    serveFromPlan(harness, { reused: true })
    await body().get('[data-testid="consultation-fee-sheet"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('consultations.saveDraft')).toEqual([])
    // Messages live on document.body and outlast a test: a success message of an earlier test may still be
    // fading out under load, so look for this one among them, and give a loaded machine time to show it.
    const messages = () => body().findAll('.el-message--success').map((m) => m.text())
    await vi.waitFor(() => expect(messages().some((text) => text.includes('已打开此咨询单的草稿 SF2026-000007'))).toBe(true), { timeout: 5000 })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/fee-sheets/7'), { timeout: 5000 })
  })

  it("shows the server's refusal and stays on the sheet", async () => {
    const { harness, router } = await openConsultation()
    harness.bridge.handlers['fees.fromConsultation'] = () => new Refusal({ code: 'rule_violation', message: '推荐方案中没有价目表项目' })
    await body().get('[data-testid="consultation-fee-sheet"]').trigger('click')
    await settle()
    expect(body().get('.el-message--error').text()).toContain('推荐方案中没有价目表项目')
    expect(router.currentRoute.value.fullPath).toBe('/visits/31/consultation')
  })
})
