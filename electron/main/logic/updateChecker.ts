import {
  describePlan,
  failureText,
  planUpdates,
  samePlan,
  UPDATE_CHECK_INTERVAL_MS,
  UPDATES_OFF_POLICY,
  type UpdateFeed,
  type UpdateLogger,
  type UpdatePlan,
  type UpdateSettings,
} from './updatePlan.ts'

/** The part of electron-updater's autoUpdater this uses (the updater module adapts the real one). */
export interface UpdaterPort {
  setOptions(options: Partial<Record<'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'disableWebInstaller', boolean>>): void
  setFeedURL(feed: UpdateFeed): void
  /** Resolves with what the server has; with an update, its download runs on in `downloadPromise`. */
  checkForUpdates(): Promise<UpdateCheck | null>
}

export interface UpdateCheck {
  isUpdateAvailable?: boolean
  updateInfo?: { version?: string }
  downloadPromise?: Promise<unknown> | null
  cancellationToken?: { cancel(): void }
}

export interface UpdateCheckerDeps {
  /** The stored settings (read again on every refresh). */
  settings(): UpdateSettings
  packaged: boolean
  platform: string
  /** The updater, asked for only once updates are on (an offline clinic never loads it). */
  updater(): UpdaterPort
  logger: UpdateLogger
  setTimer?(fn: () => void, ms: number): unknown
  clearTimer?(handle: unknown): void
  /** The first check after start or after updates are turned on, so the desk opens first (default 30 s). */
  startDelayMs?: number
  /** Between two checks (default four hours). */
  intervalMs?: number
}

export interface UpdateChecker {
  start(): void
  /** Reads the settings again (they changed); applies them only if the update plan changed. */
  refresh(): void
  stop(): void
  plan(): UpdatePlan | null
}

/**
 * Checks for updates at start and every few hours while they are on, without Electron. It never throws
 * and never rejects: a failed check (no network) is one line in the log, and the next one comes on time.
 */
export function createUpdateChecker(deps: UpdateCheckerDeps): UpdateChecker {
  const { logger } = deps
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const startDelay = deps.startDelayMs ?? 30_000
  const interval = deps.intervalMs ?? UPDATE_CHECK_INTERVAL_MS
  let current: UpdatePlan | null = null
  let port: UpdaterPort | null = null
  let timer: unknown = null
  let stopped = true
  let checking = false
  let download: { cancel(): void } | null = null

  const disarm = () => {
    if (timer !== null) clearTimer(timer)
    timer = null
  }
  const arm = (ms: number) => {
    disarm()
    if (!stopped && current?.enabled) timer = setTimer(() => void check(), ms)
  }

  function read(): UpdatePlan {
    try {
      return planUpdates(deps.settings(), deps.packaged, deps.platform)
    } catch (error) {
      logger.warn('Reading the update settings failed; updates stay as they were', error)
      return current ?? { enabled: false, reason: 'off' }
    }
  }

  function apply(plan: UpdatePlan): void {
    if (samePlan(current, plan)) return
    current = plan
    logger.info(`Updates: ${describePlan(plan)}`)
    if (!plan.enabled) {
      disarm()
      if (port === null) return
      try {
        download?.cancel()
        port.setOptions(UPDATES_OFF_POLICY)
      } catch (error) {
        logger.warn(`Turning updates off failed: ${failureText(error)}`)
      }
      download = null
      return
    }
    try {
      port ??= deps.updater()
      port.setOptions(plan.policy)
      port.setFeedURL(plan.feed)
    } catch (error) {
      logger.warn(`Updates could not be set up: ${failureText(error)}`)
      disarm()
      return
    }
    arm(startDelay)
  }

  async function check(): Promise<void> {
    timer = null
    if (stopped || !current?.enabled || port === null) return
    arm(interval)
    if (checking) return
    checking = true
    try {
      const result = await port.checkForUpdates()
      if (result?.isUpdateAvailable && result.downloadPromise) {
        const version = result.updateInfo?.version ?? '?'
        download = result.cancellationToken ?? null
        logger.info(`Update ${version} found: downloading in the background`)
        result.downloadPromise.then(
          () => logger.info(`Update ${version} downloaded: it is installed when the app quits`),
          (error: unknown) => logger.warn(`Update ${version} download failed: ${failureText(error)}`),
        )
      }
    } catch (error) {
      logger.warn(`Update check failed: ${failureText(error)}`)
    } finally {
      checking = false
    }
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      apply(read())
    },
    refresh() {
      if (!stopped) apply(read())
    },
    stop() {
      stopped = true
      disarm()
      current = null // a later start applies the settings afresh
    },
    plan: () => current,
  }
}
