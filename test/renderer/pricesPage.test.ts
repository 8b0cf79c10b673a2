// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportPreview } from '../../core/api/prices.ts'
import type { PriceItem } from '../../core/domain/priceItem.ts'
import { SEARCH_DELAY_MS } from '../../renderer/src/views/prices/usePriceList.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const body = () => new DOMWrapper(document.body)
const codes = () => body().findAll('[data-testid="price-row-code"]').map((cell) => cell.text())

function priceItem(overrides: Partial<PriceItem> = {}): PriceItem {
  return {
    id: 1,
    code: 'T001',
    name: '光子嫩肤（全面部）',
    category: 'treatment',
    unit: '次',
    listPriceFen: 128000,
    floorPriceFen: 102400,
    costFen: null,
    specialPrice: false,
    serviceCategory: null,
    invasive: false,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  }
}

const list = [
  priceItem(),
  priceItem({ id: 2, code: 'C002', name: 'PPDO埋线线材', category: 'consumable', unit: '根', listPriceFen: 30050, floorPriceFen: null, costFen: 8000 }),
  priceItem({ id: 3, code: 'L001', name: '血常规', category: 'lab_test', unit: '项', listPriceFen: 4550, floorPriceFen: null }),
  priceItem({ id: 4, code: 'X001', name: '旧项目', active: false }),
]

/** A fake prices.list that filters like main (without pinyin), and records what was asked. */
function servePrices(harness: Harness, items: PriceItem[] = list): void {
  harness.bridge.handlers['prices.list'] = (input: { query?: string; category?: string; includeInactive: boolean }) =>
    items
      .filter((i) => input.includeInactive || i.active)
      .filter((i) => !input.category || i.category === input.category)
      .filter((i) => !input.query || i.code.includes(input.query) || i.name.includes(input.query))
      .sort((a, b) => a.code.localeCompare(b.code))
}

async function openPrices(items: PriceItem[] = list) {
  const harness = createHarness()
  servePrices(harness, items)
  ;({ wrapper } = await mountApp(harness, '/price-list'))
  return harness
}

