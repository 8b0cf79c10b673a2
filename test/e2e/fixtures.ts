import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { DEMO_ADMIN } from '../../electron/api/demo/demoClinic.ts'
import { previewApi } from './previewApi.ts'

export interface Who {
  name: string
  pin: string
}

/**
 * Every desk page of `context` signs in through the real API, with a real PIN, before the app starts:
 * the tests about the desk's work need not each go through the sign-in screen (test/e2e/operators.spec.ts
 * does that through the screen). The display page never signs in, as in the app.
 * A synchronous request in an init script is the one way to finish before the app's own scripts run.
 */
export async function signInOnLoad(context: BrowserContext, who: Who = DEMO_ADMIN): Promise<void> {
  await context.addInitScript(({ name, pin }) => {
    if (!location.protocol.startsWith('http') || location.hash.startsWith('#/display')) return
    try {
      const KEY = 'frontDesk.deskSession'
      let token = sessionStorage.getItem(KEY)
      if (!token) {
        token = crypto.randomUUID()
        sessionStorage.setItem(KEY, token)
      }
      const call = (method: string, input: unknown) => {
        const request = new XMLHttpRequest()
        request.open('POST', '/api/invoke', false)
        request.setRequestHeader('content-type', 'application/json')
        request.setRequestHeader('x-desk-session', token)
        request.send(JSON.stringify({ method, input }))
        return JSON.parse(request.responseText) as { ok: boolean; value?: unknown }
      }
      const current = call('session.current', {}) as { ok: boolean; value?: { operator: unknown } }
      if (!current.ok || current.value?.operator) return
      const candidates = call('session.operators', {}) as { ok: boolean; value?: { id: number; name: string }[] }
      const staff = candidates.value?.find((candidate) => candidate.name === name)
      if (staff) call('session.signIn', { staffId: staff.id, pin })
    } catch {
      // Not a page of the preview (about:blank, a server that is down): nothing to sign in to.
    }
  }, who)
}

/**
 * The preview's API from the test process, signed in as `who` (the demo administrator by default): for a
 * test's setup only, as the desk's bridge calls it.
 */
export async function apiSession(baseUrl: string, who: Who = DEMO_ADMIN) {
  const api = previewApi(baseUrl)
  await api.signIn(who)
  return api.call
}

/** A page that fails its test on any uncaught error in the renderer (after Heynote's test-utils). */
export const test = base.extend<{ desk: Page }>({
  context: async ({ context }, use) => {
    await signInOnLoad(context)
    await use(context)
  },
  desk: async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await use(page)
    expect(errors, 'errors in the renderer').toEqual([])
  },
})

export { expect }
