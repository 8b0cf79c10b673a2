import Database from 'better-sqlite3'
import { constants, existsSync } from 'node:fs'
import { copyFile, readdir, readFile, rename, rm, stat, statfs, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  backupFileName,
  localTimeOf,
  dateOfLocalTime,
  parseBackupName,
  type BackupCheck,
  type BackupEntry,
  type BackupFailure,
  type BackupKind,
  type BackupPhase,
  type BackupProgress,
} from '../core/domain/backup.ts'
import { newestFirst } from '../core/domain/backupRetention.ts'
import { encryptFile, type KdfParams } from './backupCrypto.ts'
import { checkDatabaseFile } from './backupCheck.ts'
import { fsyncFile, fsyncFolder } from './fsyncFiles.ts'
import { PHOTO_NOTES_FILE, photoRowsInFile, photoRowsOf, readPhotoNotes, removeStalePhotoPartials, storePhotos, updatePhotoNotes, type StorePhotosResult } from './photoBackup.ts'
import { schemaVersion } from './migrate.ts'
import type { ReadableDb } from './types.ts'

/**
 * Backups of the live database while the desk keeps working (Node only, no Electron): SQLite's online backup
 * API into `<name>.partial`, the copy converted to a self-contained rollback-journal file, checked read-only
 * (integrity_check, foreign_key_check, marker, schema version), fsynced, (encrypted,) renamed into place, the
 * folder fsynced. A backup is complete or absent: every failure removes what it wrote.
 * Before the rename, the photos the copy lists are put into the folder's photo store (db/photoBackup.ts), so a
 * finished backup's photos are always in the store. Pruning deletes database files only, never photos.
 */

export { fsyncFile, fsyncFolder }

export class BackupError extends Error {
  readonly code: BackupFailure
  readonly params: Record<string, string | number>
  constructor(code: BackupFailure, detail: string, params: Record<string, string | number> = {}, cause?: unknown) {
    super(`backup failed (${code}): ${detail}`, cause === undefined ? undefined : { cause })
    this.name = 'BackupError'
    this.code = code
    this.params = { detail, ...params }
  }
}

/** The file-system steps a backup or restore takes that tests replace to simulate a failure. */
export interface BackupIo {
  rename(from: string, to: string): Promise<void>
  /** Free bytes on the disk of a folder. */
  freeBytes(folder: string): Promise<number>
}

export const nodeIo: BackupIo = {
  rename: (from, to) => rename(from, to),
  freeBytes: async (folder) => {
    const s = await statfs(folder)
    return s.bavail * s.bsize
  },
}

export interface CreateBackupOptions {
  folder: string
  kind: BackupKind
  /** The time in the file name (the clinic's local time). */
  now: Date
  /** Encrypts the file when given. */
  passphrase?: string | null
  /** A folder on the local disk for the plain copy of an encrypted backup (never the backup drive). */
  workDir: string
  onProgress?(progress: BackupProgress): void
  kdf?: KdfParams
  io?: Partial<BackupIo>
  /** The live photos folder the copy's photos are taken from; null or absent: none (photos not yet stored count as missing). */
  photosDir?: string | null
}

const PARTIAL = '.partial'
/** Room kept free beyond the copy itself. */
const SPARE_BYTES = 4 * 1024 * 1024
/** sqlite3_backup_step with this many pages copies the rest in one step. */
const ALL_PAGES = 0x7fffffff

/** What the phases weigh in the percent of a plain and of an encrypted backup, without and with photos to store. */
const WEIGHTS: Record<'plain' | 'encrypted' | 'plainPhotos' | 'encryptedPhotos', Record<BackupPhase, [number, number]>> = {
  plain: { copying: [0, 80], checking: [80, 95], photos: [95, 95], encrypting: [95, 95], finishing: [95, 100] },
  encrypted: { copying: [0, 45], checking: [45, 55], photos: [55, 55], encrypting: [55, 97], finishing: [97, 100] },
  plainPhotos: { copying: [0, 40], checking: [40, 48], photos: [48, 96], encrypting: [96, 96], finishing: [96, 100] },
  encryptedPhotos: { copying: [0, 25], checking: [25, 30], photos: [30, 80], encrypting: [80, 98], finishing: [98, 100] },
}

