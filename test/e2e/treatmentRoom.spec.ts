import AxeBuilder from '@axe-core/playwright'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { apiSession, expect, test } from './fixtures.ts'
import { payFeeSheet, type Call } from './feeSheetApi.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * The treatment room end to end (issue 11): a 玻尿酸注射 (an invasive item of the demo price list) is paid and
 * becomes a card; the desk hands the client to the nurse board in one click; on her record the 划扣 is refused
 * until her consent is printed and marked signed; the nurse imports the before photos (a text file among them
 * is refused by name), records the treatment (部位, doctor, assistant) and the after photo; the card, the
 * treatment record and the photos side by side are on her record.
 */
const server = new PreviewServer(5418)
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await expect(page.getByRole('option', { name: label, exact: true })).toBeHidden()
}

/** A real JPEG or PNG, as a camera or phone would give it: a screenshot of a coloured block. */
async function picture(page: Page, colour: string, type: 'jpeg' | 'png'): Promise<Buffer> {
  await page.setContent(`<div style="width:320px;height:240px;background:${colour}"></div>`)
  return page.locator('div').screenshot({ type })
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ').slice(0, 200)})`)
}

test.describe('the treatment room: nurse hand-over, consent, photos, the treatment record', () => {
  test.describe.configure({ mode: 'serial' })
  let call: Call
  let clientId = 0
  let queueNo = ''
  const pictures: Record<'before1' | 'before2' | 'after', Buffer> = { before1: Buffer.alloc(0), before2: Buffer.alloc(0), after: Buffer.alloc(0) }

  test.beforeAll(async ({ browser }) => {
    await server.start()
    call = await apiSession(server.url)
    await call('rotation.open', { memberIds: [1, 2, 3, 4, 5] })
    await call('rotation.open', { kind: 'nurse', memberIds: [8] })
    const { visit } = await call<{ visit: { id: number; clientId: number; queueNo: string } }>('visits.register', {
      type: 'first',
      newClient: { name: '林若溪', phone: '13977770021', gender: 'female', birthDate: '1992-03-08' },
    })
    clientId = visit.clientId
    queueNo = visit.queueNo
    const visits = await call<{ id: number; version: number }[]>('visits.ofDay', {})
    const row = visits.find((v) => v.id === visit.id)!
    await call('visits.setStatus', { visitId: visit.id, expectedVersion: row.version, status: 'consulting' })
    await payFeeSheet(call, visit.id, ['T004'])
    const page = await browser.newPage()
    pictures.before1 = await picture(page, '#d9a08b', 'jpeg')
    pictures.before2 = await picture(page, '#c98f7a', 'png')
    pictures.after = await picture(page, '#f0c8b8', 'jpeg')
    await page.close()
  })
  test.afterAll(async () => server.stop())

  test('paid, she is handed to the next nurse in one click', async ({ desk }) => {
    await desk.goto(`${server.url}#/front-desk`)
    const served = desk.getByTestId('served-row').filter({ hasText: queueNo })
    await served.getByTestId('nurse-hand-over').click()
    await expect(served.getByTestId('nurse-handed')).toHaveText('已交给 护士 吴婷')
    await desk.getByTestId('board-panel-nurse').click()
    await expect(desk.getByTestId('nurse-board')).toContainText(queueNo)
  })

  test('the injection is not recorded until her consent is printed and marked signed', async ({ desk }, info) => {
    await desk.goto(`${server.url}#/clients/${clientId}`)
    const card = desk.getByTestId('client-card')
    await expect(card.getByTestId('client-card-name')).toContainText('玻尿酸注射')

    // 划扣 before the consent is signed: refused in words, nothing deducted.
    await card.getByTestId('client-card-deduct').click()
    await choose(desk, 'deduct-nurse', '吴婷')
    await desk.getByTestId('deduct-body-area').fill('鼻唇沟')
    await desk.getByTestId('deduct-submit').click()
    await expect(desk.getByTestId('deduct-dialog')).toContainText('须先签署知情同意书')
    await desk.getByTestId('deduct-cancel').click()
    await expect(card.getByTestId('client-card-used')).toContainText('已用 0 / 共 1')

    // The consent: made from the injection template, printed with her details, alone on its page.
    const consent = desk.getByTestId('consent-row').filter({ hasText: '玻尿酸注射' })
    await expect(consent.getByTestId('consent-state')).toContainText('未生成')
    await consent.getByTestId('consent-print').click()
    const preview = desk.getByTestId('consent-print-preview')
    await expect(preview).toBeVisible()
    await expect(preview.getByTestId('consent-print-client')).toContainText('林若溪')
    await expect(preview.getByTestId('consent-print-item')).toContainText('玻尿酸注射')
    await expect(preview.getByTestId('consent-print-signatures')).toContainText('顾客')
    await desk.waitForTimeout(300) // the dialog's opening animation
    await desk.screenshot({ path: screenshotPath(info, 'consent-preview.png') })
    await desk.emulateMedia({ media: 'print' })
    const pdf = await desk.pdf({ preferCSSPageSize: true })
    await desk.emulateMedia({ media: 'screen' })
    const file = info.outputPath('consent.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(text).toContain('知情同意书')
    expect(text).toContain('林若溪')
    expect(text).toContain('玻尿酸注射')
    expect(text).not.toContain('疗程卡') // nothing of the page behind it
    await desk.keyboard.press('Escape')
    await expect(consent.getByTestId('consent-state')).toContainText('待签')

    await consent.getByTestId('consent-mark-signed').click()
    await desk.locator('.el-message-box').getByRole('button', { name: '已签字' }).click()
    await expect(consent.getByTestId('consent-state')).toContainText('已签')
  })

  test('the nurse imports the before photos (a text file refused by name), records the treatment and the after photo', async ({ desk }, info) => {
    await desk.goto(`${server.url}#/clients/${clientId}`)
    const photos = desk.getByTestId('client-photos-card')
    await expect(photos.getByTestId('photo-empty')).toBeVisible()
    await expect(photos.getByTestId('photo-local-hint')).toBeVisible()

    // Before: two pictures and a text file renamed .jpg, picked together.
    await desk.getByTestId('photo-pick-files').setInputFiles([
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: pictures.before1 },
      { name: 'IMG_0002.png', mimeType: 'image/png', buffer: pictures.before2 },
      { name: '病历.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是图片') },
    ])
    const dialog = desk.getByTestId('photo-import-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('photo-kind-before').click()
    await dialog.getByTestId('photo-import-start').click()
    await expect(dialog.getByTestId('photo-import-summary')).toBeVisible()
    await expect(dialog.getByTestId('photo-summary-imported')).toContainText('2')
    await expect(dialog.getByTestId('photo-summary-refusal')).toContainText('「病历.jpg」不是图片文件')
    await dialog.getByTestId('photo-import-close').click()
    // Thumbnails read their picture once scrolled into view.
    await expect(photos.getByTestId('photo-thumb-kind')).toHaveText(['术前', '术前'])
    await photos.getByTestId('photo-thumb-kind').first().scrollIntoViewIfNeeded()
    await expect(photos.getByTestId('photo-thumb-img')).toHaveCount(2)

    // The same picture again is skipped, not imported twice.
    await desk.getByTestId('photo-pick-files').setInputFiles([{ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: pictures.before1 }])
    await dialog.getByTestId('photo-import-start').click()
    await expect(dialog.getByTestId('photo-summary-skipped')).toContainText('1')
    await dialog.getByTestId('photo-import-close').click()
    await expect(photos.getByTestId('photo-thumb-kind')).toHaveCount(2)

    // 划扣 with the body area, the doctor and her assistant: the slip says them.
    const card = desk.getByTestId('client-card')
    await card.getByTestId('client-card-deduct').click()
    await choose(desk, 'deduct-nurse', '吴婷')
    await choose(desk, 'deduct-doctor', '孙丽')
    await desk.getByTestId('deduct-body-area').fill('鼻唇沟')
    await desk.getByTestId('deduct-note').fill('1ml，双侧')
    await desk.getByTestId('deduct-submit').click()
    const slip = desk.getByTestId('deduction-slip-preview')
    await expect(slip.getByTestId('slip-session')).toHaveText('第 1 次 / 共 1 次')
    await expect(slip.getByTestId('slip-body-area')).toContainText('鼻唇沟')
    await desk.keyboard.press('Escape')
    await expect(card.getByTestId('client-card-used')).toContainText('已用 1 / 共 1')

    // After: one picture, the kind 术后.
    await desk.getByTestId('photo-pick-files').setInputFiles([{ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: pictures.after }])
    await dialog.getByTestId('photo-kind-after').click()
    await dialog.getByTestId('photo-import-start').click()
    await expect(dialog.getByTestId('photo-summary-imported')).toContainText('1')
    await dialog.getByTestId('photo-import-close').click()
    await expect(photos.getByTestId('photo-thumb-kind')).toHaveCount(3)
    await photos.getByTestId('photo-thumb-kind').first().scrollIntoViewIfNeeded()
    await expect(photos.getByTestId('photo-thumb-img')).toHaveCount(3)

    // Before and after side by side; the bytes shown are the bytes imported.
    const compare = desk.getByTestId('photo-compare')
    await expect(compare.getByTestId('photo-compare-before-caption')).toContainText('术前')
    await expect(compare.getByTestId('photo-compare-after-caption')).toContainText('术后')
    const shown = await compare.getByTestId('photo-compare-after-img').getAttribute('src')
    expect(shown).toBe(`data:image/jpeg;base64,${pictures.after.toString('base64')}`)

    // The treatment record (病历档案) has the session with its area, doctor and nurse.
    const record = desk.getByTestId('client-record-card')
    const row = record.getByTestId('record-row').first()
    await expect(row.getByTestId('record-item')).toContainText('玻尿酸注射')
    await expect(row.getByTestId('record-area')).toHaveText('鼻唇沟')
    await expect(row.getByTestId('record-session')).toHaveText('1/1')
    await expect(row.getByTestId('record-doctor')).toHaveText('孙丽')
    await expect(row.getByTestId('record-nurse')).toHaveText('吴婷')
    await compare.scrollIntoViewIfNeeded()
    await desk.screenshot({ path: screenshotPath(info, 'client-photos.png') })
    await record.scrollIntoViewIfNeeded()
    await desk.screenshot({ path: screenshotPath(info, 'client-treatment-record.png') })
    expect(await seriousViolations(desk)).toEqual([])
  })
})
