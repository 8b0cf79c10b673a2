import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { PHOTOS_FOLDER_NAME } from '../core/domain/clientPhoto.ts'
import { createKeyCache, decryptFile, encryptFile, HEADER_BYTES, type KdfParams, type KeyCache } from './backupCrypto.ts'
import { fsyncFile, fsyncFolder } from './fsyncFiles.ts'

/**
 * Clinical photos in backups (Node only). A backup folder holds ONE content-addressed photo store shared by
 * all its backups: `<backup folder>/photos/<sha256>` (plain) or `<sha256>.enc` (encrypted with the backup
 * passphrase, db/backupCrypto.ts). A photo is copied into it once; every later backup finds it there.
 * Photos are never deleted from the store, neither by pruning nor by anything else automatic: an old
 * backup's database still lists them, and a picture lost is lost for good.
 * Cost: scrypt (~0.5 s at the default parameters) runs once per backup run for all its photos and the
 * passphrase check (one key cache per run, createKeyCache), plus once to open the existing check file; not
 * once per photo, which made a first encrypted backup of 1000 photos take ~8 minutes.
 */

export interface PhotoRow {
  /** Relative to the live photos folder, forward slashes. */
  relPath: string
  sha256: string
  bytes: number
}

/** The photo rows of a database file that nobody writes (a backup copy): `[]` for a schema without photos. */
export function photoRowsInFile(path: string): PhotoRow[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return photoRowsOf(db)
  } finally {
    db.close()
  }
}

export function photoRowsOf(db: Database.Database): PhotoRow[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'client_photos'").get()
  if (table === undefined) return []
  // Hidden photos (removed_at set) are backed up too: the row is still there.
  return db.prepare('SELECT rel_path AS relPath, sha256, bytes FROM client_photos ORDER BY id').all() as PhotoRow[]
}

/** The store folder of a backup folder. */
export function photoStoreOf(backupFolder: string): string {
  return join(backupFolder, PHOTOS_FOLDER_NAME)
}

/**
 * The file of a row under the live photos folder. A path from the database is trusted no more than input:
 * no `..`, not absolute, no backslash or empty segment, and it must resolve inside the folder.
 */
export function livePhotoPath(photosDir: string, relPath: string): string {
  const segments = relPath.split('/')
  const unsafe = relPath.length === 0 || relPath.includes('\\') || relPath.includes('\0') || isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath) || segments.some((s) => s === '' || s === '.' || s === '..')
  const full = resolve(photosDir, ...segments)
  const inside = relative(resolve(photosDir), full)
  if (unsafe || inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) throw new Error(`unsafe photo path: ${relPath}`)
  return full
}

