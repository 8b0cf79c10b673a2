import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, open, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BackupRefusal } from '../core/domain/backup.ts'
import { decryptFile, DecryptError, looksEncrypted } from './backupCrypto.ts'
import { checkDatabaseFile, SQLITE_MAGIC } from './backupCheck.ts'
import { fsyncFile, fsyncFolder, nodeIo, type BackupIo } from './backup.ts'
import { photoRowsInFile } from './photoBackup.ts'
import { unavailablePhotos } from './photoRestore.ts'
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts'

/**
 * Restore (Node only): check a backup file without changing anything, then swap it in for the live database
 * while the live database is closed, keeping the replaced files beside it.
 */

export type VerifyResult =
  | {
      ok: true
      encrypted: boolean
      schemaVersion: number
      /** With `keepPlain`: the checked plain database (a temp file in workDir when `temporary`). */
      plainFile: string | null
      temporary: boolean
      /** How many photos the backup's database lists (all of them found). */
      photos: number
    }
  | { ok: false; encrypted: boolean; reason: BackupRefusal; schemaVersion: number | null; detail: string; photosMissing?: number }

export interface VerifyOptions {
  /** A folder on the local disk for the decrypted (or journal-converted) temp copy. */
  workDir: string
  /** Keep the checked plain copy for a restore (the caller removes it if `temporary`). */
  keepPlain?: boolean
  latest?: number
  /**
   * Also checks the photos the backup lists are in the folder's photo store (existence and size; the SHA-256
   * is checked when a restore copies them). For a restore, `photosDir` (the live folder, where an intact
   * file also counts) and `knownMissing` (SHA-256 already missing when the backup was made) are given.
   */
  photos?: { folder: string; photosDir?: string | null; knownMissing?: readonly string[] }
}

/**
 * Checks a backup file: SQLite (or an encrypted backup whose passphrase is right and whose tag matches), a
 * database of this app, integrity_check and foreign_key_check pass, schema not newer than the app's. Nothing
 * beside the file is created or changed: an encrypted file is decrypted to a temp file, a file in WAL mode
 * is checked through a temp copy, and temp files are removed unless kept for a restore.
 */
export async function verifyBackupFile(path: string, passphrase: string | null | undefined, options: VerifyOptions): Promise<VerifyResult> {
  const latest = options.latest ?? LATEST_SCHEMA_VERSION
  let head: Buffer
  try {
    head = await readHead(path, 100)
  } catch (error) {
    return { ok: false, encrypted: false, reason: 'unreadable', schemaVersion: null, detail: message(error) }
  }
  const encrypted = looksEncrypted(head)
  const refuse = (reason: BackupRefusal, detail: string, schemaVersion: number | null = null): VerifyResult => ({ ok: false, encrypted, reason, schemaVersion, detail })

  let plain = path
  let owned = false // tempPath holds a copy we made
  let handedOver = false
  const tempPath = join(options.workDir, `.verify-${randomBytes(6).toString('hex')}.sqlite`)
  try {
    if (encrypted) {
      if (!passphrase) return refuse('passphrase_required', 'the file is encrypted')
      try {
        await decryptFile(path, tempPath, passphrase)
      } catch (error) {
        if (error instanceof DecryptError) {
          const reason = ({ wrong_passphrase: 'wrong_passphrase', tampered: 'tampered', newer_format: 'newer_schema', not_encrypted: 'not_sqlite' } as const)[error.reason]
          return refuse(reason, error.message)
        }
        return refuse('unreadable', message(error))
      }
      plain = tempPath
      owned = true
      head = await readHead(plain, 100)
    }
    if (!head.subarray(0, 16).equals(SQLITE_MAGIC)) return refuse('not_sqlite', 'no SQLite header')
    if (head.length >= 20 && (head[18] === 2 || head[19] === 2)) {
      // WAL mode: opening it would create -wal and -shm beside it. Check a copy in rollback-journal mode.
      if (!owned) {
        try {
          await copyFile(path, tempPath)
        } catch (error) {
          return refuse('unreadable', message(error))
        }
        plain = tempPath
        owned = true
      }
      try {
        const db = new Database(plain, { fileMustExist: true })
        try {
          db.pragma('journal_mode = DELETE')
        } finally {
          db.close()
        }
      } catch (error) {
        return refuse(error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB' ? 'not_sqlite' : 'integrity_failed', message(error))
      }
    }
    const check = checkDatabaseFile(plain, latest)
    if (!check.ok) return refuse(check.reason, check.detail, check.schemaVersion)
    let photos = 0
    if (options.photos) {
      const rows = photoRowsInFile(plain)
      photos = rows.length
      const missing = (await unavailablePhotos(rows, options.photos)).length
      if (missing > 0) return { ...refuse('photos_missing', `${missing} of ${rows.length} photos are not in the backup folder`, check.schemaVersion), photosMissing: missing } as VerifyResult
    }
    handedOver = options.keepPlain === true
    return { ok: true, encrypted, schemaVersion: check.schemaVersion, plainFile: handedOver ? plain : null, temporary: handedOver && owned, photos }
  } finally {
    if (owned && !handedOver) await removeDatabaseFiles(tempPath)
  }
}

/** Removes a database file and any -journal, -wal, -shm beside it. */
export async function removeDatabaseFiles(path: string): Promise<void> {
  await Promise.all(['', '-journal', '-wal', '-shm'].map((suffix) => rm(path + suffix, { force: true }).catch(() => undefined)))
}

export class RestoreError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'RestoreError'
  }
}

