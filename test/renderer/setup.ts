import { ElLoading } from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { DEFAULT_SETTINGS, type ClinicSettings } from '../../core/domain/settings.ts'
import type { Staff } from '../../core/domain/staff.ts'
import { resetApiClient } from '../../renderer/src/api/client.ts'
import { applyLocale, i18n } from '../../renderer/src/i18n/index.ts'
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts'

export interface Harness {
  bridge: FakeBridge
  pinia: Pinia
  /** For `mount(..., { global: harness.global })`. */
  global: { plugins: unknown[] }
  settings: ClinicSettings
}

/** A fresh renderer world per test: Pinia, the i18n instance back in Chinese, and a fake bridge. */
export function createHarness(options: { settings?: Partial<ClinicSettings>; staff?: Staff[]; connected?: boolean } = {}): Harness {
  resetApiClient()
  applyLocale('zh-CN')
  document.body.innerHTML = ''
  const settings: ClinicSettings = { ...structuredClone(DEFAULT_SETTINGS), ...options.settings }
  const staff: Staff[] = structuredClone(options.staff ?? [])
  const bridge = createFakeBridge({
    'settings.get': () => structuredClone(settings),
    'settings.update': (patch: Partial<ClinicSettings>) => {
      Object.assign(settings, patch)
      return structuredClone(settings)
    },
    'staff.list': (input: { includeInactive?: boolean }) => staff.filter((s) => input.includeInactive || s.active),
  })
  if (options.connected === false) delete window.frontDesk
  else window.frontDesk = bridge
  const pinia = createPinia()
  setActivePinia(pinia)
  return { bridge, pinia, global: { plugins: [pinia, i18n, ElLoading] }, settings }
}

export function staffMember(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 1,
    name: '张三',
    role: 'consultant',
    phone: '13800000001',
    room: '咨询室 1',
    skills: [],
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  }
}

/** Lets Element Plus's async validation and the fake bridge's promises settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
