import { backupScheduleSchema, DEFAULT_BACKUP_SCHEDULE, type BackupSchedule } from '../core/domain/backup.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/**
 * The backup settings live in the `settings` table under keys of their own (with a dot, so they can never be
 * a clinic setting's camelCase key; readSettings ignores them and settings.update cannot write them).
 * The passphrase is kept apart from the schedule so that nothing that returns the schedule can leak it.
 */
const SCHEDULE_KEY = 'backup.schedule'
const PASSPHRASE_KEY = 'backup.passphrase'

const READ = 'SELECT value FROM settings WHERE key = ?'
const UPSERT = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`

function readKey(db: ReadableDb, key: string): unknown {
  const row = stmt(db, READ).get(key) as { value: string } | undefined
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown)
}

/** The stored schedule over the defaults; a stored value that no longer validates falls back to the defaults. */
export function readBackupSchedule(db: ReadableDb): BackupSchedule {
  const stored = readKey(db, SCHEDULE_KEY)
  if (stored === undefined) return DEFAULT_BACKUP_SCHEDULE
  const parsed = backupScheduleSchema.safeParse({ ...DEFAULT_BACKUP_SCHEDULE, ...(stored as object) })
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SCHEDULE
}

export function readBackupPassphrase(db: ReadableDb): string | null {
  const stored = readKey(db, PASSPHRASE_KEY)
  return typeof stored === 'string' && stored.length > 0 ? stored : null
}

/** Saves the schedule; `passphrase` undefined keeps the stored one, null forgets it. */
export function writeBackupSchedule(db: WritableDb, schedule: BackupSchedule, passphrase: string | null | undefined, now: string): void {
  stmt(db, UPSERT).run(SCHEDULE_KEY, JSON.stringify(backupScheduleSchema.parse(schedule)), now)
  if (passphrase === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(PASSPHRASE_KEY)
  else if (passphrase !== undefined) stmt(db, UPSERT).run(PASSPHRASE_KEY, JSON.stringify(passphrase), now)
}