export interface SwapResult {
  /** Where the replaced database went: `<live>.before-restore-<time>`, with -wal and -shm beside it if there were. */
  replacedPath: string
  movedAside: string[]
}

const SIDE_FILES = ['', '-wal', '-shm'] as const

/**
 * Swaps a checked backup in for the live database, which must be CLOSED (no connection in this or any
 * process). Copies the backup to `<live>.restoring` and fsyncs it, moves the live db, -wal and -shm aside
 * together to `<live>.before-restore-<time>`, renames the copy into place, then runs integrity_check and
 * foreign_key_check on the result. Any failure puts the old files back and throws a RestoreError.
 * The backup file itself is only read.
 */
export async function swapInDatabase(livePath: string, backupPath: string, options: { now?: Date; io?: Partial<BackupIo> } = {}): Promise<SwapResult> {
  const io: BackupIo = { ...nodeIo, ...options.io }
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const restoring = `${livePath}.restoring`
  const replacedPath = freeAsidePath(livePath, stamp)
  const folder = dirname(livePath)

  await removeDatabaseFiles(restoring)
  try {
    await copyFile(backupPath, restoring)
    await fsyncFile(restoring)
  } catch (error) {
    await removeDatabaseFiles(restoring)
    throw new RestoreError(`copying the backup failed: ${message(error)}`, error)
  }

  const moved: { from: string; to: string }[] = []
  let swapped = false
  try {
    for (const suffix of SIDE_FILES) {
      if (!existsSync(livePath + suffix)) continue
      await io.rename(livePath + suffix, replacedPath + suffix)
      moved.push({ from: livePath + suffix, to: replacedPath + suffix })
    }
    await io.rename(restoring, livePath)
    swapped = true
    await fsyncFolder(folder)
    checkRestored(livePath)
    return { replacedPath, movedAside: moved.map((m) => m.to) }
  } catch (error) {
    // Put the old database back: the new one out of the way first, then every moved file to its place.
    if (swapped) await removeDatabaseFiles(livePath)
    await removeDatabaseFiles(restoring)
    for (const { from, to } of moved.reverse()) {
      try {
        await io.rename(to, from)
      } catch (putBack) {
        throw new RestoreError(`restore failed (${message(error)}) and putting ${to} back failed too: ${message(putBack)}`, error)
      }
    }
    await fsyncFolder(folder)
    throw new RestoreError(`restore failed; the old database was put back: ${message(error)}`, error)
  }
}

/** integrity_check and foreign_key_check on the database now in place (a write connection: it must open as the app opens it). */
function checkRestored(path: string): void {
  const db = new Database(path, { fileMustExist: true })
  try {
    const problems = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok')
    if (problems.length > 0) throw new Error(`integrity_check: ${problems.slice(0, 3).join('; ')}`)
    const broken = db.pragma('foreign_key_check', { simple: false }) as unknown[]
    if (broken.length > 0) throw new Error(`foreign_key_check: ${broken.length} problems`)
  } finally {
    db.close()
  }
}

function freeAsidePath(livePath: string, stamp: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${livePath}.before-restore-${stamp}${n > 1 ? `-${n}` : ''}`
    if (SIDE_FILES.every((s) => !existsSync(candidate + s))) return candidate
  }
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
