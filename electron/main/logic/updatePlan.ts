import { isUpdateUrl, type ClinicSettings } from '../../../core/domain/settings.ts'

/** How often the app asks the update server while updates are on. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60_000

/** The platforms electron-updater updates: NSIS on Windows, Squirrel.Mac (zip) on macOS, AppImage and deb on Linux. */
const UPDATABLE_PLATFORMS: readonly string[] = ['win32', 'darwin', 'linux']

/** A generic server: plain file hosting with latest.yml (latest-mac.yml, latest-linux.yml) and the installers. */
export interface UpdateFeed {
  provider: 'generic'
  url: string
}

/**
 * What the updater is told when updates are on. Updates download in the background and install only when
 * the app quits: the desk is never restarted during work, so nothing here (or anywhere) calls
 * quitAndInstall. No downgrades, no pre-releases, no web installers.
 */
export interface UpdatePolicy {
  autoDownload: true
  autoInstallOnAppQuit: true
  allowDowngrade: false
  allowPrerelease: false
  disableWebInstaller: true
}

export const UPDATE_POLICY: Readonly<UpdatePolicy> = Object.freeze({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  allowDowngrade: false,
  allowPrerelease: false,
  disableWebInstaller: true,
})

/**
 * With updates off, nothing is fetched, and an update already downloaded is not installed on quit
 * either: "off" means the installed version stays.
 */
export const UPDATES_OFF_POLICY = Object.freeze({ autoDownload: false, autoInstallOnAppQuit: false })

export type UpdateOffReason = 'off' | 'notPackaged' | 'unsupportedPlatform' | 'badUrl'

export type UpdatePlan =
  | { enabled: false; reason: UpdateOffReason }
  | { enabled: true; feed: UpdateFeed; policy: Readonly<UpdatePolicy> }

export type UpdateSettings = Pick<ClinicSettings, 'updatesEnabled' | 'updateUrl'>

/**
 * Whether this app checks for updates, and where. Only an installed (packaged) app on a platform
 * electron-updater supports, with updates turned on in the settings and a valid URL (settings are
 * validated when saved; this checks again rather than trust a stored value).
 */
export function planUpdates(settings: UpdateSettings, packaged: boolean, platform: string): UpdatePlan {
  if (!settings.updatesEnabled) return { enabled: false, reason: 'off' }
  if (!packaged) return { enabled: false, reason: 'notPackaged' }
  if (!UPDATABLE_PLATFORMS.includes(platform)) return { enabled: false, reason: 'unsupportedPlatform' }
  const url = settings.updateUrl.trim()
  if (!isUpdateUrl(url)) return { enabled: false, reason: 'badUrl' }
  return { enabled: true, feed: { provider: 'generic', url }, policy: UPDATE_POLICY }
}

/** Two plans that configure the updater alike (a settings change of other keys changes nothing). */
export function samePlan(a: UpdatePlan | null, b: UpdatePlan): boolean {
  if (a === null || a.enabled !== b.enabled) return false
  if (a.enabled && b.enabled) return a.feed.url === b.feed.url
  return !a.enabled && !b.enabled && a.reason === b.reason
}

const OFF_TEXT: Record<UpdateOffReason, string> = {
  off: 'automatic updates are off (settings)',
  notPackaged: 'automatic updates are on in the settings, but this is not an installed app: no checks',
  unsupportedPlatform: 'automatic updates are not supported on this platform',
  badUrl: 'automatic updates are on, but the update URL is not a valid https address: no checks',
}

/** One line for the log. */
export function describePlan(plan: UpdatePlan): string {
  return plan.enabled ? `automatic updates are on: ${plan.feed.url} (downloaded in the background, installed when the app quits)` : OFF_TEXT[plan.reason]
}

export interface UpdateLogger {
  info(...params: unknown[]): void
  warn(...params: unknown[]): void
  error(...params: unknown[]): void
}

/**
 * The logger handed to electron-updater: its lines are marked, and its errors are written as warnings,
 * because a failed check (an offline clinic) is expected and changes nothing at the desk.
 */
export function updaterLogger(logger: UpdateLogger): UpdateLogger & { debug(...params: unknown[]): void } {
  return {
    info: (...params) => logger.info('[updater]', ...params),
    warn: (...params) => logger.warn('[updater]', ...params),
    error: (...params) => logger.warn('[updater]', ...params),
    debug: () => undefined,
  }
}

/** A short reason of a failed check, without a stack (an offline desk logs one calm line). */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.slice(0, 300) ?? ''
}
