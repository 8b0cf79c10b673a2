import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupProgress } from '../../core/domain/backup.ts'
import { createBackup, deleteBackups, listBackups, removeStalePartials } from '../../db/backup.ts'
import { decryptFile, ENCRYPTION_MAGIC } from '../../db/backupCrypto.ts'
import { openDatabase } from '../../db/open.ts'
import { livePhotoPath, photoRowsInFile } from '../../db/photoBackup.ts'
import { PhotoRestoreError, restorePhotos } from '../../db/photoRestore.ts'
import { verifyBackupFile } from '../../db/restore.ts'
import { addPhoto, pictureBytes } from '../helpers/photoRows.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const kdf = { logN: 12, r: 8, p: 1 }
const at = new Date(2026, 11, 3, 9, 30, 12)

function clinic() {
  const dir = tempDir()
  const { db } = openDatabase(dbPathIn(dir))
  const photosDir = join(dir, 'photos')
  const folder = join(dir, 'backups')
  mkdirSync(folder)
  return { dir, db, photosDir, folder, store: join(folder, 'photos') }
}

describe('photos in a backup', () => {
  it('stores each photo once in the shared store (hidden ones too); a second backup copies none again', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    const b = addPhoto(db, photosDir, { hidden: true })
    const progress: BackupProgress[] = []
    const first = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir, onProgress: (p) => progress.push(p) })
    expect(first.photos).toEqual({ stored: 2, missing: 0 })
    expect(readdirSync(store).sort()).toEqual([a.sha256, b.sha256].sort())
    expect(readFileSync(join(store, a.sha256))).toEqual(a.bytes)
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['copying', 'checking', 'photos', 'finishing'])
    for (let i = 1; i < progress.length; i++) expect((progress[i] as BackupProgress).percent).toBeGreaterThanOrEqual((progress[i - 1] as BackupProgress).percent)

    const before = statSync(join(store, a.sha256))
    const c = addPhoto(db, photosDir)
    const second = await createBackup(db, { folder, kind: 'manual', now: new Date(at.getTime() + 60_000), workDir: dir, photosDir })
    expect(second.photos).toEqual({ stored: 3, missing: 0 })
    expect(readdirSync(store)).toHaveLength(3) // only c is new
    expect(readFileSync(join(store, c.sha256))).toEqual(c.bytes)
    const after = statSync(join(store, a.sha256))
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]) // not copied again
    expect((await listBackups(folder)).map((e) => e.photos)).toEqual([{ stored: 3, missing: 0 }, { stored: 2, missing: 0 }])
  })

  it('encrypted: store files are <sha>.enc, hold no plain picture, and decrypt to the exact bytes', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir, passphrase: '诊所备份密码 2026', kdf })
    expect(entry.photos).toEqual({ stored: 1, missing: 0 })
    expect(readdirSync(store).sort()).toEqual([`${a.sha256}.enc`, 'passphrase-check.enc'].sort())
    const stored = readFileSync(join(store, `${a.sha256}.enc`))
    expect(stored.subarray(0, 8)).toEqual(ENCRYPTION_MAGIC)
    expect(stored.includes(a.bytes.subarray(100, 132))).toBe(false)
    await decryptFile(join(store, `${a.sha256}.enc`), join(dir, 'out2.jpg'), '诊所备份密码 2026')
    expect(readFileSync(join(dir, 'out2.jpg'))).toEqual(a.bytes)
    expect(readdirSync(dir).filter((n) => n.startsWith('.photo-'))).toEqual([]) // no plain temp left on the local disk
  })

  it('after a passphrase change the store’s encrypted photos are written again under the new passphrase', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir, passphrase: 'old passphrase 1', kdf })
    const second = await createBackup(db, { folder, kind: 'manual', now: new Date(at.getTime() + 60_000), workDir: dir, photosDir, passphrase: 'new passphrase 2', kdf })
    expect(second.photos).toEqual({ stored: 1, missing: 0 })
    await decryptFile(join(store, `${a.sha256}.enc`), join(dir, 'out.jpg'), 'new passphrase 2')
    expect(readFileSync(join(dir, 'out.jpg'))).toEqual(a.bytes)
    // A third backup with the same passphrase copies nothing again.
    const before = statSync(join(store, `${a.sha256}.enc`)).mtimeMs
    await createBackup(db, { folder, kind: 'manual', now: new Date(at.getTime() + 120_000), workDir: dir, photosDir, passphrase: 'new passphrase 2', kdf })
    expect(statSync(join(store, `${a.sha256}.enc`)).mtimeMs).toBe(before)
    expect(readdirSync(dir).filter((n) => n.startsWith('.photo-'))).toEqual([])
  })

  it('a damaged or missing live photo does not stop the backup: counted, named, not copied', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const good = addPhoto(db, photosDir)
    const damaged = addPhoto(db, photosDir)
    const gone = addPhoto(db, photosDir)
    writeFileSync(damaged.file, pictureBytes(damaged.bytes.length)) // same size, other bytes
    rmSync(gone.file)
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir })
    expect(entry.photos).toEqual({ stored: 1, missing: 2 })
    expect(entry.missingPhotoPaths?.sort()).toEqual([damaged.relPath, gone.relPath].sort())
    expect(readdirSync(store)).toEqual([good.sha256])
    expect(existsSync(join(folder, entry.file))).toBe(true)
  })

  it('verify refuses a backup whose store lost a photo, with the count', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    addPhoto(db, photosDir)
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir })
    expect(await verifyBackupFile(join(folder, entry.file), null, { workDir: dir, photos: { folder } })).toMatchObject({ ok: true, photos: 2 })
    rmSync(join(store, a.sha256))
    expect(await verifyBackupFile(join(folder, entry.file), null, { workDir: dir, photos: { folder } })).toMatchObject({ ok: false, reason: 'photos_missing', photosMissing: 1 })
    // A store file cut short counts as missing too.
    writeFileSync(join(store, a.sha256), a.bytes.subarray(0, 10))
    expect(await verifyBackupFile(join(folder, entry.file), null, { workDir: dir, photos: { folder } })).toMatchObject({ ok: false, reason: 'photos_missing', photosMissing: 1 })
    // For a restore, the intact live file counts: nothing would be lost.
    expect(await verifyBackupFile(join(folder, entry.file), null, { workDir: dir, photos: { folder, photosDir } })).toMatchObject({ ok: true })
  })

  it('restorePhotos brings a deleted live photo back byte-identical, from a plain and from an encrypted store', async () => {
    for (const passphrase of [null, '诊所备份密码 2026']) {
      const { dir, db, photosDir, folder } = clinic()
      const a = addPhoto(db, photosDir)
      const b = addPhoto(db, photosDir)
      const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir, passphrase, kdf })
      rmSync(a.file)
      writeFileSync(b.file, 'damaged')
      const extra = join(photosDir, 'other', 'keep.jpg')
      mkdirSync(join(photosDir, 'other'))
      writeFileSync(extra, 'not in the backup')
      const checked = await verifyBackupFile(join(folder, entry.file), passphrase, { workDir: dir, keepPlain: true })
      if (!checked.ok || checked.plainFile === null) throw new Error('check failed')
      const rows = photoRowsInFile(checked.plainFile)
      expect(await restorePhotos(rows, { folder, photosDir, passphrases: passphrase ? ['wrong one', passphrase] : [], now: at })).toEqual({ copied: 2 })
      expect(readFileSync(a.file)).toEqual(a.bytes)
      expect(readFileSync(b.file)).toEqual(b.bytes)
      expect(readdirSync(join(photosDir, b.relPath.split('/')[0] as string, '2026-11-20')).sort()).toEqual([`${b.sha256.slice(0, 16)}.jpg`, `${b.sha256.slice(0, 16)}.jpg.damaged-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`].sort())
      expect(readFileSync(extra, 'utf8')).toBe('not in the backup') // left where it was
      expect(await restorePhotos(rows, { folder, photosDir, passphrases: passphrase ? [passphrase] : [] })).toEqual({ copied: 0 })
    }
  })

  it('a damaged store file is refused by its SHA-256 and leaves no temp file', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir })
    rmSync(a.file)
    writeFileSync(join(store, a.sha256), pictureBytes(a.bytes.length))
    const rows = photoRowsInFile(join(folder, entry.file))
    await expect(restorePhotos(rows, { folder, photosDir, passphrases: [] })).rejects.toBeInstanceOf(PhotoRestoreError)
    expect(readdirSync(join(photosDir, a.relPath.split('/')[0] as string, '2026-11-20'))).toEqual([])
  })

  it('paths from the database stay inside the photos folder', () => {
    const root = join(tempDir(), 'photos')
    expect(livePhotoPath(root, 'DA000001/2026-11-20/abc.jpg')).toBe(join(root, 'DA000001', '2026-11-20', 'abc.jpg'))
    for (const bad of ['../x.jpg', 'a/../../x.jpg', '/etc/passwd', 'C:/x.jpg', 'a\\..\\x.jpg', 'a//b.jpg', './a.jpg', '']) expect(() => livePhotoPath(root, bad), bad).toThrow(/unsafe/)
  })

  it('pruning never deletes photos; stale photo temp files are removed', async () => {
    const { dir, db, photosDir, folder, store } = clinic()
    const a = addPhoto(db, photosDir)
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, photosDir })
    writeFileSync(join(store, `${'c'.repeat(64)}.partial`), 'cut')
    writeFileSync(join(store, 'mine.txt'), 'not ours')
    expect(await removeStalePartials(folder)).toEqual([`photos/${'c'.repeat(64)}.partial`])
    expect(await deleteBackups(folder, [entry.file])).toEqual([entry.file])
    expect(readdirSync(store).sort()).toEqual([a.sha256, 'mine.txt'])
  })
})
