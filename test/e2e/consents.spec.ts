import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { apiSession, expect, test } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * Consent forms (知情同意书, issue 11) end to end over the demo clinic: a course of an invasive item is paid;
 * its 划扣 is refused until the consent form is printed (A4, checked in the PDF) and marked signed.
 */
const server = new PreviewServer(5417)

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await expect(page.getByRole('option', { name: label, exact: true })).toBeHidden()
}

test.describe('consent forms before an invasive treatment', () => {
  let clientId = 0

  test.beforeAll(async () => {
    await server.start()
    const call = await apiSession(server.url)
    const item = await call<{ id: number }>('prices.create', { code: 'BN-E2E', name: '玻尿酸填充', category: 'treatment', unit: '支', listPriceFen: 480000, serviceCategory: 'injection', invasive: true })
    const { visit } = await call<{ visit: { id: number; clientId: number } }>('visits.register', { type: 'first', newClient: { name: '韩雪梅', phone: '13977770022', gender: 'female' } })
    clientId = visit.clientId
    const draft = await call<{ id: number; revision: number }>('fees.create', { visitId: visit.id })
    const saved = await call<{ id: number; revision: number }>('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: item.id, quantity: 1, discount: null }] })
    const confirmed = await call<{ id: number; revision: number; totals: { payable: number } }>('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
    await call('fees.pay', { id: confirmed.id, payments: [{ method: 'wechat', fen: confirmed.totals.payable }] })
  })
  test.afterAll(async () => server.stop())

  test('划扣 waits for the signed consent; the consent prints on A4 with her details and the signature lines', async ({ desk }, info) => {
    await desk.goto(`${server.url}#/clients/${clientId}`)
    const row = desk.getByTestId('consent-row')
    await expect(row).toHaveCount(1)
    await expect(row.getByTestId('consent-invasive')).toHaveText('侵入性')
    await expect(row.getByTestId('consent-state')).toHaveText('未生成')
    await expect(desk.getByTestId('card-consent-tag')).toHaveText('玻尿酸填充：需签同意书')

    // Refused while not signed, with the way to it in the message.
    await desk.getByTestId('client-card-deduct').click()
    await choose(desk, 'deduct-nurse', '吴婷')
    await desk.getByTestId('deduct-body-area').fill('鼻基底')
    await desk.getByTestId('deduct-submit').click()
    await expect(desk.getByTestId('deduct-error')).toHaveText('「玻尿酸填充」是侵入性治疗，须先签署知情同意书（客户记录 → 知情同意书 → 标记已签）')
    await desk.keyboard.press('Escape')
    await expect(desk.getByTestId('client-card-used')).toContainText('已用 0 / 共 1')

    await row.getByTestId('consent-print').click()
    const preview = desk.getByTestId('consent-print-preview')
    await expect(preview.getByTestId('consent-print-title')).toHaveText('注射美容治疗知情同意书')
    await expect(preview.getByTestId('consent-print-client')).toHaveText('韩雪梅')
    await expect(row.getByTestId('consent-state')).toHaveText('待签')
    await desk.emulateMedia({ media: 'print' })
    const pdf = await desk.pdf({ preferCSSPageSize: true })
    await desk.emulateMedia({ media: 'screen' })
    const file = info.outputPath('consent.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(text).toContain('注射美容治疗知情同意书')
    expect(text).toContain('韩雪梅')
    expect(text).toContain('13977770022')
    expect(text).toContain('玻尿酸填充')
    expect(text).toContain('顾客声明')
    expect(text).toContain('顾客/监护人签名')
    expect(text).toContain('医生签名')
    expect(text).not.toContain('划扣确认单') // not the slip
    expect(text).not.toContain('已用 0 / 共 1') // nothing of the page behind it
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n[\s\S]*Page size:.*\(A4\)/)
    await desk.keyboard.press('Escape')

    await row.getByTestId('consent-mark-signed').click()
    await expect(desk.locator('.el-message-box')).toContainText('确认顾客已在纸质同意书上签字？')
    await desk.locator('.el-message-box').getByRole('button', { name: '已签字' }).click()
    await expect(row.getByTestId('consent-state')).toHaveText('已签')
    await expect(desk.getByTestId('card-consent-tag')).toHaveText('玻尿酸填充：同意书已签')

    await desk.getByTestId('client-card-deduct').click()
    await choose(desk, 'deduct-nurse', '吴婷')
    await desk.getByTestId('deduct-body-area').fill('鼻基底')
    await desk.getByTestId('deduct-submit').click()
    await expect(desk.getByTestId('deduction-slip-preview')).toBeVisible()
    await expect(desk.getByTestId('client-card-used')).toContainText('已用 1 / 共 1')
  })
})
