import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { apiSession, expect, test } from './fixtures.ts'
import { payFeeSheet, type Call } from './feeSheetApi.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * Appointments end to end (issue 8), over three days of a web preview of its own: a client booked through the
 * screen for tomorrow (a double booking warned and made anyway), confirmed on the call list the day before;
 * the next day checked in from the desk (queue number shown), consulted and paid; the plan's follow-up calls
 * then on the client's record, and the day after on the desk's list of calls due (an overdue one standing out).
 *
 * The preview has no clock of its own to set, so each day is a restart of the server (same database) with
 * `Date` moved to that day by a module loaded before the app (`--import`, in NODE_OPTIONS for the child
 * only); the browser's clock is moved with Playwright's page.clock, so "today" is one day on both sides.
 * The consultation sheet and the fee sheet are made and paid through the API (sheets.spec.ts drives those
 * screens); everything about appointments and calls goes through the screens.
 */

const CLINIC_TZ = 'Asia/Shanghai'
const DAY1 = '2026-12-03' // Thursday: the day before
const DAY2 = '2026-12-04' // Friday: the appointment
const DAY3 = '2026-12-05' // Saturday: the first follow-up call
const at = (day: string, time = '09:30') => `${day}T${time}:00+08:00`

// A clock for the preview process: `new Date()` and `Date.now()` run on from FRONT_DESK_E2E_NOW at the real rate.
const CLOCK_MODULE = join(mkdtempSync(join(tmpdir(), 'front-desk-clock-')), 'clock.mjs')
writeFileSync(
  CLOCK_MODULE,
  `const RealDate = Date
const offset = Date.parse(process.env.FRONT_DESK_E2E_NOW) - RealDate.now()
class ClockDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset)
    else super(...args)
  }
  static now() {
    return RealDate.now() + offset
  }
}
globalThis.Date = ClockDate
`,
)

