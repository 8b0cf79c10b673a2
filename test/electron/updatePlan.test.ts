import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/domain/settings.ts'
import {
  describePlan,
  failureText,
  planUpdates,
  samePlan,
  UPDATE_CHECK_INTERVAL_MS,
  UPDATE_POLICY,
  UPDATES_OFF_POLICY,
  updaterLogger,
} from '../../electron/main/logic/updatePlan.ts'

const on = { updatesEnabled: true, updateUrl: 'https://updates.clinic.example/front-desk/' }

describe('planUpdates', () => {
  it('is off by default: a new clinic never goes online for updates', () => {
    expect(DEFAULT_SETTINGS.updatesEnabled).toBe(false)
    expect(planUpdates(DEFAULT_SETTINGS, true, 'win32')).toEqual({ enabled: false, reason: 'off' })
  })

  it('with updates on, an installed app checks the generic server of the settings', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      expect(planUpdates(on, true, platform)).toEqual({
        enabled: true,
        feed: { provider: 'generic', url: 'https://updates.clinic.example/front-desk/' },
        policy: UPDATE_POLICY,
      })
    }
  })

  it('never checks from a development build or an unsupported platform', () => {
    expect(planUpdates(on, false, 'win32')).toEqual({ enabled: false, reason: 'notPackaged' })
    expect(planUpdates(on, true, 'freebsd')).toEqual({ enabled: false, reason: 'unsupportedPlatform' })
  })

  it('checks the URL again rather than trust a stored value', () => {
    for (const updateUrl of ['', 'http://updates.clinic.example/', 'ftp://x.example/', 'https://user:pw@x.example/', 'not a url', 'file:///C:/updates/']) {
      expect(planUpdates({ updatesEnabled: true, updateUrl }, true, 'win32'), updateUrl).toEqual({ enabled: false, reason: 'badUrl' })
    }
    expect(planUpdates({ updatesEnabled: true, updateUrl: '  http://localhost:8080/  ' }, true, 'linux')).toMatchObject({
      enabled: true,
      feed: { url: 'http://localhost:8080/' },
    })
  })
})

describe('the update policy', () => {
  it('downloads in the background and installs only when the app quits', () => {
    expect(UPDATE_POLICY).toEqual({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false, disableWebInstaller: true })
    expect(Object.isFrozen(UPDATE_POLICY)).toBe(true)
  })

  it('turned off, downloads nothing and installs nothing on quit', () => {
    expect(UPDATES_OFF_POLICY).toEqual({ autoDownload: false, autoInstallOnAppQuit: false })
  })

  it('checks every four hours', () => {
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(4 * 60 * 60 * 1000)
  })

  it('is never told to quit and install: no code in the main process calls quitAndInstall', () => {
    const root = join(import.meta.dirname, '..', '..')
    for (const file of ['electron/main/modules/updater.ts', 'electron/main/logic/updateChecker.ts', 'electron/main/index.ts']) {
      const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
      expect(code, file).not.toMatch(/quitAndInstall/)
    }
  })
})

describe('samePlan and describePlan', () => {
  it('tells a changed URL or switch from an unrelated settings change', () => {
    const a = planUpdates(on, true, 'win32')
    expect(samePlan(null, a)).toBe(false)
    expect(samePlan(a, planUpdates({ ...on }, true, 'win32'))).toBe(true)
    expect(samePlan(a, planUpdates({ ...on, updateUrl: 'https://other.example/' }, true, 'win32'))).toBe(false)
    expect(samePlan(a, planUpdates({ ...on, updatesEnabled: false }, true, 'win32'))).toBe(false)
    expect(samePlan(planUpdates(DEFAULT_SETTINGS, true, 'win32'), planUpdates(DEFAULT_SETTINGS, true, 'win32'))).toBe(true)
  })

  it('says in the log what it does', () => {
    expect(describePlan(planUpdates(on, true, 'win32'))).toContain('installed when the app quits')
    expect(describePlan(planUpdates(DEFAULT_SETTINGS, true, 'win32'))).toBe('automatic updates are off (settings)')
  })
})

describe('logging', () => {
  it("writes electron-updater's errors as marked warnings (an offline check is expected)", () => {
    const lines: string[] = []
    const logger = updaterLogger({
      info: (...p) => lines.push(`info ${p.join(' ')}`),
      warn: (...p) => lines.push(`warn ${p.join(' ')}`),
      error: (...p) => lines.push(`error ${p.join(' ')}`),
    })
    logger.info('Checking for update')
    logger.error('Error: net::ERR_INTERNET_DISCONNECTED')
    logger.debug('noise')
    expect(lines).toEqual(['info [updater] Checking for update', 'warn [updater] Error: net::ERR_INTERNET_DISCONNECTED'])
  })

  it('keeps the first line of a failure, without the stack', () => {
    const error = new Error('net::ERR_NAME_NOT_RESOLVED\n    at SimpleURLLoaderWrapper.<anonymous>')
    expect(failureText(error)).toBe('net::ERR_NAME_NOT_RESOLVED')
    expect(failureText('plain')).toBe('plain')
  })
})
