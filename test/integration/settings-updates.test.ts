import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()
const desk = () => openDesk(dbPathIn(tempDir()), makeClock())
const stored = (d: ReturnType<typeof desk>) =>
  d.db.prepare("SELECT key, value FROM settings WHERE key IN ('updatesEnabled', 'updateUrl', 'idleLockMinutes') ORDER BY key").all()

describe('settings.update: security and updates', () => {
  it('reads the defaults from a database that has never stored them', async () => {
    const d = desk()
    expect(await d.call('settings.get', {})).toMatchObject({ updatesEnabled: false, updateUrl: '', idleLockMinutes: 10 })
  })

  it('refuses to turn updates on without a server, on the URL field, and writes nothing', async () => {
    const d = desk()
    const error = await d.refused('settings.update', { updatesEnabled: true })
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toEqual({ updateUrl: '更新服务器地址须以 https:// 开头（本机测试可用 http://localhost），开启自动更新时必填' })
    expect(stored(d)).toEqual([])
    expect((await d.refused('settings.update', { updatesEnabled: true, updateUrl: 'http://updates.clinic.example/' })).fields).toHaveProperty('updateUrl')
  })

  it('saves a server and the switch together, then the switch alone against the stored server', async () => {
    const d = desk()
    await d.setting({ updateUrl: ' https://updates.clinic.example/front-desk/ ' })
    const saved = await d.setting({ updatesEnabled: true })
    expect(saved).toMatchObject({ updatesEnabled: true, updateUrl: 'https://updates.clinic.example/front-desk/' })
    // With updates on, the server cannot be emptied.
    expect((await d.refused('settings.update', { updateUrl: '' })).fields).toHaveProperty('updateUrl')
    expect(await d.setting({ updatesEnabled: false, updateUrl: '' })).toMatchObject({ updatesEnabled: false, updateUrl: '' })
  })

  it('keeps the idle lock between 1 and 240 minutes', async () => {
    const d = desk()
    expect(await d.setting({ idleLockMinutes: 30 })).toMatchObject({ idleLockMinutes: 30 })
    expect((await d.refused('settings.update', { idleLockMinutes: 0 })).code).toBe('invalid_input')
    expect((await d.refused('settings.update', { idleLockMinutes: 241 })).code).toBe('invalid_input')
    expect(await d.call('settings.get', {})).toMatchObject({ idleLockMinutes: 30 })
  })
})
