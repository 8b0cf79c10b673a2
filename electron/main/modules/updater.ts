// electron-updater is CommonJS and its `autoUpdater` is a getter that Node's ESM loader cannot see as a
// named export: `import { autoUpdater } from 'electron-updater'` fails when the built main script loads.
import electronUpdater from 'electron-updater'
import type { ChangeEvent } from '../../../core/api/events.ts'
import type { ClinicSettings } from '../../../core/domain/settings.ts'
import { createUpdateChecker, type UpdateChecker, type UpdaterPort } from '../logic/updateChecker.ts'
import { updaterLogger } from '../logic/updatePlan.ts'
import type { Logger } from './logging.ts'

export interface UpdaterOptions {
  settings(): Pick<ClinicSettings, 'updatesEnabled' | 'updateUrl'>
  packaged: boolean
  logger: Logger
}

export interface Updater {
  /** Hears committed changes: a change of the settings is applied at once. */
  onChanges(events: readonly ChangeEvent[]): void
  stop(): void
}

/**
 * Automatic updates from a generic server (electron-updater), off unless an administrator turns them on.
 * Downloads in the background; installs only when the app quits. The rules are in logic/updateChecker.ts.
 */
export function enableUpdater(options: UpdaterOptions): Updater {
  const { logger } = options
  const port = (): UpdaterPort => {
    // The getter makes the platform's updater (NSIS, Squirrel.Mac, AppImage, deb) on first use.
    const autoUpdater = electronUpdater.autoUpdater
    autoUpdater.logger = updaterLogger(logger)
    return {
      setOptions: (values) => void Object.assign(autoUpdater, values),
      setFeedURL: (feed) => autoUpdater.setFeedURL(feed),
      checkForUpdates: () => autoUpdater.checkForUpdates(),
    }
  }
  const checker: UpdateChecker = createUpdateChecker({
    settings: options.settings,
    packaged: options.packaged,
    platform: process.platform,
    updater: port,
    logger,
  })
  checker.start()
  return {
    onChanges(events) {
      if (events.some((e) => e.topic === 'settings')) checker.refresh()
    },
    stop: () => checker.stop(),
  }
}
