// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CardDeduction, TreatmentCard } from '../../core/domain/treatmentCard.ts'
import DeductionSlip from '../../renderer/src/components/cards/DeductionSlip.vue'
import { freshSlip, reprintSlip } from '../../renderer/src/components/cards/slip.ts'
import { applyLocale } from '../../renderer/src/i18n/index.ts'
import { card as baseCard, deduction as baseDeduction } from './cards.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
// Local time, so the printed time does not depend on the machine's zone.
const AT = new Date(2026, 11, 4, 14, 9).toISOString()

const card = (overrides: Partial<TreatmentCard> = {}): TreatmentCard => baseCard({ sessionsUsed: 3, sessionsLeft: 2, expiresOn: '2027-12-01', version: 4, ...overrides })
const deduction = (overrides: Partial<CardDeduction> = {}): CardDeduction => baseDeduction({ at: AT, byName: '前台小周', ...overrides })

describe('the deduction slip (划扣确认单)', () => {
  it('prints the clinic, the client, the item, the session of the total, what is left, the time, the people and the signature lines', () => {
    const harness = createHarness()
    wrapper = mount(DeductionSlip, { props: { slip: freshSlip(card(), deduction(), 'K0042'), clinicName: '美丽诊所', preview: true }, global: harness.global as never })
    const text = (id: string) => wrapper!.get(`[data-testid="${id}"]`).text()
    expect(wrapper.get('h1').text()).toBe('划扣确认单')
    expect(text('slip-clinic')).toBe('美丽诊所')
    expect(text('slip-client')).toBe('林晓雯')
    expect(text('slip-archive')).toBe('K0042')
    expect(text('slip-item')).toBe('光子嫩肤（P001）')
    expect(text('slip-session')).toBe('第 3 次 / 共 5 次')
    expect(text('slip-left')).toBe('剩余 2 次')
    expect(text('slip-at')).toBe('2026/12/04 14:09')
    expect(text('slip-nurse')).toBe('护士小李')
    expect(text('slip-doctor')).toBe('刘医生')
    expect(text('slip-body-area')).toBe('全脸')
    expect(text('slip-assistant')).toBe('—')
    expect(wrapper.get('[data-testid="slip-body-area"]').element.previousElementSibling?.textContent).toBe('部位')
    expect(text('slip-note')).toBe('右脸颊')
    expect(text('slip-sheet')).toBe('F20261204-001')
    expect(text('slip-signature')).toBe('顾客签名：')
    expect(text('slip-date')).toContain('日期：')
  })

  it('leaves out the archive number and the note when there is none, and marks a missing doctor', () => {
    const harness = createHarness()
    wrapper = mount(DeductionSlip, { props: { slip: freshSlip(card(), deduction({ doctorId: null, doctorName: '', note: '' }), ''), clinicName: '美丽诊所', preview: true }, global: harness.global as never })
    expect(wrapper.find('[data-testid="slip-archive"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="slip-note"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="slip-doctor"]').text()).toBe('—')
  })

  it('prints the body area (部位) and the doctor’s assistant (助手), a dash for those not recorded', () => {
    const harness = createHarness()
    wrapper = mount(DeductionSlip, { props: { slip: freshSlip(card(), deduction({ bodyArea: '双下眼睑', assistantId: 6, assistantName: '护士小赵' }), 'K0042'), clinicName: '美丽诊所', preview: true }, global: harness.global as never })
    expect(wrapper.get('[data-testid="slip-body-area"]').text()).toBe('双下眼睑')
    expect(wrapper.get('[data-testid="slip-assistant"]').text()).toBe('护士小赵')
    expect(wrapper.get('[data-testid="slip-assistant"]').element.previousElementSibling?.textContent).toBe('助手')
    wrapper.unmount()
    wrapper = mount(DeductionSlip, { props: { slip: freshSlip(card(), deduction({ bodyArea: '' }), 'K0042'), clinicName: '美丽诊所', preview: true }, global: harness.global as never })
    expect(wrapper.get('[data-testid="slip-body-area"]').text()).toBe('—')
  })

  it('is teleported to <body> for printing unless it is the preview, and follows the language', async () => {
    const harness = createHarness()
    wrapper = mount(DeductionSlip, { props: { slip: freshSlip(card(), deduction(), 'K0042'), clinicName: 'Clinic' }, global: harness.global as never, attachTo: document.body })
    const printed = document.querySelector('body > [data-testid="deduction-slip"]')
    expect(printed?.classList.contains('is-preview')).toBe(false)
    applyLocale('en-US')
    await settle()
    expect(body().get('body > [data-testid="deduction-slip"] [data-testid="slip-session"]').text()).toBe('Session 3 of 5')
    expect(body().get('body > [data-testid="deduction-slip"] [data-testid="slip-left"]').text()).toBe('2 left')
  })

  it('a reprint counts what was left right after that deduction, undone ones not counted', () => {
    const all = [
      deduction({ id: 104, sessionNo: 4 }),
      deduction({ id: 103, sessionNo: 3, undone: true }),
      deduction({ id: 102, sessionNo: 2 }),
      deduction({ id: 101, sessionNo: 1 }),
    ]
    const now = card({ sessionsUsed: 3, sessionsLeft: 2 })
    expect(reprintSlip(now, all[0]!, all, 'K0042').sessionsLeft).toBe(2)
    expect(reprintSlip(now, all[2]!, all, 'K0042').sessionsLeft).toBe(3)
    expect(reprintSlip(now, all[3]!, all, 'K0042').sessionsLeft).toBe(4)
  })

  it('reprints a slip from a card’s history on the client page', async () => {
    const harness = createHarness({ settings: { clinicName: '美丽诊所' } })
    harness.bridge.handlers['clients.get'] = () => ({
      client: { id: 42, archiveNo: 'K0042', name: '林晓雯', gender: 'female', birthDate: null, phone: '13912340001', occupation: '', ownConsultantId: null, channel: 'walk_in', intendedCategory: null, allergies: '', notes: '', maritalStatus: null, address: '', createdAt: AT, updatedAt: AT },
      visits: [],
    })
    harness.bridge.handlers['appointments.ofClient'] = () => []
    harness.bridge.handlers['followUps.ofClient'] = () => []
    harness.bridge.handlers['cards.ofClient'] = () => [card()]
    harness.bridge.handlers['cards.get'] = () => ({
      card: card(),
      deductions: [deduction({ id: 103, sessionNo: 3 }), deduction({ id: 102, sessionNo: 2, nurseName: '护士小赵', doctorId: null, doctorName: '', note: '' }), deduction({ id: 101, sessionNo: 1 })],
    })
    ;({ wrapper } = await mountApp(harness, '/clients/42'))
    await settle()
    await body().get('[data-testid="client-card-history"]').trigger('click')
    await settle()
    await body().findAll('[data-testid="card-deduction-reprint"]')[1]?.trigger('click')
    await settle()
    const slip = body().get('[data-testid="deduction-slip-preview"]')
    expect(slip.get('[data-testid="slip-session"]').text()).toBe('第 2 次 / 共 5 次')
    expect(slip.get('[data-testid="slip-left"]').text()).toBe('剩余 3 次')
    expect(slip.get('[data-testid="slip-nurse"]').text()).toBe('护士小赵')
    expect(slip.get('[data-testid="slip-archive"]').text()).toBe('K0042')
    expect(slip.get('[data-testid="slip-clinic"]').text()).toBe('美丽诊所')
    expect(document.querySelector('body > [data-testid="deduction-slip"] [data-testid="slip-session"]')?.textContent).toBe('第 2 次 / 共 5 次')
  })
})
