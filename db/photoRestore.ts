import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createKeyCache, decryptFile, DecryptError, type KeyCache } from './backupCrypto.ts'
import { fsyncFile, fsyncFolder } from './fsyncFiles.ts'
import { exists, livePhotoPath, photoStoreOf, readLivePhoto, sha256Of, storedPhoto, type PhotoRow } from './photoBackup.ts'

/** Photos back from a backup folder's photo store into the live photos folder (Node only; see db/photoBackup.ts). */

/**
 * The rows a restore could not bring back: in neither the store (at its size) nor the live folder (intact),
 * and not already lost when the backup was made (`knownMissing`, SHA-256 from the backup's photo note).
 */
export async function unavailablePhotos(rows: readonly PhotoRow[], options: { folder: string; photosDir?: string | null; knownMissing?: readonly string[] }): Promise<PhotoRow[]> {
  const store = photoStoreOf(options.folder)
  const out: PhotoRow[] = []
  for (const row of rows) {
    if ((await storedPhoto(store, row)) !== null) continue
    if (options.knownMissing?.includes(row.sha256)) continue
    if (options.photosDir !== undefined && (await readLivePhoto(options.photosDir, row)) !== null) continue
    out.push(row)
  }
  return out
}

export class PhotoRestoreError extends Error {
  readonly relPath: string
  constructor(relPath: string, detail: string) {
    super(`photo ${relPath}: ${detail}`)
    this.name = 'PhotoRestoreError'
    this.relPath = relPath
  }
}

/**
 * Before a restore swaps the database: every photo the restored database lists that the live folder lacks
 * (or holds damaged) is copied from the store to its rel_path (temp, fsync, SHA-256 checked, rename;
 * decrypted with the first passphrase that opens it). A damaged live file is kept beside it as
 * `<name>.damaged-<stamp>`; live photos the restored database does not list are left alone. A failure
 * throws PhotoRestoreError: the files already copied are exactly the rows' pictures at paths the live
 * database does not use for anything else, so they are harmless and the live data is as it was.
 * One key cache for the whole restore (`keys`, a new one when not given): scrypt runs once per passphrase
 * and backup run the photos were written in, not once per photo.
 */
export async function restorePhotos(rows: readonly PhotoRow[], options: { folder: string; photosDir: string; passphrases: readonly string[]; knownMissing?: readonly string[]; now?: Date; keys?: KeyCache }): Promise<{ copied: number }> {
  const store = photoStoreOf(options.folder)
  const keys = options.keys ?? createKeyCache()
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  let copied = 0
  for (const row of rows) {
    let live: string
    try {
      live = livePhotoPath(options.photosDir, row.relPath)
    } catch (error) {
      throw new PhotoRestoreError(row.relPath, (error as Error).message)
    }
    if ((await readLivePhoto(options.photosDir, row)) !== null) continue
    const source = await storedPhoto(store, row)
    if (source === null) {
      if (options.knownMissing?.includes(row.sha256)) continue
      throw new PhotoRestoreError(row.relPath, 'not in the backup folder')
    }
    const temp = `${live}.restoring`
    try {
      await mkdir(dirname(live), { recursive: true })
      await rm(temp, { force: true })
      if (source.encrypted) await decryptWithAny(source.path, temp, options.passphrases, keys)
      else {
        await copyFile(source.path, temp)
        await fsyncFile(temp)
      }
      const data = await readFile(temp)
      if (data.length !== row.bytes || sha256Of(data) !== row.sha256) throw new Error('the copy does not match its SHA-256')
      if (await exists(live)) await rename(live, `${live}.damaged-${stamp}`)
      await rename(temp, live)
      await fsyncFolder(dirname(live))
      copied++
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined)
      throw error instanceof PhotoRestoreError ? error : new PhotoRestoreError(row.relPath, (error as Error).message)
    }
  }
  return { copied }
}

/** A store file encrypted before a passphrase change opens with the older passphrase: try each given. */
async function decryptWithAny(source: string, target: string, passphrases: readonly string[], keys: KeyCache): Promise<void> {
  let last: unknown = new Error('the photo is encrypted and no passphrase was given')
  for (const passphrase of new Set(passphrases)) {
    try {
      await decryptFile(source, target, passphrase, { keys })
      return
    } catch (error) {
      last = error
      if (!(error instanceof DecryptError && error.reason === 'wrong_passphrase')) break
    }
  }
  throw last
}
