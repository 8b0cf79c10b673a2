import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backupWarning, parseBackupName, backupFileName } from '../../core/domain/backup.ts'
import { nextDailyRun } from '../../core/domain/backupSchedule.ts'
import { createBackupScheduler } from '../../electron/main/logic/backupScheduler.ts'

const local = (y: number, mo: number, d: number, h = 9, mi = 0) => new Date(y, mo - 1, d, h, mi, 0, 0)

describe('nextDailyRun', () => {
  it('is today’s time when it is still ahead and yesterday’s ran', () => {
    expect(nextDailyRun(local(2026, 12, 3, 9, 0), '12:30', local(2026, 12, 2, 12, 31))).toEqual(local(2026, 12, 3, 12, 30))
  })

  it('is tomorrow’s time when today’s ran', () => {
    expect(nextDailyRun(local(2026, 12, 3, 13, 0), '12:30', local(2026, 12, 3, 12, 30))).toEqual(local(2026, 12, 4, 12, 30))
  })

  it('is now when a backup time passed with no backup since (the computer was off)', () => {
    const now = local(2026, 12, 3, 14, 0)
    expect(nextDailyRun(now, '12:30', local(2026, 12, 2, 12, 30))).toEqual(now)
    expect(nextDailyRun(now, '12:30', null)).toEqual(now)
  })

  it('a quit backup after the last backup time counts: no catch-up the next morning', () => {
    expect(nextDailyRun(local(2026, 12, 4, 8, 0), '12:30', local(2026, 12, 3, 19, 5))).toEqual(local(2026, 12, 4, 12, 30))
  })

  it('crosses month and year ends', () => {
    expect(nextDailyRun(local(2026, 12, 31, 23, 0), '22:00', local(2026, 12, 31, 22, 0))).toEqual(local(2027, 1, 1, 22, 0))
  })

  it('property: the answer is now or a future backup time within a day, at HH:MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 1440 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: -3 * 1440, max: 0 })), (minute, h, m, lastOffset) => {
        const now = new Date(local(2025, 1, 1, 0, 0).getTime() + minute * 60_000)
        const at = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
        const last = lastOffset === null ? null : new Date(now.getTime() + lastOffset * 60_000)
        const next = nextDailyRun(now, at, last)
        if (next.getTime() === now.getTime()) return
        expect(next.getTime()).toBeGreaterThan(now.getTime())
        expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000)
        expect([next.getHours(), next.getMinutes()]).toEqual([h, m])
      }),
    )
  })
})

describe('backupWarning', () => {
  const now = local(2026, 12, 3, 9, 0)
  it('says what is wrong, in order: no folder, unreachable, never, older than a day', () => {
    expect(backupWarning({ folder: null, reachable: false, lastGoodAt: null, now })).toBe('no_folder')
    expect(backupWarning({ folder: '/media/usb', reachable: false, lastGoodAt: now.toISOString(), now })).toBe('folder_unreachable')
    expect(backupWarning({ folder: '/media/usb', reachable: true, lastGoodAt: null, now })).toBe('never')
    expect(backupWarning({ folder: '/media/usb', reachable: true, lastGoodAt: local(2026, 12, 2, 8, 59).toISOString(), now })).toBe('stale')
    expect(backupWarning({ folder: '/media/usb', reachable: true, lastGoodAt: local(2026, 12, 2, 9, 1).toISOString(), now })).toBeNull()
  })
})

describe('backup file names', () => {
  it('round-trip and refuse anything else (paths, other files, impossible dates)', () => {
    expect(parseBackupName(backupFileName('2026-12-03T09:30:12', 'pre-restore', true, 3))).toEqual({ localTime: '2026-12-03T09:30:12', seq: 3, kind: 'pre-restore', encrypted: true })
    for (const name of ['../clinic-2026-12-03T093012-manual.sqlite', 'clinic-2026-12-03T093012-manual.sqlite.partial', 'clinic-2026-02-30T093012-manual.sqlite', 'clinic-2026-12-03T253012-manual.sqlite', 'clinic-2026-12-03T093012-weekly.sqlite', 'backup-checks.json']) {
      expect(parseBackupName(name), name).toBeNull()
    }
  })
})

