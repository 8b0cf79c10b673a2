import '../../core/i18n/backupMessages.ts'
import Database from 'better-sqlite3'
import { readFileSync, rmSync } from 'node:fs'
import { access, constants, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Operator } from '../../core/api/operator.ts'
import { FILE_IS_BAD_REFUSALS, type BackupEntry, type BackupKind, type BackupProgress, type RestoreOutcome } from '../../core/domain/backup.ts'
import { planRetention } from '../../core/domain/backupRetention.ts'
import { translateError } from '../../core/i18n/errorMessages.ts'
import { appendAudit, type AuditRecord } from '../../db/audit.ts'
import { BackupError, createBackup, deleteBackups, listBackups, type BackupIo } from '../../db/backup.ts'
import type { KdfParams } from '../../db/backupCrypto.ts'
import { readBackupPassphrase, readBackupSchedule } from '../../db/backupSettings.ts'
import { removeDatabaseFiles, swapInDatabase } from '../../db/restore.ts'
import type { ReadableDb, WritableDb } from '../../db/types.ts'
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
  /** Who asked for it: audited as `backups.create`. Absent: the schedule's (daily, on quit), audited as `backups.auto`. */
  by?: Operator
  /** A passphrase for this one backup; else the schedule's encryption with the stored passphrase. */
  passphrase?: string
  onProgress?(progress: BackupProgress): void
  /** The live photos folder (ctx.photosDir): its photos go into the backup folder's photo store. */
  photosDir?: string | null
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
    photosDir: options.photosDir ?? null,
    onProgress: (progress) => {
      running.set(db, progress)
      options.onProgress?.(progress)
    },
  })
  const pruned = await prune(db, folder)
  return { entry, pruned }
}

/**
 * A backup now as the one job of this database, and its audit row once it is made: backups are not API
 * writes (long work outside a transaction), so the dispatcher leaves no row for them. A failed backup asked
 * for by an operator leaves nothing (like every refused call: they see why at once); a failed automatic one,
 * which nobody sees, is audited. A refusal as busy tried nothing and leaves none.
 */
export async function backupNow(db: WritableDb, options: BackupNowOptions): Promise<BackupNowResult> {
  const label = BACKUP_LABELS[options.kind]
  let result: BackupNowResult
  try {
    result = await exclusive(db, () => backupInto(db, options))
  } catch (error) {
    if (!options.by && !(error instanceof BackupError && error.code === 'busy')) {
      const summary = `${label}失败：${failureText(error)}`
      // The schedule retries every quarter of an hour: a drive left out is told once, not all day.
      if (lastAutoFailure.get(db) !== summary) auditBackup(db, options, summary)
      lastAutoFailure.set(db, summary)
    }
    throw error
  }
  if (!options.by) lastAutoFailure.delete(db)
  const { entry, pruned } = result
  const prunedText = pruned.length > 0 ? `；按保留规则删除旧备份 ${pruned.length} 个` : ''
  auditBackup(db, options, `${label}成功：${describeBackupFile(entry.file, entry.sizeBytes, entry.encrypted)}，完整性检查通过${describePhotos(entry)}${prunedText}`.slice(0, 1000))
  return result
}

// --- The audit rows of backups and restores ------------------------------------------------------------------

/** The summary of the last automatic backup's failure, while no automatic backup has succeeded since. */
const lastAutoFailure = new WeakMap<object, string>()

/** Who automatic backups are audited as: no operator account. */
export const SCHEDULE_OPERATOR: Pick<Operator, 'id' | 'name'> = { id: null, name: '系统' }

const BACKUP_LABELS: Readonly<Record<BackupKind, string>> = {
  manual: '手动备份',
  daily: '每日自动备份',
  quit: '退出时自动备份',
  'pre-migration': '升级前备份',
  'pre-restore': '恢复前备份',
}

/** `clinic-….sqlite（5.0 MB，未加密）`: a backup file as the audit log names it. */
export function describeBackupFile(file: string, sizeBytes: number | null, encrypted: boolean): string {
  const size = sizeBytes === null ? '' : `${sizeBytes >= 1024 * 1024 ? `${(sizeBytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(sizeBytes / 1024))} KB`}，`
  return `${file}（${size}${encrypted ? '加密' : '未加密'}）`
}

