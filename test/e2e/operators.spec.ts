import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

// A clinic's very first start, in the web preview: no demo, nobody signed in (this spec signs in on screen).
const server = new PreviewServer(5397, undefined, { seed: false })
test.beforeAll(async () => server.start())
test.afterAll(async () => server.stop())

const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}

async function signIn(page: Page, name: string, pin: string) {
  await page.getByTestId('sign-in-operator').filter({ hasText: name }).click()
  await page.getByTestId('sign-in-pin').fill(pin)
  await page.keyboard.press('Enter')
}

test('first run: set up the clinic, add a receptionist with a PIN, lock, switch, and what a receptionist may not do', async ({ browser }, testInfo) => {
  // A context of its own, without the suite's automatic sign-in: everything here goes through the screens.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(server.url + '#/staff')
    const setup = page.getByTestId('setup')
    await expect(setup).toBeVisible()
    await expect(page.getByTestId('nav-staff')).toHaveCount(0)
    expect(await seriousViolations(page), 'setup').toEqual([])
    await page.screenshot({ path: screenshotPath(testInfo, 'first-run-setup.png') })

    await page.getByTestId('setup-clinic-name').fill('丽颜医疗美容门诊部')
    await page.getByTestId('setup-admin-name').fill('林主任')
    await page.getByTestId('setup-pin').fill('246810')
    await page.getByTestId('setup-repeat-pin').fill('246811')
    await page.keyboard.press('Enter')
    await expect(setup).toContainText('两次输入的 PIN 不一致')
    await page.getByTestId('setup-repeat-pin').fill('246810')
    await page.getByTestId('setup-submit').click()

    // Signed in as the administrator, on the page that was asked for.
    await expect(page.getByTestId('staff-page')).toBeVisible()
    await expect(page.getByTestId('operator-name')).toHaveText('林主任')
    await expect(page.getByTestId('operator-role')).toHaveText('管理员')
    await expect(page.getByTestId('clinic-name')).toHaveText('丽颜医疗美容门诊部')
    await expect(page.getByTestId('demo-banner')).toHaveCount(0)

    // A receptionist, who can sign in once a PIN is set.
    await page.getByTestId('staff-add').click()
    const dialog = page.getByTestId('staff-dialog')
    await dialog.getByTestId('staff-name').fill('郑佳')
    await dialog.getByTestId('staff-role').click()
    await page.getByRole('option', { name: '前台' }).click()
    await dialog.getByTestId('staff-save').click()
    const row = page.getByTestId('staff-row').filter({ hasText: '郑佳' })
    await expect(row.getByTestId('staff-pin-status')).toHaveText('不能登录')
    await row.getByTestId('staff-set-pin').click()
    const pinDialog = page.getByTestId('staff-pin-dialog')
    await pinDialog.getByTestId('staff-pin-new').fill('12')
    await pinDialog.getByTestId('staff-pin-repeat').fill('12')
    await pinDialog.getByTestId('staff-pin-save').click()
    await expect(pinDialog).toContainText('PIN 为 4～12 位数字')
    await pinDialog.getByTestId('staff-pin-new').fill('1111')
    await pinDialog.getByTestId('staff-pin-repeat').fill('1111')
    await page.keyboard.press('Enter')
    await expect(pinDialog).toBeHidden()
    await expect(row.getByTestId('staff-pin-status')).toHaveText('已设置 PIN')

    // Ctrl+L locks the desk; unlocking is only the PIN, the administrator being preselected.
    await page.keyboard.press('Control+l')
    const signInScreen = page.getByTestId('sign-in')
    await expect(signInScreen).toContainText('本台已锁定')
    await expect(signInScreen).toContainText('林主任 离开了工作台')
    await expect(page.getByTestId('sign-in-pin')).toBeFocused()
    expect(await seriousViolations(page), 'sign-in').toEqual([])
    await page.screenshot({ path: screenshotPath(testInfo, 'sign-in.png') })
    await page.keyboard.type('246810')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('operator-name')).toHaveText('林主任')
    await expect(page.getByTestId('staff-page')).toBeVisible()

    // Switching: the receptionist signs in; a wrong PIN first.
    await page.getByTestId('operator-menu').click()
    await page.getByTestId('operator-switch').click()
    await expect(signInScreen).toContainText('请登录')
    await signIn(page, '郑佳', '0000')
    await expect(signInScreen).toContainText('PIN 不正确，还可再试 4 次')
    await signIn(page, '郑佳', '1111')
    await expect(page.getByTestId('operator-name')).toHaveText('郑佳')
    await expect(page.getByTestId('operator-role')).toHaveText('前台')

    // The receptionist's desk: no staff, backups or settings pages, and not by URL either.
    await expect(page.getByTestId('nav-front-desk')).toBeVisible()
    for (const hidden of ['nav-staff', 'nav-backups', 'nav-settings']) await expect(page.getByTestId(hidden)).toHaveCount(0)
    await expect(page.getByTestId('not-allowed')).toContainText('当前操作员（前台）不能使用此页面')
    await page.goto(server.url + '#/front-desk')
    await expect(page.getByTestId('not-allowed')).toHaveCount(0)
    // Even a call made by hand through the bridge is refused by the main process.
    const refused = await page.evaluate(() => window.frontDesk?.invoke('staff.create', { name: '冒名', role: 'administrator', phone: '', room: '', skills: [] }))
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: '当前操作员没有权限执行此操作' } })

    // The audit log names who did what.
    await page.keyboard.press('Control+l')
    await signIn(page, '林主任', '246810')
    await expect(page.getByTestId('operator-name')).toHaveText('林主任')
    const audit = await page.evaluate(() => window.frontDesk?.invoke('audit.list', { limit: 50 }))
    const entries = (audit as { ok: true; value: { entries: { operator: string; summary: string }[] } }).value.entries
    const lines = entries.map((e) => `${e.operator}: ${e.summary}`)
    expect(lines).toContain('郑佳: 登录失败：郑佳（前台） PIN 错误（第 1 次）')
    expect(lines).toContain('郑佳: 登录：郑佳（前台）')
    expect(lines).toContain('林主任: 设置登录 PIN：郑佳（前台） #2')
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('the desk locks itself after the idle time', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  try {
    await page.clock.install()
    await page.goto(server.url + '#/front-desk')
    await signIn(page, '林主任', '246810')
    await expect(page.getByTestId('operator-name')).toHaveText('林主任')
    // Working keeps it open...
    await page.clock.fastForward('09:00')
    await page.mouse.move(200, 200)
    await page.clock.fastForward('02:00')
    await expect(page.getByTestId('operator-name')).toHaveText('林主任')
    // ...ten quiet minutes (the default) lock it.
    await page.clock.fastForward('10:30')
    await expect(page.getByTestId('sign-in')).toContainText('本台已锁定')
  } finally {
    await context.close()
  }
})
