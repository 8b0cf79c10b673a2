import { execFileSync } from 'node:child_process'
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test, signInOnLoad } from './fixtures.ts'

/**
 * A consultant's afternoon: the consultation sheet filled and printed, its plan turned into a fee sheet,
 * a discount, 抹零 and a deposit, confirmed, printed to PDF (original, then a copy), paid in two methods,
 * and reissued. What the printer gets is read back from the PDF with pdftotext.
 */

type Invoke = (method: string, input: unknown) => Promise<unknown>

/** README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); otherwise they go with the test's output. */
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = (await page.evaluate(([m, i]) => (window.frontDesk?.invoke as unknown as Invoke)(m as string, i), [method, input])) as
    | { ok: true; value: T }
    | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value
}

/** The page as the printer gets it, as text (pdftotext keeps the layout's reading order per page). */
async function printedText(page: Page, info: TestInfo, name: string): Promise<{ pages: string[]; file: string }> {
  const file = info.outputPath(name)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  return { pages: text.split('\f').filter((p) => p.trim() !== ''), file }
}

/** Page 1 of a PDF as a PNG, for README and for a person to look at. */
function firstPageAsPng(pdf: string, png: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')])
}

/** No passing notices in README's pictures. */
async function tidyForPicture(page: Page): Promise<void> {
  await page.locator('.el-notification__closeBtn').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLElement).click()))
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
}

async function pick(page: Page, testId: string, code: string): Promise<void> {
  const picker = page.getByTestId(testId)
  await picker.click()
  await page.keyboard.type(code)
  await expect(page.locator('.el-select-dropdown__item:visible').first()).toContainText(code)
  await page.keyboard.press('Enter')
}

