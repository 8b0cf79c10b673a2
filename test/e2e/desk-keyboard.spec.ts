import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * Every action on the desk screen can be reached with Tab alone: each visible, enabled control of the
 * navigation, the registration panel, the rotation board, the waiting list and the day's schedule
 * (appointments and follow-up calls) takes the focus at some point of a walk through the page. (The desk's shortcuts — Alt+F, Alt+N, Alt+R, Alt+A, Alt+Z, Alt+M, Alt+P — and
 * an arrival registered by keyboard alone are in desk.spec.ts.)
 */

type Envelope = { ok: true; value: unknown } | { ok: false; error: { message: string } }

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([m, i]) => window.frontDesk!.invoke(m as never, i as never) as Promise<Envelope>, [method, input] as const)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

/** Marks each visible, enabled control with an index and returns how each is named, for the report. */
async function markControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [role="button"], [role="tab"], [role="switch"], [tabindex]:not([tabindex="-1"])'
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    }
    const controls = [...document.querySelectorAll(selector)].filter((el) => {
      if (!visible(el) || (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') return false
      if (el instanceof HTMLInputElement && (el.type === 'hidden' || el.readOnly)) return false
      // An inert region (a closed drawer, say) is out of reach by design.
      if (el.closest('[inert]')) return false
      return true
    })
    // A radio group, and a tab list, is one stop of the Tab order (its checked radio, its selected tab);
    // arrow keys move inside it, as ARIA asks (the arrows in a tab list are checked below).
    const groups = new Map<string, number>()
    const named: string[] = []
    const tabLists = [...document.querySelectorAll('[role="tablist"]')]
    controls.forEach((el) => {
      const group =
        el instanceof HTMLInputElement && el.type === 'radio'
          ? `radio:${el.name || el.closest('[role="radiogroup"]')?.getAttribute('data-testid')}`
          : el.getAttribute('role') === 'tab' && el.closest('[role="tablist"]')
            ? `tablist:${tabLists.indexOf(el.closest('[role="tablist"]') as Element)}`
            : null
      const index = group && groups.has(group) ? (groups.get(group) as number) : named.length
      el.setAttribute('data-kbd-index', String(index))
      if (group && groups.has(group)) return
      if (group) groups.set(group, index)
      named.push(describe(el))
    })
    return named
    function describe(el: Element): string {
      return `${el.tagName.toLowerCase()}[data-testid=${el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? '?'}] ${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}`
    }
  })
}

test.describe('the desk by keyboard', () => {
  test('Tab reaches every control of the desk', async ({ desk }) => {
    test.setTimeout(90_000)
    await desk.setViewportSize({ width: 1366, height: 860 })
    await desk.goto('/#/front-desk')
    await invoke(desk, 'rotation.open', { memberIds: [1, 2, 3] }).catch(() => undefined) // opened by an earlier spec is fine
    const stamp = String(Date.now()).slice(-4)
    for (const [i, name] of ['键盘甲', '键盘乙', '键盘丙', '键盘丁'].entries()) {
      await invoke(desk, 'visits.register', { type: 'first', newClient: { name: `${name}${stamp}`, phone: `1396666${String((Number(stamp) + i) % 10000).padStart(4, '0')}` }, assign: i < 2 })
    }
    await desk.reload()
    await expect(desk.getByTestId('waiting-row').first()).toBeVisible()
    await expect(desk.locator('.el-loading-mask')).toHaveCount(0)

    const controls = await markControls(desk)
    expect(controls.length).toBeGreaterThan(10)
    const reached = new Set<string>()
    await desk.locator('body').click({ position: { x: 1, y: 1 } })
    for (let i = 0; i < 400 && reached.size < controls.length; i++) {
      await desk.keyboard.press('Tab')
      const index = await desk.evaluate(() => {
        let el: Element | null = document.activeElement
        while (el && !el.hasAttribute('data-kbd-index')) el = el.parentElement
        return el?.getAttribute('data-kbd-index') ?? null
      })
      if (index !== null) reached.add(index)
    }
    const missed = controls.filter((_c, index) => !reached.has(String(index)))
    expect(missed, 'controls Tab never reached').toEqual([])

    // The tabs of the day's schedule (今日预约 / 明日预约 / 今日回访): Tab reaches the selected one, the arrows the others.
    const tabs = desk.getByTestId('desk-schedule-tabs').getByRole('tab')
    await expect(tabs).toHaveCount(3)
    await tabs.first().focus()
    for (const i of [1, 2]) {
      await desk.keyboard.press('ArrowRight')
      await expect(tabs.nth(i)).toBeFocused()
    }
  })
})
