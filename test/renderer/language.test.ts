// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  vi.restoreAllMocks()
})

const body = () => new DOMWrapper(document.body)
const text = (testid: string) => body().get(`[data-testid="${testid}"]`).text()

async function chooseLanguage(testid: string) {
  await body().get(`[data-testid="${testid}"] input`).setValue(true)
  await settle()
}

async function dialogCloseLabel(): Promise<string> {
  await body().get('[data-testid="staff-add"]').trigger('click')
  await settle()
  const label = body().get('.el-dialog__headerbtn').attributes('aria-label') ?? ''
  await body().get('[data-testid="staff-cancel"]').trigger('click')
  await settle()
  return label
}

describe('language switch', () => {
  it('starts in Chinese and switches every text to English at once, Element Plus included, and saves it', async () => {
    const harness = createHarness()
    ;({ wrapper } = await mountApp(harness, '/staff'))
    expect(text('nav-staff')).toBe('员工')
    expect(text('nav-price-list')).toBe('价目表')
    expect(text('staff-add')).toBe('添加员工')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(await dialogCloseLabel()).toBe('关闭此对话框')

    await chooseLanguage('language-switch-en-US')

    expect(harness.bridge.callsOf('settings.setLanguage')).toEqual([{ language: 'en-US' }])
    expect(text('nav-staff')).toBe('Staff')
    expect(text('nav-price-list')).toBe('Price list')
    expect(text('staff-add')).toBe('Add staff')
    expect(document.documentElement.lang).toBe('en-US')
    expect(document.title).toBe('Clinic Front Desk')
    expect(await dialogCloseLabel()).toBe('Close this dialog')
    expect(useSettingsStore().language).toBe('en-US')
  })

  it('opens in the saved language', async () => {
    const harness = createHarness({ settings: { language: 'en-US' } })
    ;({ wrapper } = await mountApp(harness, '/settings'))
    expect(text('nav-settings')).toBe('Settings')
    expect(document.documentElement.lang).toBe('en-US')
  })

  it('follows a language change broadcast by main (e.g. made in another window)', async () => {
    const harness = createHarness()
    ;({ wrapper } = await mountApp(harness, '/backups'))
    expect(text('backups-page')).toContain('备份与恢复')
    harness.settings.language = 'en-US'
    harness.bridge.emit({ topic: 'settings' })
    await settle()
    expect(text('backups-page')).toContain('Backups and restore')
  })

  it('goes back to the previous language when saving it fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const harness = createHarness()
    harness.bridge.handlers['settings.setLanguage'] = () => {
      throw new Error('bridge down')
    }
    ;({ wrapper } = await mountApp(harness, '/staff'))
    await chooseLanguage('language-switch-en-US')
    expect(text('nav-staff')).toBe('员工')
    expect(document.documentElement.lang).toBe('zh-CN')
    await vi.waitFor(() => expect(document.body.textContent).toContain('与前台服务通信失败'))
  })
})
