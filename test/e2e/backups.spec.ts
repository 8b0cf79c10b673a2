import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * An administrator backs up while the desk works, changes data, restores the backup and sees the old data.
 * A preview of its own: a restore replaces the whole database, which the other specs share.
 */
const server = new PreviewServer(5393)
test.beforeAll(async () => {
  await server.start()
})
test.afterAll(async () => {
  await server.stop()
})

/** README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); otherwise they go with the test's output. */
const screenshotPath = (info: TestInfo, name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : info.outputPath(name))

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = (await page.evaluate(([m, i]) => window.frontDesk?.invoke(m as never, i as never), [method, input])) as
    | { ok: true; value: T }
    | { ok: false; error: { message: string } }
    | undefined
  if (!envelope?.ok) throw new Error(`${method}: ${envelope ? envelope.error.message : 'no bridge'}`)
  return envelope.value
}

test('back up, change data, restore: the old data is back, the replaced data is kept as a backup', async ({ desk }, info) => {
  test.setTimeout(90_000)
  await desk.goto(`${server.url}#/staff`)
  await expect(desk.getByTestId('backup-warning')).toContainText('还没有任何备份')

  await desk.getByTestId('backup-warning-open').click()
  await expect(desk.getByTestId('backups-page')).toBeVisible()
  await expect(desk.getByTestId('backup-folder')).toContainText('backups')
  await desk.getByTestId('backup-now').click()
  await expect(desk.getByTestId('backup-row')).toHaveCount(1)
  await expect(desk.getByTestId('backup-row').first().getByTestId('backup-check')).toHaveText('通过')
  await expect(desk.getByTestId('backup-last-good')).toContainText('manual')
  await expect(desk.getByTestId('backup-status-warning')).toHaveCount(0)
  await expect(desk.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
  await desk.screenshot({ path: screenshotPath(info, 'backups.png') })

  // Work goes on after the backup.
  await invoke(desk, 'staff.create', { name: '备份后入职', role: 'consultant', phone: '13800009999', room: '9', skills: [] })
  await desk.goto(`${server.url}#/staff`)
  await expect(desk.getByTestId('staff-page')).toContainText('备份后入职')

  await desk.goto(`${server.url}#/backups`)
  await desk.getByTestId('backup-row').first().getByTestId('backup-restore').click()
  await expect(desk.getByTestId('restore-dialog')).toContainText('替换当前全部数据')
  await desk.getByTestId('restore-confirm').click()
  await expect(desk.getByTestId('backup-last-restore')).toContainText('恢复成功', { timeout: 15_000 }) // after the reload

  await expect(desk.getByTestId('backup-row')).toHaveCount(2)
  await expect(desk.getByTestId('backups-page')).toContainText('恢复前')
  await desk.goto(`${server.url}#/staff`)
  await expect(desk.getByTestId('staff-page')).toContainText('王静')
  await expect(desk.getByTestId('staff-page')).not.toContainText('备份后入职')
})
