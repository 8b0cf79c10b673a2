import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * axe on the screens reached from a visit, which foundation.spec.ts's route loop cannot open by address alone:
 * the client record, the consultation sheet and the fee sheet, each also with its print preview open.
 */

type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } }

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([m, i]) => window.frontDesk!.invoke(m as never, i as never) as Promise<Envelope>, [method, input] as const)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator('.el-loading-mask')).toHaveCount(0)
  // A dialog still fading in is half transparent: axe would judge its text's contrast mid-fade.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ').slice(0, 200)})`)
}

test('the client record, the consultation sheet and the fee sheet have no serious accessibility violation', async ({ desk }) => {
  test.setTimeout(90_000)
  await desk.goto('/#/front-desk')
  const phone = `1397777${String(Date.now()).slice(-4)}`
  const { visit } = await invoke<{ visit: { id: number; clientId: number } }>(desk, 'visits.register', { type: 'first', newClient: { name: '无障碍', phone }, assign: false })
  const items = await invoke<{ id: number; active: boolean }[]>(desk, 'prices.list', {})
  const sheet = await invoke<{ id: number; revision: number }>(desk, 'fees.create', { visitId: visit.id })
  await invoke(desk, 'fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, lines: [{ itemId: items.find((i) => i.active)!.id, quantity: 1 }] })

  const screens: [string, string, string | null][] = [
    ['client record', `/#/clients/${visit.clientId}`, null],
    ['consultation sheet', `/#/visits/${visit.id}/consultation`, 'consultation-print-open'],
    ['fee sheet', `/#/fee-sheets/${sheet.id}`, 'fee-print-open'],
  ]
  for (const [label, route, preview] of screens) {
    await desk.goto(route)
    await desk.reload()
    await expect(desk.locator('main, [data-testid$="-page"]').first()).toBeVisible()
    expect(await seriousViolations(desk), label).toEqual([])
    if (preview) {
      await desk.getByTestId(preview).click()
      await expect(desk.locator('.el-dialog')).toBeVisible()
      expect(await seriousViolations(desk), `${label}, print preview`).toEqual([])
    }
  }
})
