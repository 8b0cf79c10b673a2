import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKeyCache, decryptFile, DecryptError, encryptFile, HEADER_BYTES } from '../../db/backupCrypto.ts'
import { openDatabase } from '../../db/open.ts'
import { photoRowsOf, storePhotos } from '../../db/photoBackup.ts'
import { restorePhotos } from '../../db/photoRestore.ts'
import { addPhoto } from '../helpers/photoRows.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const kdf = { logN: 12, r: 8, p: 1 }
const passphrase = '诊所备份密码 2026'
const salt = (file: Buffer) => file.subarray(12, 28).toString('hex')
const nonce = (file: Buffer) => file.subarray(28, 40).toString('hex')

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DecryptError) return error.reason
    throw error
  }
  return 'opened'
}

/** Three files of one run encrypted with `keys`; the first two hold the same plaintext. */
async function encryptThree(dir: string, keys = createKeyCache()) {
  const same = Buffer.from('同一张照片 the same picture '.repeat(40))
  const plains = [same, same, Buffer.from('另一张 another one')]
  const files: string[] = []
  for (const [i, plain] of plains.entries()) {
    writeFileSync(join(dir, `plain-${i}`), plain)
    files.push(join(dir, `file-${i}.enc`))
    await encryptFile(join(dir, `plain-${i}`), files[i] as string, passphrase, { kdf, keys })
  }
  return { plains, files }
}

describe('backup key cache', () => {
  it('encrypting 3 files with one cache derives once; each opens with plain decryptFile', async () => {
    const dir = tempDir()
    let heard = 0
    const keys = createKeyCache({ onDerive: () => heard++ })
    const { plains, files } = await encryptThree(dir, keys)
    expect([heard, keys.derivations]).toEqual([1, 1])
    for (const [i, file] of files.entries()) {
      await decryptFile(file, join(dir, `out-${i}`), passphrase)
      expect(readFileSync(join(dir, `out-${i}`))).toEqual(plains[i])
    }
    const bytes = files.map((f) => readFileSync(f))
    expect(new Set(bytes.map(salt)).size).toBe(1) // one salt for the run
    expect(new Set(bytes.map(nonce)).size).toBe(3) // a nonce per file
    // Equal plaintexts, different ciphertexts (and tags).
    expect((bytes[0] as Buffer).length).toBe((bytes[1] as Buffer).length)
    expect((bytes[0] as Buffer).subarray(HEADER_BYTES).equals((bytes[1] as Buffer).subarray(HEADER_BYTES))).toBe(false)
    expect((bytes[0] as Buffer).subarray(56, 72).equals((bytes[1] as Buffer).subarray(56, 72))).toBe(false)
  })

  it('without a cache each file keeps its own salt', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'plain'), 'x')
    await encryptFile(join(dir, 'plain'), join(dir, 'a.enc'), passphrase, { kdf })
    await encryptFile(join(dir, 'plain'), join(dir, 'b.enc'), passphrase, { kdf })
    expect(salt(readFileSync(join(dir, 'a.enc')))).not.toBe(salt(readFileSync(join(dir, 'b.enc'))))
  })

  it('decrypting the files of one run with a cache derives once; a new run gets a new salt', async () => {
    const dir = tempDir()
    const { plains, files } = await encryptThree(dir)
    const keys = createKeyCache()
    for (const [i, file] of files.entries()) {
      await decryptFile(file, join(dir, `out-${i}`), passphrase, { keys })
      expect(readFileSync(join(dir, `out-${i}`))).toEqual(plains[i])
    }
    expect(keys.derivations).toBe(1)
    const other = tempDir()
    const second = await encryptThree(other)
    expect(salt(readFileSync(second.files[0] as string))).not.toBe(salt(readFileSync(files[0] as string)))
    await decryptFile(second.files[0] as string, join(other, 'out'), passphrase, { keys })
    expect(keys.derivations).toBe(2) // another salt: derived again, not taken from the cache
  })

  it('a wrong passphrase still fails as wrong_passphrase, also after the right one was cached for that salt', async () => {
    const dir = tempDir()
    const { files } = await encryptThree(dir)
    const keys = createKeyCache()
    expect(await reasonOf(decryptFile(files[0] as string, join(dir, 'out-0'), 'wrong one', { keys }))).toBe('wrong_passphrase')
    expect(existsSync(join(dir, 'out-0'))).toBe(false)
    await decryptFile(files[0] as string, join(dir, 'out-0'), passphrase, { keys })
    expect(await reasonOf(decryptFile(files[1] as string, join(dir, 'out-1'), 'wrong one', { keys }))).toBe('wrong_passphrase')
    expect(await reasonOf(decryptFile(files[1] as string, join(dir, 'out-1'), `${passphrase} `, { keys }))).toBe('wrong_passphrase')
    expect(existsSync(join(dir, 'out-1'))).toBe(false)
    expect(keys.derivations).toBe(3) // 'wrong one' (once: cached), the passphrase, the one with a space
  })

  it('a tampered file still fails as tampered with a cache, and leaves no output', async () => {
    const dir = tempDir()
    const keys = createKeyCache()
    const { files } = await encryptThree(dir, keys)
    const bytes = readFileSync(files[1] as string)
    bytes[HEADER_BYTES + 5] = (bytes[HEADER_BYTES + 5] as number) ^ 1
    writeFileSync(files[1] as string, bytes)
    expect(await reasonOf(decryptFile(files[1] as string, join(dir, 'out-1'), passphrase, { keys }))).toBe('tampered')
    expect(existsSync(join(dir, 'out-1'))).toBe(false)
    // The nonce changed: the tag fails, not the passphrase check.
    const header = readFileSync(files[2] as string)
    header[30] = (header[30] as number) ^ 1
    writeFileSync(files[2] as string, header)
    expect(await reasonOf(decryptFile(files[2] as string, join(dir, 'out-2'), passphrase, { keys }))).toBe('tampered')
    expect(keys.derivations).toBe(1)
  })
})

