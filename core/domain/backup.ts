import { z } from 'zod'
import type { StaffRole } from './staff.ts'

/**
 * Backups of the clinic database (DOMAIN.md "Backups"). A backup file in the folder is complete by
 * construction (written as `.partial`, checked, fsynced, renamed); its name says when and why it was taken.
 */

/** Why a backup was taken. `pre-restore` and `pre-migration` are safety copies with their own retention. */
export const BACKUP_KINDS = ['manual', 'daily', 'quit', 'pre-migration', 'pre-restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** Kinds retention keeps by day, week and month. */
export const REGULAR_BACKUP_KINDS: readonly BackupKind[] = ['manual', 'daily', 'quit']
/** Kinds retention keeps by their own count, outside the day/week/month buckets. */
export const SAFETY_BACKUP_KINDS: readonly BackupKind[] = ['pre-migration', 'pre-restore']

/** Why a backup file was refused by a check: each has its own message (core/i18n/backupMessages.ts). */
export const BACKUP_REFUSALS = [
  /** Not an SQLite file nor an encrypted backup (random bytes, another kind of file). */
  'not_sqlite',
  /** An SQLite database, but not one of this app. */
  'foreign_database',
  /** integrity_check or foreign_key_check did not pass (a truncated or damaged copy). */
  'integrity_failed',
  /** Made by a newer version of the app (schema version or file format). */
  'newer_schema',
  /** Encrypted, and no passphrase was given. */
  'passphrase_required',
  /** Encrypted with another passphrase. */
  'wrong_passphrase',
  /** Encrypted, the passphrase is right, but the file was changed or cut short after it was written. */
  'tampered',
  /** The file could not be read (missing, permissions, the drive went away). */
  'unreadable',
  /** The database is fine, but photos it lists are not in the folder's photo store (`photosMissing` says how many). */
  'photos_missing',
] as const
export type BackupRefusal = (typeof BACKUP_REFUSALS)[number]

/** Refusals that say the file itself is bad (not that it could not be opened this time). */
export const FILE_IS_BAD_REFUSALS: readonly BackupRefusal[] = ['not_sqlite', 'foreign_database', 'integrity_failed', 'tampered']

/** Why a backup could not be made: each has its own message (`backup.failed.<code>`). */
export const BACKUP_FAILURES = ['no_folder', 'folder_unreachable', 'disk_full', 'check_failed', 'write_failed', 'busy', 'unavailable', 'passphrase_missing'] as const
export type BackupFailure = (typeof BACKUP_FAILURES)[number]

/** The result of checking a backup file. */
export interface BackupCheck {
  /** When it was checked, ISO-8601 UTC. */
  at: string
  ok: boolean
  /** Null when ok. */
  reason: BackupRefusal | null
  /** The schema version found in the file, when it could be read. */
  schemaVersion: number | null
  /** With reason `photos_missing`: how many photos the backup lists that could not be found. */
  photosMissing?: number
}

/** The clinical photos of a backup: in the folder's photo store, and missing (not copyable) when it was made. */
export interface BackupPhotos {
  stored: number
  missing: number
}

/** One backup file in the backup folder. */
export interface BackupEntry {
  /** The file's name in the folder (no folders): what verify and restore take. */
  file: string
  kind: BackupKind
  /** When it was taken, ISO-8601 UTC. */
  takenAt: string
  /** The clinic's wall-clock time of the name, `YYYY-MM-DDTHH:MM:SS` (days, weeks and months are counted in it). */
  localTime: string
  sizeBytes: number
  encrypted: boolean
  /** The last check of this file (at creation, or by backups.verify); null if never checked. */
  lastCheck: BackupCheck | null
  /** Its photos, as noted when it was made (absent for backups made before photos were backed up). */
  photos?: BackupPhotos
  /** Just made: the rel_paths of the photos that were missing or damaged in the live folder (first 20). */
  missingPhotoPaths?: string[]
}

const count = (max: number) => z.number().int().min(0, 'validation.range').max(max, 'validation.range')

/** How many backups retention keeps: the newest of each of the last N days, weeks and months that have one. */
export const backupRetentionSchema = z
  .object({
    daily: z.number().int().min(1, 'validation.range').max(366, 'validation.range'),
    weekly: count(260),
    monthly: count(240),
  })
  .strict()
export type BackupRetention = z.infer<typeof backupRetentionSchema>

/** `HH:MM`, 24-hour clock, the clinic's local time. */
export const dailyAtSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time')

/** An absolute folder path (POSIX or Windows), no control characters. */
export const backupFolderSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(1000, 'validation.tooLong')
  .refine((p) => ![...p].some((ch) => ch.charCodeAt(0) < 32), 'validation.folder')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'validation.folder')

/** The administrator's backup settings. */
export const backupScheduleSchema = z
  .object({
    /** Null: the app's default folder (beside the database), if the host has one. */
    folder: backupFolderSchema.nullable(),
    /** Null: no daily backup. */
    dailyAt: dailyAtSchema.nullable(),
    /** A backup when the app quits. */
    onQuit: z.boolean(),
    retention: backupRetentionSchema,
    /** Encrypt backup files with the stored passphrase (AES-256-GCM, scrypt). */
    encrypt: z.boolean(),
  })
  .strict()
export type BackupSchedule = z.infer<typeof backupScheduleSchema>

/** The schedule as the screen sees it: the passphrase itself never leaves the main process. */
export interface BackupScheduleView extends BackupSchedule {
  passphraseSet: boolean
}

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = {
  folder: null,
  dailyAt: '12:30',
  onQuit: true,
  retention: { daily: 7, weekly: 4, monthly: 12 },
  encrypt: false,
}

