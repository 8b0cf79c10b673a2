// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Client } from '../../core/domain/client.ts'
import { ageOn, localDateOf } from '../../core/domain/dates.ts'
import type { TreatmentRecordRow } from '../../core/domain/treatmentCard.ts'
import { PRINTING_SHEET_CLASS } from '../../renderer/src/composables/usePrintSheet.ts'
import { recordRow } from './cards.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
const texts = (root: Pick<DOMWrapper<Element>, 'findAll'>, selector: string) => root.findAll(selector).map((e) => e.text())
// Local times, so the dates shown do not depend on the machine's zone.
const at = (month: number, day: number, hour: number) => new Date(2026, month - 1, day, hour, 30).toISOString()

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
  allergies: '利多卡因过敏',
  notes: '',
  maritalStatus: 'married',
  address: '上海市静安区南京西路 1 号',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
}

const rows: TreatmentRecordRow[] = [
  recordRow({ id: 103, sessionNo: 2, at: at(12, 21, 15), bodyArea: '双下眼睑', assistantId: null, assistantName: '', note: '' }),
  recordRow({ id: 102, cardId: 12, code: 'H010', name: '水光针', sessionsBought: 2, sessionNo: 1, at: at(12, 7, 10), bodyArea: '额头', doctorId: null, doctorName: '', nurseName: '护士小赵', note: '', undone: true, undoneAt: at(12, 7, 11), undoneByName: '测试管理员', undoReason: '护士选错了' }),
  recordRow({ id: 101, sessionNo: 1, at: at(11, 23, 9), bodyArea: '全脸', assistantId: 6, assistantName: '护士小赵', note: '首次，耐受好' }),
]

async function openClient(record: TreatmentRecordRow[] = rows, who: Client = client) {
  const harness = createHarness({ settings: { clinicName: '美丽诊所' } })
  let current = structuredClone(record)
  harness.bridge.handlers['clients.get'] = () => ({ client: who, visits: [] })
  harness.bridge.handlers['appointments.ofClient'] = () => []
  harness.bridge.handlers['followUps.ofClient'] = () => []
  harness.bridge.handlers['cards.ofClient'] = () => []
  harness.bridge.handlers['cards.treatmentRecord'] = () => current
  ;({ wrapper } = await mountApp(harness, '/clients/42'))
  await settle()
  return { harness, setRecord: (next: TreatmentRecordRow[]) => (current = next) }
}

const rowTexts = (root: Pick<DOMWrapper<Element>, 'findAll'>) =>
  root.findAll('[data-testid="record-row"]').map((r) =>
    ['record-date', 'record-item', 'record-area', 'record-session', 'record-doctor', 'record-assistant', 'record-nurse', 'record-note'].map((id) => r.get(`[data-testid="${id}"]`).text()),
  )

