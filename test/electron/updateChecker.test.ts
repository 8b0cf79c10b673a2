import { describe, expect, it } from 'vitest'
import { createUpdateChecker, type UpdateCheck, type UpdaterPort } from '../../electron/main/logic/updateChecker.ts'
import type { UpdateSettings } from '../../electron/main/logic/updatePlan.ts'

const HOUR = 60 * 60_000
const URL_A = 'https://updates.clinic.example/a/'

/** Timers on a fake clock: `advance(ms)` runs what falls due, in order. */
function fakeTimers() {
  let now = 0
  let next = 1
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const end = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].fn()
        await new Promise((r) => setTimeout(r, 0))
      }
      now = end
    },
    pending: () => timers.size,
  }
}

function setup(initial: UpdateSettings, options: { packaged?: boolean; check?: () => Promise<UpdateCheck | null> } = {}) {
  let settings = { ...initial }
  const timers = fakeTimers()
  const log: string[] = []
  const calls: string[] = []
  let made = 0
  const port: UpdaterPort = {
    setOptions: (o) => void calls.push(`options ${JSON.stringify(o)}`),
    setFeedURL: (feed) => void calls.push(`feed ${feed.provider} ${feed.url}`),
    checkForUpdates: () => {
      calls.push('check')
      return options.check ? options.check() : Promise.resolve({ isUpdateAvailable: false })
    },
  }
  const checker = createUpdateChecker({
    settings: () => settings,
    packaged: options.packaged ?? true,
    platform: 'win32',
    updater: () => {
      made++
      return port
    },
    logger: {
      info: (...p) => log.push(`info ${p.map(String).join(' ')}`),
      warn: (...p) => log.push(`warn ${p.map(String).join(' ')}`),
      error: (...p) => log.push(`error ${p.map(String).join(' ')}`),
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    startDelayMs: 30_000,
  })
  return {
    checker,
    timers,
    log,
    calls,
    made: () => made,
    set(next: Partial<UpdateSettings>) {
      settings = { ...settings, ...next }
    },
  }
}

const checks = (calls: string[]) => calls.filter((c) => c === 'check').length

describe('createUpdateChecker', () => {
  it('with updates off, never loads the updater and never checks', async () => {
    const t = setup({ updatesEnabled: false, updateUrl: '' })
    t.checker.start()
    await t.timers.advance(24 * HOUR)
    expect(t.made()).toBe(0)
    expect(t.calls).toEqual([])
    expect(t.timers.pending()).toBe(0)
    expect(t.log).toEqual(['info Updates: automatic updates are off (settings)'])
  })

  it('with updates on, sets the feed and the policy, checks shortly after start and then every four hours', async () => {
    const t = setup({ updatesEnabled: true, updateUrl: URL_A })
    t.checker.start()
    expect(t.calls).toEqual([
      'options {"autoDownload":true,"autoInstallOnAppQuit":true,"allowDowngrade":false,"allowPrerelease":false,"disableWebInstaller":true}',
      `feed generic ${URL_A}`,
    ])
    await t.timers.advance(29_000)
    expect(checks(t.calls)).toBe(0)
    await t.timers.advance(1_000)
    expect(checks(t.calls)).toBe(1)
    await t.timers.advance(4 * HOUR - 1)
    expect(checks(t.calls)).toBe(1)
    await t.timers.advance(1)
    expect(checks(t.calls)).toBe(2)
    await t.timers.advance(8 * HOUR)
    expect(checks(t.calls)).toBe(4)
  })

  it('a development build never checks, even with updates on', async () => {
    const t = setup({ updatesEnabled: true, updateUrl: URL_A }, { packaged: false })
    t.checker.start()
    await t.timers.advance(5 * HOUR)
    expect(t.made()).toBe(0)
    expect(t.log[0]).toContain('not an installed app')
  })

  it('an offline clinic logs one line per failed check and keeps to the schedule; nothing throws', async () => {
    const t = setup({ updatesEnabled: true, updateUrl: URL_A }, { check: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED\n    at stack')) })
    t.checker.start()
    await t.timers.advance(30_000 + 4 * HOUR)
    expect(checks(t.calls)).toBe(2)
    expect(t.log.filter((l) => l.startsWith('warn'))).toEqual([
      'warn Update check failed: net::ERR_INTERNET_DISCONNECTED',
      'warn Update check failed: net::ERR_INTERNET_DISCONNECTED',
    ])
  })

  it('logs a found update, its download, and that it installs on quit; a failed download is a warning, never an unhandled rejection', async () => {
    let fail = false
    const t = setup(
      { updatesEnabled: true, updateUrl: URL_A },
      {
        check: () =>
          Promise.resolve({
            isUpdateAvailable: true,
            updateInfo: { version: '0.2.0' },
            downloadPromise: fail ? Promise.reject(new Error('sha512 checksum mismatch')) : Promise.resolve(['x.exe']),
            cancellationToken: { cancel: () => undefined },
          }),
      },
    )
    t.checker.start()
    await t.timers.advance(30_000)
    expect(t.log).toContain('info Update 0.2.0 found: downloading in the background')
    expect(t.log).toContain('info Update 0.2.0 downloaded: it is installed when the app quits')
    fail = true
    await t.timers.advance(4 * HOUR)
    expect(t.log).toContain('warn Update 0.2.0 download failed: sha512 checksum mismatch')
  })

  it('applies a settings change at once: on, a new URL, off (which also cancels a download and the install on quit)', async () => {
    let cancelled = 0
    const t = setup(
      { updatesEnabled: false, updateUrl: '' },
      {
        check: () =>
          Promise.resolve({
            isUpdateAvailable: true,
            updateInfo: { version: '0.2.0' },
            downloadPromise: new Promise<never>(() => undefined),
            cancellationToken: { cancel: () => void cancelled++ },
          }),
      },
    )
    t.checker.start()
    t.set({ updatesEnabled: true, updateUrl: URL_A })
    t.checker.refresh()
    expect(t.calls).toContain(`feed generic ${URL_A}`)
    await t.timers.advance(30_000)
    expect(checks(t.calls)).toBe(1)

    // Another key changed: nothing is re-applied, the schedule stays.
    const before = t.calls.length
    t.checker.refresh()
    expect(t.calls.length).toBe(before)

    t.set({ updateUrl: 'https://mirror.clinic.example/' })
    t.checker.refresh()
    expect(t.calls.at(-1)).toBe('feed generic https://mirror.clinic.example/')
    await t.timers.advance(30_000)
    expect(checks(t.calls)).toBe(2)

    t.set({ updatesEnabled: false })
    t.checker.refresh()
    expect(t.calls.at(-1)).toBe('options {"autoDownload":false,"autoInstallOnAppQuit":false}')
    expect(cancelled).toBe(1)
    await t.timers.advance(24 * HOUR)
    expect(checks(t.calls)).toBe(2)
    expect(t.timers.pending()).toBe(0)
    expect(t.made()).toBe(1)
  })

  it('a broken updater or unreadable settings are logged, not thrown', async () => {
    const t = setup({ updatesEnabled: true, updateUrl: URL_A })
    const broken = createUpdateChecker({
      settings: () => {
        throw new Error('database is closed')
      },
      packaged: true,
      platform: 'linux',
      updater: () => {
        throw new Error('no updater')
      },
      logger: { info: () => undefined, warn: (...p) => t.log.push(`warn ${p.map(String).join(' ')}`), error: () => undefined },
      setTimer: t.timers.setTimer,
      clearTimer: t.timers.clearTimer,
    })
    expect(() => broken.start()).not.toThrow()
    expect(broken.plan()).toEqual({ enabled: false, reason: 'off' })
    const noUpdater = createUpdateChecker({
      settings: () => ({ updatesEnabled: true, updateUrl: URL_A }),
      packaged: true,
      platform: 'linux',
      updater: () => {
        throw new Error('no updater')
      },
      logger: { info: () => undefined, warn: (...p) => t.log.push(`warn ${p.map(String).join(' ')}`), error: () => undefined },
      setTimer: t.timers.setTimer,
      clearTimer: t.timers.clearTimer,
    })
    expect(() => noUpdater.start()).not.toThrow()
    expect(t.log).toContain('warn Updates could not be set up: no updater')
    expect(t.timers.pending()).toBe(0)
  })

  it('stops checking when stopped', async () => {
    const t = setup({ updatesEnabled: true, updateUrl: URL_A })
    t.checker.start()
    t.checker.stop()
    await t.timers.advance(5 * HOUR)
    expect(checks(t.calls)).toBe(0)
  })
})