describe('photo store runs with one key cache', () => {
  function clinic() {
    const dir = tempDir()
    const { db } = openDatabase(dbPathIn(dir))
    return { dir, db, photosDir: join(dir, 'photos'), folder: join(dir, 'backups'), store: join(dir, 'backups', 'photos') }
  }
  const run = (c: ReturnType<typeof clinic>, phrase: string, keys = createKeyCache()) =>
    storePhotos(photoRowsOf(c.db), { folder: c.folder, photosDir: c.photosDir, passphrase: phrase, workDir: c.dir, kdf, keys, freeBytes: async () => Number.POSITIVE_INFINITY }).then((result) => ({ result, derivations: keys.derivations }))

  it('a backup run derives once for all photos and the check file; a restore once per passphrase tried', async () => {
    const c = clinic()
    const photos = [addPhoto(c.db, c.photosDir), addPhoto(c.db, c.photosDir), addPhoto(c.db, c.photosDir)]
    const first = await run(c, passphrase)
    expect(first).toMatchObject({ result: { copied: 3, stored: 3 }, derivations: 1 })
    const stored = readdirSync(c.store).filter((n) => n.endsWith('.enc'))
    expect(stored).toHaveLength(4) // 3 photos + passphrase-check.enc
    expect(new Set(stored.map((n) => salt(readFileSync(join(c.store, n))))).size).toBe(1)
    for (const p of photos) {
      await decryptFile(join(c.store, `${p.sha256}.enc`), join(c.dir, `${p.sha256}.out`), passphrase)
      expect(readFileSync(join(c.dir, `${p.sha256}.out`))).toEqual(p.bytes)
    }
    // Next run: one to open the check file, one for the new photo.
    addPhoto(c.db, c.photosDir)
    expect(await run(c, passphrase)).toMatchObject({ result: { copied: 1, stored: 4 }, derivations: 2 })

    for (const p of photos) rmSync(p.file)
    const keys = createKeyCache()
    expect(await restorePhotos(photoRowsOf(c.db), { folder: c.folder, photosDir: c.photosDir, passphrases: ['wrong one', passphrase], keys })).toEqual({ copied: 3 })
    for (const p of photos) expect(readFileSync(p.file)).toEqual(p.bytes)
    expect(keys.derivations).toBe(2) // the three photos share one salt: 'wrong one' once, the passphrase once
  })

  it('after a passphrase change the re-encrypted photos share one new key, opened by the new passphrase only', async () => {
    const c = clinic()
    const photos = [addPhoto(c.db, c.photosDir), addPhoto(c.db, c.photosDir)]
    await run(c, 'old passphrase 1')
    const oldSalt = salt(readFileSync(join(c.store, `${photos[0]?.sha256}.enc`)))
    // The old check file tried with the new passphrase, then one key for the rewritten photos and check.
    expect(await run(c, 'new passphrase 2')).toMatchObject({ result: { copied: 2, stored: 2 }, derivations: 2 })
    const salts = readdirSync(c.store).filter((n) => n.endsWith('.enc')).map((n) => salt(readFileSync(join(c.store, n))))
    expect(salts).toHaveLength(3)
    expect(new Set(salts).size).toBe(1)
    expect(salts[0]).not.toBe(oldSalt)
    for (const p of photos) {
      expect(await reasonOf(decryptFile(join(c.store, `${p.sha256}.enc`), join(c.dir, 'old.out'), 'old passphrase 1'))).toBe('wrong_passphrase')
      await decryptFile(join(c.store, `${p.sha256}.enc`), join(c.dir, `${p.sha256}.out`), 'new passphrase 2')
      expect(readFileSync(join(c.dir, `${p.sha256}.out`))).toEqual(p.bytes)
    }
    expect(await run(c, 'new passphrase 2')).toMatchObject({ result: { copied: 0 }, derivations: 1 }) // only the check file
  })
})
