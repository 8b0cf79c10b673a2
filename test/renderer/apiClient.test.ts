// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { api, ApiCallError } from '../../renderer/src/api/client.ts'
import { describeError } from '../../renderer/src/api/notify.ts'
import { Refusal } from './fakeBridge.ts'
import { createHarness } from './setup.ts'

describe('api client', () => {
  it('returns the value of an ok envelope', async () => {
    createHarness({ settings: { clinicName: '悦美' } })
    expect((await api.call('settings.get', {})).clinicName).toBe('悦美')
  })

  it('throws an ApiCallError with code, message and fields for a refusal', async () => {
    const { bridge } = createHarness()
    bridge.handlers['staff.create'] = () =>
      new Refusal({ code: 'conflict', message: '手机号已被占用', fields: { phone: '手机号已被占用' } })
    const error = await api
      .call('staff.create', { name: '王丽', role: 'nurse', phone: '13812345678', room: '', skills: [] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiCallError)
    expect(error).toMatchObject({ code: 'conflict', message: '手机号已被占用', fields: { phone: '手机号已被占用' } })
  })

  it('says "not connected" when there is no bridge', async () => {
    createHarness({ connected: false })
    const error = await api.call('settings.get', {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'not_connected' })
    expect(describeError(error)).toBe('未连接到前台服务，操作未执行')
  })

  it('subscribes to the bridge once and hands each topic to its listeners', () => {
    const { bridge } = createHarness()
    const seen: string[] = []
    api.onChange('staff', () => seen.push('staff-a'))
    api.onChange('staff', () => seen.push('staff-b'))
    const off = api.onChange('settings', () => seen.push('settings'))
    bridge.emit({ topic: 'staff' })
    off()
    bridge.emit({ topic: 'settings' })
    bridge.emit({ topic: 'visits' })
    expect(seen).toEqual(['staff-a', 'staff-b'])
  })
})
