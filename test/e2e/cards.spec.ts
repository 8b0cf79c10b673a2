import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { apiSession, expect, test } from './fixtures.ts'
import type { Call } from './feeSheetApi.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * Treatment cards (issue 11, first slice) end to end over the demo clinic: a course of five 光子嫩肤 is paid
 * (through the API: sheets.spec.ts drives the fee sheet), becomes a card on the client's record; the nurse's
 * session is deducted there (划扣) and the slip for the client's signature prints; an administrator undoes
 * it with a reason; a sheet whose card has a session used cannot be voided.
 */
const server = new PreviewServer(5404)
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await expect(page.getByRole('option', { name: label, exact: true })).toBeHidden()
}

test.describe('after the deal: treatment cards, the nurse board and stored value', () => {
  test.describe.configure({ mode: 'serial' })
  let call: Call
  let clientId = 0
  let sheetId = 0

  test.beforeAll(async () => {
    await server.start()
    call = await apiSession(server.url)
    await call('rotation.open', { memberIds: [1, 2, 3, 4, 5] })
    const { visit } = await call<{ visit: { id: number; clientId: number } }>('visits.register', { type: 'first', newClient: { name: '宋雨桐', phone: '13977770001', gender: 'female' } })
    clientId = visit.clientId
    const items = await call<{ id: number; code: string }[]>('prices.list', {})
    // Five sessions of 光子嫩肤 (T001) and the anaesthesia of the day (M001: no card).
    const draft = await call<{ id: number; revision: number }>('fees.create', { visitId: visit.id })
    const saved = await call<{ id: number; revision: number }>('fees.saveDraft', {
      id: draft.id,
      expectedRevision: draft.revision,
      lines: [
        { itemId: items.find((i) => i.code === 'T001')!.id, quantity: 5, discount: null },
        { itemId: items.find((i) => i.code === 'M001')!.id, quantity: 1, discount: null },
      ],
    })
    const confirmed = await call<{ id: number; revision: number; totals: { payable: number } }>('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
    await call('fees.pay', { id: confirmed.id, payments: [{ method: 'wechat', fen: confirmed.totals.payable }] })
    sheetId = confirmed.id
  })
  test.afterAll(async () => server.stop())

  test('a paid course is a card on the record; a session is deducted with the nurse and the slip prints for her signature', async ({ desk }, info) => {
    await desk.goto(`${server.url}#/clients/${clientId}`)
    const card = desk.getByTestId('client-card')
    await expect(card).toHaveCount(1)
    await expect(card.getByTestId('client-card-name')).toContainText('光子嫩肤')
    await expect(card.getByTestId('client-card-used')).toContainText('已用 0 / 共 5')
    await expect(card.getByTestId('card-status')).toHaveText('可用')

    await card.getByTestId('client-card-deduct').click()
    await expect(desk.getByTestId('deduct-dialog')).toBeVisible()
    await desk.keyboard.press('Enter')
    await expect(desk.getByTestId('deduct-dialog')).toContainText('请选择做治疗的护士') // the nurse is required: nothing sent
    await choose(desk, 'deduct-nurse', '吴婷')
    await desk.getByTestId('deduct-submit').click()
    await expect(desk.getByTestId('deduct-dialog')).toContainText('请填写治疗部位') // so is the body area: nothing sent
    await choose(desk, 'deduct-doctor', '孙丽')
    await desk.getByTestId('deduct-body-area').fill('全脸')
    await desk.getByTestId('deduct-note').fill('全面部，能量 14J')
    await desk.getByTestId('deduct-submit').click()

    const slip = desk.getByTestId('deduction-slip-preview')
    await expect(slip).toBeVisible()
    await expect(slip.getByTestId('slip-client')).toContainText('宋雨桐')
    await expect(slip.getByTestId('slip-session')).toHaveText('第 1 次 / 共 5 次')
    await expect(slip.getByTestId('slip-left')).toHaveText('剩余 4 次')
    await expect(slip.getByTestId('slip-nurse')).toContainText('吴婷')
    await expect(slip.getByTestId('slip-doctor')).toContainText('孙丽')
    await expect(slip.getByTestId('slip-body-area')).toHaveText('全脸')
    await expect(slip.getByTestId('slip-signature')).toBeVisible()
    await desk.waitForTimeout(300) // the dialog's opening animation
    await desk.screenshot({ path: screenshotPath(info, 'card-slip-preview.png') })

    // Printed as the app prints it: only the slip, on its own page.
    await desk.keyboard.press('Escape')
    await desk.emulateMedia({ media: 'print' })
    const pdf = await desk.pdf({ preferCSSPageSize: true })
    await desk.emulateMedia({ media: 'screen' })
    const file = info.outputPath('slip.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(text).toContain('宋雨桐')
    expect(text).toContain('第 1 次 / 共 5 次')
    expect(text).toContain('顾客签名')
    expect(text).not.toContain('疗程卡已用') // nothing of the page behind it
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n/)

    await expect(card.getByTestId('client-card-used')).toContainText('已用 1 / 共 5')
    await expect(card.getByTestId('client-card-left')).toContainText('剩 4 次')
    // The treatment is a line of her treatment record (病历档案).
    const record = desk.getByTestId('client-record-card').getByTestId('record-row')
    await expect(record).toHaveCount(1)
    await expect(record.getByTestId('record-area')).toHaveText('全脸')
    await expect(record.getByTestId('record-session')).toHaveText('1/5')
    await expect(record.getByTestId('record-doctor')).toHaveText('孙丽')
    // 打印病历: while its preview is open, printing prints the record alone (not the slip, not the page).
    await desk.getByTestId('record-print-open').click()
    await expect(desk.getByTestId('record-print-preview')).toContainText('全脸')
    await desk.emulateMedia({ media: 'print' })
    const recordPdf = await desk.pdf({ preferCSSPageSize: true })
    await desk.emulateMedia({ media: 'screen' })
    const recordFile = info.outputPath('record.pdf')
    writeFileSync(recordFile, recordPdf)
    const recordText = execFileSync('pdftotext', ['-layout', recordFile, '-']).toString()
    expect(recordText).toContain('病历档案')
    expect(recordText).toContain('宋雨桐')
    expect(recordText).toContain('全脸')
    expect(recordText).not.toContain('顾客签名')
    expect(execFileSync('pdfinfo', [recordFile]).toString()).toMatch(/Pages:\s+1\n/)
    await desk.keyboard.press('Escape')
    await desk.screenshot({ path: screenshotPath(info, 'client-cards.png') })
  })

  test('a sheet whose card has a session used is not voided; an administrator undoes the deduction with a reason', async ({ desk }) => {
    await expect(call('fees.void', { id: sheetId, reason: '顾客退款' })).rejects.toThrow('已划扣 1 次，请先撤销划扣再作废')

    await desk.goto(`${server.url}#/clients/${clientId}`)
    const card = desk.getByTestId('client-card')
    await card.getByTestId('client-card-history').click()
    const history = desk.getByTestId('card-history')
    await expect(history.getByTestId('card-deduction')).toHaveCount(1)
    await history.getByTestId('card-deduction-undo').click()
    await desk.getByTestId('reason-submit').click()
    await expect(desk.getByTestId('reason-dialog')).toBeVisible() // a reason is required
    await desk.getByTestId('reason-input').fill('护士记错了顾客')
    await desk.getByTestId('reason-submit').click()
    await expect(history.getByTestId('card-deduction-undone')).toContainText('护士记错了顾客')
    await history.getByTestId('card-history-close').click()
    await expect(card.getByTestId('client-card-used')).toContainText('已用 0 / 共 5')
    await expect(card.getByTestId('client-card-left')).toContainText('剩 5 次')
    // Once nothing is used, the sheet can be voided, and its card with it.
    await call('fees.void', { id: sheetId, reason: '顾客退款' })
    await expect(card.getByTestId('card-status')).toHaveText('已作废')
    await expect(card.getByTestId('client-card-deduct')).toHaveCount(0)
  })

  test('a top-up with its bonus pays a sheet (more than the balance refused); once paid, the desk hands her to the next nurse in one click', async ({ desk }, info) => {
    // A 充 ¥1,000 送 ¥100 rule, the nurse board open with 吴婷, the client in her consultation.
    const settings = await call<{ storedValueBonusRules: unknown[] }>('settings.get', {})
    expect(settings.storedValueBonusRules).toEqual([])
    await call('settings.update', { storedValueBonusRules: [{ minFen: 100_000, bonusFen: 10_000 }] })
    await call('rotation.open', { kind: 'nurse', memberIds: [8] })
    const visits = await call<{ id: number; clientId: number; version: number; queueNo: string }[]>('visits.ofDay', {})
    const visit = visits.find((v) => v.clientId === clientId)!
    await call('visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status: 'consulting' })

    // 充值 ¥1,000.00 by WeChat on her record: ¥100.00 is given.
    await desk.goto(`${server.url}#/clients/${clientId}`)
    await desk.getByTestId('stored-value-top-up').click()
    await desk.getByTestId('top-up-amount').fill('1000')
    await desk.getByTestId('top-up-method-wechat').click()
    await expect(desk.getByTestId('top-up-bonus')).toContainText('将赠送 ¥100.00')
    await desk.getByTestId('top-up-submit').click()
    await expect(desk.getByTestId('stored-value-balance')).toContainText('¥1,100.00')

    // A second sheet (T001 once, ¥1,280.00): ¥1,100.00 from the balance, the rest in cash; more than the balance is refused.
    const items = await call<{ id: number; code: string }[]>('prices.list', {})
    const draft = await call<{ id: number; revision: number }>('fees.create', { visitId: visit.id })
    const saved = await call<{ id: number; revision: number }>('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: items.find((i) => i.code === 'T001')!.id, quantity: 1, discount: null }] })
    const confirmed = await call<{ id: number; totals: { payable: number } }>('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
    await expect(call('fees.pay', { id: confirmed.id, payments: [{ method: 'stored_value', fen: confirmed.totals.payable }] })).rejects.toThrow('储值余额 ¥1,100.00，不足以支付 ¥1,280.00')
    await call('fees.pay', { id: confirmed.id, payments: [{ method: 'stored_value', fen: 110_000 }, { method: 'cash', fen: confirmed.totals.payable - 110_000 }] })
    await expect(desk.getByTestId('stored-value-balance')).toContainText('¥0.00')
    await expect(desk.getByTestId('stored-value-entry-kind')).toHaveText(['消费', '赠送', '充值'])
    await desk.getByTestId('client-stored-value-card').scrollIntoViewIfNeeded()
    await desk.screenshot({ path: screenshotPath(info, 'client-stored-value.png') })

    // Paid: the desk hands her to the next nurse of the nurse board in one click.
    await desk.goto(`${server.url}#/front-desk`)
    const served = desk.getByTestId('served-row').filter({ hasText: visit.queueNo })
    await served.getByTestId('nurse-hand-over').click()
    await expect(served.getByTestId('nurse-handed')).toHaveText('已交给 护士 吴婷')
    await desk.getByTestId('board-panel-nurse').click()
    await expect(desk.getByTestId('nurse-board')).toContainText('吴婷')
    await expect(desk.getByTestId('nurse-board')).toContainText(visit.queueNo)
    await desk.screenshot({ path: screenshotPath(info, 'nurse-board.png') })
  })
})
