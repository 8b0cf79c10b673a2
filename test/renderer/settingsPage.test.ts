// @vitest-environment happy-dom
import { DOMWrapper, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountSettings(harness: Harness) {
  await useSettingsStore().init()
  wrapper = mount(SettingsView, { global: harness.global as never, attachTo: document.body })
  await settle()
  return wrapper
}

const field = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`)
const errorOf = (w: VueWrapper, testid: string) =>
  field(w, testid).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function save(w: VueWrapper) {
  await field(w, 'settings-save').trigger('click')
  await settle()
}

describe('Settings page', () => {
  it('shows the saved settings', async () => {
    const harness = createHarness({ settings: { clinicName: '美丽医美诊所', queuePrefixes: { first: 'F', returning: 'R', review: 'T' } } })
    const w = await mountSettings(harness)
    expect((field(w, 'settings-clinic-name').element as HTMLInputElement).value).toBe('美丽医美诊所')
    expect((field(w, 'settings-prefix-returning').element as HTMLInputElement).value).toBe('R')
  })

  it('refuses equal prefixes, in Chinese, and saves nothing', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    await field(w, 'settings-prefix-returning').setValue('a')
    // Typed in lower case, kept in upper case.
    expect((field(w, 'settings-prefix-returning').element as HTMLInputElement).value).toBe('A')
    await save(w)
    await vi.waitFor(() => expect(errorOf(w, 'settings-prefix-returning')).toBe('三种就诊类型的号码前缀不能相同'))
    expect(errorOf(w, 'settings-prefix-first')).toBe('三种就诊类型的号码前缀不能相同')
    expect(errorOf(w, 'settings-prefix-review')).toBe('')
    expect(harness.bridge.callsOf('settings.update')).toEqual([])
    // Making them differ again clears the complaint on both.
    await field(w, 'settings-prefix-returning').setValue('B')
    await vi.waitFor(() => expect(errorOf(w, 'settings-prefix-first')).toBe(''))
  })

  it('requires a clinic name and a plausible phone', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    await field(w, 'settings-clinic-name').setValue('  ')
    await field(w, 'settings-clinic-phone').setValue('电话')
    await save(w)
    await vi.waitFor(() => expect(errorOf(w, 'settings-clinic-name')).toBe('请输入诊所名称'))
    // Each field's message comes when its own validation settles: under load, not always in the same tick.
    await vi.waitFor(() => expect(errorOf(w, 'settings-clinic-phone')).toBe('电话只能包含数字、空格和 + - ( )'))
    expect(harness.bridge.callsOf('settings.update')).toEqual([])
  })

  it('saves the edited fields and confirms', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    await field(w, 'settings-clinic-name').setValue('上海美丽医美诊所')
    await field(w, 'settings-clinic-address').setValue('上海市徐汇区 1 号')
    await field(w, 'settings-clinic-phone').setValue('021-61234567')
    await field(w, 'settings-prefix-review').setValue('D')
    await save(w)
    expect(harness.bridge.callsOf('settings.update')).toEqual([
      {
        clinicName: '上海美丽医美诊所',
        clinicAddress: '上海市徐汇区 1 号',
        clinicPhone: '021-61234567',
        queuePrefixes: { first: 'A', returning: 'B', review: 'D' },
      },
    ])
    expect(useSettingsStore().clinicName).toBe('上海美丽医美诊所')
    await vi.waitFor(() => expect(document.body.textContent).toContain('设置已保存'))
  })

  it('puts server field errors on their fields', async () => {
    const harness = createHarness()
    harness.bridge.handlers['settings.update'] = () =>
      new Refusal({ code: 'invalid_input', message: '输入有误', fields: { 'queuePrefixes.first': '前缀为 1～2 个大写字母' } })
    const w = await mountSettings(harness)
    await field(w, 'settings-clinic-name').setValue('新名字')
    await save(w)
    await vi.waitFor(() => expect(errorOf(w, 'settings-prefix-first')).toBe('前缀为 1～2 个大写字母'))
  })

  it('follows a settings change made in another window', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    harness.settings.clinicName = '另一个窗口改的名字'
    harness.bridge.emit({ topic: 'settings' })
    await settle()
    expect((field(w, 'settings-clinic-name').element as HTMLInputElement).value).toBe('另一个窗口改的名字')
    expect(new DOMWrapper(document.documentElement).attributes('lang')).toBe('zh-CN')
  })
})