/** `；含照片 12 张（2 张缺失或损坏未能备份：A001/2026-11-20/….jpg、…）`, or nothing without photos. */
export function describePhotos(entry: BackupEntry): string {
  if (!entry.photos || entry.photos.stored + entry.photos.missing === 0) return ''
  const { stored, missing } = entry.photos
  const names = entry.missingPhotoPaths ?? []
  const more = missing > names.length ? ' 等' : ''
  return `；含照片 ${stored} 张${missing > 0 ? `（${missing} 张缺失或损坏未能备份：${names.join('、')}${more}）` : ''}`
}

function failureText(error: unknown): string {
  if (error instanceof BackupError) return translateError('zh-CN', `backup.failed.${error.code}`, error.params)
  return error instanceof Error ? error.message : String(error)
}

function auditBackup(db: WritableDb, options: BackupNowOptions, summary: string): void {
  const by = options.by ?? SCHEDULE_OPERATOR
  auditQuietly(db, { at: options.now.toISOString(), operatorId: by.id, operatorName: by.name, method: options.by ? 'backups.create' : 'backups.auto', summary })
}

/**
 * Appends an audit row outside the dispatcher's transaction (one INSERT, atomic on its own). Never throws:
 * the backup or restore it records has happened, and must not be reported as failed for want of its row.
 */
export function auditQuietly(db: WritableDb, record: AuditRecord): void {
  try {
    appendAudit(db, record)
  } catch {
    // Nothing better to do: the live database refused one INSERT (its own errors will show on the next write).
  }
}

/**
 * The row a restored database gets about its own restore, left by the restore handler for the swap (the
 * host runs it in this same process, right after): the operator, the backup, the pre-restore backup.
 * Keyed by the checked file the host is handed.
 */
const restoredNotes = new Map<string, AuditRecord>()

export function noteRestore(checkedFile: string, record: AuditRecord): void {
  restoredNotes.set(checkedFile, record)
}

export function forgetRestore(checkedFile: string): void {
  restoredNotes.delete(checkedFile)
}

/** Writes a row into the database now in place, restored or put back (closed: no connection of the app is open). */
function recordRestored(livePath: string, record: AuditRecord): void {
  try {
    const db = new Database(livePath, { fileMustExist: true })
    try {
      appendAudit(db as WritableDb, record)
    } finally {
      db.close()
    }
  } catch {
    // The restore stands; the row written before the swap (in the replaced database) and the outcome tell of it.
  }
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
 * restarted app to show. Never rejects: a failure has put the old database back (swapInDatabase). A restored
 * database gets an audit row saying so (the handler's note, see noteRestore), so its log shows the restore too.
 */
export async function swapAndRecord(livePath: string, job: RestoreJob, outcomePath: string | null, now = new Date()): Promise<RestoreOutcome> {
  let outcome: RestoreOutcome
  const note = restoredNotes.get(job.checkedFile) ?? { at: now.toISOString(), operatorId: null, operatorName: SCHEDULE_OPERATOR.name, method: 'backups.restore', summary: `已从备份 ${job.file} 恢复` }
  try {
    const { replacedPath } = await swapInDatabase(livePath, job.checkedFile, { now })
    outcome = { at: now.toISOString(), file: job.file, ok: true, error: null }
    recordRestored(livePath, { ...note, summary: `${note.summary}；替换下的数据库保留为 ${basename(replacedPath)}` })
  } catch (error) {
    outcome = { at: now.toISOString(), file: job.file, ok: false, error: error instanceof Error ? error.message : String(error) }
    // The old database is back in place (unless putting it back failed too: then there is nothing to write to).
    recordRestored(livePath, { ...note, summary: `从备份 ${job.file} 恢复失败，已还原原数据库：${outcome.error}`.slice(0, 500) })
  } finally {
    restoredNotes.delete(job.checkedFile)
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