function isSha(sha: string): boolean {
  return /^[0-9a-f]{64}$/.test(sha)
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The store file of a photo if it is there at its expected size (plain first, then encrypted); null if not. */
export async function storedPhoto(store: string, row: PhotoRow): Promise<{ path: string; encrypted: boolean } | null> {
  if (!isSha(row.sha256)) return null
  for (const [name, size, encrypted] of [[row.sha256, row.bytes, false], [`${row.sha256}.enc`, row.bytes + HEADER_BYTES, true]] as const) {
    const path = join(store, name)
    try {
      const s = await stat(path)
      if (s.isFile() && s.size === size) return { path, encrypted }
    } catch {
      // Not there: try the other.
    }
  }
  return null
}

/** The live file of a row when it holds exactly the imported picture; null if missing, unsafe or damaged. */
export async function readLivePhoto(photosDir: string | null, row: PhotoRow): Promise<Buffer | null> {
  if (photosDir === null) return null
  try {
    const data = await readFile(livePhotoPath(photosDir, row.relPath))
    return data.length === row.bytes && sha256Of(data) === row.sha256 ? data : null
  } catch {
    return null
  }
}

export interface StorePhotosOptions {
  /** The backup folder (the store is its `photos/`). */
  folder: string
  /** The live photos folder; null: nothing to copy from. */
  photosDir: string | null
  /** Encrypts new store files when given. */
  passphrase: string | null
  /** The local disk, for the plain temp copy of a photo being encrypted. */
  workDir: string
  kdf?: KdfParams
  /** The run's key cache (one scrypt for all its files); a new one when not given. */
  keys?: KeyCache
  freeBytes(folder: string): Promise<number>
  onProgress?(fraction: number): void
}

export interface StorePhotosResult {
  /** Photos of the database now in the store. */
  stored: number
  /** Copied by this backup (the rest were there already). */
  copied: number
  /** rel_paths of photos neither in the store nor readable intact in the live folder. */
  missing: string[]
  /** Their SHA-256, for the backup's photo note (a restore does not refuse for photos lost before the backup). */
  missingSha: string[]
}

/**
 * Copies into the store every photo of `rows` it lacks: through a temp name, fsynced, the copy's SHA-256
 * checked against the row, renamed into place. A live file missing or damaged does not stop the backup:
 * it is counted and named. Throws on a write failure (the caller removes its database copy; photos already
 * in the store stay, they are complete and shared).
 */
export async function storePhotos(rows: readonly PhotoRow[], given: StorePhotosOptions): Promise<StorePhotosResult> {
  const options = { ...given, keys: given.keys ?? createKeyCache() }
  const store = photoStoreOf(options.folder)
  const result: StorePhotosResult = { stored: 0, copied: 0, missing: [], missingSha: [] }
  if (rows.length === 0) return result
  await mkdir(store, { recursive: true })
  const encrypted = options.passphrase !== null && options.passphrase.length > 0
  // After a passphrase change the store's encrypted photos are written again under the new one (from the live files).
  const rekey = encrypted && !(await keyCheckOpens(store, options.passphrase as string, options.workDir, options.keys))
  const todo = new Map<string, PhotoRow>() // by SHA-256: the same picture of two clients is stored once
  for (const row of rows) {
    if (todo.has(row.sha256)) continue
    const stored = await storedPhoto(store, row)
    if (stored === null || (rekey && stored.encrypted && (await readLivePhoto(options.photosDir, row)) !== null)) todo.set(row.sha256, row)
  }
  const needBytes = [...todo.values()].reduce((sum, r) => sum + r.bytes + HEADER_BYTES, 0)
  const free = await options.freeBytes(store).catch(() => Number.POSITIVE_INFINITY)
  if (todo.size > 0 && free < needBytes) throw Object.assign(new Error(`${free} bytes free, ${needBytes} needed for photos`), { code: 'ENOSPC' })

  let done = 0
  for (const row of todo.values()) {
    const data = await readLivePhoto(options.photosDir, row)
    if (data === null) result.missingSha.push(row.sha256)
    else {
      await copyIntoStore(store, row, data, options)
      result.copied++
    }
    options.onProgress?.(++done / todo.size)
  }
  if (encrypted && (rekey || !(await exists(join(store, KEY_CHECK_FILE))))) await writeKeyCheck(store, options.passphrase as string, options)
  if (result.copied > 0) await fsyncFolder(store)
  result.missing = rows.filter((r) => result.missingSha.includes(r.sha256)).map((r) => r.relPath)
  result.stored = rows.length - result.missing.length
  return result
}

async function copyIntoStore(store: string, row: PhotoRow, data: Buffer, options: StorePhotosOptions): Promise<void> {
  const encrypted = options.passphrase !== null && options.passphrase.length > 0
  const final = join(store, encrypted ? `${row.sha256}.enc` : row.sha256)
  const temp = `${final}.partial`
  // The plain copy of a photo being encrypted stays on the local disk, like a database's.
  const plainTemp = encrypted ? join(options.workDir, `.photo-${randomBytes(6).toString('hex')}.partial`) : temp
  try {
    await rm(temp, { force: true })
    await writeFile(plainTemp, data, { flag: 'wx' })
    await fsyncFile(plainTemp)
    const copied = await readFile(plainTemp)
    if (copied.length !== row.bytes || sha256Of(copied) !== row.sha256) throw new Error(`the copy of ${row.relPath} does not match its SHA-256`)
    if (encrypted) {
      await encryptFile(plainTemp, temp, options.passphrase as string, { kdf: options.kdf, keys: options.keys })
      await rm(plainTemp, { force: true })
    }
    await rename(temp, final) // over an older encrypted copy when re-keying: same picture, the current passphrase
  } catch (error) {
    await Promise.all([rm(temp, { force: true }), rm(plainTemp, { force: true })].map((p) => p.catch(() => undefined)))
    throw error
  }
}

/** A small file encrypted with the passphrase the store's `.enc` photos were last written with. */
export const KEY_CHECK_FILE = 'passphrase-check.enc'
const KEY_CHECK_TEXT = 'clinic photo store'

/** True if the store's key check opens with the passphrase, or there is none yet (nothing encrypted to re-key). */
async function keyCheckOpens(store: string, passphrase: string, workDir: string, keys: KeyCache): Promise<boolean> {
  const path = join(store, KEY_CHECK_FILE)
  if (!(await exists(path))) return !(await readdir(store)).some((n) => n.endsWith('.enc'))
  const out = join(workDir, `.photo-${randomBytes(6).toString('hex')}.partial`)
  try {
    await decryptFile(path, out, passphrase, { keys })
    return (await readFile(out, 'utf8')) === KEY_CHECK_TEXT
  } catch {
    return false
  } finally {
    await rm(out, { force: true }).catch(() => undefined)
  }
}

async function writeKeyCheck(store: string, passphrase: string, options: StorePhotosOptions): Promise<void> {
  const plain = join(options.workDir, `.photo-${randomBytes(6).toString('hex')}.partial`)
  const temp = join(store, `${KEY_CHECK_FILE}.partial`)
  try {
    await rm(temp, { force: true })
    await writeFile(plain, KEY_CHECK_TEXT, { flag: 'wx' })
    await encryptFile(plain, temp, passphrase, { kdf: options.kdf, keys: options.keys })
    await rename(temp, join(store, KEY_CHECK_FILE))
  } finally {
    await Promise.all([rm(plain, { force: true }), rm(temp, { force: true })].map((p) => p.catch(() => undefined)))
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** Removes the temp files a cut in the middle of copying a photo left in the store (ours only, by name). */
export async function removeStalePhotoPartials(backupFolder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(photoStoreOf(backupFolder))
  } catch {
    return []
  }
  const stale = names.filter((n) => /^[0-9a-f]{64}(\.enc)?\.partial$/.test(n) || n === `${KEY_CHECK_FILE}.partial`)
  for (const n of stale) await rm(join(photoStoreOf(backupFolder), n), { force: true }).catch(() => undefined)
  return stale.map((n) => `${PHOTOS_FOLDER_NAME}/${n}`)
}

// --- The photo note of each backup: how many it holds, which were missing when it was made -----------------

export const PHOTO_NOTES_FILE = 'backup-photos.json'

export interface PhotoNote {
  stored: number
  missing: number
  /** SHA-256 of the pictures that were missing when the backup was made. */
  missingSha: string[]
}

export async function readPhotoNotes(folder: string): Promise<Record<string, PhotoNote>> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, PHOTO_NOTES_FILE), 'utf8')) as unknown
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const notes: Record<string, PhotoNote> = {}
    for (const [file, note] of Object.entries(parsed as Record<string, unknown>)) {
      const n = note as Partial<PhotoNote> | null
      if (n && typeof n.stored === 'number' && typeof n.missing === 'number' && Array.isArray(n.missingSha)) notes[file] = { stored: n.stored, missing: n.missing, missingSha: n.missingSha.filter((s): s is string => typeof s === 'string') }
    }
    return notes
  } catch {
    return {}
  }
}

/** Changes the notes (callers run one backup job at a time per folder). */
export async function updatePhotoNotes(folder: string, change: (notes: Record<string, PhotoNote>) => void): Promise<void> {
  const notes = await readPhotoNotes(folder)
  change(notes)
  const temp = join(folder, `${PHOTO_NOTES_FILE}.tmp`)
  await writeFile(temp, JSON.stringify(notes, null, 1))
  await rename(temp, join(folder, PHOTO_NOTES_FILE))
}
