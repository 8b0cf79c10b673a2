// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { StoreReminderLine } from '../../core/api/partners.ts'
import { localDateOf } from '../../core/domain/dates.ts'
import { PHOTO_MAX_BYTES, type PartnerStore, type StoreAssignment } from '../../core/domain/partnerStore.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())
const body = () => new DOMWrapper(document.body)
const field = (testid: string) => body().get(`[data-testid="${testid}"]`)
const errorOf = (testid: string) => field(testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

function partnerStore(overrides: Partial<PartnerStore> = {}): PartnerStore {
  return {
    id: 1,
    name: '丽人美容院',
    storeClass: 'A',
    consultantId: 3,
    consultantName: '王静',
    salespersonId: 5,
    salespersonName: '黄蕾',
    agreementNo: 'XY-001',
    agreementText: '',
    photoMime: 'image/jpeg',
    bank: { bankName: '工商银行', accountName: '李丽', accountNo: '****7890' },
    bankMasked: true,
    startDate: '2026-10-01',
    status: 'active',
    version: 3,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-02T00:00:00.000Z',
    ...overrides,
  }
}

const STORES = [
  partnerStore(),
  partnerStore({ id: 2, name: '悦颜美甲', storeClass: 'ordinary', consultantId: null, consultantName: null, agreementNo: '', photoMime: null, bank: { bankName: '', accountName: '', accountNo: '' }, version: 1 }),
  partnerStore({ id: 4, name: '旧店', storeClass: 'ordinary', consultantId: null, consultantName: null, status: 'inactive' }),
]

const STAFF = [
  staffMember({ id: 3, name: '王静', role: 'consultant' }),
  staffMember({ id: 5, name: '黄蕾', role: 'marketing' }),
  staffMember({ id: 6, name: '赵强', role: 'marketing' }),
  staffMember({ id: 7, name: '离职业务', role: 'marketing', active: false }),
]

const ASSIGNMENTS: StoreAssignment[] = [
  { id: 1, storeId: 1, fromSalespersonId: null, fromName: null, toSalespersonId: 6, toName: '赵强', reason: '', at: '2026-10-01T02:00:00.000Z', byName: '测试管理员' },
  { id: 2, storeId: 1, fromSalespersonId: 6, fromName: '赵强', toSalespersonId: 5, toName: '黄蕾', reason: '三个月没有咨询', at: '2026-11-05T03:00:00.000Z', byName: '林主任' },
]

const salesperson: Operator = { id: 5, name: '黄蕾', role: 'marketing' }
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

async function openMarketing(options: { operator?: Operator; reminders?: StoreReminderLine[]; tab?: 'stores' | 'reminders' } = {}): Promise<Harness> {
  const harness = createHarness({ staff: STAFF, ...(options.operator ? { operator: options.operator } : {}) })
  harness.bridge.handlers['partnerStores.list'] = () => STORES
  harness.bridge.handlers['partnerReports.list'] = () => []
  harness.bridge.handlers['partnerStores.reminders'] = () => options.reminders ?? []
  harness.bridge.handlers['partnerStores.photo'] = () => ({ mime: 'image/jpeg', base64: '/9j/AAAA' })
  harness.bridge.handlers['partnerStores.get'] = ({ id }: { id: number }) => ({ store: STORES.find((s) => s.id === id), assignments: id === 1 ? ASSIGNMENTS : [] })
  harness.bridge.handlers['partnerStores.save'] = (input: Partial<PartnerStore> & { expectedVersion?: number }) => ({
    ...(STORES.find((s) => s.id === input.id) ?? partnerStore({ id: 9 })),
    ...input,
    version: (input.expectedVersion ?? 0) + 1,
  })
  ;({ wrapper } = await mountApp(harness, '/marketing'))
  if (options.tab) {
    await field('marketing-tabs').get(`#tab-${options.tab}`).trigger('click')
    await settle()
  }
  return harness
}

const rowOf = (id: number) => body().get(`[data-testid="store-row"][data-store-id="${id}"]`)

async function openCreate(): Promise<void> {
  window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', key: 'n', altKey: true }))
  await settle()
  expect(body().get('[data-testid="store-dialog"] .el-dialog__title').text()).toBe('新建店家')
}

async function save(): Promise<void> {
  await field('store-save').trigger('click')
  await settle()
}

async function pickPhoto(file: File): Promise<void> {
  const input = field('store-photo-input')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await settle()
}

describe('marketing: 店家', () => {
  it('lists the active stores with class, people, status and what the filing lacks; the switch shows inactive ones', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    expect(harness.bridge.callsOf('partnerStores.list')).toEqual([{ status: 'all' }])
    expect(body().findAll('[data-testid="store-row-name"]').map((c) => c.text())).toEqual(['丽人美容院', '悦颜美甲'])
    expect(field('store-count').text()).toBe('共 2 家')
    const a = rowOf(1)
    expect(a.get('[data-testid="store-row-class"]').text()).toBe('A类')
    expect(a.get('[data-testid="store-row-consultant"]').text()).toBe('王静')
    expect(a.get('[data-testid="store-row-salesperson"]').text()).toBe('黄蕾')
    expect(a.text()).toContain('2026-10-01')
    expect(a.get('[data-testid="store-row-status"]').text()).toBe('合作中')
    expect(a.get('[data-testid="store-row-filing"]').text()).toBe('资料齐全')
    const b = rowOf(2)
    expect(b.get('[data-testid="store-row-class"]').text()).toBe('普通')
    expect(b.get('[data-testid="store-row-consultant"]').text()).toBe('—')
    expect(b.get('[data-testid="store-row-filing"]').text()).toBe('缺：门头照、协议、银行账户')

    await field('store-show-inactive').get('input').setValue(true)
    await settle()
    expect(field('store-count').text()).toBe('共 3 家')
    expect(rowOf(4).get('[data-testid="store-row-status"]').text()).toBe('已停用')
  })

  it('refuses an A-class store without a consultant on the form, then files it for the salesperson without any bank account', async () => {
    const harness = await openMarketing({ operator: salesperson, tab: 'stores' })
    await openCreate()
    expect(field('store-bank-hint').text()).toBe('银行账户只有管理员可以填写或修改')
    expect(body().find('[data-testid="store-bank-accountNo"]').exists()).toBe(false)
    expect(body().find('[data-testid="store-consultant"]').exists()).toBe(false)
    await field('store-name').setValue('  花漾美容  ')
    await field('store-class-A').get('input').setValue(true)
    await settle()
    await save()
    await vi.waitFor(() => expect(errorOf('store-consultant')).toBe('A类店家须指定维护的咨询师'))
    expect(harness.bridge.callsOf('partnerStores.save')).toEqual([])

    await field('store-consultant-3').trigger('click')
    await field('store-agreement-no').setValue('HY-2026-01')
    await field('store-agreement-text').setValue('返款按成交额五成')
    await save()
    expect(harness.bridge.callsOf('partnerStores.save')).toEqual([
      {
        name: '花漾美容',
        storeClass: 'A',
        consultantId: 3,
        salespersonId: 5,
        agreementNo: 'HY-2026-01',
        agreementText: '返款按成交额五成',
        startDate: localDateOf(new Date()),
        status: 'active',
      },
    ])
    await vi.waitFor(() => expect(body().find('[data-testid="store-dialog"]').isVisible()).toBe(false))
  })

  it('lets an administrator file an ordinary store with the bank account and a shop-front photo', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    await openCreate()
    // Only active salespeople are offered.
    expect(body().findAll('[data-testid^="store-salesperson-"]').map((o) => o.text())).toEqual(['黄蕾', '赵强'])
    await field('store-name').setValue('悦己美学')
    await save()
    await vi.waitFor(() => expect(errorOf('store-salesperson')).toBe('请选择业务员'))
    await field('store-salesperson-6').trigger('click')
    await field('store-bank-bankName').setValue('招商银行')
    await field('store-bank-accountName').setValue('陈悦')
    await field('store-bank-accountNo').setValue('6225 8801 2345 6789')
    await pickPhoto(new File([PNG], 'front.png', { type: 'image/png' }))
    expect(field('store-photo-preview').attributes('src')).toBe(`data:image/png;base64,${base64(PNG)}`)
    await save()
    expect(harness.bridge.callsOf('partnerStores.save')).toEqual([
      {
        name: '悦己美学',
        storeClass: 'ordinary',
        consultantId: null,
        salespersonId: 6,
        agreementNo: '',
        agreementText: '',
        startDate: localDateOf(new Date()),
        status: 'active',
        photo: base64(PNG),
        bank: { bankName: '招商银行', accountName: '陈悦', accountNo: '6225880123456789' },
      },
    ])
  })

  it('refuses a photo over 5 MB or that is not a JPEG, PNG or WebP, with a message, and sends none', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    await openCreate()
    await pickPhoto(new File([new Uint8Array(PHOTO_MAX_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' }))
    expect(field('store-photo-error').text()).toBe('门头照不能超过 5 MB')
    await pickPhoto(new File(['just text'], 'notes.txt', { type: 'text/plain' }))
    expect(field('store-photo-error').text()).toBe('门头照只能是 JPEG、PNG 或 WebP 图片')
    // Named and typed as a PNG, but its bytes are not one.
    await pickPhoto(new File(['just text'], 'fake.png', { type: 'image/png' }))
    expect(field('store-photo-error').text()).toBe('门头照只能是 JPEG、PNG 或 WebP 图片')
    expect(body().find('[data-testid="store-photo-preview"]').exists()).toBe(false)
    await field('store-name').setValue('测试店')
    await field('store-salesperson-5').trigger('click')
    await save()
    expect(harness.bridge.callsOf('partnerStores.save')).toHaveLength(1)
    expect(harness.bridge.callsOf('partnerStores.save')[0]).not.toHaveProperty('photo')
  })

  it('edits with id and expectedVersion, keeps the salesperson, omits an unchanged photo and bank, and sends null for a removed photo', async () => {
    const harness = await openMarketing({ operator: salesperson, tab: 'stores' })
    await rowOf(1).get('[data-testid="store-edit"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="store-dialog"] .el-dialog__title').text()).toBe('编辑店家 · 丽人美容院')
    expect(harness.bridge.callsOf('partnerStores.photo')).toEqual([{ id: 1 }])
    expect(field('store-photo-preview').attributes('src')).toBe('data:image/jpeg;base64,/9j/AAAA')
    expect(field('store-salesperson-readonly').text()).toBe('黄蕾')
    expect(field('store-dialog').text()).toContain('更换业务员请用“转交”')
    expect(field('store-bank-shown-accountNo').text()).toBe('****7890')
    await field('store-name').setValue('丽人美容院（总店）')
    await save()
    const expected = {
      id: 1,
      expectedVersion: 3,
      name: '丽人美容院（总店）',
      storeClass: 'A',
      consultantId: 3,
      salespersonId: 5,
      agreementNo: 'XY-001',
      agreementText: '',
      startDate: '2026-10-01',
      status: 'active',
    }
    expect(harness.bridge.callsOf('partnerStores.save')).toEqual([expected])

    await rowOf(1).get('[data-testid="store-edit"]').trigger('click')
    await settle()
    await field('store-photo-remove').trigger('click')
    expect(field('store-photo-none').text()).toBe('保存后删除门头照')
    await save()
    expect(harness.bridge.callsOf('partnerStores.save').at(-1)).toEqual({ ...expected, expectedVersion: 4, photo: null })
  })

  it('sends an administrator’s bank account at edit only when it changed', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    await rowOf(2).get('[data-testid="store-edit"]').trigger('click')
    await settle()
    await save()
    expect(harness.bridge.callsOf('partnerStores.save')[0]).not.toHaveProperty('bank')
    await rowOf(2).get('[data-testid="store-edit"]').trigger('click')
    await settle()
    await field('store-bank-accountName').setValue('周悦')
    await field('store-bank-accountNo').setValue('6222 0212 3456 7890')
    await save()
    expect(harness.bridge.callsOf('partnerStores.save')[1]).toMatchObject({ id: 2, expectedVersion: 2, bank: { bankName: '', accountName: '周悦', accountNo: '6222021234567890' } })
  })

  it('puts a taken name on its field, and a store changed elsewhere as the dialog’s message', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    harness.bridge.handlers['partnerStores.save'] = () => new Refusal({ code: 'conflict', message: '已有名为“悦颜美甲”的店家', fields: { name: '已有名为“悦颜美甲”的店家' } })
    await rowOf(1).get('[data-testid="store-edit"]').trigger('click')
    await settle()
    await field('store-name').setValue('悦颜美甲')
    await save()
    await vi.waitFor(() => expect(errorOf('store-name')).toBe('已有名为“悦颜美甲”的店家'))
    harness.bridge.handlers['partnerStores.save'] = () => new Refusal({ code: 'conflict', message: '店家“丽人美容院”已被其他人修改，请关闭后重新打开' })
    await field('store-name').setValue('丽人')
    await save()
    await vi.waitFor(() => expect(field('store-form-error').text()).toContain('已被其他人修改'))
    expect(field('store-dialog').isVisible()).toBe(true)
  })

  it('hands a store over with the reason required, to an active salesperson other than the current one', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    harness.bridge.handlers['partnerStores.reassign'] = (input: { toSalespersonId: number; reason: string }) => ({
      store: partnerStore({ salespersonId: 6, salespersonName: '赵强', version: 4 }),
      assignments: [...ASSIGNMENTS, { ...ASSIGNMENTS[1]!, id: 3, fromSalespersonId: 5, fromName: '黄蕾', toSalespersonId: 6, toName: '赵强', reason: input.reason }],
    })
    await rowOf(1).get('[data-testid="store-reassign"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="reassign-dialog"] .el-dialog__title').text()).toBe('转交店家 · 丽人美容院')
    expect(field('reassign-from').text()).toBe('黄蕾')
    expect(body().findAll('[data-testid^="reassign-to-"]').map((o) => o.text())).toEqual(['赵强'])
    expect(body().findAll('[data-testid="store-history-line"]')).toHaveLength(2)
    await field('reassign-submit').trigger('click')
    await settle()
    await vi.waitFor(() => expect(errorOf('reassign-to')).toBe('请选择要转交的业务员'))
    await vi.waitFor(() => expect(errorOf('reassign-reason')).toBe('请写明转交原因'))
    await field('reassign-to-6').trigger('click')
    await field('reassign-reason').setValue('   ')
    await field('reassign-submit').trigger('click')
    await settle()
    await vi.waitFor(() => expect(errorOf('reassign-reason')).toBe('请写明转交原因'))
    expect(errorOf('reassign-to')).toBe('')
    expect(harness.bridge.callsOf('partnerStores.reassign')).toEqual([])
    await field('reassign-reason').setValue(' 黄蕾调岗 ')
    await field('reassign-reason').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('partnerStores.reassign')).toEqual([{ id: 1, expectedVersion: 3, toSalespersonId: 6, reason: '黄蕾调岗' }])
    await vi.waitFor(() => expect(rowOf(1).get('[data-testid="store-row-salesperson"]').text()).toBe('赵强'))
  })

  it('shows the hand-over history: the filing, then each change with its reason and who made it', async () => {
    const harness = await openMarketing({ tab: 'stores' })
    await rowOf(1).get('[data-testid="store-history"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('partnerStores.get')).toEqual([{ id: 1 }])
    const dialog = field('store-history-dialog')
    expect(dialog.get('.el-dialog__title').text()).toBe('交接记录 · 丽人美容院')
    expect(dialog.find('[data-testid="reassign-form"]').exists()).toBe(false)
    const lines = dialog.findAll('[data-testid="store-history-line"]')
    expect(lines.map((l) => l.get('[data-testid="store-history-move"]').text())).toEqual(['建档 → 赵强', '赵强 → 黄蕾'])
    expect(lines[1]!.get('[data-testid="store-history-reason"]').text()).toBe('三个月没有咨询')
    expect(lines[1]!.text()).toContain('林主任 · 2026-11-05')

    await rowOf(2).get('[data-testid="store-history"]').trigger('click')
    await settle()
    expect(field('store-history-empty').text()).toContain('没有交接记录')
  })
})

