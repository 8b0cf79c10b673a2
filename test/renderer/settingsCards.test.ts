// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { createHarness, settle, type Harness } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountSettings(harness: Harness) {
  await useSettingsStore().init()
  wrapper = mount(SettingsView, { global: harness.global as never, attachTo: document.body })
  await settle()
  return wrapper
}

const get = (w: VueWrapper, testid: string) => w.get(`[data-testid="${testid}"]`)

describe('settings cards', () => {
  it('saves the rotation policies as one patch, and only when something changed', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    expect(get(w, 'settings-rotation-save').attributes('disabled')).toBeDefined()
    await get(w, 'settings-rotation-mode').findAll('input[type="radio"]')[1]?.setValue(true)
    await get(w, 'settings-designated-counts').trigger('click')
    await get(w, 'settings-partner-counts').trigger('click')
    await settle()
    await get(w, 'settings-rotation-save').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update')).toEqual([
      {
        rotationPolicies: {
          rotationMode: 'fewestTurns',
          designatedCountsAsTurn: true,
          returningCountsAsTurn: false,
          returningOwnerAbsent: 'rotation',
          manualCountsAsTurn: true,
          partnerCountsAsTurn: true,
        },
        rotationOpenMode: 'signIn',
      },
    ])
  })

  it('shows an example archive number from the template as it is typed', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    await get(w, 'settings-archive-template').setValue('KH{YY}{MM}-{SEQ:4}')
    await settle()
    expect(get(w, 'settings-desk').text()).toMatch(/KH\d{4}-0042/)
    await get(w, 'settings-archive-template').setValue('KH')
    await settle()
    expect(get(w, 'settings-desk').text()).toContain('—')
  })

  it('saves the call and ticket settings as one patch', async () => {
    const harness = createHarness()
    const w = await mountSettings(harness)
    await get(w, 'settings-call-template').setValue('请 {number} 号')
    await settle()
    await get(w, 'settings-calls-save').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update')).toEqual([
      expect.objectContaining({ callTemplate: '请 {number} 号', callRepeat: 2, ticketPaper: '80mm', printTicketOnRegister: false }),
    ])
  })
})