/** A backup of the live database through SQLite's online backup API, while it keeps being written. */
export async function createBackup(db: ReadableDb, options: CreateBackupOptions): Promise<BackupEntry> {
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db.pragma('page_count', { simple: true }) as number
  const hasPhotos = photoRowsOf(db).length > 0
  return writeBackup(options, pageSize * pages, schemaVersion(db), hasPhotos, async (target, report) => {
    let lastRemaining = Number.POSITIVE_INFINITY
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        report(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages)
        // Another connection wrote and the copy started over: take the rest in one step so it ends.
        const restarted = remainingPages > lastRemaining
        lastRemaining = remainingPages
        return restarted ? ALL_PAGES : Math.max(100, Math.ceil(totalPages / 50))
      },
    })
  })
}

/**
 * Takes a closed database file that is not the live one (the snapshot openDatabase writes before migrating)
 * into the backup folder as a backup of its own, checked and named like the others. The file is only read.
 */
export async function importSnapshot(path: string, options: CreateBackupOptions): Promise<BackupEntry> {
  const size = (await stat(path)).size
  return writeBackup(options, size, null, false, async (target, report) => {
    await copyFile(path, target, constants.COPYFILE_EXCL)
    report(1)
  })
}

/**
 * The steps every backup shares: room on the disk, a free name, `fill` writes the plain copy, then the copy is
 * made self-contained, checked, fsynced, (encrypted,) renamed into place and the folder fsynced. Any failure
 * removes every file it wrote.
 */
