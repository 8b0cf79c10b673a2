import { execFileSync } from 'node:child_process'
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { maskName } from '../../core/domain/mask.ts'
import { expect, test, signInOnLoad } from './fixtures.ts'
import { PreviewServer } from './previewServer.ts'

/**
 * Names a client could be registered under that try to be markup, or to turn text around: on the desk, the
 * client record, the waiting-room display, the fee sheet's print preview and the printed PDF, each must be
 * only text. Nothing is injected, nothing runs, no dialog opens, and a long name stays inside its box.
 */

const HOSTILE = [
  '<img src=x onerror=__pwned=1>',
  '<script>__pwned=1</script>',
  '<b onmouseover=__pwned=1>王</b>',
  '\u202e丽小张\u202c夫人', // a right-to-left override inside a name
  '&lt;李&gt; "娜" \'娜\' &amp;',
  '欧阳'.repeat(15), // 30 characters: the longest name the form takes
]

type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } }

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([m, i]) => window.frontDesk!.invoke(m as never, i as never) as Promise<Envelope>, [method, input] as const)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

/** Fails the test on a script that ran, a dialog that opened, or an element a name smuggled in. */
async function expectOnlyText(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${where}: a name's script ran`).toBeUndefined()
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onmouseover], body script:not([src])').length)
  expect(injected, `${where}: an element came from a name`).toBe(0)
}

function watch(page: Page, problems: string[]): void {
  page.on('dialog', (dialog) => {
    problems.push(`dialog on ${page.url()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`))
}

async function printedText(page: Page, info: TestInfo, name: string): Promise<string> {
  const file = info.outputPath(name)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return execFileSync('pdftotext', ['-layout', file, '-']).toString()
}

interface Visit {
  id: number
  version: number
  clientId: number
  queueNo: string
}

test.describe('hostile client names are plain text everywhere', () => {
  const server = new PreviewServer(5400)
  let context: BrowserContext | undefined
  const problems: string[] = []

  test.beforeAll(async () => {
    await server.start()
  })
  test.afterAll(async () => {
    await server.stop()
  })
  test.afterEach(async () => {
    await context?.close()
    context = undefined
    expect(problems, 'dialogs or errors in the renderer').toEqual([])
  })

  async function open(browser: Browser) {
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 } })
    await signInOnLoad(context)
    await context.addInitScript(() => {
      window.print = () => undefined
    })
    const desk = await context.newPage()
    const display = await context.newPage()
    watch(desk, problems)
    watch(display, problems)
    await desk.goto(`${server.url}#/front-desk`)
    await expect(desk.getByTestId('desk-page')).toBeVisible()
    await display.goto(`${server.url}#/display`)
    await expect(display.getByTestId('display-clinic-name')).toBeVisible()
    return { desk, display }
  }

  test('on the desk, the client record, the display, the fee sheet and its PDF', async ({ browser }, info) => {
    test.setTimeout(150_000)
    const { desk, display } = await open(browser)
    await invoke(desk, 'rotation.open', { memberIds: [1, 2, 3, 4, 5] })
    const items = await invoke<{ id: number; code: string; active: boolean }[]>(desk, 'prices.list', {})
    const item = items.find((i) => i.active)!

    for (const [index, name] of HOSTILE.entries()) {
      const { visit } = await invoke<{ visit: Visit }>(desk, 'visits.register', {
        type: 'first',
        newClient: { name, phone: `1395555${String(7000 + index)}`, gender: 'female' },
      })

      // The desk's waiting list and board show the (masked) name as text.
      await desk.goto(`${server.url}#/front-desk`)
      await expect(desk.getByTestId('visit-name').filter({ hasText: maskName(name) }).first()).toBeVisible()
      await expectOnlyText(desk, `desk, ${name}`)

      // The client record shows the whole name, as text, and the long one stays inside the page.
      await desk.goto(`${server.url}#/clients/${visit.clientId}`)
      const title = desk.getByTestId('client-page').locator('h1').first()
      await expect(title).toHaveText(name.trim())
      const page = await desk.getByTestId('client-page').boundingBox()
      const box = await title.boundingBox()
      expect(box!.x + box!.width, `${name}: the title runs out of the page`).toBeLessThanOrEqual(page!.x + page!.width + 1)
      await expectOnlyText(desk, `client record, ${name}`)

      // Called: the waiting room sees the masked name, as text.
      const called = await invoke<Visit>(desk, 'queue.call', { visitId: visit.id, expectedVersion: (await invoke<Visit[]>(desk, 'visits.ofDay', {})).find((v) => v.id === visit.id)!.version })
      expect(called.queueNo).toBe(visit.queueNo)
      await expect(display.getByTestId('display-now-name')).toHaveText(maskName(name))
      await expectOnlyText(display, `display, ${name}`)
      // Seen and gone: the consultant is free for the next name.
      const consulting = await invoke<Visit>(desk, 'visits.setStatus', { visitId: visit.id, expectedVersion: called.version, status: 'consulting' })
      await invoke(desk, 'visits.setStatus', { visitId: visit.id, expectedVersion: consulting.version, status: 'done' })
    }

    // A fee sheet of the first two names: the preview and the printed PDF hold the names as text.
    for (const name of HOSTILE.slice(0, 2)) {
      const visit = (await invoke<(Visit & { clientName: string })[]>(desk, 'visits.ofDay', {})).find((v) => v.clientName === name.trim())!
      const sheet = await invoke<{ id: number; revision: number }>(desk, 'fees.create', { visitId: visit.id })
      const draft = await invoke<{ id: number; revision: number }>(desk, 'fees.saveDraft', { id: sheet.id, expectedRevision: sheet.revision, lines: [{ itemId: item.id, quantity: 1 }] })
      await invoke(desk, 'fees.confirm', { id: draft.id, expectedRevision: draft.revision })
      await desk.goto(`${server.url}#/fee-sheets/${sheet.id}`)
      await desk.reload() // a fresh page: the previous sheet's preview is gone
      await expect(desk.getByTestId('fee-status')).toHaveText('已确认')
      await desk.getByTestId('fee-print-open').click()
      await expect(desk.getByTestId('fee-print')).toContainText(name)
      await expectOnlyText(desk, `fee sheet preview, ${name}`)
      await desk.keyboard.press('Escape')
      await expect(desk.getByTestId('fee-print-open')).toBeVisible()
      const text = await printedText(desk, info, `fee-sheet-${sheet.id}.pdf`)
      expect(text, `the printed sheet of ${name}`).toContain(name)
      await expectOnlyText(desk, `fee sheet printed, ${name}`)
    }
  })
})
