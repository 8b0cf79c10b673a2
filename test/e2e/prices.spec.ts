import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import type { Envelope } from '../../core/api/errors.ts'
import { DEMO_PRICE_LIST } from '../web-preview/seed.ts'
import { expect, test, signInOnLoad } from './fixtures.ts'

// These tests write only items of their own (codes E2E-…): the seeded list stays as the fee-sheet tests expect it.

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([m, i]) => window.frontDesk!.invoke(m as never, i as never) as Promise<Envelope<unknown>>, [method, input] as const)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

/** README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); otherwise they go with the test's output. */
const screenshotPath = (testInfo: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : testInfo.outputPath(name))

const row = (page: Page, code: string) => page.locator(`[data-testid="price-row"][data-price-code="${code}"]`)

async function openPriceList(page: Page): Promise<void> {
  await page.goto('/#/price-list')
  await expect(page.getByTestId('prices-page')).toBeVisible()
  await expect(row(page, 'T001')).toBeVisible()
}

/** A small workbook as a clinic would write it: Chinese headers, yuan as numbers, one bad row. */
async function importWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('价目表')
  sheet.addRow(['编码', '名称', '类别', '单位', '价格(元)', '最低价(元)', '成本(元)', '启用'])
  sheet.addRow(['E2E-IMP1', '导入测试项目', '治疗项目', '次', 120.5, 96, null, '是']) // row 2: a changed price
  sheet.addRow(['E2E-IMP2', '导入新增线材', '耗材/假体', '根', 388, null, 95.5, '是']) // row 3: new
  sheet.addRow(['E2E-IMP3', '价格写错的项目', '药品', '盒', 'abc', null, null, '是']) // row 4: rejected
  return Buffer.from(await book.xlsx.writeBuffer())
}

test.describe.configure({ mode: 'serial' })

