// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { Client } from '../../core/domain/client.ts'
import type { CardConsent } from '../../core/domain/consent.ts'
import { PRINTING_SHEET_CLASS } from '../../renderer/src/composables/usePrintSheet.ts'
import { card } from './cards.fixtures.ts'
import { cardConsent, consent } from './consents.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.querySelectorAll('.el-message-box__wrapper, .el-overlay').forEach((e) => e.remove())
})
const body = () => new DOMWrapper(document.body)
const texts = (selector: string) => body().findAll(selector).map((e) => e.text())

const client = {
  id: 42,
  archiveNo: 'K0042',
  name: '林晓雯',
  gender: 'female',
  birthDate: '1990-05-01',
  phone: '13912340001',
  occupation: '',
  ownConsultantId: null,
  channel: 'walk_in',
  intendedCategory: null,
  allergies: '',
  notes: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
} as unknown as Client

/** 玻尿酸填充 (card 11, invasive) and 光子嫩肤 (card 12, not invasive, newer). */
const rows = () => [
  cardConsent({ cardId: 12, code: 'GZ01', itemName: '光子嫩肤', sessionsBought: 5, serviceCategory: 'skin', invasive: false }),
  cardConsent(),
]

async function openClient(options: { rows?: CardConsent[]; operator?: Operator } = {}) {
  const harness = createHarness({
    staff: [staffMember({ id: 9, name: '前台小周', role: 'receptionist' })],
    settings: { clinicName: '美丽诊所' },
    ...(options.operator ? { operator: options.operator } : {}),
  })
  let list = structuredClone(options.rows ?? rows())
  harness.bridge.handlers['clients.get'] = () => ({ client, visits: [] })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['complaints.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => [card({ id: 12, name: '光子嫩肤' }), card({ id: 11, code: 'BN01', name: '玻尿酸填充', sessionsBought: 1, sessionsUsed: 0, sessionsLeft: 1 })]
  harness.bridge.handlers['consents.ofClient'] = () => list
  const setRows = (next: CardConsent[]) => (list = next)
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return { harness, setRows }
}

const row = (cardId: number) => body().get(`[data-testid="consent-row"][data-card-id="${cardId}"]`)

describe('the consent forms of the client’s page', () => {
  it('lists the invasive card first with its state, and tags it on the treatment cards', async () => {
    await openClient()
    expect(texts('[data-testid="consent-item"]')).toEqual(['玻尿酸填充', '光子嫩肤'])
    expect(row(11).get('[data-testid="consent-invasive"]').text()).toBe('侵入性')
    expect(row(11).get('[data-testid="consent-state"]').text()).toBe('未生成')
    expect(row(12).text()).toContain('非侵入')
    expect(row(11).get('[data-testid="consent-print"]').text()).toBe('生成并打印')
    expect(row(11).find('[data-testid="consent-mark-signed"]').exists()).toBe(false)
    expect(texts('[data-testid="card-consent-tag"]')).toEqual(['玻尿酸填充：需签同意书'])
  })

  it('makes the consent and shows it in the print preview with the client’s details and the signature lines', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['consents.prepare'] = () => consent()
    await row(11).get('[data-testid="consent-print"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('consents.prepare')).toEqual([{ cardId: 11 }])
    const preview = body().get('[data-testid="consent-print-preview"]')
    expect(preview.get('[data-testid="consent-print-clinic"]').text()).toBe('美丽诊所')
    expect(preview.get('[data-testid="consent-print-title"]').text()).toBe('注射美容治疗知情同意书')
    expect(preview.get('[data-testid="consent-print-client"]').text()).toBe('林晓雯')
    expect(preview.get('[data-testid="consent-print-gender"]').text()).toBe('女')
    expect(preview.get('[data-testid="consent-print-age"]').text()).toMatch(/^\d+ 岁$/)
    expect(preview.get('[data-testid="consent-print-archive"]').text()).toBe('K0042')
    expect(preview.get('[data-testid="consent-print-phone"]').text()).toBe('13912340001')
    expect(preview.find('[data-testid="consent-print-address"]').exists()).toBe(false)
    expect(preview.get('[data-testid="consent-print-item"]').text()).toBe('玻尿酸填充')
    expect(preview.get('[data-testid="consent-print-sessions"]').text()).toBe('1 次')
    expect(preview.findAll('[data-testid="consent-print-body"] p').map((p) => p.text())).toEqual([
      '一、治疗目的与方法：注射透明质酸。',
      '二、可能出现的风险：淤青、栓塞。',
      '六、顾客声明：我已知情并自愿接受。',
    ])
    expect(preview.get('[data-testid="consent-print-signatures"]').text()).toContain('顾客/监护人签名')
    expect(preview.get('[data-testid="consent-print-signatures"]').text()).toContain('医生签名')
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
    expect([...document.querySelectorAll('body > [data-print-active]')].map((e) => e.getAttribute('data-testid'))).toEqual(['consent-print'])
    expect(row(11).get('[data-testid="consent-state"]').text()).toBe('待签')
  })

  it('marks it signed after the confirmation, and shows when and by whom', async () => {
    const { harness } = await openClient({ rows: [cardConsent({ state: 'pending', consent: consent() })] })
    harness.bridge.handlers['consents.markSigned'] = () => consent({ signedAt: '2026-12-04T03:15:00.000Z', signedByName: '前台小周' })
    await row(11).get('[data-testid="consent-mark-signed"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('确认顾客已在纸质同意书上签字？'))
    ;(document.querySelector('.el-message-box .el-button--primary') as HTMLButtonElement).click()
    await settle()
    await vi.waitFor(() => expect(harness.bridge.callsOf('consents.markSigned')).toEqual([{ id: 7 }]))
    await settle()
    expect(row(11).get('[data-testid="consent-state"]').text()).toBe('已签')
    expect(row(11).get('[data-testid="consent-signed-by"]').text()).toContain('前台小周')
    expect(row(11).find('[data-testid="consent-mark-signed"]').exists()).toBe(false)
    expect(texts('[data-testid="card-consent-tag"]')).toEqual(['玻尿酸填充：同意书已签'])
  })

  it('does not mark it signed when the confirmation is cancelled, and shows a refusal', async () => {
    const { harness } = await openClient({ rows: [cardConsent({ state: 'pending', consent: consent() })] })
    harness.bridge.handlers['consents.markSigned'] = () => new Refusal({ code: 'conflict', message: '「玻尿酸填充」的知情同意书已于 2026-12-04 11:15 由 护士小李 标记为已签' })
    await row(11).get('[data-testid="consent-mark-signed"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    ;(document.querySelector('.el-message-box .el-button:not(.el-button--primary)') as HTMLButtonElement).click()
    await settle()
    expect(harness.bridge.callsOf('consents.markSigned')).toEqual([])
    await row(11).get('[data-testid="consent-mark-signed"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelectorAll('.el-message-box .el-button--primary').length).toBeGreaterThan(0))
    ;([...document.querySelectorAll('.el-message-box .el-button--primary')].at(-1) as HTMLButtonElement).click()
    await vi.waitFor(() => expect(document.querySelector('.el-message')?.textContent).toContain('由 护士小李 标记为已签'))
  })

  it('lets a consultant (no treat right) see the states but not make or sign a consent', async () => {
    await openClient({ operator: { id: 1, name: '王静', role: 'consultant' }, rows: [cardConsent(), cardConsent({ cardId: 12, state: 'pending', consent: consent({ cardId: 12 }) })] })
    expect(row(11).find('[data-testid="consent-print"]').exists()).toBe(false)
    expect(row(12).get('[data-testid="consent-print"]').text()).toBe('打印')
    expect(row(12).find('[data-testid="consent-mark-signed"]').exists()).toBe(false)
  })
})
