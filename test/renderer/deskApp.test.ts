// @vitest-environment happy-dom
import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountApp } from './mountApp.ts'
import { createHarness } from './setup.ts'

// See elementPlus.d.ts: Element Plus's ES build breaks form validation under plain Node; use its bundle.
vi.mock('element-plus', () => import('element-plus/dist/index.full.mjs'))

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

const body = () => new DOMWrapper(document.body)

describe('desk app', () => {
  it('says so on a full page when there is no desk service (no window.frontDesk)', async () => {
    const harness = createHarness({ connected: false })
    ;({ wrapper } = await mountApp(harness, '/staff'))
    expect(body().get('[data-testid="not-connected"]').text()).toContain('未连接到前台服务')
    expect(body().find('[data-testid="nav-staff"]').exists()).toBe(false)
  })

  it('shows the clinic name from settings, the navigation and no preview tag in the product', async () => {
    const harness = createHarness({ settings: { clinicName: '悦美医疗美容门诊部' } })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    expect(body().get('[data-testid="clinic-name"]').text()).toBe('悦美医疗美容门诊部')
    const nav = ['front-desk', 'staff', 'price-list', 'reports', 'backups', 'settings'].map(
      (to) => body().get(`[data-testid="nav-${to}"]`).text(),
    )
    expect(nav).toEqual(['前台', '员工', '价目表', '报表', '备份', '设置'])
    expect(body().find('[data-testid="preview-tag"]').exists()).toBe(false)
  })

  it('marks the web preview clearly', async () => {
    const harness = createHarness()
    Object.assign(harness.bridge, { preview: true })
    ;({ wrapper } = await mountApp(harness, '/front-desk'))
    expect(body().get('[data-testid="preview-tag"]').text()).toBe('网页预览 · 非正式产品')
  })

  it('opens the backups page from the navigation', async () => {
    const harness = createHarness()
    ;({ wrapper } = await mountApp(harness, '/backups'))
    expect(body().get('[data-testid="backups-page"]').text()).toContain('备份与恢复')
  })

  it('shows the waiting-room display without the desk layout', async () => {
    const harness = createHarness({ settings: { clinicName: '悦美' } })
    ;({ wrapper } = await mountApp(harness, '/display'))
    expect(body().get('[data-testid="display-clinic-name"]').text()).toBe('悦美')
    expect(body().get('[data-testid="display"]').text()).toContain('候诊显示屏')
    expect(body().get('[data-testid="display-clock"]').text()).toMatch(/\d{2}:\d{2}:\d{2}/)
    expect(body().find('[data-testid="nav-staff"]').exists()).toBe(false)
  })
})
