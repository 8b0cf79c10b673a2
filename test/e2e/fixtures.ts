import { test as base, expect, type Page } from '@playwright/test'

/** A page that fails its test on any uncaught error in the renderer (after Heynote's test-utils). */
export const test = base.extend<{ desk: Page }>({
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