describe('the treatment record (病历档案) on the client page', () => {
  it('shows the client’s head and every treatment newest first; an undone one struck through with its reason', async () => {
    const { harness } = await openClient()
    expect(harness.bridge.callsOf('cards.treatmentRecord')).toEqual([{ clientId: 42 }])
    const section = body().get('[data-testid="client-record-card"]')
    expect(section.text()).toContain('病历档案')
    expect(section.get('[data-testid="record-archive"]').text()).toBe('K0042')
    expect(section.get('[data-testid="record-name"]').text()).toBe('林晓雯')
    expect(section.get('[data-testid="record-age"]').text()).toBe(`${ageOn('1990-05-01', localDateOf(new Date()))} 岁`)
    expect(section.get('[data-testid="record-marital"]').text()).toBe('已婚')
    expect(section.get('[data-testid="record-phone"]').text()).toBe('13912340001')
    expect(section.get('[data-testid="record-address"]').text()).toBe('上海市静安区南京西路 1 号')
    expect(section.get('[data-testid="record-allergies"]').text()).toBe('利多卡因过敏')
    expect(texts(section, 'th')).toEqual(['日期', '项目', '部位', '次数', '主治医生', '助手', '护士', '备注'])
    expect(rowTexts(section)).toEqual([
      ['2026/12/21 15:30', '光子嫩肤（P001）', '双下眼睑', '2/5', '刘医生', '—', '护士小李', ''],
      ['2026/12/07 10:30', '水光针（H010）', '额头', '1/2', '—', '—', '护士小赵', ''],
      ['2026/11/23 09:30', '光子嫩肤（P001）', '全脸', '1/5', '刘医生', '护士小赵', '护士小李', '首次，耐受好'],
    ])
    const rowEls = section.findAll('[data-testid="record-row"]')
    expect(rowEls.map((r) => r.attributes('data-undone'))).toEqual(['false', 'true', 'false'])
    expect(rowEls[1]?.classes()).toContain('is-undone')
    expect(rowEls[1]?.get('[data-testid="record-undone"]').text()).toBe('已撤销：护士选错了')
    expect(section.findAll('[data-testid="record-undone"]')).toHaveLength(1)
  })

  it('shows dashes for what the client has not given, and an empty state without treatments', async () => {
    await openClient([], { ...client, birthDate: null, maritalStatus: null, address: '', allergies: '' })
    const section = body().get('[data-testid="client-record-card"]')
    expect(section.get('[data-testid="record-age"]').text()).toBe('—')
    expect(section.get('[data-testid="record-marital"]').text()).toBe('—')
    expect(section.get('[data-testid="record-address"]').text()).toBe('—')
    expect(section.find('[data-testid="record-allergies"]').exists()).toBe(false)
    expect(section.get('[data-testid="record-empty"]').text()).toContain('还没有治疗记录')
    expect(section.find('[data-testid="record-table"]').exists()).toBe(false)
  })

  it('reads the record again after a deduction anywhere (the cards topic)', async () => {
    const { harness, setRecord } = await openClient(rows.slice(2))
    expect(body().findAll('[data-testid="record-row"]')).toHaveLength(1)
    setRecord(rows)
    harness.bridge.emit({ topic: 'cards', ids: [11] })
    await settle()
    expect(harness.bridge.callsOf('cards.treatmentRecord')).toEqual([{ clientId: 42 }, { clientId: 42 }])
    expect(body().findAll('[data-testid="client-record-card"] [data-testid="record-row"]')).toHaveLength(3)
  })

  it('prints the record on A4: the preview shows the clinic, the head and the table, and printing prints the record only', async () => {
    await openClient()
    expect(body().find('[data-testid="record-print"]').exists()).toBe(false)
    await body().get('[data-testid="record-print-open"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="print-preview"]').isVisible()).toBe(true)
    const preview = body().get('[data-testid="record-print-preview"]')
    expect(preview.get('h1').text()).toBe('病历档案')
    expect(preview.get('[data-testid="record-print-clinic"]').text()).toBe('美丽诊所')
    expect(preview.get('[data-testid="record-name"]').text()).toBe('林晓雯')
    expect(preview.get('[data-testid="record-marital"]').text()).toBe('已婚')
    expect(rowTexts(preview).map((r) => r.slice(1, 4))).toEqual([
      ['光子嫩肤（P001）', '双下眼睑', '2/5'],
      ['水光针（H010）', '额头', '1/2'],
      ['光子嫩肤（P001）', '全脸', '1/5'],
    ])
    expect(body().get('[data-testid="print-preview-paper"]').classes()).toContain('print-preview__paper--A4')
    // The template printing prints is teleported to <body> and marked as the one sheet that prints.
    expect(document.querySelector('body > [data-testid="record-print"]')).not.toBeNull()
    expect(document.body.classList.contains(PRINTING_SHEET_CLASS)).toBe(true)
    expect([...document.querySelectorAll('body > [data-print-active]')].map((e) => e.getAttribute('data-testid'))).toEqual(['record-print'])
  })
})