function errorOf(testid: string): string {
  const item = body().get(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

async function openAddDialog() {
  window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', key: 'n', altKey: true }))
  await settle()
  expect(body().get('.el-dialog__title').text()).toBe('添加项目')
}

async function fill(fields: Record<string, string>) {
  for (const [testid, value] of Object.entries(fields)) await body().get(`[data-testid="${testid}"]`).setValue(value)
}

async function save() {
  await body().get('[data-testid="price-save"]').trigger('click')
  await settle()
}

describe('Price list page', () => {
  it('lists active items in code order with category, unit and prices in yuan with two decimals', async () => {
    const harness = await openPrices()
    expect(harness.bridge.callsOf('prices.list')).toEqual([{ includeInactive: false }])
    expect(codes()).toEqual(['C002', 'L001', 'T001'])
    const t001 = body().get('[data-price-code="T001"]')
    expect(t001.text()).toContain('光子嫩肤（全面部）')
    expect(t001.text()).toContain('治疗项目')
    expect(t001.get('[data-testid="price-row-list"]').text()).toBe('¥1,280.00')
    expect(t001.get('[data-testid="price-row-floor"]').text()).toBe('¥1,024.00')
    expect(t001.get('[data-testid="price-row-cost"]').text()).toBe('—')
    const c002 = body().get('[data-price-code="C002"]')
    expect(c002.text()).toContain('耗材/假体')
    expect(c002.get('[data-testid="price-row-list"]').text()).toBe('¥300.50')
    expect(c002.get('[data-testid="price-row-cost"]').text()).toBe('¥80.00')
    expect(body().get('[data-testid="price-count"]').text()).toBe('共 3 项')
  })

  it('asks main to search, to filter by category and to show inactive items', async () => {
    const harness = await openPrices()
    vi.useFakeTimers()
    try {
      await body().get('[data-testid="price-search"]').setValue('血')
      vi.advanceTimersByTime(SEARCH_DELAY_MS)
    } finally {
      vi.useRealTimers()
    }
    await settle()
    expect(harness.bridge.callsOf('prices.list').at(-1)).toEqual({ query: '血', includeInactive: false })
    expect(codes()).toEqual(['L001'])

    await body().get('[data-testid="price-search"]').setValue('')
    await body().get('[data-testid="price-search"]').trigger('keydown', { key: 'Enter' })
    await body().get('[data-testid="price-show-inactive"] input').setValue(true)
    await settle()
    expect(harness.bridge.callsOf('prices.list').at(-1)).toEqual({ includeInactive: true })
    expect(codes()).toEqual(['C002', 'L001', 'T001', 'X001'])
    expect(body().get('[data-price-code="X001"]').text()).toContain('已停用')
  })

  it('saves typed yuan as integer fen, with empty optional amounts as null', async () => {
    const harness = await openPrices()
    harness.bridge.handlers['prices.create'] = (input: Omit<PriceItem, 'id'>) => priceItem({ ...input, id: 9 })
    await openAddDialog()
    await fill({ 'price-code': ' T100 ', 'price-name': '水光针（复配）', 'price-unit': '次', 'price-list-price': '1,234.56', 'price-floor-price': '¥0.29', 'price-cost': '' })
    await save()
    expect(harness.bridge.callsOf('prices.create')).toEqual([
      { code: 'T100', name: '水光针（复配）', category: 'treatment', unit: '次', listPriceFen: 123456, floorPriceFen: 29, costFen: null, specialPrice: false, serviceCategory: null, invasive: false },
    ])
    await vi.waitFor(() => expect(codes()).toContain('T100'))
    expect(body().get('[data-price-code="T100"] [data-testid="price-row-list"]').text()).toBe('¥1,234.56')
  })

  it('refuses a floor above the list price and badly typed amounts on the form, without calling the API', async () => {
    const harness = await openPrices()
    await openAddDialog()
    await fill({ 'price-code': 'T100', 'price-name': '测试', 'price-list-price': '100', 'price-floor-price': '100.01' })
    await save()
    await vi.waitFor(() => expect(errorOf('price-floor-price')).toBe('最低价不能高于价格'))
    for (const [typed, message] of [
      ['12.345', '金额最多两位小数（精确到分）'],
      ['-5', '金额不能为负数'],
      ['abc', '请输入正确的金额，如 1280 或 1280.50'],
      ['', '请输入价格'],
    ]) {
      await fill({ 'price-list-price': typed!, 'price-floor-price': '' })
      await save()
      await vi.waitFor(() => expect(errorOf('price-list-price')).toBe(message))
    }
    expect(harness.bridge.callsOf('prices.create')).toEqual([])
  })

  it('edits with the id and expectedUpdatedAt, sends the special-price flag when ticked, and shows a server field error on its field', async () => {
    const harness = await openPrices()
    harness.bridge.handlers['prices.update'] = () =>
      new Refusal({ code: 'conflict', message: '编码 C002 已被“PPDO埋线线材”使用（编码不区分大小写）', fields: { code: '编码 C002 已被“PPDO埋线线材”使用（编码不区分大小写）' } })
    await body().get('[data-price-code="T001"] [data-testid="price-edit"]').trigger('click')
    await settle()
    expect(body().get('.el-dialog__title').text()).toBe('编辑项目')
    expect((body().get('[data-testid="price-list-price"]').element as HTMLInputElement).value).toBe('1280.00')
    await fill({ 'price-code': 'c002', 'price-list-price': '1380' })
    await body().get('[data-testid="price-special"] input').setValue(true)
    await body().get('[data-testid="price-name"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(harness.bridge.callsOf('prices.update')).toEqual([
      { id: 1, expectedUpdatedAt: '2026-01-02T03:04:05.000Z', code: 'c002', name: '光子嫩肤（全面部）', category: 'treatment', unit: '次', listPriceFen: 138000, floorPriceFen: 102400, costFen: null, specialPrice: true, serviceCategory: null, invasive: false },
    ])
    await vi.waitFor(() => expect(errorOf('price-code')).toContain('已被“PPDO埋线线材”使用'))
    expect(body().find('[data-testid="price-dialog"]').isVisible()).toBe(true)
  })

  it('deactivates after a confirmation that says nothing is deleted', async () => {
    const harness = await openPrices()
    harness.bridge.handlers['prices.setActive'] = ({ id, active }: { id: number; active: boolean }) => ({ ...list.find((i) => i.id === id), active })
    await body().get('[data-price-code="L001"] [data-testid="price-toggle-active"]').trigger('click')
    await settle()
    const box = body().get('.el-message-box')
    expect(box.text()).toContain('项目不会被删除')
    await box.get('.el-message-box__btns .el-button--primary').trigger('click')
    await vi.waitFor(() => expect(harness.bridge.callsOf('prices.setActive')).toEqual([{ id: 3, active: false }]))
    await settle()
    expect(codes()).toEqual(['C002', 'T001'])
  })

  it('downloads the exported workbook with the name main gave', async () => {
    const harness = await openPrices()
    harness.bridge.handlers['prices.exportXlsx'] = () => ({ fileName: '价目表-2026-05-01.xlsx', base64: btoa('PK\x03\x04') })
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: vi.fn(() => 'blob:prices-test'), revokeObjectURL: vi.fn() }))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    await body().get('[data-testid="price-export"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('prices.exportXlsx')).toEqual([{}])
    expect(clicked.map((a) => a.download)).toEqual(['价目表-2026-05-01.xlsx'])
    expect(body().get('.el-message--success').text()).toContain('已导出 价目表-2026-05-01.xlsx')
  })

  it('re-reads the list when main broadcasts a prices change', async () => {
    const harness = await openPrices()
    servePrices(harness, [...list, priceItem({ id: 5, code: 'D001', name: '阿莫西林胶囊', category: 'medicine', listPriceFen: 3280 })])
    harness.bridge.emit({ topic: 'prices', ids: [5] })
    await settle()
    expect(codes()).toEqual(['C002', 'D001', 'L001', 'T001'])
  })
})

