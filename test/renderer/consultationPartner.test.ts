// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VisitDetail } from '../../core/api/visits.ts'
import type { HandoverNotes } from '../../core/domain/partnerStore.ts'
import type { VisitRow } from '../../core/domain/visit.ts'
import { Refusal } from './fakeBridge.ts'
import { consultants, visitRow } from './desk.fixtures.ts'
import { consultationSheet } from './fees.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const body = () => new DOMWrapper(document.body)
const text = (testId: string) => body().get(`[data-testid="${testId}"]`).text()
const NOTES = { income: '月入两万', work: '外企经理', family: '已婚，一个孩子', wanted: '想做眼袋', other: '' }

function partnerDetail(visit: Partial<VisitRow> = {}, notes: HandoverNotes | null = NOTES): VisitDetail {
  return {
    visit: visitRow({ id: 31, status: 'consulting', consultantId: 1, consultantName: '王静', assignedBy: 'partner', partnerStoreId: 4, partnerReportId: 9, ...visit }),
    partner: { storeId: 4, storeName: '丽人美容院', storeClass: 'A', consultantId: 1, reportId: notes ? 9 : null, salespersonName: '赵业务', notes },
  }
}

async function openWith(detail: VisitDetail, onRequest?: (input: { visitId: number; expectedVersion: number }) => unknown) {
  const harness = createHarness({ staff: consultants })
  const sheet = consultationSheet()
  harness.bridge.handlers['consultations.get'] = () => structuredClone(sheet)
  harness.bridge.handlers['consultations.versions'] = () => [structuredClone(sheet)]
  harness.bridge.handlers['visits.detail'] = () => structuredClone(detail)
  if (onRequest) harness.bridge.handlers['visits.requestAssistance'] = onRequest
  ;({ wrapper } = await mountApp(harness, '/visits/31/consultation'))
  return harness
}

describe('Consultation page: a partner store’s client', () => {
  it('shows the store, the salesperson and the hand-over notes in their order', async () => {
    const harness = await openWith(partnerDetail())
    expect(harness.bridge.callsOf('visits.detail')).toEqual([{ visitId: 31 }])
    expect(text('cs-partner-store')).toBe('丽人美容院')
    expect(body().get('[data-testid="cs-partner"]').text()).toContain('A类')
    expect(text('cs-partner-salesperson')).toBe('赵业务')
    const notes = body().findAll('[data-testid^="cs-partner-note-"]').map((n) => [n.attributes('data-testid'), n.text()])
    expect(notes).toEqual([
      ['cs-partner-note-income', '月入两万'],
      ['cs-partner-note-work', '外企经理'],
      ['cs-partner-note-family', '已婚，一个孩子'],
      ['cs-partner-note-wanted', '想做眼袋'],
      ['cs-partner-note-other', '未填写'],
    ])
  })

  it('asks the supervisor to assist and then shows who assisted, without the button', async () => {
    const detail = partnerDetail({ version: 6 })
    const harness = await openWith(detail, ({ visitId, expectedVersion }) => ({
      ...detail.visit, id: visitId, version: expectedVersion + 1, assistConsultantId: 3, assistConsultantName: '陈主管', assistedAt: '2026-03-01T03:00:00.000Z',
    }))
    await body().get('[data-testid="cs-request-assistance"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('visits.requestAssistance')).toEqual([{ visitId: 31, expectedVersion: 6 }])
    expect(text('cs-partner-assistant')).toContain('陈主管 已协助过单')
    expect(body().find('[data-testid="cs-request-assistance"]').exists()).toBe(false)
    expect(body().text()).toContain('已请 陈主管 协助过单')
  })

  it('shows the refusal and keeps the button when main refuses', async () => {
    await openWith(partnerDetail(), () => new Refusal({ code: 'rule_violation', message: '还没有设置咨询主管，请管理员在“设置 → 轮牌”中选择' }))
    await body().get('[data-testid="cs-request-assistance"]').trigger('click')
    await settle()
    expect(body().text()).toContain('还没有设置咨询主管')
    expect(body().find('[data-testid="cs-request-assistance"]').exists()).toBe(true)
  })

  it('offers no assistance after a deal, before the consultation, or when already assisted', async () => {
    for (const visit of [{ outcome: 'deal' as const }, { status: 'waiting' as const }, { assistConsultantId: 3, assistConsultantName: '陈主管', assistedAt: '2026-03-01T03:00:00.000Z' }, { type: 'returning' as const }]) {
      await openWith(partnerDetail(visit))
      expect(body().find('[data-testid="cs-partner"]').exists()).toBe(true)
      expect(body().find('[data-testid="cs-request-assistance"]').exists(), JSON.stringify(visit)).toBe(false)
      wrapper?.unmount()
      wrapper = undefined
    }
  })

  it('says a credited visit has no notes, and shows nothing for a visit of no store', async () => {
    await openWith(partnerDetail({}, null))
    expect(body().find('[data-testid^="cs-partner-note-"]').exists()).toBe(false)
    expect(body().get('[data-testid="cs-partner"]').text()).toContain('由管理员计入店家，没有交接信息')
    wrapper?.unmount()
    wrapper = undefined
    await openWith({ visit: visitRow({ id: 31, status: 'consulting' }), partner: null })
    expect(body().find('[data-testid="cs-partner"]').exists()).toBe(false)
  })
})