describe('marketing: 提醒', () => {
  const reminders: StoreReminderLine[] = [
    {
      store: STORES[1]!,
      reminders: [
        { kind: 'filingOverdue', since: '2026-11-06', missing: ['photo', 'agreement', 'bankAccount'] },
        { kind: 'noConsultation', since: '2027-01-01', missing: [] },
      ],
    },
    { store: STORES[0]!, reminders: [{ kind: 'noFirstDeal', since: '2027-04-01', missing: [] }] },
  ]

  it('says each reminder in words with its date, and opens the store or its hand-over from there', async () => {
    const harness = await openMarketing({ reminders, tab: 'reminders' })
    expect(harness.bridge.callsOf('partnerStores.reminders')).toEqual([{}])
    expect(field('reminder-count').text()).toBe('2 家店家有提醒')
    const [first, second] = body().findAll('[data-testid="reminder-line"]')
    expect(first!.get('[data-testid="reminder-store"]').text()).toBe('悦颜美甲')
    expect(first!.get('[data-testid="reminder-salesperson"]').text()).toContain('黄蕾')
    expect(first!.findAll('[data-testid="reminder-text"]').map((r) => r.text())).toEqual([
      '建档期已过，资料仍未齐：缺 门头照、协议、银行账户',
      '三个月没有带来咨询，应转交其他业务员',
    ])
    expect(first!.text()).toContain('自 2026-11-06')
    expect(second!.get('[data-testid="reminder-text"]').text()).toBe('六个月没有首单，首单成交的业务员接手')
    expect(second!.find('[data-testid="reminder-reassign"]').exists()).toBe(false)

    await first!.get('[data-testid="reminder-open"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="store-dialog"] .el-dialog__title').text()).toBe('编辑店家 · 悦颜美甲')
    await field('store-cancel').trigger('click')
    await settle()
    await first!.get('[data-testid="reminder-reassign"]').trigger('click')
    await settle()
    expect(body().get('[data-testid="reassign-dialog"] .el-dialog__title').text()).toBe('转交店家 · 悦颜美甲')
  })

  it('says so when there is nothing to do today', async () => {
    await openMarketing({ tab: 'reminders' })
    expect(field('reminder-empty').text()).toContain('今天没有提醒')
  })
})

describe('marketing: who sees the stores', () => {
  it('shows a receptionist the 报备 tab only, and reads no stores’ details', async () => {
    const harness = await openMarketing({ operator: { id: 20, name: '前台小周', role: 'receptionist' } })
    expect(body().find('[data-testid="marketing-page"]').exists()).toBe(true)
    expect(body().findAll('.el-tabs__item').map((t) => t.text())).toEqual(['报备'])
    expect(body().find('#tab-stores').exists()).toBe(false)
    expect(body().find('[data-testid="marketing-stores"]').exists()).toBe(false)
    expect(harness.bridge.callsOf('partnerStores.reminders')).toEqual([])
  })

  it('shows the marketing department every tab', async () => {
    await openMarketing({ operator: salesperson })
    expect(body().findAll('.el-tabs__item').map((t) => t.text())).toEqual(['报备', '店家', '提醒', '员工转介绍'])
  })
})
