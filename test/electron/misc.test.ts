import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createChangeHub } from '../../electron/main/logic/changeHub.ts'
import { shouldExitOnUnhandled } from '../../electron/main/logic/errorPolicy.ts'
import { appPaths, userDataOverride } from '../../electron/main/logic/paths.ts'

describe('appPaths', () => {
  const mainDir = join('/app', 'out', 'main')
  it('derives every path from the main folder and userData', () => {
    expect(appPaths(mainDir, '/home/u/.config/desk', {})).toEqual({
      renderer: join('/app', 'out', 'renderer'),
      preload: join('/app', 'out', 'preload', 'index.cjs'),
      userData: '/home/u/.config/desk',
      database: join('/home/u/.config/desk', 'clinic.sqlite'),
      windowState: join('/home/u/.config/desk', 'window-state.json'),
    })
  })
  it('lets FRONT_DESK_DB override the database file', () => {
    expect(appPaths(mainDir, '/u', { FRONT_DESK_DB: '/tmp/t.sqlite' }).database).toBe('/tmp/t.sqlite')
    expect(appPaths(mainDir, '/u', { FRONT_DESK_DB: '  ' }).database).toBe(join('/u', 'clinic.sqlite'))
  })
})

describe('userDataOverride', () => {
  it('applies to an unpackaged app only', () => {
    expect(userDataOverride({ FRONT_DESK_USER_DATA: '/tmp/u' }, false)).toBe('/tmp/u')
    expect(userDataOverride({ FRONT_DESK_USER_DATA: '/tmp/u' }, true)).toBeNull()
    expect(userDataOverride({}, false)).toBeNull()
  })
})

describe('changeHub', () => {
  it('fans out to every listener, survives a throwing one, and unsubscribes', () => {
    const errors: unknown[] = []
    const hub = createChangeHub((e) => errors.push(e))
    const heard: string[] = []
    hub.subscribe(() => {
      throw new Error('boom')
    })
    const off = hub.subscribe((events) => heard.push(...events.map((e) => e.topic)))
    hub.publish([{ topic: 'settings' }, { topic: 'staff', ids: [1] }])
    hub.publish([])
    off()
    hub.publish([{ topic: 'visits' }])
    expect(heard).toEqual(['settings', 'staff'])
    expect(errors).toHaveLength(2)
  })
})

describe('shouldExitOnUnhandled', () => {
  it('ends the process in development, logs in the installed app unless asked', () => {
    expect(shouldExitOnUnhandled(false, {})).toBe(true)
    expect(shouldExitOnUnhandled(true, {})).toBe(false)
    expect(shouldExitOnUnhandled(true, { FRONT_DESK_EXIT_ON_UNHANDLED: '1' })).toBe(true)
  })
})
