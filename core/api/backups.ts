import { z } from 'zod'
import {
  backupFileNameSchema,
  backupPassphraseSchema,
  backupScheduleSchema,
  type BackupCheck,
  type BackupEntry,
  type BackupScheduleView,
  type BackupStatus,
  type RestoreStarted,
} from '../domain/backup.ts'
import { method } from './method.ts'

/** A passphrase typed to open one file: any length (the file says whether it is right). */
const givenPassphrase = z.string().min(1, 'validation.required').max(200, 'validation.tooLong')

/**
 * Backups and restore (issue 6). A running backup pushes change events `{ topic: 'backups', progress:
 * { phase, percent } }` while it runs, and `{ topic: 'backups' }` without progress when the list or status
 * changed (a backup finished or failed, the schedule changed): the screen re-reads then.
 * File names are names in the backup folder only (never paths).
 */
export const backupMethods = {
  /** Folder, its reachability, the last good backup, the warning due on the desk, the schedule. */
  'backups.status': method<BackupStatus>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  /** The backup files in the folder, newest first; an unreachable folder lists nothing. */
  'backups.list': method<BackupEntry[]>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  /**
   * A backup now, while the desk keeps working. Encrypted with `passphrase` if given, else as the schedule
   * says (with the stored passphrase). Old backups are pruned by the retention afterwards.
   */
  'backups.create': method<BackupEntry>()({ input: z.object({ passphrase: backupPassphraseSchema.optional() }).strict(), writes: false, permission: 'desk' }),
  /**
   * Checks a file of the folder: it is SQLite (or an encrypted backup and the passphrase is right), it is
   * this app's database, integrity_check and foreign_key_check pass, its schema is not newer than the app's.
   * A refusal is a result (`ok: false` with its reason), not an error; the result is kept as the file's last check.
   */
  'backups.verify': method<BackupCheck>()({
    input: z.object({ file: backupFileNameSchema, passphrase: givenPassphrase.optional() }).strict(),
    writes: false,
    permission: 'desk',
  }),
  /**
   * Administrator: folder (null: the default), daily time (null: none), backup on quit, retention, encryption.
   * Turning encryption on needs a passphrase (given now, or one already stored); turning it off forgets it.
   */
  'backups.setSchedule': method<BackupScheduleView>()({
    input: backupScheduleSchema.extend({ passphrase: backupPassphraseSchema.optional() }).strict(),
    writes: true,
    permission: 'admin',
  }),
  /** Desktop only: asks the operator for a folder with the system's dialog; null if cancelled. */
  'backups.chooseFolder': method<{ folder: string | null }>()({ input: z.object({}).strict(), writes: false, permission: 'admin' }),
  /**
   * Administrator: checks the file (as verify) and refuses with its reason if bad; else backs up the current
   * data (kind pre-restore), and the app closes the database, swaps the file in (the replaced database, -wal
   * and -shm are kept beside it) and restarts into the restored data.
   */
  'backups.restore': method<RestoreStarted>()({
    input: z.object({ file: backupFileNameSchema, passphrase: givenPassphrase.optional() }).strict(),
    writes: false,
    permission: 'admin',
  }),
}