async function writeBackup(
  options: CreateBackupOptions,
  sizeBytes: number,
  expectedVersion: number | null,
  /** Weighs the photos phase in the percent (the copy says which photos there are). */
  expectPhotos: boolean,
  fill: (target: string, report: (fraction: number) => void) => Promise<void>,
): Promise<BackupEntry> {
  const io: BackupIo = { ...nodeIo, ...options.io }
  const encrypted = typeof options.passphrase === 'string' && options.passphrase.length > 0
  const { folder } = options
  const weights = WEIGHTS[`${encrypted ? 'encrypted' : 'plain'}${expectPhotos ? 'Photos' : ''}`]
  let lastPercent = -1
  const report = (phase: BackupPhase, fraction: number) => {
    const [from, to] = weights[phase]
    // Never backwards: a copy that starts over (another connection wrote) keeps the bar where it was.
    const percent = Math.max(lastPercent, Math.min(100, Math.floor(from + (to - from) * Math.min(1, Math.max(0, fraction)))))
    if (percent === lastPercent && phase !== 'finishing') return
    lastPercent = percent
    options.onProgress?.({ phase, percent })
  }

  await requireFolder(folder)
  const needBytes = sizeBytes + SPARE_BYTES
  const free = await io.freeBytes(folder).catch(() => Number.POSITIVE_INFINITY)
  if (free < needBytes) throw new BackupError('disk_full', `${free} bytes free, ${needBytes} needed`, { needMb: Math.ceil(needBytes / 1024 / 1024) })

  const name = freeName(folder, localTimeOf(options.now), options.kind, encrypted)
  const finalPath = join(folder, name)
  const partial = join(folder, name + PARTIAL)
  // The plain copy of an encrypted backup stays on the local disk: deleted plain data on a USB drive could be read back.
  const plainPartial = encrypted ? join(options.workDir, basename(name, '.enc') + PARTIAL) : partial
  const written = [plainPartial, `${plainPartial}-journal`, `${plainPartial}-wal`, `${plainPartial}-shm`, partial]
  let schema: number
  let photos: StorePhotosResult

  try {
    report('copying', 0)
    try {
      await fill(plainPartial, (fraction) => report('copying', fraction))
    } catch (error) {
      throw writeFailure(error)
    }

    report('checking', 0)
    try {
      // The copy carries the live file's WAL flag; a backup is one self-contained file.
      const copy = new Database(plainPartial, { fileMustExist: true })
      try {
        copy.pragma('journal_mode = DELETE')
      } finally {
        copy.close()
      }
    } catch (error) {
      throw new BackupError('check_failed', message(error), {}, error)
    }
    const check = checkDatabaseFile(plainPartial)
    if (!check.ok) throw new BackupError('check_failed', `${check.reason}: ${check.detail}`)
    if (expectedVersion !== null && check.schemaVersion !== expectedVersion) throw new BackupError('check_failed', `schema ${check.schemaVersion}, expected ${expectedVersion}`)
    schema = check.schemaVersion
    report('checking', 1)

    try {
      // The copy's own rows: a photo imported while the database was being copied is stored too.
      const rows = photoRowsInFile(plainPartial)
      if (rows.length > 0) report('photos', 0)
      photos = await storePhotos(rows, {
        folder,
        photosDir: options.photosDir ?? null,
        passphrase: encrypted ? (options.passphrase as string) : null,
        workDir: options.workDir,
        kdf: options.kdf,
        freeBytes: (f) => io.freeBytes(f),
        onProgress: (f) => report('photos', f),
      })
      await fsyncFile(plainPartial)
      if (encrypted) {
        report('encrypting', 0)
        await encryptFile(plainPartial, partial, options.passphrase as string, { kdf: options.kdf, onProgress: (f) => report('encrypting', f) })
        await rm(plainPartial, { force: true })
      }
      report('finishing', 0)
      if (existsSync(finalPath)) throw new Error(`${name} appeared while the backup ran`)
      await io.rename(partial, finalPath)
      await fsyncFolder(folder)
    } catch (error) {
      throw writeFailure(error)
    }
  } catch (error) {
    await Promise.all(written.map((p) => rm(p, { force: true }).catch(() => undefined)))
    throw error
  }

  const size = (await stat(finalPath)).size
  const lastCheck: BackupCheck = { at: new Date().toISOString(), ok: true, reason: null, schemaVersion: schema }
  await recordCheck(folder, name, lastCheck).catch(() => undefined)
  const photoCounts = { stored: photos.stored, missing: photos.missing.length }
  const hasPhotos = photos.stored + photos.missing.length > 0
  // The note tells the list (含照片 N 张) and a restore which photos were already missing when it was made.
  if (hasPhotos) await updatePhotoNotes(folder, (notes) => (notes[name] = { ...photoCounts, missingSha: photos.missingSha })).catch(() => undefined)
  report('finishing', 1)
  const parsed = parseBackupName(name)
  const localTime = parsed?.localTime ?? localTimeOf(options.now)
  return {
    file: name,
    kind: options.kind,
    takenAt: dateOfLocalTime(localTime).toISOString(),
    localTime,
    sizeBytes: size,
    encrypted,
    lastCheck,
    ...(hasPhotos ? { photos: photoCounts } : {}),
    ...(photos.missing.length > 0 ? { missingPhotoPaths: photos.missing.slice(0, 20) } : {}),
  }
}

async function requireFolder(folder: string): Promise<void> {
  try {
    const s = await stat(folder)
    if (!s.isDirectory()) throw new Error('not a folder')
  } catch (error) {
    throw new BackupError('folder_unreachable', message(error), { folder }, error)
  }
}

/** A name not yet taken in the folder (nor by a partial of it). */
function freeName(folder: string, localTime: string, kind: BackupKind, encrypted: boolean): string {
  for (let seq = 1; seq < 1000; seq++) {
    const name = backupFileName(localTime, kind, encrypted, seq)
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, name + PARTIAL))) return name
  }
  throw new BackupError('write_failed', 'no free file name for this second')
}

function writeFailure(error: unknown): BackupError {
  if (error instanceof BackupError) return error
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new BackupError('disk_full', message(error), { needMb: 0 }, error)
  return new BackupError('write_failed', message(error), {}, error)
}

// --- The folder: list, checks, prune, leftovers ----------------------------------------------------------

