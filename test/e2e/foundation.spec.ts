import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test, signInOnLoad } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

async function addStaff(page: Page, name: string, phone: string, role = 'consultant'): Promise<void> {
  await page.getByTestId('nav-staff').click()
  await expect(page.getByTestId('staff-page')).toBeVisible()
  await page.keyboard.press('Alt+n')
  const dialog = page.getByTestId('staff-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('staff-name')).toBeFocused()
  await page.keyboard.type(name)
  await page.getByTestId('staff-role').click()
  await page.getByTestId(`staff-role-${role}`).click()
  await page.getByTestId('staff-phone').fill(phone)
  await page.getByTestId('staff-phone').press('Enter')
  await expect(dialog).toBeHidden()
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join(', ').slice(0, 200)})`)
}

test.describe('the foundation in the web preview', () => {
  test('the desk opens in Chinese, marked as the web preview, with the demo clinic', async ({ desk }) => {
    await desk.goto('/')
    await expect(desk).toHaveURL(/#\/front-desk$/)
    await expect(desk.getByTestId('preview-tag')).toHaveText('网页预览 · 非正式产品')
    await expect(desk.getByTestId('clinic-name')).toHaveText('丽颜医疗美容门诊部（演示）')
    await expect(desk.getByTestId('nav-staff')).toHaveText(/员工/)
    expect(await desk.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
  })

  test('a receptionist adds a consultant by keyboard, and it is kept after a reload', async ({ desk }) => {
    await desk.goto('/#/staff')
    await addStaff(desk, '何晓雯', '13512345678')
    const row = desk.getByTestId('staff-row').filter({ hasText: '何晓雯' })
    await expect(row).toContainText('13512345678')
    await expect(row).toContainText('咨询师')
    await desk.reload()
    await expect(desk.getByTestId('staff-row').filter({ hasText: '何晓雯' })).toHaveCount(1)
  })

  test('bad input gets a clear Chinese message and nothing is saved', async ({ desk }) => {
    await desk.goto('/#/staff')
    await expect(desk.getByTestId('staff-row').first()).toBeVisible() // count once the list is there
    const before = await desk.getByTestId('staff-row').count()
    await desk.getByTestId('staff-add').click()
    await desk.getByTestId('staff-name').fill('错号')
    await desk.getByTestId('staff-phone').fill('12345')
    await desk.getByTestId('staff-save').click()
    await expect(desk.getByTestId('staff-dialog')).toContainText('请输入正确的手机号')
    await desk.getByTestId('staff-phone').fill('13800000001') // 王静's phone in the demo clinic
    await desk.getByTestId('staff-save').click()
    await expect(desk.getByTestId('staff-dialog')).toContainText('已属于员工“王静”')
    await desk.getByTestId('staff-cancel').click()
    await expect(desk.getByTestId('staff-row')).toHaveCount(before)
  })

  test('settings are edited, shown in the header at once and kept after a reload', async ({ desk }) => {
    await desk.goto('/#/settings')
    const name = desk.getByTestId('settings-clinic-name')
    await name.fill('丽颜医美·静安店')
    await desk.getByTestId('settings-prefix-first').fill('F')
    await desk.getByTestId('settings-save').click()
    await expect(desk.getByTestId('clinic-name')).toHaveText('丽颜医美·静安店')
    await desk.reload()
    await expect(desk.getByTestId('settings-clinic-name')).toHaveValue('丽颜医美·静安店')
    await expect(desk.getByTestId('settings-prefix-first')).toHaveValue('F')
    // Equal prefixes are refused.
    await desk.getByTestId('settings-prefix-returning').fill('F')
    await desk.getByTestId('settings-save').click()
    await expect(desk.getByTestId('settings-form')).toContainText('不能相同')
    await desk.getByTestId('settings-prefix-first').fill('A')
    await desk.getByTestId('settings-prefix-returning').fill('B')
    await desk.getByTestId('settings-save').click()
  })

  test('the language switches to English everywhere and stays after a reload', async ({ desk }) => {
    await desk.goto('/#/staff')
    await desk.getByTestId('language-switch-en-US').click()
    await expect(desk.getByTestId('nav-staff')).toHaveText(/Staff/)
    await expect(desk.getByTestId('preview-tag')).toHaveText('Web preview · not the product')
    await desk.reload()
    await expect(desk.getByTestId('nav-staff')).toHaveText(/Staff/)
    expect(await desk.evaluate(() => document.documentElement.lang)).toBe('en-US')
    await desk.getByTestId('language-switch-zh-CN').click()
    await expect(desk.getByTestId('nav-staff')).toHaveText(/员工/)
  })

  test('the main screens have no serious or critical accessibility violations', async ({ desk }) => {
    for (const route of ['/#/staff', '/#/settings', '/#/front-desk', '/#/appointments', '/#/reports', '/#/price-list', '/#/backups', '/#/audit']) {
      await desk.goto(route)
      await desk.waitForLoadState('networkidle')
      // A loading mask fading out is half transparent: axe would judge its text's contrast mid-fade.
      await expect(desk.locator('.el-loading-mask')).toHaveCount(0)
      expect(await seriousViolations(desk), route).toEqual([])
    }
  })
})

test('a consultant added in the preview survives a restart of the preview', async ({ browser }) => {
  const server = new PreviewServer(5398)
  await server.start()
  try {
    const context = await browser.newContext()
    await signInOnLoad(context)
    const page = await context.newPage()
    await page.goto(server.url + '#/staff')
    await addStaff(page, '重启后仍在', '13698765432')
    await server.stop()
    await server.start()
    await page.goto(server.url + '#/staff')
    await expect(page.getByTestId('staff-row').filter({ hasText: '重启后仍在' })).toHaveCount(1)
    await context.close()
  } finally {
    await server.stop()
  }
})
