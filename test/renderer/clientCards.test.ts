// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { Client } from '../../core/domain/client.ts'
import type { TreatmentCard } from '../../core/domain/treatmentCard.ts'
import { card, deduction } from './cards.fixtures.ts'
import { PRINTING_SHEET_CLASS } from '../../renderer/src/composables/usePrintSheet.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
const texts = (selector: string) => body().findAll(selector).map((e) => e.text())
/** A field's message, once Element Plus's transition has shown it. */
async function errorOf(testid: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 120))
  return body().get(`[data-testid="${testid}"]`).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const client: Client = {
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
  maritalStatus: null,
  address: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
} as Client

const staff = [
  staffMember({ id: 1, name: '王静', role: 'consultant' }),
  staffMember({ id: 5, name: '护士小李', role: 'nurse' }),
  staffMember({ id: 6, name: '护士小赵', role: 'nurse' }),
  staffMember({ id: 7, name: '离职护士', role: 'nurse', active: false }),
  staffMember({ id: 8, name: '刘医生', role: 'doctor' }),
  staffMember({ id: 9, name: '前台小周', role: 'receptionist' }),
]

const fourCards = [
  card(),
  card({ id: 12, code: 'H010', name: '水光针', sessionsBought: 3, sessionsUsed: 3, sessionsLeft: 0, status: 'used_up', sheetNo: 'F20261101-004' }),
  card({ id: 13, code: 'L002', name: '激光脱毛', sessionsBought: 6, sessionsUsed: 1, sessionsLeft: 5, expiresOn: '2020-06-30', status: 'expired', sheetNo: 'F20190701-002' }),
  card({ id: 14, code: 'S005', name: '热玛吉', sessionsBought: 1, sessionsUsed: 0, sessionsLeft: 1, voided: true, status: 'void', sheetNo: 'F20261120-007' }),
]

async function openClient(options: { cards?: TreatmentCard[]; operator?: Operator } = {}) {
  const harness = createHarness({ staff, settings: { clinicName: '美丽诊所' }, ...(options.operator ? { operator: options.operator } : {}) })
  let cards = structuredClone(options.cards ?? fourCards)
  harness.bridge.handlers['clients.get'] = () => ({ client, visits: [] })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => cards
  const setCards = (next: TreatmentCard[]) => (cards = next)
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return { harness, setCards }
}

