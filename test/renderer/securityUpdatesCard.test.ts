// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyLocale } from '../../renderer/src/i18n/index.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SecurityUpdatesCard from '../../renderer/src/views/settings/SecurityUpdatesCard.vue'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountCard(harness: Harness) {
  await useSettingsStore().init()
  wrapper = mount(SecurityUpdatesCard, { global: harness.global as never, attachTo: document.body })
  await settle()
  return wrapper
}

const get = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`)
/** The input inside a component whose root carries the testid (ElInputNumber, ElSwitch); ElInput puts it on the input. */
const input = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"] input`)
const urlError = (w: VueWrapper) =>
  get(w, 'settings-update-url').element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
async function save(w: VueWrapper) {
  await get(w, 'settings-security-save').trigger('click')
  await settle()
}

const URL_ZH = '请填写以 https:// 开头的更新服务器地址（本机测试可用 http://localhost）；开启自动更新时必填'

describe('the security and updates card', () => {
  it('shows the defaults: updates off, no server, lock after 10 minutes; nothing to save yet', async () => {
    const w = await mountCard(createHarness())
    expect(get(w, 'settings-security').text()).toContain('安全与更新')
    expect(input(w, 'settings-updates-enabled').attributes('aria-checked')).toBe('false')
    expect((get(w, 'settings-update-url').element as HTMLInputElement).value).toBe('')
    expect((input(w, 'settings-idle-lock').element as HTMLInputElement).value).toBe('10')
    expect(get(w, 'settings-security-save').attributes('disabled')).toBeDefined()
  })

  it('will not turn updates on without a server, and says so in Chinese', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    await get(w, 'settings-updates-enabled').trigger('click')
    await settle()
    await save(w)
    await vi.waitFor(() => expect(urlError(w)).toBe(URL_ZH))
    expect(harness.bridge.callsOf('settings.update')).toEqual([])
  })

  it('refuses a plain http server once the field is left', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    await get(w, 'settings-update-url').setValue('http://updates.clinic.example/')
    await get(w, 'settings-update-url').trigger('blur')
    await vi.waitFor(() => expect(urlError(w)).toBe(URL_ZH))
    await get(w, 'settings-update-url').setValue('https://updates.clinic.example/')
    await vi.waitFor(() => expect(urlError(w)).toBe(''))
  })

  it('saves the switch, the server and the lock time as one patch', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    await get(w, 'settings-updates-enabled').trigger('click')
    await get(w, 'settings-update-url').setValue('https://updates.clinic.example/front-desk/')
    await input(w, 'settings-idle-lock').setValue('30')
    await input(w, 'settings-idle-lock').trigger('change')
    await settle()
    await save(w)
    expect(harness.bridge.callsOf('settings.update')).toEqual([
      { idleLockMinutes: 30, updatesEnabled: true, updateUrl: 'https://updates.clinic.example/front-desk/' },
    ])
    await vi.waitFor(() => expect(useSettingsStore().settings).toMatchObject({ idleLockMinutes: 30, updatesEnabled: true }))
  })

  it("shows the main process's refusal on the server field", async () => {
    const harness = createHarness()
    harness.bridge.handlers['settings.update'] = () => new Refusal({ code: 'invalid_input', message: '输入有误', fields: { updateUrl: '服务器说不行' } })
    const w = await mountCard(harness)
    await get(w, 'settings-update-url').setValue('https://updates.clinic.example/')
    await settle()
    await save(w)
    await vi.waitFor(() => expect(urlError(w)).toBe('服务器说不行'))
  })

  it('is in English when the desk is', async () => {
    const harness = createHarness()
    const w = await mountCard(harness)
    applyLocale('en-US')
    await settle()
    expect(get(w, 'settings-security').text()).toContain('Security and updates')
    expect(get(w, 'settings-security').text()).toContain('Automatic updates')
  })

  it('is a card of the settings page', async () => {
    const harness = createHarness()
    await useSettingsStore().init()
    wrapper = mount(SettingsView, { global: harness.global as never, attachTo: document.body })
    await settle()
    expect(wrapper.find('[data-testid="settings-security"]').exists()).toBe(true)
  })
})
