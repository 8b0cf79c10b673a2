// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RegisterResult } from '../../core/api/visits.ts'
import type { PartnerArrival } from '../../core/domain/partnerStore.ts'
import { clientSummary, consultants, openBoard, visitRow } from './desk.fixtures.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const found = clientSummary({ id: 42, name: '赵敏', phone: '13911112222' })
const arrival = (overrides: Partial<PartnerArrival> = {}): PartnerArrival => ({
  storeId: 7,
  storeName: '丽人美容',
  storeClass: 'A',
  consultantId: 3,
  reportId: 11,
  salespersonName: '李业务',
  notes: { income: '月入两万', work: '开花店', family: '', wanted: '玻尿酸丰唇', other: '怕疼，先做皮试' },
  ...overrides,
})

/** Registers 赵敏 at the desk; main answers with `partner` as given. */
async function register(partner: PartnerArrival | null | undefined) {
  const harness = createHarness({ staff: consultants })
  harness.bridge.handlers['visits.ofDay'] = () => []
  harness.bridge.handlers['rotation.board'] = () => openBoard()
  harness.bridge.handlers['clients.search'] = () => [found]
  harness.bridge.handlers['visits.register'] = (): RegisterResult => ({
    visit: visitRow({ id: 9, clientId: 42, queueNo: 'A007', consultantId: 3, consultantName: '陈晓', assignedBy: 'partner', partnerStoreId: partner ? 7 : null }),
    client: { ...found, birthDate: null, occupation: '', channel: 'partner', intendedCategory: null, allergies: '', notes: '', maritalStatus: null, address: '', createdAt: '', updatedAt: '' },
    assignRefusal: null,
    ...(partner === undefined ? {} : { partner }),
  })
  ;({ wrapper } = await mountApp(harness, '/front-desk'))
  await settle()
  await body().get('[data-testid="desk-search"]').setValue('1111')
  await wait(200)
  await settle()
  await body().get('[data-testid="desk-search"]').trigger('keydown', { key: 'Enter' })
  await settle()
  await body().get('[data-testid="desk-register-submit"]').trigger('submit')
  await settle()
  expect(body().get('[data-testid="desk-result-queue"]').text()).toBe('A007')
  return harness
}

describe('desk: partner arrival notice', () => {
  it('names the store, its class, the maintaining consultant and the salesperson, with the hand-over notes', async () => {
    await register(arrival())
    const notice = body().get('[data-testid="partner-notice"]')
    expect(notice.get('[data-testid="partner-notice-line"]').text().replace(/\s+/g, ' ')).toBe('报备店家 丽人美容 · A类 · 维护顾问 陈晓 · 业务员 李业务')
    expect(notice.text()).toContain('赵敏 的交接信息')
    expect(notice.findAll('dt').map((d) => d.text())).toEqual(['收入', '工作', '想做项目', '其他'])
    expect(notice.get('[data-testid="partner-notice-note-wanted"]').text()).toBe('玻尿酸丰唇')
    expect(notice.get('[data-testid="partner-notice-note-other"]').text()).toBe('怕疼，先做皮试')
    expect(notice.find('[data-testid="partner-notice-credited"]').exists()).toBe(false)
    await notice.get('[data-testid="partner-notice-dismiss"]').trigger('click')
    expect(body().find('[data-testid="partner-notice"]').exists()).toBe(false)
    expect(body().find('[data-testid="desk-register-result"]').exists()).toBe(true)
  })

  it('leaves out the maintainer of an ordinary store and says when there are no notes (credited)', async () => {
    await register(arrival({ storeClass: 'ordinary', consultantId: null, reportId: null, notes: null }))
    const notice = body().get('[data-testid="partner-notice"]')
    expect(notice.get('[data-testid="partner-notice-line"]').text().replace(/\s+/g, ' ')).toBe('报备店家 丽人美容 · 普通 · 业务员 李业务')
    expect(notice.get('[data-testid="partner-notice-credited"]').text()).toBe('由管理员计入店家，没有交接信息')
    expect(notice.find('dl').exists()).toBe(false)
  })

  it('says a report came with no notes when all of them are empty', async () => {
    await register(arrival({ notes: { income: ' ', work: '', family: '', wanted: '', other: '' } }))
    expect(body().get('[data-testid="partner-notice-empty"]').text()).toBe('无交接信息')
  })

  it('shows no notice when the phone matched no report', async () => {
    await register(null)
    expect(body().find('[data-testid="partner-notice"]').exists()).toBe(false)
  })
})