test.describe('consultation and fee sheets', () => {
  test.beforeEach(async ({ desk }) => {
    await desk.addInitScript(() => {
      const w = window as unknown as { printed: number }
      w.printed = 0
      window.print = () => void (w.printed += 1)
    })
  })

  test('a sheet is filled and printed, its plan becomes a fee sheet that is discounted, confirmed, printed, paid and reissued', async ({ desk }, info) => {
    test.setTimeout(120_000)
    await desk.goto('/#/front-desk')
    await invoke(desk, 'rotation.open', { memberIds: [1, 2, 3] }).catch(() => undefined) // opened by an earlier spec is fine
    const { visit } = await invoke<{ visit: { id: number; queueNo: string } }>(desk, 'visits.register', {
      type: 'first',
      newClient: { name: '林可欣', phone: '13955550101', gender: 'female' },
    })

    // The consultation sheet, from the desk's link.
    await desk.goto(`/#/visits/${visit.id}/consultation`)
    await expect(desk.getByTestId('cs-name')).toHaveValue('林可欣')
    await expect(desk.getByTestId('consultation-status')).toHaveText('草稿')

    // Printing an incomplete sheet names what is missing and freezes nothing.
    await desk.getByTestId('consultation-print-open').click()
    await desk.getByTestId('print-go').click()
    await expect(desk.locator('[data-field="client.occupation"] .el-form-item__error')).toHaveText('必填')
    await expect(desk.locator('[data-field="client.age"] .el-form-item__error')).toHaveText('必填')
    await expect(desk.getByTestId('consultation-status')).toHaveText('草稿')
    expect(await desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0)

    await desk.getByTestId('cs-age').locator('input').fill('32')
    await desk.getByTestId('cs-occupation').fill('教师')
    await desk.getByTestId('cs-area-eyes').click()
    await desk.getByTestId('cs-area-skin').click()
    await desk.getByTestId('cs-goals').fill('改善眼周细纹，肤色提亮；<b>不要</b>太僵')
    for (const q of ['allergies', 'medicalHistory', 'medication', 'pregnancy', 'contraindications']) await desk.getByTestId(`cs-health-${q}-no`).click()
    await desk.getByTestId('cs-assessment').fill('眼周动态纹明显；建议肉毒素 + 光子嫩肤。<script>alert(1)</script>')
    await pick(desk, 'cs-plan-pick', 'T003')
    await pick(desk, 'cs-plan-pick', 'T001')
    await expect(desk.getByTestId('cs-plan-row')).toHaveCount(2)
    await expect(desk.getByTestId('consultation-autosave')).toHaveAttribute('data-state', 'saved', { timeout: 5000 })
    await tidyForPicture(desk)
    await desk.getByTestId('consultation-back').scrollIntoViewIfNeeded()
    await desk.screenshot({ path: screenshotPath(info, 'consultation.png') })

    await desk.getByTestId('consultation-print-open').click()
    await expect(desk.getByTestId('consultation-print-preview')).toContainText('草稿')
    await desk.waitForTimeout(500) // the dialog's fade-in, for the picture
    await desk.screenshot({ path: screenshotPath(info, 'print-preview.png') })
    await desk.getByTestId('print-go').click()
    await expect(desk.getByTestId('consultation-status')).toHaveText('已打印')
    await expect.poll(() => desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await desk.keyboard.press('Escape')

    const consultationPdf = await printedText(desk, info, 'consultation.pdf')
    const sheetText = consultationPdf.pages.join('\n')
    expect(sheetText.replace(/\s+/g, '')).toContain('美容咨询单')
    expect(sheetText).toContain('林可欣')
    expect(sheetText).toContain('<b>不要</b>太僵') // the client's words as text, never markup
    expect(sheetText).toContain('<script>alert(1)</script>')
    expect(sheetText).toMatch(/肉毒素注射（100单位）/)
    expect(sheetText).toMatch(/3,800\.00/)
    expect(sheetText).toContain('顾客签名')
    expect(sheetText).toContain('隐私权')
    expect(sheetText).not.toContain('草稿') // printed: the final version
    expect(sheetText).not.toContain('轮牌') // nothing of the desk behind it
    firstPageAsPng(consultationPdf.file, screenshotPath(info, 'consultation-print.png'))

    // The plan becomes a fee sheet in one action.
    await desk.getByTestId('consultation-fee-sheet').click()
    await expect(desk).toHaveURL(/#\/fee-sheets\/\d+$/)
    await expect(desk.getByTestId('fee-line')).toHaveCount(2)
    await expect(desk.getByTestId('fee-total-total')).toContainText('¥5,080.00')

    // 7折 on the botulinum toxin is under its floor (3,040.00): flagged; 8折 is at the floor.
    const toxin = desk.getByTestId('fee-line').nth(0)
    await toxin.getByTestId('discount-kind').click()
    await desk.locator('.el-select-dropdown__item:visible', { hasText: '折扣率' }).click()
    await toxin.getByTestId('discount-value').locator('input').fill('70')
    await toxin.getByTestId('discount-value').locator('input').press('Tab')
    await expect(desk.getByTestId('fee-floor-warning')).toContainText('T003')
    await expect(toxin.getByTestId('fee-line-amount')).toHaveText('¥2,660.00')
    await toxin.getByTestId('discount-value').locator('input').fill('80')
    await toxin.getByTestId('discount-value').locator('input').press('Tab')
    await expect(desk.getByTestId('fee-floor-warning')).toHaveCount(0)
    await expect(toxin.getByTestId('fee-line-amount')).toHaveText('¥3,040.00')
    await expect(toxin.getByTestId('discount-rate-text')).toHaveText('% · 8折')

    // A thread (300.50) and the local anaesthetic, 抹零 of jiao and fen, a deposit taken earlier.
    await pick(desk, 'fee-line-pick', 'C002')
    await pick(desk, 'fee-line-pick', 'M001')
    await desk.getByTestId('fee-round-yuan').click()
    await desk.getByTestId('fee-deposit-add').click()
    await desk.getByTestId('fee-deposit-amount').locator('input').fill('500')
    await desk.getByTestId('fee-deposit-note').fill('定金收据 0012')
    await desk.getByTestId('fee-deposit-note').press('Tab')
    await expect(desk.getByTestId('fee-total-total')).toContainText('¥4,920.00')
    await expect(desk.getByTestId('fee-total-roundOff')).toContainText('¥0.50')
    await expect(desk.getByTestId('fee-total-payable')).toContainText('¥4,420.00')
    await expect(desk.getByTestId('fee-total-capital')).toContainText('人民币肆仟玖佰贰拾元整')
    await expect(desk.getByTestId('consultation-autosave')).toHaveAttribute('data-state', 'saved', { timeout: 5000 })
    await tidyForPicture(desk)
    await desk.screenshot({ path: screenshotPath(info, 'fee-sheet.png') })

    await desk.getByTestId('fee-confirm').click()
    await desk.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await expect(desk.getByTestId('fee-status')).toHaveText('已确认')
    await expect(desk.getByTestId('fee-line-qty')).toHaveCount(0) // locked: no inputs left

    // The first print is the original, the next one a copy (副本).
    await desk.getByTestId('fee-print-open').click()
    await desk.getByTestId('print-go').click()
    await expect.poll(() => desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2)
    await desk.keyboard.press('Escape')
    const original = await printedText(desk, info, 'fee-sheet.pdf')
    const feeText = original.pages.join('\n')
    await expect(desk.getByTestId('fee-print').locator('.fp-title')).toHaveText('缴费明细单')
    const { clinicName } = await invoke<{ clinicName: string }>(desk, 'settings.get', {}) // another spec may have renamed it
    expect(feeText).toContain(clinicName)
    expect(feeText).toMatch(/单号：SF2026-\d{6}/)
    for (const expected of ['林可欣', '肉毒素注射（100单位）', '光子嫩肤（全面部）', 'PPDO埋线线材', '局部麻醉', '3,040.00', '300.50', '4,920.00', '人民币肆仟玖佰贰拾元整', '4,420.00', '逐项向本人说明', '顾客签名']) {
      expect(feeText, expected).toContain(expected)
    }
    expect(feeText).not.toContain('副本')
    expect(feeText).not.toContain('草稿')
    expect(original.pages).toHaveLength(1)
    expect(feeText.replace(/\s+/g, '')).toContain('第1页/共1页')
    firstPageAsPng(original.file, screenshotPath(info, 'fee-sheet-print.png'))

    await desk.getByTestId('fee-print-open').click()
    await desk.getByTestId('print-paper-A5').click()
    await desk.getByTestId('print-go').click()
    await expect.poll(() => desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(3)
    await desk.keyboard.press('Escape')
    const copy = await printedText(desk, info, 'fee-sheet-copy-a5.pdf')
    expect(copy.pages.join('\n')).toContain('副本')
    expect(execFileSync('pdfinfo', [copy.file]).toString()).toMatch(/Page size:.*\(A5\)/) // A5
    firstPageAsPng(copy.file, screenshotPath(info, 'fee-sheet-print-a5.png'))

    // Paid in two methods that add up to what is payable; a wrong sum cannot be sent.
    await desk.getByTestId('fee-pay').click()
    const dialog = desk.getByTestId('fee-pay-dialog')
    await dialog.getByTestId('fee-pay-amount').fill('4000')
    await expect(dialog.getByTestId('fee-pay-status')).toHaveText('还差 ¥420.00')
    await expect(dialog.getByTestId('fee-pay-submit')).toBeDisabled()
    await dialog.getByTestId('fee-pay-add').click()
    await expect(dialog.getByTestId('fee-pay-status')).toHaveText('金额正好')
    await dialog.getByTestId('fee-pay-submit').click()
    await expect(desk.getByTestId('fee-status')).toHaveText('已缴费')
    await expect(desk.getByTestId('fee-total-paid')).toContainText('¥4,420.00')

    // The day's consultation log carries the amount on the visit's row.
    const feeUrl = desk.url()
    await desk.goto('/#/reports')
    await expect(desk.locator(`[data-testid="daily-log-row"][data-visit-id="${visit.id}"] [data-testid="daily-log-amount"]`)).toHaveText('¥4,920.00')
    await desk.goto(feeUrl)

    // A correction voids it with a reason and issues a new draft naming it.
    const paidNo = (await desk.getByTestId('fee-sheet-no').textContent()) ?? ''
    await desk.getByTestId('fee-reissue').click()
    const box = desk.locator('.el-message-box')
    await box.locator('input').fill('漏')
    await box.getByRole('button', { name: '确定' }).click()
    await expect(box).toContainText('原因须为 2～200 字')
    await box.locator('input').fill('项目数量录错，重开')
    await box.getByRole('button', { name: '确定' }).click()
    await expect(desk.getByTestId('fee-status')).toHaveText('草稿')
    await expect(desk.getByTestId('fee-sheet-no')).not.toHaveText(paidNo)
    await expect(desk.getByTestId('fee-line')).toHaveCount(4)
  })

  test('a long fee sheet breaks across pages with the table header and page numbers on each', async ({ desk }, info) => {
    await desk.goto('/#/front-desk')
    await invoke(desk, 'rotation.open', { memberIds: [1, 2, 3] }).catch(() => undefined)
    const { visit } = await invoke<{ visit: { id: number } }>(desk, 'visits.register', { type: 'first', newClient: { name: '长单测试', phone: '13955550102', gender: 'male' } })
    const items = await invoke<{ id: number }[]>(desk, 'prices.list', {})
    const sheet = await invoke<{ id: number; revision: number }>(desk, 'fees.create', { visitId: visit.id })
    const lines = Array.from({ length: 60 }, (_, i) => ({ itemId: items[i % items.length]?.id ?? 1, quantity: 1 + (i % 3), discount: null }))
    await invoke(desk, 'fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, lines })
    await desk.goto(`/#/fee-sheets/${sheet.id}`)
    await expect(desk.getByTestId('fee-line')).toHaveCount(60)
    const { pages } = await printedText(desk, info, 'long-fee-sheet.pdf')
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页/共${pages.length}页`)
      if (/^\s*\d+\s+[A-Z]\d{3}\s/m.test(page)) expect(page, `page ${i + 1} repeats the header`).toMatch(/序号\s+编码\s+项目/)
      expect(page, `page ${i + 1} names the sheet`).toContain('长单测试')
    })
    expect(pages.filter((p) => /^\s*\d+\s+[A-Z]\d{3}\s/m.test(p)).length).toBeGreaterThan(1) // the lines themselves span pages
    expect(pages.at(-1)).toContain('应收合计') // totals and signatures stay together, at the end
    expect(pages.at(-1)).toContain('顾客签名')
    expect(pages.join('\n')).toContain('草稿 · 未确认')
  })

  test('the consultation sheet, the fee sheet, the print preview and the payment dialog have no accessibility violations', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
    await signInOnLoad(context)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const violations = async (label: string) => {
      const results = await new AxeBuilder({ page }).analyze()
      return results.violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')})`)
    }
    try {
      await page.goto(`${testInfo.project.use.baseURL}#/front-desk`)
      await invoke(page, 'rotation.open', { memberIds: [1, 2, 3] }).catch(() => undefined)
      const { visit } = await invoke<{ visit: { id: number } }>(page, 'visits.register', { type: 'first', newClient: { name: '无障碍', phone: '13955550103', gender: 'female' } })
      const sheet = await invoke<{ id: number }>(page, 'consultations.get', { visitId: visit.id })
      const items = await invoke<{ id: number; code: string }[]>(page, 'prices.list', { query: 'T00' })
      const fee = await invoke<{ id: number; revision: number }>(page, 'fees.create', { visitId: visit.id })
      await invoke(page, 'fees.saveDraft', { id: fee.id, expectedRevision: fee.revision, lines: items.slice(0, 2).map((i) => ({ itemId: i.id, quantity: 1, discount: { kind: 'rate', percent: 50 } })) })

      await page.goto(`${testInfo.project.use.baseURL}#/visits/${visit.id}/consultation`)
      await expect(page.getByTestId('consultation-sheet-no')).toBeVisible()
      expect(sheet.id).toBeGreaterThan(0)
      await page.waitForLoadState('networkidle')
      const found = await violations('consultation')
      await page.getByTestId('consultation-print-open').click()
      await expect(page.getByTestId('consultation-print-preview')).toBeVisible()
      await page.waitForTimeout(400)
      found.push(...(await violations('preview')))
      await page.keyboard.press('Escape')

      await page.goto(`${testInfo.project.use.baseURL}#/fee-sheets/${fee.id}`)
      await expect(page.getByTestId('fee-floor-warning')).toBeVisible() // half price is under the floors
      await page.waitForLoadState('networkidle')
      found.push(...(await violations('fee draft')))
      const current = await invoke<{ revision: number }>(page, 'fees.get', { id: fee.id })
      await invoke(page, 'fees.saveDraft', { id: fee.id, expectedRevision: current.revision, lines: items.slice(0, 2).map((i) => ({ itemId: i.id, quantity: 1, discount: null })) })
      const saved = await invoke<{ revision: number }>(page, 'fees.get', { id: fee.id })
      await invoke(page, 'fees.confirm', { id: fee.id, expectedRevision: saved.revision })
      await page.reload()
      await page.getByTestId('fee-pay').click()
      await expect(page.getByTestId('fee-pay-dialog')).toBeVisible()
      await page.waitForTimeout(400)
      found.push(...(await violations('payment')))
      expect(found).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
