import { readFileSync, rmSync } from 'node:fs'
import { access, constants, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { FILE_IS_BAD_REFUSALS, type BackupEntry, type BackupKind, type BackupProgress, type RestoreOutcome } from '../../core/domain/backup.ts'
import { planRetention } from '../../core/domain/backupRetention.ts'
import { BackupError, createBackup, deleteBackups, listBackups, type BackupIo } from '../../db/backup.ts'
import type { KdfParams } from '../../db/backupCrypto.ts'
import { readBackupPassphrase, readBackupSchedule } from '../../db/backupSettings.ts'
import { removeDatabaseFiles, swapInDatabase } from '../../db/restore.ts'
import type { ReadableDb } from '../../db/types.ts'
import type { BackupHost, RestoreJob } from './context.ts'

/**
 * Backup jobs, shared by the API handlers and the host's scheduler (no Electron): where backups go, one job
 * (backup, check, restore) at a time per database, a backup followed by pruning.
 */

/** What a running job reports; `busy` while a check or restore holds the folder. */
const running = new WeakMap<object, BackupProgress | 'busy'>()

export function runningBackup(db: ReadableDb): BackupProgress | null {
  const state = running.get(db)
  return state === undefined || state === 'busy' ? null : state
}

/** Runs `job` as the one backup job of this database; refuses with `busy` while another runs. */
export async function exclusive<T>(db: ReadableDb, job: () => Promise<T>): Promise<T> {
  if (running.has(db)) throw new BackupError('busy', 'another backup job is running')
  running.set(db, 'busy')
  try {
    return await job()
  } finally {
    running.delete(db)
  }
}

/** The folder backups go to: the chosen one, else the host's default; null if neither. */
export function backupFolder(db: ReadableDb, host: BackupHost | null | undefined): { folder: string | null; isDefault: boolean } {
  const chosen = readBackupSchedule(db).folder
  if (chosen !== null) return { folder: chosen, isDefault: false }
  return { folder: host?.defaultFolder ?? null, isDefault: true }
}

/** A folder on the local disk for temp copies: the host's, else the database's own folder. */
export function workDirOf(db: ReadableDb, host: BackupHost | null | undefined): string {
  if (host?.workDir) return host.workDir
  if (db.memory || !db.name) throw new BackupError('unavailable', 'an in-memory database')
  return dirname(db.name)
}

/** The folder exists, is a folder and can be written. */
export async function folderReachable(folder: string): Promise<boolean> {
  try {
    if (!(await stat(folder)).isDirectory()) return false
    await access(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** A file is worth nothing when its last check found it damaged, foreign or tampered with. */
export function isBad(entry: BackupEntry): boolean {
  return entry.lastCheck !== null && !entry.lastCheck.ok && entry.lastCheck.reason !== null && FILE_IS_BAD_REFUSALS.includes(entry.lastCheck.reason)
}

export interface BackupNowOptions {
  kind: BackupKind
  host: BackupHost | null | undefined
  now: Date
  /** A passphrase for this one backup; else the schedule's encryption with the stored passphrase. */
  passphrase?: string
  onProgress?(progress: BackupProgress): void
  /** For tests. */
  kdf?: KdfParams
  io?: Partial<BackupIo>
}

export interface BackupNowResult {
  entry: BackupEntry
  /** Files retention deleted afterwards. */
  pruned: string[]
}

/** A backup now into the backup folder, then pruning by the retention. Must run inside `exclusive`. */
export async function backupInto(db: ReadableDb, options: BackupNowOptions): Promise<BackupNowResult> {
  const schedule = readBackupSchedule(db)
  const { folder } = backupFolder(db, options.host)
  if (folder === null) throw new BackupError('no_folder', 'no backup folder')
  let passphrase: string | null = options.passphrase ?? null
  if (passphrase === null && schedule.encrypt) {
    passphrase = readBackupPassphrase(db)
    if (passphrase === null) throw new BackupError('passphrase_missing', 'encryption without a passphrase')
  }
  const entry = await createBackup(db, {
    folder,
    kind: options.kind,
    now: options.now,
    passphrase,
    workDir: workDirOf(db, options.host),
    kdf: options.kdf,
    io: options.io,
    onProgress: (progress) => {
      running.set(db, progress)
      options.onProgress?.(progress)
    },
  })
  const pruned = await prune(db, folder)
  return { entry, pruned }
}

/** A backup now as the one job of this database. */
export function backupNow(db: ReadableDb, options: BackupNowOptions): Promise<BackupNowResult> {
  return exclusive(db, () => backupInto(db, options))
}

/** Deletes what the retention does not keep (ours only; the newest good backup always stays). */
export async function prune(db: ReadableDb, folder: string): Promise<string[]> {
  const entries = await listBackups(folder)
  const plan = planRetention(
    entries.map((e) => ({ file: e.file, kind: e.kind, localTime: e.localTime, bad: isBad(e) })),
    readBackupSchedule(db).retention,
  )
  return plan.delete.length > 0 ? deleteBackups(folder, plan.delete) : []
}

/** The newest backup in the folder not known to be bad, or null (an unreachable folder has none). */
export async function lastGoodBackup(folder: string | null): Promise<BackupEntry | null> {
  if (folder === null) return null
  try {
    return (await listBackups(folder)).find((e) => !isBad(e)) ?? null
  } catch {
    return null
  }
}

export function pathIn(folder: string, file: string): string {
  return join(folder, file)
}

// --- Restore, for the hosts (desktop and web preview) ------------------------------------------------------

/**
 * Swaps the checked file in for the CLOSED live database and keeps the outcome in `outcomePath` for the
 * restarted app to show. Never rejects: a failure has put the old database back (swapInDatabase).
 */
export async function swapAndRecord(livePath: string, job: RestoreJob, outcomePath: string | null, now = new Date()): Promise<RestoreOutcome> {
  let outcome: RestoreOutcome
  try {
    await swapInDatabase(livePath, job.checkedFile, { now })
    outcome = { at: now.toISOString(), file: job.file, ok: true, error: null }
  } catch (error) {
    outcome = { at: now.toISOString(), file: job.file, ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    if (job.temporary) await removeDatabaseFiles(job.checkedFile)
  }
  if (outcomePath !== null) await writeFile(outcomePath, JSON.stringify(outcome)).catch(() => undefined)
  return outcome
}

/** Reads and removes the outcome a restore left for this start; null if none. */
export function takeRestoreOutcome(outcomePath: string): RestoreOutcome | null {
  try {
    const parsed = JSON.parse(readFileSync(outcomePath, 'utf8')) as RestoreOutcome
    rmSync(outcomePath, { force: true })
    return typeof parsed.ok === 'boolean' && typeof parsed.file === 'string' ? parsed : null
  } catch {
    return null
  }
}