describe('treatment cards on the client page', () => {
  it('lists every card with what is used and left, until when, its sheet and status; 划扣 only on a usable one', async () => {
    const { harness } = await openClient()
    expect(harness.bridge.callsOf('cards.ofClient')).toEqual([{ clientId: 42 }])
    expect(texts('[data-testid="client-card-name"]')).toEqual(['光子嫩肤', '水光针', '激光脱毛', '热玛吉'])
    expect(texts('[data-testid="client-card-used"]')).toEqual(['已用 2 / 共 5', '已用 3 / 共 3', '已用 1 / 共 6', '已用 0 / 共 1'])
    expect(texts('[data-testid="client-card-left"]')).toEqual(['剩 3 次', '剩 0 次', '剩 5 次', '剩 1 次'])
    expect(texts('[data-testid="client-card-expires"]')).toEqual(['有效期至 2099-12-01', '有效期至 2099-12-01', '有效期至 2020-06-30', '有效期至 2099-12-01'])
    expect(texts('[data-testid="client-card-sheet"]')).toEqual(['F20261204-001', 'F20261101-004', 'F20190701-002', 'F20261120-007'])
    expect(texts('[data-testid="client-card"] [data-testid="card-status"]')).toEqual(['可用', '已用完', '已过期', '已作废'])
    const deductButtons = body().findAll('[data-testid="client-card-deduct"]')
    expect(deductButtons).toHaveLength(1)
    expect(deductButtons[0]?.element.closest('[data-testid="client-card"]')?.getAttribute('data-card-id')).toBe('11')
    expect(body().find('[data-testid="client-cards-empty"]').exists()).toBe(false)
  })

  it('shows an empty state for a client without a card', async () => {
    await openClient({ cards: [] })
    expect(body().get('[data-testid="client-cards-empty"]').text()).toContain('该顾客还没有疗程卡')
    expect(body().findAll('[data-testid="client-card"]')).toHaveLength(0)
  })

  it('deducts with the nurse and the body area (required), the doctor, the assistant and the note at the version shown, then opens the slip', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.deduct'] = () => ({
      card: card({ sessionsUsed: 3, sessionsLeft: 2, version: 4 }),
      deduction: deduction({ sessionNo: 3, note: '右脸颊', bodyArea: '双下眼睑', assistantId: 5, assistantName: '护士小李' }),
    })
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="deduct-dialog-who"]').text()).toBe('光子嫩肤（P001）· 本次为第 3 次 / 共 5 次')
    expect(body().get('[data-testid="deduct-sign-hint"]').text()).toContain('请打印后交顾客签名确认')
    // Only active nurses and doctors are offered.
    expect(texts('[data-testid^="deduct-nurse-"]')).toEqual(['护士小李', '护士小赵'])
    expect(texts('[data-testid^="deduct-doctor-"]')).toEqual(['刘医生'])
    // The assistant is an active nurse or doctor, never the doctor chosen.
    expect(texts('[data-testid^="deduct-assistant-"]')).toEqual(['护士小李', '护士小赵', '刘医生'])

    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(await errorOf('deduct-nurse')).toBe('请选择做治疗的护士')
    expect(await errorOf('deduct-body-area')).toBe('请填写治疗部位')
    expect(await errorOf('deduct-doctor')).toBe('')
    expect(harness.bridge.callsOf('cards.deduct')).toEqual([])

    await body().get('[data-testid="deduct-nurse-6"]').trigger('click')
    await body().get('[data-testid="deduct-body-area"]').setValue('   ')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(await errorOf('deduct-body-area')).toBe('请填写治疗部位')
    expect(harness.bridge.callsOf('cards.deduct')).toEqual([])

    await body().get('[data-testid="deduct-body-area"]').setValue(' 双下眼睑 ')
    await body().get('[data-testid="deduct-assistant-8"]').trigger('click')
    await body().get('[data-testid="deduct-doctor-8"]').trigger('click')
    await settle()
    // Choosing as doctor the one chosen as assistant drops the assistant, and offers them no more.
    expect(texts('[data-testid^="deduct-assistant-"]')).toEqual(['护士小李', '护士小赵'])
    await body().get('[data-testid="deduct-assistant-5"]').trigger('click')
    await body().get('[data-testid="deduct-note"]').setValue(' 右脸颊 ')
    await body().get('[data-testid="deduct-body-area"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('cards.deduct')).toEqual([{ cardId: 11, expectedVersion: 3, nurseId: 6, bodyArea: '双下眼睑', doctorId: 8, assistantId: 5, note: '右脸颊' }])
    expect(texts('[data-testid="client-card-used"]')[0]).toBe('已用 3 / 共 5')
    expect(body().text()).toContain('已划扣 光子嫩肤 第 3 次，剩余 2 次')
    const slip = body().get('[data-testid="deduction-slip-preview"]')
    expect(slip.get('[data-testid="slip-session"]').text()).toBe('第 3 次 / 共 5 次')
    expect(slip.get('[data-testid="slip-left"]').text()).toBe('剩余 2 次')
    expect(slip.get('[data-testid="slip-client"]').text()).toBe('林晓雯')
    expect(slip.get('[data-testid="slip-archive"]').text()).toBe('K0042')
    expect(slip.get('[data-testid="slip-body-area"]').text()).toBe('双下眼睑')
    expect(slip.get('[data-testid="slip-assistant"]').text()).toBe('护士小李')
    expect(slip.text()).toContain('部位')
    expect(slip.text()).toContain('助手')
    expect(body().get('[data-testid="print-preview"]').isVisible()).toBe(true)
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
    expect([...document.querySelectorAll('body > [data-print-active]')].map((e) => e.getAttribute('data-testid'))).toEqual(['deduction-slip'])
  })

  it('sends no doctor when none is chosen', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.deduct'] = () => ({ card: card({ sessionsUsed: 3, sessionsLeft: 2, version: 4 }), deduction: deduction({ doctorId: null, doctorName: '', note: '' }) })
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    await body().get('[data-testid="deduct-nurse-5"]').trigger('click')
    await body().get('[data-testid="deduct-body-area"]').setValue('全脸')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.deduct')).toEqual([{ cardId: 11, expectedVersion: 3, nurseId: 5, bodyArea: '全脸', doctorId: null, assistantId: null, note: '' }])
    expect(body().get('[data-testid="deduction-slip-preview"] [data-testid="slip-doctor"]').text()).toBe('—')
    expect(body().get('[data-testid="deduction-slip-preview"] [data-testid="slip-assistant"]').text()).toBe('—')
  })

  it('re-reads a card changed meanwhile and says so; the dialog then shows the card as it is now', async () => {
    const { harness, setCards } = await openClient()
    harness.bridge.handlers['cards.deduct'] = () => {
      setCards([card({ sessionsUsed: 3, sessionsLeft: 2, version: 4 }), ...fourCards.slice(1)])
      return new Refusal({ code: 'conflict', message: '疗程卡已被修改' })
    }
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    await body().get('[data-testid="deduct-nurse-5"]').trigger('click')
    await body().get('[data-testid="deduct-body-area"]').setValue('全脸')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.ofClient')).toEqual([{ clientId: 42 }, { clientId: 42 }])
    expect(body().get('[data-testid="deduct-error"]').text()).toBe('这张疗程卡刚被其他窗口改动过，已重新读取，请核对后再划扣')
    expect(body().get('[data-testid="deduct-dialog-who"]').text()).toBe('光子嫩肤（P001）· 本次为第 4 次 / 共 5 次')
    expect(body().find('[data-testid="deduction-slip-preview"]').exists()).toBe(false)

    harness.bridge.handlers['cards.deduct'] = () => ({ card: card({ sessionsUsed: 4, sessionsLeft: 1, version: 5 }), deduction: deduction({ id: 101, sessionNo: 4 }) })
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.deduct')[1]).toEqual({ cardId: 11, expectedVersion: 4, nurseId: 5, bodyArea: '全脸', doctorId: null, assistantId: null, note: '' })
  })

  it('shows another refusal (a card expired on the server) in the dialog', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.deduct'] = () => new Refusal({ code: 'rule_violation', message: '疗程卡已过期，不能划扣' })
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    await body().get('[data-testid="deduct-nurse-5"]').trigger('click')
    await body().get('[data-testid="deduct-body-area"]').setValue('全脸')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="deduct-error"]').text()).toBe('疗程卡已过期，不能划扣')
    expect(body().find('[data-testid="deduction-slip-preview"]').exists()).toBe(false)
  })

  it('offers the body areas of the card’s earlier deductions, newest first, each once; a click fills the field', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.get'] = () => ({
      card: card(),
      deductions: [deduction({ id: 102, sessionNo: 2, bodyArea: '额头' }), deduction({ id: 101, sessionNo: 1, bodyArea: '全脸' }), deduction({ id: 100, sessionNo: 0, bodyArea: '额头' })],
    })
    harness.bridge.handlers['cards.deduct'] = () => ({ card: card({ sessionsUsed: 3, sessionsLeft: 2, version: 4 }), deduction: deduction({ bodyArea: '全脸' }) })
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.get')).toEqual([{ id: 11 }])
    expect(texts('[data-testid="deduct-area-suggestion"]')).toEqual(['额头', '全脸'])
    await body().findAll('[data-testid="deduct-area-suggestion"]')[1]?.trigger('click')
    await body().get('[data-testid="deduct-nurse-5"]').trigger('click')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.deduct')).toEqual([{ cardId: 11, expectedVersion: 3, nurseId: 5, bodyArea: '全脸', doctorId: null, assistantId: null, note: '' }])
  })

  it('shows a body area or assistant refused by the server on its field', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.deduct'] = () =>
      new Refusal({ code: 'invalid_input', message: '刘医生 已是主治医生，助手请选另一位', fields: { assistantId: '刘医生 已是主治医生，助手请选另一位' } })
    await body().get('[data-testid="client-card-deduct"]').trigger('click')
    await settle()
    expect(body().find('[data-testid="deduct-area-suggestions"]').exists()).toBe(false)
    await body().get('[data-testid="deduct-nurse-5"]').trigger('click')
    await body().get('[data-testid="deduct-body-area"]').setValue('全脸')
    await body().get('[data-testid="deduct-assistant-6"]').trigger('click')
    await body().get('[data-testid="deduct-submit"]').trigger('click')
    await settle()
    expect(await errorOf('deduct-assistant')).toBe('刘医生 已是主治医生，助手请选另一位')
    expect(body().find('[data-testid="deduction-slip-preview"]').exists()).toBe(false)
  })

  it('offers 划扣 to a nurse (treat) but not to a consultant', async () => {
    await openClient({ operator: { id: 5, name: '护士小李', role: 'nurse' } })
    expect(body().findAll('[data-testid="client-card-deduct"]')).toHaveLength(1)
    wrapper?.unmount()
    wrapper = undefined
    await openClient({ operator: { id: 1, name: '王静', role: 'consultant' } })
    expect(body().findAll('[data-testid="client-card"]')).toHaveLength(4)
    expect(body().findAll('[data-testid="client-card-deduct"]')).toHaveLength(0)
    expect(body().findAll('[data-testid="client-card-history"]')).toHaveLength(4)
  })
})

