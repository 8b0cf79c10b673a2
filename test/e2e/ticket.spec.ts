import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { expect, test } from './fixtures.ts'

test('a queue ticket is printed after registration: number, type, how many ahead, nothing else on the page', async ({ desk }, info) => {
  await desk.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void ((window as unknown as { printed: number }).printed += 1)
  })
  await desk.goto('/#/front-desk')
  await desk.evaluate(async () => {
    const api = window.frontDesk
    if (!api) throw new Error('no bridge')
    await api.invoke('rotation.open', { memberIds: [1, 2] })
    const arrivals: [string, string][] = [
      ['票一', '13911110001'],
      ['票二', '13911110002'],
      ['票三', '13911110003'],
    ]
    for (const [name, phone] of arrivals) {
      await api.invoke('visits.register', { type: 'first', newClient: { name, phone } })
    }
  })
  await desk.keyboard.press('Alt+n')
  await desk.keyboard.type('赵一鸣')
  await desk.getByTestId('desk-new-phone').fill('13700001111')
  await desk.keyboard.press('Alt+r')
  await expect(desk.getByTestId('desk-result-queue')).toHaveText(/^A\d{3}$/)
  const number = (await desk.getByTestId('desk-result-queue').textContent()) ?? ''
  await desk.keyboard.press('Alt+p')
  await expect.poll(() => desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  await expect(desk.getByTestId('queue-ticket-number')).toHaveText(number)
  // Three first-visit clients came earlier today and are still waiting or called.
  await expect(desk.getByTestId('queue-ticket-ahead')).toHaveText(/前面还有 \d+ 位/)

  // What the printer gets: one small page with the ticket alone.
  await desk.evaluate(() => document.body.classList.add('is-printing-ticket'))
  await desk.emulateMedia({ media: 'print' })
  const pdf = info.outputPath('ticket.pdf')
  await desk.pdf({ path: pdf, preferCSSPageSize: true })
  if (existsSync('/usr/bin/pdftotext')) {
    const text = execFileSync('pdftotext', [pdf, '-']).toString()
    expect(text).toContain(number)
    expect(text).not.toContain('到店登记') // nothing of the desk behind it
    expect(text).not.toContain('轮牌')
    const pages = execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)?.[1]
    expect(pages).toBe('1')
  }
})