test.describe('the price list in the web preview', () => {
  test('shows the seeded list in code order with prices in yuan', async ({ desk }, testInfo) => {
    await openPriceList(desk)
    const shown = await desk.getByTestId('price-row-code').allTextContents()
    const seeded = DEMO_PRICE_LIST.map(([code]) => code)
    expect(shown.filter((code) => seeded.includes(code))).toEqual([...seeded].sort())
    await expect(row(desk, 'T001')).toContainText('光子嫩肤（全面部）')
    await expect(row(desk, 'T001')).toContainText('治疗项目')
    await expect(row(desk, 'T001').getByTestId('price-row-list')).toHaveText('¥1,280.00')
    await expect(row(desk, 'T001').getByTestId('price-row-floor')).toHaveText('¥1,024.00')
    await expect(row(desk, 'T002').getByTestId('price-row-list')).toHaveText('¥16,800.00')
    await expect(row(desk, 'C002').getByTestId('price-row-list')).toHaveText('¥300.50')
    await expect(row(desk, 'C002').getByTestId('price-row-cost')).toHaveText('¥80.00')
    await expect(row(desk, 'L001')).toContainText('化验')
    await expect(row(desk, 'L001').getByTestId('price-row-floor')).toHaveText('—')
    await desk.mouse.move(0, 0)
    await desk.screenshot({ path: screenshotPath(testInfo, 'prices.png') })

    // Search by pinyin initials (main does it), then by category.
    await desk.getByTestId('price-search').fill('sgz')
    await expect(desk.getByTestId('price-row-code')).toHaveText(['T008'])
    await desk.getByTestId('price-search').fill('')
    await desk.getByTestId('price-filter-category').click()
    await desk.getByTestId('price-filter-lab_test').click()
    await expect(desk.getByTestId('price-row-code')).toHaveText(['L001', 'L002', 'L003'])
  })

  test('an administrator adds an item by keyboard, edits its price and deactivates it', async ({ desk }) => {
    await openPriceList(desk)
    await desk.keyboard.press('Alt+n')
    const dialog = desk.getByTestId('price-dialog')
    await expect(dialog).toBeVisible()
    await expect(desk.getByTestId('price-code')).toBeFocused()
    await desk.keyboard.type('E2E-01')
    await desk.keyboard.press('Tab')
    await desk.keyboard.type('键盘添加的项目')
    await desk.keyboard.press('Tab') // the category: 治疗项目 already
    await desk.keyboard.press('Tab')
    await expect(desk.getByTestId('price-unit')).toBeFocused()
    await desk.keyboard.type('次')
    await desk.keyboard.press('Tab')
    await desk.keyboard.type('99.9')
    await desk.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(row(desk, 'E2E-01')).toContainText('键盘添加的项目')
    await expect(row(desk, 'E2E-01').getByTestId('price-row-list')).toHaveText('¥99.90')

    await row(desk, 'E2E-01').getByTestId('price-edit').click()
    await expect(desk.getByTestId('price-list-price')).toHaveValue('99.90')
    await desk.getByTestId('price-list-price').fill('1,299.5')
    await desk.getByTestId('price-list-price').press('Enter')
    await expect(dialog).toBeHidden()
    await expect(row(desk, 'E2E-01').getByTestId('price-row-list')).toHaveText('¥1,299.50')
    const [item] = await invoke<{ listPriceFen: number }[]>(desk, 'prices.list', { query: 'E2E-01' })
    expect(item?.listPriceFen).toBe(129950)

    await row(desk, 'E2E-01').getByTestId('price-toggle-active').click()
    const box = desk.locator('.el-message-box')
    await expect(box).toContainText('项目不会被删除')
    await box.getByRole('button', { name: '停用' }).click()
    await expect(row(desk, 'E2E-01')).toHaveCount(0)
    await desk.getByTestId('price-show-inactive').click()
    await expect(row(desk, 'E2E-01').getByTestId('price-status')).toHaveText('已停用')
  })

  test('a badly typed price gets a clear message and nothing is written', async ({ desk }) => {
    await openPriceList(desk)
    await desk.getByTestId('price-add').click()
    await desk.getByTestId('price-code').fill('E2E-BAD')
    await desk.getByTestId('price-name').fill('价格写错')
    const form = desk.getByTestId('price-form')
    for (const [typed, message] of [
      ['12.345', '金额最多两位小数（精确到分）'],
      ['-5', '金额不能为负数'],
      ['abc', '请输入正确的金额，如 1280 或 1280.50'],
    ] as const) {
      // Typed again if the form was still validating the previous value when Enter came (seen once in CI).
      await expect(async () => {
        await desk.getByTestId('price-list-price').fill(typed)
        await desk.getByTestId('price-list-price').press('Enter')
        await expect(form).toContainText(message, { timeout: 1500 })
      }).toPass({ timeout: 15_000 })
    }
    await desk.getByTestId('price-list-price').fill('100')
    await desk.getByTestId('price-floor-price').fill('120')
    await desk.getByTestId('price-floor-price').press('Enter')
    await expect(form).toContainText('最低价不能高于价格')
    await desk.keyboard.press('Escape')
    await expect(desk.getByTestId('price-dialog')).toBeHidden()
    expect(await invoke<unknown[]>(desk, 'prices.list', { query: 'E2E-BAD', includeInactive: true })).toEqual([])
    await expect(row(desk, 'E2E-BAD')).toHaveCount(0)
  })

  test('exports the list as an .xlsx download', async ({ desk }, testInfo) => {
    await openPriceList(desk)
    const downloading = desk.waitForEvent('download')
    await desk.getByTestId('price-export').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^价目表-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const file = testInfo.outputPath(download.suggestedFilename())
    await download.saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows[0]?.slice(1, 6)).toEqual(['编码', '名称', '类别', '单位', '价格(元)'])
    expect(rows.find((r) => r[1] === 'C002')?.slice(1, 8)).toEqual(['C002', 'PPDO埋线线材', '耗材/假体', '根', 300.5, undefined, 80])
    await expect(desk.locator('.el-message--success')).toContainText(download.suggestedFilename())
  })

  test('imports a workbook: preview of added, changed and rejected rows, then apply', async ({ desk }, testInfo) => {
    await openPriceList(desk)
    await invoke(desk, 'prices.create', { code: 'E2E-IMP1', name: '导入测试项目', category: 'treatment', unit: '次', listPriceFen: 10000, floorPriceFen: 8000 })
    await expect(row(desk, 'E2E-IMP1').getByTestId('price-row-list')).toHaveText('¥100.00')

    await desk.getByTestId('price-import').click()
    const dialog = desk.getByTestId('price-import-dialog')
    await expect(dialog).toBeVisible()
    await desk.getByTestId('price-import-file').setInputFiles({ name: '新价目表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await importWorkbook() })
    await expect(desk.getByTestId('import-preview')).toBeVisible()
    await expect(desk.getByTestId('import-added-row')).toHaveCount(1)
    await expect(desk.getByTestId('import-added-row')).toContainText('E2E-IMP2')
    await expect(desk.getByTestId('import-added-row')).toContainText('¥388.00')
    const changed = desk.getByTestId('import-changed-row')
    await expect(changed).toHaveCount(1)
    await expect(changed).toContainText('E2E-IMP1')
    await expect(changed).toContainText(/价格\s*¥100\.00\s*→\s*¥120\.50/)
    await expect(changed).toContainText(/最低价\s*¥80\.00\s*→\s*¥96\.00/)
    const rejected = desk.getByTestId('import-rejected-row')
    await expect(rejected).toHaveCount(1)
    await expect(rejected.locator('td').first()).toHaveText('4')
    await expect(rejected).toContainText('价格“abc”不是金额')
    await expect(desk.getByTestId('price-import-count-unchanged')).toHaveText('未变 0 项')
    await expect(desk.getByTestId('price-import-apply')).toHaveText('导入 2 项')
    await dialog.screenshot({ path: screenshotPath(testInfo, 'prices-import.png') })
    // Nothing is written by the preview.
    expect(await invoke<unknown[]>(desk, 'prices.list', { query: 'E2E-IMP2' })).toEqual([])

    await desk.getByTestId('price-import-apply').click()
    await expect(dialog).toBeHidden()
    await expect(desk.locator('.el-message--success')).toContainText('导入完成：新增 1 项，修改 1 项，未变 0 项，拒绝 1 行')
    await expect(row(desk, 'E2E-IMP1').getByTestId('price-row-list')).toHaveText('¥120.50')
    await expect(row(desk, 'E2E-IMP1').getByTestId('price-row-floor')).toHaveText('¥96.00')
    await expect(row(desk, 'E2E-IMP2')).toContainText('耗材/假体')
    await expect(row(desk, 'E2E-IMP2').getByTestId('price-row-cost')).toHaveText('¥95.50')
    await expect(row(desk, 'E2E-IMP3')).toHaveCount(0)
  })
})

test('the price list, its dialog and the import preview have no accessibility violations', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
  await signInOnLoad(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const violations = async (label: string) => {
    // A dialog or loading mask still fading is half transparent: axe would judge its text's contrast mid-fade.
    await expect(page.locator('.el-loading-mask')).toHaveCount(0)
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
    const results = await new AxeBuilder({ page }).analyze()
    return results.violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.help} (${v.nodes.length})`)
  }
  try {
    await page.goto(`${testInfo.project.use.baseURL}#/price-list`)
    await expect(row(page, 'T001')).toBeVisible()
    await page.waitForLoadState('networkidle')
    const found = await violations('list')

    await page.keyboard.press('Alt+n')
    await expect(page.getByTestId('price-code')).toBeFocused()
    await page.getByTestId('price-save').click()
    await expect(page.getByTestId('price-form')).toContainText('请输入编码')
    found.push(...(await violations('dialog')))
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('price-dialog')).toBeHidden()

    await page.getByTestId('price-import').click()
    await page.getByTestId('price-import-file').setInputFiles({ name: 'a11y.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await importWorkbook() })
    await expect(page.getByTestId('import-preview')).toBeVisible()
    found.push(...(await violations('import')))
    expect(found).toEqual([])
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})
