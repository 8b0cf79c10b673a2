import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { dialog } from 'electron'
import { closeDatabase, openDatabase, type OpenedDatabase } from '../../../db/open.ts'
import { databaseErrorDialog } from '../logic/databaseErrors.ts'
import type { Logger } from './logging.ts'

/**
 * Opens the clinic database (after app ready, before any window). On any failure it shows a bilingual
 * dialog and returns null: the caller quits. openDatabase refuses a newer or foreign file before
 * writing anything and closes it again; nothing here deletes, resets or recreates data.
 */
export function enableDatabase(path: string, logger: Logger): OpenedDatabase | null {
  try {
    mkdirSync(dirname(path), { recursive: true })
    const opened = openDatabase(path)
    logger.info(`Database ${path} at schema version ${opened.schemaVersion}`)
    if (opened.migrated.length > 0) logger.info(`Migrated to ${opened.migrated.join(', ')}; snapshot: ${opened.snapshotPath ?? 'none'}`)
    return opened
  } catch (error) {
    logger.error(`Could not open the database ${path}`, error)
    const text = databaseErrorDialog(error, path)
    dialog.showMessageBoxSync({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: ['退出 / Quit'],
      defaultId: 0,
      noLink: true,
    })
    return null
  }
}

/** PRAGMA optimize, then close: on quit. */
export function disableDatabase(opened: OpenedDatabase, logger: Logger): void {
  try {
    closeDatabase(opened.db)
    logger.info('Database closed')
  } catch (error) {
    logger.error('Closing the database failed', error)
  }
}
