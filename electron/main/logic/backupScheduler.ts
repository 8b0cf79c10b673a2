import { nextDailyRun } from '../../../core/domain/backupSchedule.ts'

/**
 * The automatic backups, without Electron: a timer for the daily backup and the backup on quit. The host
 * gives it the schedule, the last good backup and a way to run one; tests give it a clock and timers.
 * It wakes at least every `maxSleepMs` and works out the time again, so a computer that slept, a clock
 * that was changed or a new schedule never make it miss a day.
 */
export interface BackupSchedulerDeps {
  schedule(): { dailyAt: string | null; onQuit: boolean }
  lastGoodAt(): Promise<Date | null>
  runBackup(kind: 'daily' | 'quit'): Promise<void>
  log(message: string, error?: unknown): void
  now?(): Date
  setTimer?(fn: () => void, ms: number): unknown
  clearTimer?(handle: unknown): void
  /** The first look after start, so the desk opens before a catch-up backup (default one minute). */
  startDelayMs?: number
  /** Longest sleep between two looks (default five minutes). */
  maxSleepMs?: number
  /** After a failed daily backup, the next try (default fifteen minutes). */
  retryMs?: number
}

export interface BackupScheduler {
  start(): void
  /** Looks again now (the schedule changed). */
  reschedule(): void
  stop(): void
  /** The backup on quit, if the schedule wants one; waits for a running backup first. Never rejects. */
  beforeQuit(): Promise<void>
}

export function createBackupScheduler(deps: BackupSchedulerDeps): BackupScheduler {
  const now = deps.now ?? (() => new Date())
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const maxSleep = deps.maxSleepMs ?? 5 * 60_000
  const retry = deps.retryMs ?? 15 * 60_000
  let timer: unknown = null
  let stopped = true
  let running: Promise<void> | null = null
  let failedAt: number | null = null

  const arm = (ms: number) => {
    if (timer !== null) clearTimer(timer)
    timer = stopped ? null : setTimer(() => void look(), Math.max(0, Math.min(ms, maxSleep)))
  }

  async function look(): Promise<void> {
    timer = null
    if (stopped || running) return
    const { dailyAt } = deps.schedule()
    if (dailyAt === null) return arm(maxSleep)
    if (failedAt !== null && now().getTime() - failedAt < retry) return arm(retry - (now().getTime() - failedAt))
    let last: Date | null
    try {
      last = await deps.lastGoodAt()
    } catch (error) {
      deps.log('Reading the backup folder failed', error)
      last = null
    }
    if (stopped) return
    const due = nextDailyRun(now(), dailyAt, last)
    const wait = due.getTime() - now().getTime()
    if (wait > 0) return arm(wait)
    await run('daily')
    if (!stopped) arm(0)
  }

  function run(kind: 'daily' | 'quit'): Promise<void> {
    running = deps
      .runBackup(kind)
      .then(
        () => {
          failedAt = null
        },
        (error: unknown) => {
          failedAt = now().getTime()
          deps.log(`The ${kind} backup failed`, error)
        },
      )
      .finally(() => {
        running = null
      })
    return running
  }

  return {
    start() {
      stopped = false
      arm(deps.startDelayMs ?? 60_000)
    },
    reschedule() {
      failedAt = null
      if (!stopped) arm(0)
    },
    stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
    },
    async beforeQuit() {
      const wanted = deps.schedule().onQuit
      this.stop()
      if (running) await running
      if (wanted) await run('quit')
    },
  }
}
