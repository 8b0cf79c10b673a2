import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { ChangeEvent } from '../../../core/api/events.ts'
import { PHOTOS_FOLDER_NAME } from '../../../core/domain/clientPhoto.ts'
import { importSnapshot, removeStalePartials } from '../../../db/backup.ts'
import { readBackupPassphrase, readBackupSchedule } from '../../../db/backupSettings.ts'
import { closeDatabase } from '../../../db/open.ts'
import type { WritableDb } from '../../../db/types.ts'
import { backupFolder, backupNow, exclusive, lastGoodBackup, swapAndRecord, takeRestoreOutcome, workDirOf } from '../../api/backupJobs.ts'
import type { BackupHost } from '../../api/context.ts'
import { createBackupScheduler, type BackupScheduler } from '../logic/backupScheduler.ts'
import type { Logger } from './logging.ts'

/** A quit waits this long at most for its backup (a partial left by a cut is removed at the next start). */
const QUIT_BACKUP_LIMIT_MS = 3 * 60_000

export interface BackupsOptions {
  db: WritableDb
  databasePath: string
  /** The copy openDatabase took before migrating, if it did: kept in the backup folder as `pre-migration`. */
  snapshotPath: string | null
  logger: Logger
  publish(events: ChangeEvent[]): void
  parentWindow(): BrowserWindow | null
  /** Stops what uses the database (IPC, the checkpointer) before a restore closes it. */
  beforeClose(): void
}

export interface Backups {
  host: BackupHost
  scheduler: BackupScheduler
  /** Hears committed changes: a new schedule is looked at at once. */
  onChanges(events: readonly ChangeEvent[]): void
}

/**
 * Backups in the desktop app: the default folder beside the database, the daily timer and the backup on
 * quit (the Electron-free scheduler), the folder dialog, and the restore: close, swap, restart.
 */
export function enableBackups(options: BackupsOptions): Backups {
  const { db, databasePath, logger, publish } = options
  const workDir = dirname(databasePath)
  const defaultFolder = join(workDir, 'backups')
  const outcomePath = join(workDir, 'restore-outcome.json')
  // The same folder index.ts hands the dispatcher (ctx.photosDir): scheduled backups store its photos too.
  const photosDir = join(workDir, PHOTOS_FOLDER_NAME)
  try {
    mkdirSync(defaultFolder, { recursive: true })
  } catch (error) {
    logger.warn(`Could not create the default backup folder ${defaultFolder}`, error)
  }
  const lastRestore = takeRestoreOutcome(outcomePath)
  if (lastRestore) logger.info(`Last restore: ${JSON.stringify(lastRestore)}`)
  let restoring = false

  const host: BackupHost = {
    defaultFolder,
    workDir,
    async chooseFolder() {
      const parent = options.parentWindow()
      const dialogOptions = { title: '选择备份文件夹 / Choose the backup folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] }
      const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async restore(job) {
      restoring = true
      scheduler.stop() // no automatic backup starts now
      logger.info(`Restoring ${job.file}: closing the database, swapping it in, restarting`)
      // After the answer has reached the window.
      setTimeout(() => {
        void (async () => {
          options.beforeClose()
          closeDatabase(db)
          const outcome = await swapAndRecord(databasePath, job, outcomePath)
          if (outcome.ok) logger.info(`Restored ${job.file}`)
          else logger.error(`Restore of ${job.file} failed; the old database is back: ${outcome.error}`)
          app.relaunch()
          app.exit(0)
        })()
      }, 300)
    },
    lastRestore: () => lastRestore,
  }

  const scheduler = createBackupScheduler({
    schedule: () => readBackupSchedule(db),
    lastGoodAt: async () => {
      const last = await lastGoodBackup(backupFolder(db, host).folder)
      return last ? new Date(last.takenAt) : null
    },
    runBackup: async (kind) => {
      try {
        const { entry, pruned } = await backupNow(db, { kind, host, now: new Date(), photosDir, onProgress: (progress) => publish([{ topic: 'backups', progress }]) })
        logger.info(`Backup ${entry.file} (${entry.sizeBytes} bytes, ${entry.photos?.stored ?? 0} photos)${pruned.length > 0 ? `; pruned ${pruned.join(', ')}` : ''}`)
        if (entry.photos && entry.photos.missing > 0) logger.warn(`Backup ${entry.file}: ${entry.photos.missing} photos missing or damaged in ${photosDir}: ${(entry.missingPhotoPaths ?? []).join(', ')}`)
      } finally {
        publish([{ topic: 'backups' }])
      }
    },
    log: (message, error) => logger.warn(message, error),
  })

  void (async () => {
    const { folder } = backupFolder(db, host)
    for (const dir of new Set([workDir, folder ?? workDir])) {
      const removed = await removeStalePartials(dir)
      if (removed.length > 0) logger.info(`Removed unfinished backup files: ${removed.join(', ')}`)
    }
    if (options.snapshotPath && folder) await keepSnapshot(options.snapshotPath, folder)
    scheduler.start()
  })()

  async function keepSnapshot(snapshot: string, folder: string): Promise<void> {
    try {
      const schedule = readBackupSchedule(db)
      const passphrase = schedule.encrypt ? readBackupPassphrase(db) : null
      const entry = await exclusive(db, () => importSnapshot(snapshot, { folder, kind: 'pre-migration', now: new Date(), passphrase, workDir: workDirOf(db, host), photosDir }))
      logger.info(`The snapshot before migrating is kept as ${entry.file}`)
    } catch (error) {
      logger.warn(`Could not keep the pre-migration snapshot in ${folder} (it stays at ${snapshot})`, error)
    }
  }

  let quitHandled = false
  app.on('before-quit', (event) => {
    if (quitHandled || restoring) return
    quitHandled = true
    event.preventDefault()
    const limit = new Promise<void>((resolve) => setTimeout(resolve, QUIT_BACKUP_LIMIT_MS).unref())
    void Promise.race([scheduler.beforeQuit(), limit]).finally(() => app.quit())
  })

  return {
    host,
    scheduler,
    onChanges(events) {
      if (events.some((e) => e.topic === 'backups' && e.progress === undefined)) scheduler.reschedule()
    },
  }
}
