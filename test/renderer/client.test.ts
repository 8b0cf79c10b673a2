// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Client } from '../../core/domain/client.ts'
import { consultants, visitRow } from './desk.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)

const client: Client = {
  id: 42,
  archiveNo: 'K0042',
  name: '林晓雯',
  gender: 'female',
  birthDate: '1990-05-01',
  phone: '13912340001',
  occupation: '教师',
  ownConsultantId: 3,
  channel: 'referral',
  intendedCategory: 'injection',
  allergies: '利多卡因过敏',
  notes: '偏好下午到店',
  maritalStatus: 'married',
  address: '上海市静安区南京西路 1 号',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
}

describe('client page', () => {
  it('shows the record and every visit, and saves an edit with the time it was read', async () => {
    const harness = createHarness({ staff: consultants })
    harness.bridge.handlers['clients.get'] = () => ({
      client,
      visits: [
        visitRow({ id: 1, visitDate: '2025-01-10', queueNo: 'A003', consultantName: '陈晓', status: 'done', outcome: 'deal' }),
        visitRow({ id: 2, visitDate: '2025-02-01', queueNo: 'B002', type: 'returning', consultantName: '陈晓', status: 'done', outcome: 'no_deal', noDealReason: '价格' }),
      ],
    })
    harness.bridge.handlers['clients.update'] = (input) => ({ ...client, ...input, updatedAt: '2025-03-01T00:00:00.000Z' })
    ;({ wrapper } = await mountApp(harness, '/clients/42'))
    await settle()
    expect(harness.bridge.callsOf('clients.get')).toEqual([{ id: 42 }])
    expect(body().get('[data-testid="client-own-consultant"]').text()).toBe('陈晓')
    expect(body().get('[data-testid="client-allergies"]').text()).toBe('利多卡因过敏')
    expect(body().get('[data-testid="client-marital"]').text()).toBe('已婚')
    expect(body().get('[data-testid="client-address"]').text()).toBe('上海市静安区南京西路 1 号')
    const visits = body().findAll('[data-testid="client-visit"]')
    expect(visits.map((v) => v.text().slice(0, 14))).toEqual(['2025-02-01B002', '2025-01-10A003'])
    expect(visits[0]?.text()).toContain('未成交（价格）')

    await body().get('[data-testid="client-edit"]').trigger('click')
    await settle()
    await body().get('[data-testid="client-edit-notes"]').setValue('偏好周末')
    expect((body().get('[data-testid="client-edit-address"]').element as HTMLInputElement).value).toBe('上海市静安区南京西路 1 号')
    expect(body().findAll('[data-testid^="client-edit-marital-"]').map((o) => o.text())).toEqual(['未婚', '已婚', '离异', '丧偶'])
    await body().get('[data-testid="client-edit-marital-divorced"]').trigger('click')
    await body().get('[data-testid="client-edit-address"]').setValue(' 上海市徐汇区漕溪北路 8 号 ')
    await body().get('[data-testid="client-edit-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('clients.update')).toEqual([
      {
        id: 42,
        expectedUpdatedAt: '2025-02-01T00:00:00.000Z',
        name: '林晓雯',
        phone: '13912340001',
        gender: 'female',
        birthDate: '1990-05-01',
        occupation: '教师',
        ownConsultantId: 3,
        channel: 'referral',
        intendedCategory: 'injection',
        allergies: '利多卡因过敏',
        notes: '偏好周末',
        maritalStatus: 'divorced',
        address: '上海市徐汇区漕溪北路 8 号',
      },
    ])
  })

  it('lets an administrator credit an unreported visit to a store, with a reason, at the version read', async () => {
    const harness = createHarness({ staff: consultants })
    let visits = [
      visitRow({ id: 1, clientId: 42, visitDate: '2025-01-10', queueNo: 'A003', partnerStoreId: 7, partnerReportId: 3, version: 2 }),
      visitRow({ id: 2, clientId: 42, visitDate: '2025-02-01', queueNo: 'B002', version: 4 }),
    ]
    harness.bridge.handlers['clients.get'] = () => ({ client, visits })
    harness.bridge.handlers['partnerStores.list'] = () => [
      { id: 7, name: '丽人美容', status: 'active' },
      { id: 8, name: '停用的店', status: 'inactive' },
      { id: 9, name: '花漾沙龙', status: 'active' },
    ]
    harness.bridge.handlers['visits.creditToStore'] = (input: { visitId: number; storeId: number }) => {
      visits = visits.map((v) => (v.id === input.visitId ? { ...v, partnerStoreId: input.storeId, version: v.version + 1 } : v))
      return visits.find((v) => v.id === input.visitId)
    }
    ;({ wrapper } = await mountApp(harness, '/clients/42'))
    await settle()
    const stores = () => body().findAll('[data-testid="client-visit-store"]')
    expect(stores().map((c) => c.text())).toEqual(['计入店家', '丽人美容'])
    expect(body().findAll('[data-testid="client-visit-credit"]')).toHaveLength(1)

    await body().get('[data-testid="client-visit-credit"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="credit-dialog-who"]').text()).toBe('张小丽 · 2025-02-01 · B002')
    expect(body().findAll('[data-testid^="credit-store-"]').map((o) => o.text())).toEqual(['丽人美容', '花漾沙龙'])
    await body().get('[data-testid="credit-submit"]').trigger('click')
    await settle()
    await new Promise((resolve) => setTimeout(resolve, 120))
    const errors = body().findAll('[data-testid="credit-dialog"] .el-form-item__error').map((e) => e.text())
    expect(errors).toEqual(['请选择店家', '请写明计入店家的原因'])
    expect(harness.bridge.callsOf('visits.creditToStore')).toEqual([])

    await body().get('[data-testid="credit-store-9"]').trigger('click')
    await body().get('[data-testid="credit-reason"]').setValue(' 店家补交了报备截图 ')
    await body().get('[data-testid="credit-reason"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('visits.creditToStore')).toEqual([{ visitId: 2, expectedVersion: 4, storeId: 9, reason: '店家补交了报备截图' }])
    expect(stores().map((c) => c.text())).toEqual(['花漾沙龙', '丽人美容'])
    expect(body().find('[data-testid="client-visit-credit"]').exists()).toBe(false)
    expect(body().text()).toContain('已将 2025-02-01 的到店计入 花漾沙龙')
  })

  it('shows 计入店家 to administrators only', async () => {
    const harness = createHarness({ staff: consultants, operator: { id: 20, name: '前台小周', role: 'receptionist' } })
    harness.bridge.handlers['clients.get'] = () => ({ client, visits: [visitRow({ id: 2, clientId: 42 })] })
    ;({ wrapper } = await mountApp(harness, '/clients/42'))
    await settle()
    expect(body().findAll('[data-testid="client-visit"]')).toHaveLength(1)
    expect(body().find('[data-testid="client-visit-credit"]').exists()).toBe(false)
    expect(body().find('[data-testid="client-visit-store"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('partnerStores.list')).toEqual([])
  })
})