/** Starts (or restarts) the preview in the clinic's zone with its clock at `iso`. */
async function startAt(server: PreviewServer, iso: string): Promise<void> {
  const saved = { TZ: process.env.TZ, NODE_OPTIONS: process.env.NODE_OPTIONS, FRONT_DESK_E2E_NOW: process.env.FRONT_DESK_E2E_NOW }
  process.env.TZ = CLINIC_TZ
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import=${pathToFileURL(CLOCK_MODULE).href}`.trim()
  process.env.FRONT_DESK_E2E_NOW = iso
  try {
    await server.start()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

/** README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); otherwise they go with the test's output. */
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

/** No passing notices in the pictures. */
async function tidyForPicture(page: Page): Promise<void> {
  await page.locator('.el-notification__closeBtn').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLElement).click()))
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
}

/** The desk warns once, a moment after it opens, when the machine has no Chinese voice: closed for the picture. */
async function tidyDeskForPicture(page: Page): Promise<void> {
  await page.locator('.el-notification').waitFor({ timeout: 4000 }).catch(() => undefined)
  await tidyForPicture(page)
  await expect(page.locator('.el-notification')).toHaveCount(0)
}

function message(page: Page, text: string): Locator {
  return page.locator('.el-message').filter({ hasText: text })
}

/** Opens an Element Plus select by its test id and picks the option with this label. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await expect(page.getByRole('option', { name: label, exact: true })).toBeHidden()
}

/** A filterable select: types, Enter takes the first match. */
async function typeInSelect(page: Page, testId: string, text: string, expected: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await expect(page.locator('.el-select-dropdown__item:visible').first()).toContainText(expected)
  await page.keyboard.press('Enter')
}

test.describe('appointments, confirmations and follow-up calls', () => {
  test.describe.configure({ mode: 'serial' })
  const server = new PreviewServer(5402)
  let guClientId = 0

  test.beforeAll(async () => {
    await startAt(server, at(DAY1))
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('1. the day before: booked through the screen (a double booking warned, then made), confirmed on the call list', async ({ desk, context }, info) => {
    test.setTimeout(120_000)
    const call: Call = await apiSession(server.url)
    // The rest of the week, through the API, for a fuller picture.
    const book = (input: object) => call('appointments.book', { durationMinutes: 60, ...input })
    await book({ newClient: { name: '陆婷', phone: '13966660002', gender: 'female' }, date: DAY2, time: '14:00', consultantId: 2, category: 'skin' })
    await book({ newClient: { name: '方圆', phone: '13966660003', gender: 'male' }, date: DAY2, time: '11:00', durationMinutes: 120, consultantId: 4, category: 'surgery' })
    await book({ newClient: { name: '许诺', phone: '13966660004', gender: 'female' }, date: DAY2, time: '16:30' })
    await book({ newClient: { name: '唐甜', phone: '13966660005', gender: 'female' }, date: DAY1, time: '15:00', consultantId: 1, category: 'injection' })
    await book({ newClient: { name: '宋佳', phone: '13966660006', gender: 'female' }, date: '2026-12-05', time: '10:00', consultantId: 3, category: 'laser' })
    await book({ newClient: { name: '白露', phone: '13966660007', gender: 'female' }, date: '2026-12-06', time: '13:30', consultantId: 1 })
    // A walk-in of today who buys a skin treatment: her next-day call will be overdue on day 3.
    await call('rotation.open', { memberIds: [1, 2, 3, 4, 5] })
    const walkIn = await call<{ visit: { id: number } }>('visits.register', { type: 'first', newClient: { name: '钟琪', phone: '13966660008', gender: 'female' }, intendedCategory: 'skin' })
    await payFeeSheet(call, walkIn.visit.id, ['T001'])

    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await desk.clock.install({ time: new Date(at(DAY1)) })
    await desk.goto(server.url + '#/appointments')
    const dayBar = desk.getByTestId('appointments-toolbar-day')
    await expect(dayBar.getByTestId('appointments-period')).toContainText('12月3日')
    await expect(desk.getByTestId('appointment-row')).toHaveCount(1) // 唐甜, today
    await dayBar.getByTestId('appointments-next').click()
    await expect(dayBar.getByTestId('appointments-period')).toContainText('12月4日')
    await expect(desk.getByTestId('appointment-row')).toHaveCount(3)

    // Alt+N: a new client, 10:30 with 王静, surgery, 双眼皮全切术.
    await desk.keyboard.press('Alt+n')
    const dialog = desk.getByTestId('booking-dialog')
    await expect(dialog).toBeVisible()
    await expect(desk.getByTestId('booking-search')).toBeFocused()
    await desk.getByTestId('booking-new-client-button').click()
    await expect(desk.getByTestId('booking-new-name')).toBeFocused()
    await desk.keyboard.type('顾晓')
    await desk.getByTestId('booking-new-phone').fill('13966660001')
    await typeInSelect(desk, 'booking-time', '10:30', '10:30')
    await choose(desk, 'booking-consultant', '王静')
    await choose(desk, 'booking-category', '手术')
    await typeInSelect(desk, 'booking-items', 'T005', '双眼皮全切术')
    await dialog.locator('.el-dialog__title').click() // closes the items' dropdown
    await expect(desk.getByTestId('booking-ends')).toHaveText('约 11:30 结束')
    await desk.getByTestId('booking-submit').click()
    await expect(message(desk, '已为 顾晓 预约 2026-12-04 10:30')).toBeVisible()
    await expect(dialog).toBeHidden()
    await expect(desk.getByTestId('appointment-row').filter({ hasText: '顾晓' })).toContainText('双眼皮全切术')

    // A second client for 王静 at the same time: the desk is warned, and books anyway.
    await desk.getByTestId('appointments-book').click()
    await desk.getByTestId('booking-new-client-button').click()
    await desk.getByTestId('booking-new-name').fill('韩雪')
    await desk.getByTestId('booking-new-phone').fill('13966660009')
    await typeInSelect(desk, 'booking-time', '10:30', '10:30')
    await choose(desk, 'booking-consultant', '王静')
    await desk.getByTestId('booking-submit').click()
    await expect(desk.getByTestId('booking-double')).toContainText('该咨询师这个时间已有预约')
    await expect(desk.getByTestId('booking-double-text')).toContainText('王静')
    await expect(desk.getByTestId('booking-double-text')).toContainText('顾晓')
    await desk.getByTestId('booking-anyway').click()
    await expect(message(desk, '已为 韩雪 预约 2026-12-04 10:30')).toBeVisible()
    const rows = desk.getByTestId('appointment-row')
    await expect(rows).toHaveCount(5)
    await expect(rows.filter({ hasText: '顾晓' }).getByTestId('appointment-clash')).toBeVisible()
    await expect(rows.filter({ hasText: '韩雪' }).getByTestId('appointment-clash')).toBeVisible()
    await tidyForPicture(desk)
    await desk.screenshot({ path: screenshotPath(info, 'appointments-day.png') })

    // The week: consultants × days, 王静 twice on Friday.
    await desk.getByRole('tab', { name: '周视图' }).click()
    const week = desk.getByTestId('appointments-week')
    await expect(week.locator('[data-testid="week-line"][data-consultant="1"] [data-day="2026-12-04"] [data-testid="week-block"]')).toHaveCount(2)
    await expect(week.locator('[data-testid="week-line"][data-consultant="none"] [data-day="2026-12-04"]')).toContainText('许诺')
    await desk.waitForTimeout(400) // the tab's underline slides over
    await desk.screenshot({ path: screenshotPath(info, 'appointments-week.png') })

    // The call list of tomorrow (the default): the text from the settings, copied; a result per call.
    await desk.getByRole('tab', { name: '二次确认' }).click()
    const lines = desk.getByTestId('confirm-line')
    await expect(lines).toHaveCount(5)
    const gu = lines.filter({ hasText: '顾晓' })
    await expect(gu.getByTestId('confirm-phone')).toHaveText('13966660001')
    await expect(gu.getByTestId('confirm-text')).toContainText('顾女士您好')
    await expect(gu.getByTestId('confirm-text')).toContainText('12月4日（周五） 10:30到店（双眼皮全切术）')
    await expect(gu.getByTestId('confirm-text')).toContainText('王静')
    await gu.getByTestId('confirm-copy').click()
    await expect.poll(() => desk.evaluate(() => navigator.clipboard.readText())).toContain('顾女士您好')
    await gu.getByTestId('confirm-result-confirmed').click()
    await expect(gu.getByTestId('confirm-last-result')).toHaveText('已确认')
    // 韩雪 cancels on the call (the double booking goes; the list keeps the open ones); 许诺 does not answer.
    await lines.filter({ hasText: '韩雪' }).getByTestId('confirm-result-cancelled').click()
    await expect(message(desk, '韩雪：要取消')).toBeVisible()
    await expect(lines).toHaveCount(4)
    await lines.filter({ hasText: '许诺' }).getByTestId('confirm-result-no_answer').click()
    await expect(lines.filter({ hasText: '许诺' }).getByTestId('confirm-last-result')).toHaveText('未接通')
    await expect(desk.getByTestId('confirm-count')).toContainText('3 个待确认')
    await tidyForPicture(desk)
    await desk.screenshot({ path: screenshotPath(info, 'appointments-confirm.png') })

    // 陆婷 wants another time: 改约 logs the call and opens the change dialog.
    await lines.filter({ hasText: '陆婷' }).getByTestId('confirm-result-changed').click()
    await expect(dialog).toContainText('改约：陆婷')
    await typeInSelect(desk, 'booking-time', '15:00', '15:00')
    await desk.getByTestId('booking-submit').click()
    await expect(message(desk, '已改约：陆婷 2026-12-04 15:00')).toBeVisible()
    await expect(lines.filter({ hasText: '陆婷' })).toContainText('15:00')

    // The day view tells what the calls did.
    await desk.getByRole('tab', { name: '日视图' }).click()
    await expect(rows.filter({ hasText: '韩雪' }).getByTestId('appointment-status')).toHaveText('已取消')
    await expect(rows.filter({ hasText: '韩雪' })).toContainText('电话确认时取消')
    await expect(rows.filter({ hasText: '顾晓' }).getByTestId('appointment-status')).toHaveText('已确认')
    await expect(rows.filter({ hasText: '顾晓' }).getByTestId('appointment-clash')).toHaveCount(0)
  })

  test('2. the day itself: checked in from the desk with its queue number, consulted, paid; the plan’s calls are on the record', async ({ desk }, info) => {
    test.setTimeout(120_000)
    await server.stop()
    await startAt(server, at(DAY2))
    const call: Call = await apiSession(server.url)
    await call('rotation.open', { memberIds: [1, 2, 3, 4, 5] })

    await desk.clock.install({ time: new Date(at(DAY2)) })
    await desk.goto(server.url + '#/front-desk')
    const panel = desk.getByTestId('desk-schedule')
    await expect(desk.getByTestId('desk-summary-appointments')).toHaveText('今日预约 4')
    await expect(desk.getByTestId('desk-summary-calls')).toHaveText('回访 1')
    const today = panel.getByTestId('desk-appointments-today')
    await expect(today.getByTestId('desk-appointment')).toHaveCount(5)
    const gu = today.getByTestId('desk-appointment').filter({ hasText: '顾晓' })
    await expect(gu.getByTestId('appointment-status')).toHaveText('已确认')
    // Found with the desk's search instead, she is pointed out as booked: the walk-in would leave her appointment open.
    await desk.getByTestId('desk-search').fill('13966660001')
    await expect(desk.getByTestId('desk-search-result')).toHaveCount(1)
    await desk.getByTestId('desk-search').press('Enter')
    await expect(desk.getByTestId('desk-booked-today')).toContainText('顾晓 今天 10:30 有预约（王静）')
    await expect(desk.getByTestId('desk-booked-today-check-in')).toBeVisible()
    await desk.screenshot({ path: screenshotPath(info, 'appointments-desk-booked.png') })
    await desk.getByTestId('desk-selected-change').click()
    await expect(desk.getByTestId('desk-booked-today')).toHaveCount(0)
    await gu.getByTestId('appointment-checkIn').click()
    await expect(panel.getByTestId('check-in-queue')).toHaveText(/^A\d{3}$/)
    const queueNo = (await panel.getByTestId('check-in-queue').textContent()) ?? ''
    await expect(panel.getByTestId('check-in-consultant')).toHaveText('分配给 王静（指定）')
    await expect(gu.getByTestId('appointment-status')).toHaveText('已到店')
    await expect(gu.getByTestId('desk-appointment-queue')).toHaveText(queueNo)
    await expect(desk.getByTestId('waiting-row').filter({ hasText: queueNo })).toContainText('王静')
    await tidyDeskForPicture(desk)
    // The desk as the receptionist sees it on a 1366×860 screen, then scrolled to the panel.
    await desk.setViewportSize({ width: 1366, height: 860 })
    await desk.evaluate(() => document.querySelector('.desk-layout__main')?.scrollTo(0, 0))
    await desk.screenshot({ path: screenshotPath(info, 'appointments-desk-1366.png') })
    await panel.scrollIntoViewIfNeeded()
    await desk.screenshot({ path: screenshotPath(info, 'appointments-desk.png') })
    await desk.setViewportSize({ width: 1440, height: 900 })

    // The consultation starts from the waiting list; the fee sheet is made and paid through the API.
    await desk.getByTestId('waiting-row').filter({ hasText: queueNo }).getByTestId('visit-action-consult').click()
    await expect(desk.getByTestId('served-row').filter({ hasText: queueNo }).getByTestId('visit-status')).toHaveText('咨询中')
    const visits = await call<{ id: number; queueNo: string; clientId: number }[]>('visits.ofDay', {})
    const visit = visits.find((v) => v.queueNo === queueNo)!
    guClientId = visit.clientId
    await payFeeSheet(call, visit.id, ['T005', 'M001'])

    // The plan of surgery from the day of payment: the next day, suture removal after 7 days, reviews after 1 and 3 months.
    await desk.goto(`${server.url}#/clients/${guClientId}`)
    const calls = desk.getByTestId('client-follow-up')
    await expect(calls).toHaveCount(4)
    await expect(calls.getByTestId('client-follow-up-due')).toHaveText(['2026-12-05', '2026-12-11', '2027-01-04', '2027-03-04'])
    await expect(calls.getByTestId('client-follow-up-label')).toHaveText(['次日回访', '拆线', '1个月复查', '3个月复查'])
    await expect(desk.getByTestId('client-appointment').first()).toContainText('2026-12-04')
    await expect(desk.getByTestId('client-appointment').first().getByTestId('appointment-status')).toHaveText('已到店')
  })

  test('3. the day after: the calls due today on the desk, the overdue one standing out; a call recorded', async ({ desk }, info) => {
    test.setTimeout(90_000)
    await server.stop()
    await startAt(server, at(DAY3))
    await desk.clock.install({ time: new Date(at(DAY3)) })
    await desk.goto(server.url + '#/front-desk')
    const panel = desk.getByTestId('desk-schedule')
    await expect(panel.getByTestId('desk-follow-ups-overdue')).toHaveText('逾期 1')
    await expect(desk.getByTestId('desk-summary-calls')).toHaveText('回访 2（逾期 1）')
    await desk.keyboard.press('Alt+y')
    await expect(panel.getByRole('tab', { selected: true })).toContainText('明日预约')
    await desk.getByTestId('desk-summary-calls').click()
    await expect(panel.getByRole('tab', { selected: true })).toContainText('今日回访')
    const rows = panel.getByTestId('follow-up-row')
    await expect(rows).toHaveCount(2)
    // 钟琪's next-day call was due on the 4th: first, red, 逾期, one day late.
    await expect(rows.nth(0)).toContainText('钟琪')
    await expect(rows.nth(0)).toHaveAttribute('data-overdue', 'true')
    await expect(rows.nth(0).getByTestId('follow-up-days')).toHaveText('已逾期 1 天')
    await expect(rows.nth(1)).toContainText('顾晓')
    await expect(rows.nth(1)).toContainText('次日回访')
    await expect(rows.nth(1).getByTestId('follow-up-overdue')).toHaveCount(0)
    await tidyDeskForPicture(desk)
    // The header stays in place: only the page scrolled to the panel.
    await expect(desk.locator('.desk-header')).toBeInViewport({ ratio: 1 })
    await expect(panel).toBeInViewport()
    await desk.screenshot({ path: screenshotPath(info, 'appointments-desk-calls.png') })

    await rows.nth(1).getByTestId('follow-up-record').click()
    const dialog = desk.getByTestId('follow-up-dialog')
    await expect(dialog.getByTestId('follow-up-dialog-phone')).toHaveText('13966660001')
    await dialog.getByTestId('follow-up-submit').click()
    await expect(dialog).toContainText('已回访请填写回访内容')
    await dialog.getByTestId('follow-up-notes').fill('术后第一天，轻微肿胀，已嘱冰敷')
    await dialog.getByTestId('follow-up-submit').click()
    await expect(message(desk, '顾晓 的回访：已回访')).toBeVisible()
    // Done: off the list of calls still to make; the overdue one stays.
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('钟琪')
    await expect(panel.getByTestId('desk-follow-ups-tab')).toContainText('今日回访 1')

    // On the record: done, with what was said.
    await desk.goto(`${server.url}#/clients/${guClientId}`)
    const first = desk.getByTestId('client-follow-up').first()
    await expect(first).toHaveAttribute('data-status', 'done')
    await expect(first).toContainText('术后第一天，轻微肿胀，已嘱冰敷')

    // The service figures of the month so far.
    await desk.goto(server.url + '#/reports')
    await desk.getByRole('tab', { name: '服务指标' }).click()
    const figures = desk.getByTestId('service-figures')
    await expect(figures.getByTestId('service-followUp').getByTestId('service-counts')).toBeVisible()
    await expect(figures.getByTestId('service-chart').locator('canvas')).toBeVisible()
    await tidyForPicture(desk)
    await desk.waitForTimeout(600) // the bars grow in
    await desk.screenshot({ path: screenshotPath(info, 'appointments-figures.png') })

    // The settings of both: the text and its preview, and the plans.
    await desk.goto(server.url + '#/settings')
    await desk.getByTestId('settings-confirmation').scrollIntoViewIfNeeded()
    await expect(desk.getByTestId('settings-confirmation-preview')).toContainText('林女士您好')
    await tidyForPicture(desk)
    await desk.screenshot({ path: screenshotPath(info, 'appointments-settings.png') })
    await desk.getByTestId('settings-follow-ups').screenshot({ path: screenshotPath(info, 'appointments-settings-plans.png') })
  })
})