/** A scheduler on a fake clock: timers are recorded, the test fires them. */
function fakeScheduler(options: { dailyAt: string | null; onQuit?: boolean; fail?: boolean; last?: Date | null; start: Date }) {
  let clock = options.start
  let last = options.last ?? null
  const runs: { kind: string; at: Date }[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const schedule = { dailyAt: options.dailyAt, onQuit: options.onQuit ?? true }
  const scheduler = createBackupScheduler({
    schedule: () => schedule,
    lastGoodAt: async () => last,
    runBackup: async (kind) => {
      runs.push({ kind, at: clock })
      if (options.fail) throw new Error('the USB drive is out')
      last = clock
    },
    log: () => undefined,
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { fn, ms }
      timers.push(t)
      return t
    },
    clearTimer: (t) => {
      const i = timers.indexOf(t as (typeof timers)[number])
      if (i >= 0) timers.splice(i, 1)
    },
  })
  /** Advances the clock by the next timer's delay and fires it. */
  async function fire() {
    const t = timers.shift()
    if (!t) throw new Error('no timer')
    clock = new Date(clock.getTime() + t.ms)
    t.fn()
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }
  return { scheduler, runs, timers, fire, schedule, get clock() { return clock } }
}

describe('createBackupScheduler', () => {
  it('runs the daily backup at its time, waking every five minutes at most, and then waits for tomorrow', async () => {
    const s = fakeScheduler({ dailyAt: '12:30', start: local(2026, 12, 3, 12, 0), last: local(2026, 12, 2, 12, 30) })
    s.scheduler.start()
    expect(s.timers.map((t) => t.ms)).toEqual([60_000])
    for (let i = 0; i < 20 && s.runs.length === 0; i++) await s.fire()
    expect(s.runs).toEqual([{ kind: 'daily', at: local(2026, 12, 3, 12, 30) }])
    await s.fire()
    expect(s.runs).toHaveLength(1)
    expect(s.timers.every((t) => t.ms <= 5 * 60_000)).toBe(true)
    s.scheduler.stop()
    expect(s.timers).toEqual([])
  })

  it('makes up a missed day soon after start', async () => {
    const s = fakeScheduler({ dailyAt: '12:30', start: local(2026, 12, 3, 15, 0), last: local(2026, 12, 1, 12, 30) })
    s.scheduler.start()
    await s.fire()
    expect(s.runs).toEqual([{ kind: 'daily', at: local(2026, 12, 3, 15, 1) }])
  })

  it('after a failure tries again later, not in a loop', async () => {
    const s = fakeScheduler({ dailyAt: '12:30', start: local(2026, 12, 3, 15, 0), fail: true })
    s.scheduler.start()
    await s.fire()
    await s.fire()
    expect(s.runs).toHaveLength(1)
    for (let i = 0; i < 3; i++) await s.fire()
    expect(s.runs).toHaveLength(2)
    expect(s.runs[1]?.at.getTime()).toBeGreaterThanOrEqual(local(2026, 12, 3, 15, 16).getTime())
  })

  it('with no daily time runs nothing, and a backup on quit only when wanted', async () => {
    const s = fakeScheduler({ dailyAt: null, start: local(2026, 12, 3, 9, 0) })
    s.scheduler.start()
    await s.fire()
    expect(s.runs).toEqual([])
    await s.scheduler.beforeQuit()
    expect(s.runs.map((r) => r.kind)).toEqual(['quit'])
    expect(s.timers).toEqual([])

    const off = fakeScheduler({ dailyAt: '12:30', onQuit: false, start: local(2026, 12, 3, 9, 0) })
    off.scheduler.start()
    await off.scheduler.beforeQuit()
    expect(off.runs).toEqual([])
  })

  it('a failing quit backup does not stop the quit', async () => {
    const s = fakeScheduler({ dailyAt: null, start: local(2026, 12, 3, 9, 0), fail: true })
    await expect(s.scheduler.beforeQuit()).resolves.toBeUndefined()
    expect(s.runs.map((r) => r.kind)).toEqual(['quit'])
  })
})
