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
    const visits = body().findAll('[data-testid="client-visit"]')
    expect(visits.map((v) => v.text().slice(0, 14))).toEqual(['2025-02-01B002', '2025-01-10A003'])
    expect(visits[0]?.text()).toContain('未成交（价格）')

    await body().get('[data-testid="client-edit"]').trigger('click')
    await settle()
    await body().get('[data-testid="client-edit-notes"]').setValue('偏好周末')
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
      },
    ])
  })
})