describe('a card’s deductions', () => {
  const history = () => ({
    card: card({ sessionsUsed: 2, sessionsLeft: 3 }),
    deductions: [
      deduction({ id: 101, sessionNo: 2, at: '2026-11-20T02:00:00.000Z', nurseName: '护士小赵', doctorId: null, doctorName: '', bodyArea: '额头', assistantId: 5, assistantName: '护士小李', note: '', byName: '前台小周' }),
      deduction({ id: 102, sessionNo: 3, at: '2026-12-01T02:00:00.000Z', undone: true, undoneAt: '2026-12-01T03:00:00.000Z', undoneByName: '测试管理员', undoReason: '护士选错了', note: '' }),
      deduction({ id: 100, sessionNo: 1, at: '2026-11-10T02:00:00.000Z', note: '首次' }),
    ],
  })

  it('lists them newest first, undone ones struck through with who, when and why', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.get'] = history
    await body().get('[data-testid="client-card-history"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.get')).toEqual([{ id: 11 }])
    expect(texts('[data-testid="card-deduction-no"]')).toEqual(['第 3 次', '第 2 次', '第 1 次'])
    const rows = body().findAll('[data-testid="card-deduction"]')
    expect(rows.map((r) => r.attributes('data-undone'))).toEqual(['true', 'false', 'false'])
    expect(rows[0]?.classes()).toContain('is-undone')
    expect(rows[0]?.get('[data-testid="card-deduction-undone"]').text()).toMatch(/^已撤销 · 测试管理员 于 .+ 撤销，原因：护士选错了$/)
    expect(rows[1]?.get('[data-testid="card-deduction-area"]').text()).toBe('部位：额头')
    expect(rows[1]?.get('[data-testid="card-deduction-assistant"]').text()).toBe('助手：护士小李')
    expect(rows[2]?.get('[data-testid="card-deduction-assistant"]').text()).toBe('助手：—')
    expect(rows[1]?.text()).toContain('护士：护士小赵')
    expect(rows[1]?.text()).toContain('医生：—')
    expect(rows[1]?.text()).toContain('操作人：前台小周')
    expect(rows[2]?.text()).toContain('备注：首次')
    expect(rows[0]?.find('[data-testid="card-deduction-undo"]').exists()).toBe(false)
    expect(body().findAll('[data-testid="card-deduction-undo"]')).toHaveLength(2)
  })

  it('undoes one only with a reason (an administrator)', async () => {
    const { harness } = await openClient()
    harness.bridge.handlers['cards.get'] = history
    harness.bridge.handlers['cards.undoDeduction'] = () => {
      const h = history()
      return { card: card({ sessionsUsed: 1, sessionsLeft: 4, version: 5 }), deductions: h.deductions.map((d) => (d.id === 101 ? { ...d, undone: true, undoneAt: '2026-12-04T08:00:00.000Z', undoneByName: '测试管理员', undoReason: '重复划扣' } : d)) }
    }
    await body().get('[data-testid="client-card-history"]').trigger('click')
    await settle()
    await body().findAll('[data-testid="card-deduction-undo"]')[0]?.trigger('click')
    await settle()
    expect(body().get('[data-testid="reason-dialog-who"]').text()).toMatch(/^光子嫩肤 第 2 次（.+）$/)
    await body().get('[data-testid="reason-submit"]').trigger('click')
    await settle()
    expect(await errorOf('reason-input')).toBe('请写明撤销的原因')
    expect(harness.bridge.callsOf('cards.undoDeduction')).toEqual([])

    await body().get('[data-testid="reason-input"]').setValue(' 重复划扣 ')
    await body().get('[data-testid="reason-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('cards.undoDeduction')).toEqual([{ deductionId: 101, reason: '重复划扣' }])
    expect(body().findAll('[data-testid="card-deduction"]').map((r) => r.attributes('data-undone'))).toEqual(['true', 'true', 'false'])
    expect(texts('[data-testid="client-card-used"]')[0]).toBe('已用 1 / 共 5')
    expect(body().text()).toContain('已撤销第 2 次划扣，该次数已退回疗程卡')
  })

  it('offers no undo to anyone but an administrator', async () => {
    const { harness } = await openClient({ operator: { id: 9, name: '前台小周', role: 'receptionist' } })
    harness.bridge.handlers['cards.get'] = history
    await body().get('[data-testid="client-card-history"]').trigger('click')
    await settle()
    expect(body().findAll('[data-testid="card-deduction"]')).toHaveLength(3)
    expect(body().findAll('[data-testid="card-deduction-reprint"]')).toHaveLength(2)
    expect(body().find('[data-testid="card-deduction-undo"]').exists()).toBe(false)
  })
})

describe('the setting of how long a card is valid', () => {
  it('shows the default of 365 days and saves a change with the desk settings, with the partner reports’ validity beside it', async () => {
    const harness = createHarness()
    await useSettingsStore().init()
    wrapper = mount(SettingsView, { global: harness.global as never, attachTo: document.body })
    await settle()
    const input = body().get('[data-testid="settings-card-valid-days"] input')
    expect((input.element as HTMLInputElement).value).toBe('365')
    expect(body().get('[data-testid="settings-desk"]').text()).toContain('疗程卡有效期（天）')
    await input.setValue('180')
    await input.trigger('change')
    // The partner reports' validity (issue 10) sits beside it.
    const reportDays = body().get('[data-testid="settings-report-valid-days"] input')
    expect((reportDays.element as HTMLInputElement).value).toBe('30')
    await reportDays.setValue('14')
    await reportDays.trigger('change')
    await settle()
    await body().get('[data-testid="settings-desk-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update').at(-1)).toMatchObject({ treatmentCardValidDays: 180, partnerReportValidDays: 14 })
  })
})
