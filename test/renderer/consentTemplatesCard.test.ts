// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsentTemplate } from '../../core/domain/consent.ts'
import ConsentTemplatesCard from '../../renderer/src/views/settings/ConsentTemplatesCard.vue'
import { template } from './consents.fixtures.ts'
import { Refusal } from './fakeBridge.ts'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

const templates = (): ConsentTemplate[] => [
  template(),
  template({ key: 'injection', title: '注射美容治疗知情同意书', body: '注射正文：淤青、栓塞。', version: 3, updatedByName: '张院长' }),
]

async function mountCard(harness: Harness, list = templates()) {
  let served = list
  harness.bridge.handlers['consents.templates'] = () => served
  wrapper = mount(ConsentTemplatesCard, { global: harness.global as never, attachTo: document.body })
  await settle()
  return { w: wrapper, serve: (next: ConsentTemplate[]) => (served = next) }
}

const input = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`).element.querySelector('input, textarea') ?? w.get(`[data-testid="${testid}"]`).element
const valueOf = (w: VueWrapper, testid: string) => (input(w, testid) as HTMLInputElement).value
async function pick(w: VueWrapper, key: string) {
  await w.get('[data-testid="consent-template-key"]').trigger('click')
  await settle()
  ;(document.querySelector(`[data-testid="consent-template-key-${key}"]`) as HTMLElement).click()
  await settle()
}
async function errorOf(w: VueWrapper, testid: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 120))
  return w.get(`[data-testid="${testid}"]`).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

describe('the consent templates card', () => {
  it('shows the general template first, and another one when picked, with its version', async () => {
    const { w } = await mountCard(createHarness())
    expect(w.text()).toContain('知情同意书模板')
    expect(valueOf(w, 'consent-template-title')).toBe('治疗知情同意书')
    expect(valueOf(w, 'consent-template-body')).toBe('通用正文')
    await pick(w, 'injection')
    expect(valueOf(w, 'consent-template-title')).toBe('注射美容治疗知情同意书')
    expect(valueOf(w, 'consent-template-body')).toBe('注射正文：淤青、栓塞。')
    expect(w.get('[data-testid="consent-template-version"]').text()).toMatch(/^第 3 版 · .+ 张院长$/)
    expect(w.get('[data-testid="consent-template-save"]').attributes('disabled')).toBeDefined()
  })

  it('saves the edited title and body at the version read', async () => {
    const harness = createHarness()
    const { w } = await mountCard(harness)
    harness.bridge.handlers['consents.saveTemplate'] = (i: { key: 'injection'; title: string; body: string }) => template({ ...i, version: 4 })
    await pick(w, 'injection')
    await w.get('[data-testid="consent-template-title"]').setValue(' 注射治疗同意书 ')
    await w.get('[data-testid="consent-template-body"]').setValue('新正文\n\n顾客声明')
    await w.get('[data-testid="consent-template-save"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('consents.saveTemplate')).toEqual([{ key: 'injection', expectedVersion: 3, title: '注射治疗同意书', body: '新正文\n\n顾客声明' }])
    expect(w.get('[data-testid="consent-template-version"]').text()).toContain('第 4 版')
  })

  it('refuses an empty body on its field without calling the API', async () => {
    const harness = createHarness()
    const { w } = await mountCard(harness)
    await w.get('[data-testid="consent-template-body"]').setValue('   ')
    await w.get('[data-testid="consent-template-save"]').trigger('click')
    await settle()
    expect(await errorOf(w, 'consent-template-body')).toBe('请填写正文')
    expect(harness.bridge.callsOf('consents.saveTemplate')).toEqual([])
  })

  it('on a change from another window says so and shows the newer text', async () => {
    const harness = createHarness()
    const { w, serve } = await mountCard(harness)
    harness.bridge.handlers['consents.saveTemplate'] = () => new Refusal({ code: 'conflict', message: '「通用」同意书模板刚被其他窗口修改，请看最新内容后再保存' })
    await w.get('[data-testid="consent-template-body"]').setValue('我的修改')
    serve([template({ body: '另一窗口的正文', version: 2 }), templates()[1]!])
    await w.get('[data-testid="consent-template-save"]').trigger('click')
    await settle()
    expect(w.get('[data-testid="consent-template-error"]').text()).toBe('「通用」同意书模板刚被其他窗口修改，请看最新内容后再保存')
    expect(valueOf(w, 'consent-template-body')).toBe('另一窗口的正文')
  })
})