/** A passphrase for encrypted backups. */
export const backupPassphraseSchema = z.string().min(8, 'validation.passphraseShort').max(200, 'validation.tooLong')

/** The phases of a running backup, in order (`photos` only when the database lists photos); `percent` is of the whole backup. */
export const BACKUP_PHASES = ['copying', 'checking', 'photos', 'encrypting', 'finishing'] as const
export type BackupPhase = (typeof BACKUP_PHASES)[number]

export interface BackupProgress {
  phase: BackupPhase
  /** 0-100 of the whole backup. */
  percent: number
}

/** What the desk shows a warning about. */
export const BACKUP_WARNINGS = [
  /** No folder chosen and no default. */
  'no_folder',
  /** The folder (a USB drive, a second disk) is not there or not writable. */
  'folder_unreachable',
  /** No good backup in the folder yet. */
  'never',
  /** The last good backup is older than a day. */
  'stale',
] as const
export type BackupWarning = (typeof BACKUP_WARNINGS)[number]

/** The last restore (read after the restart into the restored data). */
export interface RestoreOutcome {
  at: string
  file: string
  ok: boolean
  /** Why it failed (the old database was put back); null when ok. */
  error: string | null
}

export interface BackupStatus {
  schedule: BackupScheduleView
  /** The folder backups go to (the chosen one or the default); null if none. */
  folder: string | null
  folderIsDefault: boolean
  folderReachable: boolean
  /** The newest backup not known to be bad. */
  lastGood: { file: string; takenAt: string } | null
  /** When the next daily backup runs, ISO-8601 UTC; null without a daily time. */
  nextDailyAt: string | null
  /** Null: nothing to warn about. */
  warning: BackupWarning | null
  /** A backup running now in this process. */
  running: BackupProgress | null
  /** Restore needs the desktop app (it restarts); false in the web preview without a host. */
  restoreAvailable: boolean
  lastRestore: RestoreOutcome | null
}

/** What backups.restore answers just before the app restarts into the restored data. */
export interface RestoreStarted {
  restarting: true
  /** The backup of the current data taken just before, or null if the folder could not take one. */
  preRestoreBackup: string | null
}

/** Only an administrator changes backup settings or restores. */
export function canManageBackups(role: StaffRole): boolean {
  return role === 'administrator'
}

/** A warning is due when the last good backup is older than this. */
export const BACKUP_STALE_AFTER_MS = 24 * 60 * 60 * 1000

/** The desk's warning, if any (pure: the caller lists the folder). */
export function backupWarning(input: { folder: string | null; reachable: boolean; lastGoodAt: string | null; now: Date }): BackupWarning | null {
  if (input.folder === null) return 'no_folder'
  if (!input.reachable) return 'folder_unreachable'
  if (input.lastGoodAt === null) return 'never'
  return input.now.getTime() - Date.parse(input.lastGoodAt) > BACKUP_STALE_AFTER_MS ? 'stale' : null
}

// --- File names ------------------------------------------------------------------------------------

/** `clinic-2026-12-03T093012-manual.sqlite`, `…-2-daily.sqlite.enc`: names sort by time and say their kind. */
const NAME = /^clinic-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?-(manual|daily|quit|pre-migration|pre-restore)\.sqlite(\.enc)?$/

export const PLAIN_BACKUP_SUFFIX = '.sqlite'
export const ENCRYPTED_BACKUP_SUFFIX = '.sqlite.enc'

export interface ParsedBackupName {
  localTime: string
  seq: number
  kind: BackupKind
  encrypted: boolean
}

/** Reads a backup file name; null for any other file (other files in the folder are never touched). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, y, mo, d, h, mi, s, seq, kind, enc] = m
  const localTime = `${y}-${mo}-${d}T${h}:${mi}:${s}`
  if (!isRealLocalTime(localTime)) return null
  return { localTime, seq: seq === undefined ? 1 : Number(seq), kind: kind as BackupKind, encrypted: enc !== undefined }
}

/** The file name of a backup taken at a local wall-clock time (`seq` > 1 when that second is taken). */
export function backupFileName(localTime: string, kind: BackupKind, encrypted: boolean, seq = 1): string {
  const compact = `${localTime.slice(0, 13)}${localTime.slice(14, 16)}${localTime.slice(17, 19)}`
  return `clinic-${compact}${seq > 1 ? `-${seq}` : ''}-${kind}${encrypted ? ENCRYPTED_BACKUP_SUFFIX : PLAIN_BACKUP_SUFFIX}`
}

/** A name the API accepts for verify and restore: exactly a backup file name, so no path can slip in. */
export const backupFileNameSchema = z.string().max(120, 'validation.tooLong').refine((name) => parseBackupName(name) !== null, 'validation.backupFile')

/** The local wall-clock time of a Date as `YYYY-MM-DDTHH:MM:SS`. */
export function localTimeOf(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`
}

/** The instant of a local wall-clock time in this machine's time zone. */
export function dateOfLocalTime(localTime: string): Date {
  const [date = '', time = ''] = localTime.split('T')
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number)
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number)
  return new Date(y, mo - 1, d, h, mi, s)
}

function isRealLocalTime(localTime: string): boolean {
  const [date = '', time = ''] = localTime.split('T')
  const [y = 0, mo = 0, d = 0] = date.split('-').map(Number)
  const [h = 99, mi = 99, s = 99] = time.split(':').map(Number)
  const check = new Date(Date.UTC(y, mo - 1, d))
  const dayOk = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && y >= 2000
  return dayOk && h < 24 && mi < 60 && s < 60
}
