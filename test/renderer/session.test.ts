// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import { Refusal } from './fakeBridge.ts'
import { mountApp } from './mountApp.ts'
import { createHarness, settle, staffMember } from './setup.ts'

vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
})

const body = () => new DOMWrapper(document.body)
const admin = staffMember({ id: 1, name: '林主任', role: 'administrator', hasPin: true })
const reception = staffMember({ id: 2, name: '郑佳', role: 'receptionist', hasPin: true, phone: '13600000001' })

async function typeInto(testid: string, value: string) {
  await body().get(`[data-testid="${testid}"]`).setValue(value)
}

describe('sign-in', () => {
  it('shows only the sign-in screen while nobody is signed in, and signs in by name and PIN', async () => {
    const harness = createHarness({ operator: null, staff: [admin, reception] })
    let signedIn: Operator | null = null
    harness.bridge.handlers['session.current'] = () => ({ operator: signedIn, setupNeeded: false, demo: false, idleLockMinutes: 10 })
    harness.bridge.handlers['session.signIn'] = (input: { staffId: number; pin: string }) => {
      if (input.pin !== '1111') return { signedIn: false, reason: 'wrong_pin', attemptsLeft: 3 }
      signedIn = { id: 2, name: '郑佳', role: 'receptionist' }
      return { signedIn: true, operator: signedIn }
    }
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    expect(body().find('[data-testid="sign-in"]').exists()).toBe(true)
    expect(body().find('[data-testid="nav-front-desk"]').exists()).toBe(false)
    expect(body().findAll('[data-testid="sign-in-operator"]').map((o) => o.text())).toEqual(['林主任管理员', '郑佳前台'])

    await body().get('[data-testid="sign-in-submit"]').trigger('click')
    await settle()
    await vi.waitFor(() => expect(body().get('[data-testid="sign-in"]').text()).toContain('请先选择操作员'))

    await body().get('[data-testid="sign-in-operator"][data-staff-id="2"] input').setValue(true)
    await typeInto('sign-in-pin', '0000')
    await body().get('[data-testid="sign-in-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('session.signIn')).toEqual([{ staffId: 2, pin: '0000' }])
    await vi.waitFor(() => expect(body().get('[data-testid="sign-in"]').text()).toContain('PIN 不正确，还可再试 3 次'))

    await typeInto('sign-in-pin', '1111')
    await body().get('[data-testid="sign-in-submit"]').trigger('click')
    await settle()
    expect(body().find('[data-testid="sign-in"]').exists()).toBe(false)
    expect(body().get('[data-testid="operator-name"]').text()).toBe('郑佳')
  })

  it('shows a receptionist only their pages, and says so on an administrator page', async () => {
    const harness = createHarness({ operator: { id: 2, name: '郑佳', role: 'receptionist' } })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    const nav = body().findAll('.desk-nav a').map((a) => a.attributes('data-testid'))
    expect(nav).toEqual(['nav-front-desk', 'nav-appointments', 'nav-price-list', 'nav-reports', 'nav-marketing'])
    expect(body().get('[data-testid="not-allowed"]').text()).toContain('当前操作员（前台）不能使用此页面')
    expect(harness.bridge.callsOf('staff.create')).toEqual([])
  })

  it('returns to the sign-in screen when the main process says nobody is signed in any more', async () => {
    const harness = createHarness({ staff: [admin] })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    expect(body().find('[data-testid="sign-in"]').exists()).toBe(false)
    harness.bridge.handlers['session.current'] = () => ({ operator: null, setupNeeded: false, demo: false, idleLockMinutes: 10 })
    harness.bridge.handlers['staff.list'] = () => new Refusal({ code: 'unauthenticated', message: '请先登录' })
    harness.bridge.emit({ topic: 'staff' })
    await settle()
    expect(body().find('[data-testid="sign-in"]').exists()).toBe(true)
    // The sign-in screen is the message: no error toast.
    expect(document.querySelector('.el-message--error')?.textContent ?? '').toBe('')
  })

  it('locks after the idle time without keyboard or mouse', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const harness = createHarness({ staff: [admin] })
    harness.bridge.handlers['session.signOut'] = () => ({ signedOut: true })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    vi.advanceTimersByTime(9 * 60_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(9 * 60_000)
    expect(harness.bridge.callsOf('session.signOut')).toEqual([])
    vi.advanceTimersByTime(2 * 60_000)
    await settle()
    expect(harness.bridge.callsOf('session.signOut')).toEqual([{ reason: 'idle' }])
    expect(body().find('[data-testid="sign-in"]').exists()).toBe(true)
  })
})

describe('first-run setup', () => {
  it('is all there is until done, and shows the main process refusals on their fields', async () => {
    const harness = createHarness({ operator: null, setupNeeded: true })
    harness.bridge.handlers['setup.complete'] = () => new Refusal({ code: 'invalid_input', message: '输入有误', fields: { repeatPin: '两次输入的 PIN 不一致' } })
    ;({ wrapper } = await mountApp(harness, '/settings'))
    expect(body().find('[data-testid="setup"]').exists()).toBe(true)
    expect(body().find('[data-testid="nav-settings"]').exists()).toBe(false)
    await typeInto('setup-clinic-name', '丽颜')
    await typeInto('setup-admin-name', '林主任')
    await typeInto('setup-pin', '2468')
    await typeInto('setup-repeat-pin', '2469')
    await body().get('[data-testid="setup-submit"]').trigger('click')
    await settle()
    expect(harness.bridge.callsOf('setup.complete')).toEqual([{ clinicName: '丽颜', adminName: '林主任', pin: '2468', repeatPin: '2469' }])
    await vi.waitFor(() => expect(body().get('[data-testid="setup"]').text()).toContain('两次输入的 PIN 不一致'))

    harness.bridge.handlers['setup.complete'] = () => ({ operator: { id: 1, name: '林主任', role: 'administrator' }, setupNeeded: false, demo: false, idleLockMinutes: 10 })
    await body().get('[data-testid="setup-submit"]').trigger('click')
    await settle()
    expect(body().find('[data-testid="setup"]').exists()).toBe(false)
    expect(body().get('[data-testid="operator-name"]').text()).toBe('林主任')
  })

  it('marks a demo database on every page', async () => {
    const harness = createHarness({ demo: true })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    expect(body().get('[data-testid="demo-banner"]').text()).toContain('演示数据')
  })
})
