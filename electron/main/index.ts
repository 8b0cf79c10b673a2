/**
 * Main process entry: a short list of small modules, each enabled with what it needs. Paths and the dev
 * server URL are worked out here, once, and passed in.
 *
 * better-sqlite3 13 ships N-API prebuilds, which load unchanged in Node and in Electron: no
 * electron-rebuild step exists or is needed.
 */
import { dirname, join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { IPC_CHANGE_CHANNEL } from '../../core/api/bridge.ts'
import { PHOTOS_FOLDER_NAME } from '../../core/domain/clientPhoto.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import { DEFAULT_LOCALE, type Locale } from '../../core/i18n/locales.ts'
import { readSettings } from '../../db/settings.ts'
import { passiveCheckpoint } from '../../db/checkpoint.ts'
import { createDispatcher } from '../api/dispatcher.ts'
import { createIdleCheckpointer } from '../api/idleCheckpoint.ts'
import { handlers } from '../api/handlers/index.ts'
import { devServerUrl } from './logic/appUrl.ts'
import { createChangeHub } from './logic/changeHub.ts'
import { appPaths, userDataOverride } from './logic/paths.ts'
import { enableBackups } from './modules/backups.ts'
import { disableDatabase, enableDatabase } from './modules/database.ts'
import { enableIpc } from './modules/ipc.ts'
import { enableCrashPolicy, enableLogging } from './modules/logging.ts'
import { enableMenu } from './modules/menu.ts'
import { enablePrinting } from './modules/printing.ts'
import { enableAppProtocol, registerAppScheme } from './modules/protocol.ts'
import { denyPermissions, enableSecurityGuards } from './modules/security.ts'
import { enableSingleInstance } from './modules/singleInstance.ts'
import { enableUpdater } from './modules/updater.ts'
import { enableWindows, type Windows } from './modules/windows.ts'

const packaged = app.isPackaged
const userData = userDataOverride(process.env, packaged)
if (userData) app.setPath('userData', userData)
const logger = enableLogging(packaged)
enableCrashPolicy(logger, packaged)

let windows: Windows | null = null
if (enableSingleInstance(() => windows?.focusDesk())) {
  const devUrl = devServerUrl(process.env.ELECTRON_RENDERER_URL, packaged)
  const paths = appPaths(import.meta.dirname, app.getPath('userData'), process.env)

  registerAppScheme()
  enableSecurityGuards(devUrl, logger)

  void app.whenReady().then(() => {
    logger.info(`Starting ${app.getName()} ${app.getVersion()} (${packaged ? 'packaged' : 'development'})`)
    denyPermissions(session.defaultSession)
    enableAppProtocol(paths.renderer, logger)

    const opened = enableDatabase(paths.database, logger)
    if (!opened) {
      app.exit(1)
      return
    }
    const { db } = opened

    const checkpointer = createIdleCheckpointer(() => {
      try {
        passiveCheckpoint(db)
      } catch (error) {
        logger.warn('Idle checkpoint failed (SQLite will checkpoint by itself)', error)
      }
    })
    const printing = enablePrinting(() => windows?.deskWindow() ?? null, logger)
    const changes = createChangeHub((error) => logger.error('A change listener failed', error))
    changes.subscribe((events) => sendToWindows(events))
    const backups = enableBackups({
      db,
      databasePath: paths.database,
      snapshotPath: opened.snapshotPath,
      logger,
      publish: (events) => changes.publish(events),
      parentWindow: () => windows?.deskWindow() ?? null,
      beforeClose: () => {
        disableIpc()
        checkpointer.stop()
      },
    })
    changes.subscribe((events) => backups.onChanges(events))
    const updater = enableUpdater({ settings: () => readSettings(db), packaged, logger })
    changes.subscribe((events) => updater.onChanges(events))
    const dispatch = createDispatcher({
      db,
      handlers,
      publish: (events) => changes.publish(events),
      appInfo: { version: app.getVersion(), preview: false },
      log: (message, error) => logger.error(message, error),
      afterWrite: () => checkpointer.touch(),
      host: {
        isDisplayOpen: () => windows?.isDisplayOpen() ?? false,
        setDisplayOpen: (open) => (open ? windows?.openDisplay() : windows?.closeDisplay()),
        printers: () => printing.printers(),
        print: (job) => printing.print(job),
        savePdf: (job) => printing.savePdf(job),
      },
      backups: backups.host,
      photosDir: join(dirname(paths.database), PHOTOS_FOLDER_NAME),
    })
    const disableIpc = enableIpc(dispatch, devUrl, logger, (id) => windows?.isDisplayContents(id) ?? false)

    const language = (): Locale => {
      try {
        return readSettings(db).language
      } catch {
        return DEFAULT_LOCALE
      }
    }
    let menu: { rebuild(): void } | null = null
    windows = enableWindows({
      preload: paths.preload,
      windowState: paths.windowState,
      devUrl,
      packaged,
      logger,
      onDeskClosed: () => app.quit(),
      onDisplayToggled: () => {
        menu?.rebuild()
        changes.publish([{ topic: 'display' }])
      },
    })
    menu = enableMenu({ language, packaged, windows })
    changes.subscribe((events) => {
      if (events.some((e) => e.topic === 'settings')) menu?.rebuild()
    })

    windows.openDesk()
    windows.openDisplayIfSecondScreen()

    app.on('window-all-closed', () => app.quit())
    app.once('will-quit', () => {
      disableIpc()
      checkpointer.stop()
      disableDatabase(opened, logger)
    })
  })
}

/** Every window hears every committed change (desk and queue display). */
function sendToWindows(events: readonly ChangeEvent[]): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (win.isDestroyed() || win.webContents.isDestroyed()) continue
    for (const event of events) win.webContents.send(IPC_CHANGE_CHANNEL, event)
  }
}
