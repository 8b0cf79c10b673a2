import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import type { Page, TestInfo } from '@playwright/test'
import ExcelJS from 'exceljs'
import { apiSession, expect, test } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

// The administrator's pages over a demo clinic of their own, with a morning of visits made through the API.
const server = new PreviewServer(5392)
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

interface Visit {
  id: number
  version: number
  consultantId: number | null
}

test.beforeAll(async () => {
  await server.start()
  const call = await apiSession(server.url)
  await call('rotation.open', { kind: 'consultant', memberIds: [1, 2, 3, 4] })
  const outcomes: ('deal' | 'no_deal' | null)[] = ['deal', 'no_deal', 'deal', null]
  for (const [i, outcome] of outcomes.entries()) {
    const { visit } = await call<{ visit: Visit }>('visits.register', { newClient: { name: `报表客${i + 1}`, phone: `1391234${String(5000 + i)}` }, type: 'first' })
    const consulting = await call<Visit>('visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status: 'consulting' })
    if (outcome) await call('visits.setOutcome', { visitId: visit.id, expectedVersion: consulting.version, outcome, reason: outcome === 'no_deal' ? '考虑价格' : '' })
    if (outcome === 'deal') {
      // A confirmed fee sheet: the demo's 光子嫩肤 (T001, item 1), ¥1,280.00 a session, one or two.
      const sheet = await call<{ id: number; revision: number }>('fees.create', { visitId: visit.id })
      const saved = await call<{ id: number; revision: number }>('fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, lines: [{ itemId: 1, quantity: i + 1 }] })
      await call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
    }
  }
})
test.afterAll(async () => server.stop())

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}

test('the range report: today in figures and charts, exported to Excel', async ({ desk }, testInfo) => {
  await desk.goto(server.url + '#/reports')
  await desk.getByRole('tab', { name: '区间报表' }).click()
  const report = desk.getByTestId('range-report')
  await expect(report).toBeVisible()
  await desk.getByTestId('range-preset-day').click()
  await expect(desk.getByTestId('range-total-visits')).toHaveText('4')
  await expect(desk.getByTestId('range-total-consultations')).toHaveText('4')
  await expect(desk.getByTestId('range-total-deals')).toHaveText('2')
  await expect(desk.getByTestId('range-total-noDeals')).toHaveText('1')
  await expect(desk.getByTestId('range-total-rate')).toHaveText('50%')
  await expect(desk.getByTestId('range-total-revenue')).toHaveText('¥5,120.00')
  await expect(desk.getByTestId('range-consultant-row')).toHaveCount(4)
  // The charts are drawn (canvas) beside their tables.
  for (const chart of ['range-chart-work', 'range-chart-revenue', 'range-chart-types', 'range-chart-channels']) {
    await expect(desk.getByTestId(chart).locator('canvas').first()).toBeVisible()
  }
  expect(await seriousViolations(desk)).toEqual([])
  await desk.screenshot({ path: screenshotPath(testInfo, 'reports-range.png') })
  await desk.getByTestId('range-chart-types').scrollIntoViewIfNeeded()
  await desk.screenshot({ path: screenshotPath(testInfo, 'reports-range-charts.png') })

  const download = desk.waitForEvent('download')
  await desk.getByTestId('range-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  // exceljs types predate Node 24's Buffer generics.
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer)
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '咨询师业绩', '到店类型', '来源渠道'])
})

test('the audit log: who did what, filtered by kind and operator', async ({ desk }, testInfo) => {
  await desk.goto(server.url + '#/audit')
  await expect(desk.getByTestId('audit-page')).toBeVisible()
  const rows = desk.getByTestId('audit-row')
  await expect(rows.first()).toBeVisible()
  await expect(rows.filter({ hasText: 'visits.setOutcome' })).toHaveCount(3)
  await expect(rows.filter({ hasText: 'setup.loadDemo' })).toHaveCount(1)
  expect(await seriousViolations(desk)).toEqual([])
  await desk.screenshot({ path: screenshotPath(testInfo, 'audit.png') })

  await desk.getByTestId('audit-filter-kind').click()
  await desk.getByRole('option', { name: '登录' }).click()
  await expect(rows.first()).toBeVisible()
  for (const method of await desk.getByTestId('audit-row-method').allTextContents()) expect(method).toMatch(/^(session|setup)\./)
  await expect(desk.getByTestId('audit-row-summary').filter({ hasText: '登录：演示管理员（管理员）' }).first()).toBeVisible()
})
