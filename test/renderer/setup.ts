import { ElLoading } from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { DEFAULT_SETTINGS, type ClinicSettings } from '../../core/domain/settings.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { SessionState } from '../../core/api/session.ts'
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
/** The operator a harness desk is signed in as: an administrator unless a test says otherwise (null: nobody). */
export const HARNESS_ADMIN: Operator = { id: 99, name: '测试管理员', role: 'administrator' }

export function createHarness(
  options: { settings?: Partial<ClinicSettings>; staff?: Staff[]; connected?: boolean; operator?: Operator | null; setupNeeded?: boolean; demo?: boolean } = {},
): Harness {
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
    'settings.setLanguage': (patch: Pick<ClinicSettings, 'language'>) => {
      Object.assign(settings, patch)
      return structuredClone(settings)
    },
    'session.operators': () => staff.filter((s) => s.active && s.hasPin).map(({ id, name, role }) => ({ id, name, role })),
    'session.current': (): SessionState => ({
      operator: options.operator === undefined ? HARNESS_ADMIN : options.operator,
      setupNeeded: options.setupNeeded ?? false,
      demo: options.demo ?? false,
      idleLockMinutes: settings.idleLockMinutes,
    }),
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
    hasPin: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  }
}

/** Lets Element Plus's async validation and the fake bridge's promises settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
