// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Staff } from '../../core/domain/staff.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import SettingsView from '../../renderer/src/views/settings/index.vue'
import { createHarness, settle, staffMember, type Harness } from './setup.ts'

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
const consultant = (id: number, name: string, active = true): Staff => staffMember({ id, name, active, phone: `1380000000${id}` })

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
        consultationSupervisorId: null,
      },
    ])
  })

  it('picks the consultation supervisor among the active consultants, and clears it', async () => {
    const harness = createHarness({ staff: [consultant(1, '王静'), consultant(2, '陈主管'), consultant(3, '离职', false), { ...consultant(4, '李前台'), role: 'receptionist' }] })
    const w = await mountSettings(harness)
    const select = w.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'settings-supervisor')!
    expect(select.findAllComponents(ElOption).map((o) => o.props('label'))).toEqual(['王静', '陈主管'])
    select.vm.$emit('update:modelValue', 2)
    await settle()
    await get(w, 'settings-rotation-save').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update').at(-1)).toMatchObject({ consultationSupervisorId: 2 })
    select.vm.$emit('update:modelValue', null)
    await settle()
    await get(w, 'settings-rotation-save').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('settings.update').at(-1)).toMatchObject({ consultationSupervisorId: null })
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