/** The last check of each file, kept in one small file in the backup folder. */
export const CHECKS_FILE = 'backup-checks.json'

async function readChecks(folder: string): Promise<Record<string, BackupCheck>> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, CHECKS_FILE), 'utf8')) as unknown
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, BackupCheck>) : {}
  } catch {
    return {}
  }
}

async function writeChecks(folder: string, checks: Record<string, BackupCheck>): Promise<void> {
  const temp = join(folder, `${CHECKS_FILE}.tmp`)
  await writeFile(temp, JSON.stringify(checks, null, 1))
  await rename(temp, join(folder, CHECKS_FILE))
}

/** Keeps a file's last check (callers run one backup job at a time per folder). */
export async function recordCheck(folder: string, file: string, check: BackupCheck): Promise<void> {
  const checks = await readChecks(folder)
  checks[file] = check
  await writeChecks(folder, checks)
}

/** The backup files of a folder, newest first. Other files are ignored. Throws if the folder cannot be read. */
export async function listBackups(folder: string): Promise<BackupEntry[]> {
  const names = (await readdir(folder)).filter((n) => parseBackupName(n) !== null)
  const checks = await readChecks(folder)
  const photoNotes = await readPhotoNotes(folder)
  const entries: BackupEntry[] = []
  for (const file of names) {
    const parsed = parseBackupName(file)
    if (!parsed) continue
    let sizeBytes: number
    try {
      const s = await stat(join(folder, file))
      if (!s.isFile()) continue
      sizeBytes = s.size
    } catch {
      continue
    }
    const check = checks[file]
    const note = photoNotes[file]
    entries.push({
      file,
      kind: parsed.kind,
      takenAt: dateOfLocalTime(parsed.localTime).toISOString(),
      localTime: parsed.localTime,
      sizeBytes,
      encrypted: parsed.encrypted,
      lastCheck: isCheck(check) ? check : null,
      ...(note ? { photos: { stored: note.stored, missing: note.missing } } : {}),
    })
  }
  return entries.sort(newestFirst)
}

/**
 * Deletes backup files of the folder (only names that parse as ours) and forgets their checks. Never a photo:
 * the photo store is shared by every backup and photos are never deleted automatically.
 */
export async function deleteBackups(folder: string, files: readonly string[]): Promise<string[]> {
  const deleted: string[] = []
  for (const file of files) {
    if (parseBackupName(file) === null) continue
    try {
      await rm(join(folder, file))
      deleted.push(file)
    } catch {
      // Already gone, or not deletable now: the next prune tries again.
    }
  }
  if (deleted.length > 0) {
    const checks = await readChecks(folder)
    for (const file of deleted) delete checks[file]
    await writeChecks(folder, checks).catch(() => undefined)
    if (existsSync(join(folder, PHOTO_NOTES_FILE))) await updatePhotoNotes(folder, (notes) => deleted.forEach((file) => delete notes[file])).catch(() => undefined)
  }
  return deleted
}

/** Removes `.partial` files and check copies a crash or a quit in the middle of a backup left (ours only, by name). */
export async function removeStalePartials(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  const stale = names.filter((n) => {
    if (/^\.photo-[0-9a-f]{12}\.partial$/.test(n)) return true // a photo's plain copy before encrypting (db/photoBackup.ts)
    if (/^\.verify-[0-9a-f]{12}\.sqlite(-journal|-wal|-shm)?$/.test(n)) return true // a check's temp copy (db/restore.ts)
    const base = n.replace(/\.partial(-journal|-wal|-shm)?$/, '')
    return base !== n && (parseBackupName(base) !== null || parseBackupName(`${base}.enc`) !== null)
  })
  for (const n of stale) await rm(join(folder, n), { force: true }).catch(() => undefined)
  return [...stale, ...(await removeStalePhotoPartials(folder))]
}

function isCheck(value: unknown): value is BackupCheck {
  return value !== null && typeof value === 'object' && typeof (value as BackupCheck).ok === 'boolean' && typeof (value as BackupCheck).at === 'string'
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