describe('Price list import', () => {
  const preview: ImportPreview = {
    sheetName: '价目表',
    previewHash: 'a'.repeat(64),
    add: [{ row: 3, item: { code: 'T009', name: '超皮秒', category: 'treatment', unit: '次', listPriceFen: 298000, floorPriceFen: null, costFen: null, specialPrice: false, active: true } }],
    change: [
      {
        row: 2,
        id: 1,
        before: { code: 'T001', name: '光子嫩肤（全面部）', category: 'treatment', unit: '次', listPriceFen: 128000, floorPriceFen: 102400, costFen: null, specialPrice: false, active: true },
        after: { code: 'T001', name: '光子嫩肤（全面部）', category: 'treatment', unit: '次', listPriceFen: 138000, floorPriceFen: 102400, costFen: null, specialPrice: false, active: true },
        changed: ['listPriceFen'],
      },
    ],
    unchanged: 5,
    reject: [{ row: 4, code: 'T010', reason: '价格“abc”不是金额' }],
  }

  async function chooseFile(name: string, content: string | Uint8Array<ArrayBuffer>) {
    const input = body().get('[data-testid="price-import-file"]').element as HTMLInputElement
    const file = new File([content], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
  }

  async function openImport() {
    const harness = await openPrices()
    await body().get('[data-testid="price-import"]').trigger('click')
    await settle()
    return harness
  }

  it('previews what would be added, changed and rejected, writes nothing until apply, then applies that preview', async () => {
    const harness = await openImport()
    harness.bridge.handlers['prices.previewImport'] = () => preview
    harness.bridge.handlers['prices.applyImport'] = () => ({ added: 1, changed: 1, unchanged: 5, rejected: 1 })
    await chooseFile('价目表.xlsx', 'PK-workbook')
    await vi.waitFor(() => expect(body().find('[data-testid="import-preview"]').exists()).toBe(true))

    expect(harness.bridge.callsOf('prices.previewImport')).toEqual([{ base64: btoa('PK-workbook') }])
    expect(harness.bridge.callsOf('prices.applyImport')).toEqual([])
    const added = body().get('[data-testid="import-added-row"]').text()
    expect(added).toContain('3')
    expect(added).toContain('T009')
    expect(added).toContain('¥2,980.00')
    const changed = body().get('[data-testid="import-changed-row"]').text()
    expect(changed).toContain('T001')
    expect(changed).toMatch(/价格\s*¥1,280\.00\s*→\s*¥1,380\.00/)
    expect(changed).not.toContain('最低价')
    const rejected = body().get('[data-testid="import-rejected-row"]')
    expect(rejected.findAll('td').map((td) => td.text())).toEqual(['4', 'T010', '价格“abc”不是金额'])
    expect(body().get('[data-testid="price-import-count-unchanged"]').text()).toBe('未变 5 项')
    expect(body().get('[data-testid="price-import-apply"]').text()).toBe('导入 2 项')

    const listReads = harness.bridge.callsOf('prices.list').length
    await body().get('[data-testid="price-import-apply"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('prices.applyImport')).toEqual([{ base64: btoa('PK-workbook'), expectedPreviewHash: 'a'.repeat(64) }])
    expect(harness.bridge.callsOf('prices.list').length).toBe(listReads + 1)
    expect(body().get('.el-message--success').text()).toContain('导入完成：新增 1 项，修改 1 项，未变 5 项，拒绝 1 行')
  })

  it('refuses a file over the size limit before reading it', async () => {
    const harness = await openImport()
    harness.bridge.handlers['prices.previewImport'] = () => preview
    await chooseFile('大文件.xlsx', new Uint8Array(5 * 1024 * 1024 + 1))
    expect(body().get('[data-testid="price-import-error"]').text()).toContain('文件“大文件.xlsx”太大（5.0 MB）：导入的 Excel 文件不能超过 5.0 MB')
    expect(harness.bridge.callsOf('prices.previewImport')).toEqual([])
    expect(body().get('[data-testid="price-import-apply"]').attributes('disabled')).toBeDefined()
  })

  it("shows main's refusal of an unreadable file and offers no apply", async () => {
    const harness = await openImport()
    harness.bridge.handlers['prices.previewImport'] = () =>
      new Refusal({ code: 'invalid_input', message: '这不是可读取的 Excel 文件（.xlsx）', fields: { base64: '这不是可读取的 Excel 文件（.xlsx）' } })
    await chooseFile('旧格式.xls', 'not a zip')
    await vi.waitFor(() => expect(body().get('[data-testid="price-import-error"]').text()).toContain('这不是可读取的 Excel 文件'))
    expect(body().find('[data-testid="import-preview"]').exists()).toBe(false)
    expect(body().get('[data-testid="price-import-apply"]').attributes('disabled')).toBeDefined()
  })

  it('previews again when main says the file or the list changed since the preview', async () => {
    const harness = await openImport()
    harness.bridge.handlers['prices.previewImport'] = () => preview
    harness.bridge.handlers['prices.applyImport'] = () => new Refusal({ code: 'conflict', message: '文件或价目表在预览之后有变动，未导入任何内容' })
    await chooseFile('价目表.xlsx', 'PK-workbook')
    await body().get('[data-testid="price-import-apply"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('prices.previewImport')).toHaveLength(2)
    expect(body().get('[data-testid="price-import-error"]').text()).toContain('未导入任何内容')
    expect(body().find('[data-testid="import-preview"]').exists()).toBe(true)
  })
})
