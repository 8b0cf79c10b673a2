import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBackupName, type BackupProgress } from '../../core/domain/backup.ts'
import { BackupError, createBackup, importSnapshot, listBackups, removeStalePartials } from '../../db/backup.ts'
import { checkDatabaseFile } from '../../db/backupCheck.ts'
import { decryptFile, DecryptError, ENCRYPTION_MAGIC, HEADER_BYTES } from '../../db/backupCrypto.ts'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import type { WritableDb } from '../../db/types.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
/** Fast key derivation for tests; the product uses DEFAULT_KDF (2^17). */
const kdf = { logN: 12, r: 8, p: 1 }
const at = new Date(2026, 11, 3, 9, 30, 12)

/** A live clinic database with two tables always written together, big enough for many backup steps. */
function liveDb(dir: string, rows = 1500): WritableDb {
  const { db } = openDatabase(dbPathIn(dir))
  db.exec(`
    CREATE TABLE test_orders (id INTEGER PRIMARY KEY, pad TEXT NOT NULL);
    CREATE TABLE test_order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES test_orders (id), pad TEXT NOT NULL);
  `)
  const insert = pairWriter(db)
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert()
  })()
  return db
}

function pairWriter(db: Database.Database): () => void {
  const order = db.prepare('INSERT INTO test_orders (pad) VALUES (?)')
  const line = db.prepare('INSERT INTO test_order_lines (order_id, pad) VALUES (?, ?)')
  return db.transaction(() => {
    const id = order.run(randomBytes(400).toString('hex')).lastInsertRowid
    line.run(id, randomBytes(400).toString('hex'))
  })
}

function counts(path: string): { orders: number; lines: number } {
  const db = new Database(path, { readonly: true })
  try {
    return {
      orders: db.prepare('SELECT count(*) FROM test_orders').pluck().get() as number,
      lines: db.prepare('SELECT count(*) FROM test_order_lines').pluck().get() as number,
    }
  } finally {
    db.close()
  }
}

describe('an online backup', () => {
  it('while two connections keep writing: complete, integrity-checked, a consistent snapshot', async () => {
    const dir = tempDir()
    const folder = join(dir, 'backups')
    mkdirSync(folder)
    const db = liveDb(dir)
    const other = new Database(dbPathIn(dir))
    other.pragma('busy_timeout = 5000')
    const writeHere = pairWriter(db)
    const writeThere = pairWriter(other)

    let writes = 0
    let stop = false
    const writer = (async () => {
      while (!stop) {
        ;(writes % 2 === 0 ? writeHere : writeThere)()
        writes++
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const progress: BackupProgress[] = []
    const entry = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, onProgress: (p) => progress.push(p) })
    stop = true
    await writer
    other.close()

    expect(writes).toBeGreaterThan(2)
    expect(entry).toMatchObject({ file: 'clinic-2026-12-03T093012-manual.sqlite', kind: 'manual', encrypted: false, lastCheck: { ok: true } })
    const path = join(folder, entry.file)
    expect(checkDatabaseFile(path)).toMatchObject({ ok: true })
    const copy = counts(path)
    expect(copy.orders).toBe(copy.lines)
    expect(copy.orders).toBeGreaterThanOrEqual(1500)
    // A self-contained file in rollback-journal mode; nothing else left in the folder but the checks file.
    expect(readFileSync(path)[18]).toBe(1)
    expect(readdirSync(folder).sort()).toEqual(['backup-checks.json', entry.file])
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([])

    expect(progress.length).toBeGreaterThan(2)
    expect(progress.at(-1)).toEqual({ phase: 'finishing', percent: 100 })
    for (let i = 1; i < progress.length; i++) expect((progress[i] as BackupProgress).percent).toBeGreaterThanOrEqual((progress[i - 1] as BackupProgress).percent)
    closeDatabase(db)
  })

  it('names files by local time and kind, and a second backup in the same second gets its own name', async () => {
    const dir = tempDir()
    const db = liveDb(dir, 10)
    const first = await createBackup(db, { folder: dir, kind: 'daily', now: at, workDir: dir })
    const second = await createBackup(db, { folder: dir, kind: 'daily', now: at, workDir: dir })
    expect([first.file, second.file]).toEqual(['clinic-2026-12-03T093012-daily.sqlite', 'clinic-2026-12-03T093012-2-daily.sqlite'])
    expect(parseBackupName(second.file)).toEqual({ localTime: '2026-12-03T09:30:12', seq: 2, kind: 'daily', encrypted: false })
    expect((await listBackups(dir)).map((e) => e.file)).toEqual([second.file, first.file])
    closeDatabase(db)
  })
})

describe('the snapshot taken before migrating', () => {
  it('is kept in the backup folder as a pre-migration backup at its own schema version', async () => {
    const dir = tempDir()
    const path = dbPathIn(dir)
    const old = new Database(path)
    old.pragma('journal_mode = WAL')
    runMigrations(old as WritableDb, MIGRATIONS.slice(0, -1))
    old.close()
    const opened = openDatabase(path)
    expect(opened.snapshotPath).not.toBeNull()
    const folder = join(dir, 'backups')
    mkdirSync(folder)
    const entry = await importSnapshot(opened.snapshotPath as string, { folder, kind: 'pre-migration', now: at, workDir: dir })
    expect(entry).toMatchObject({ file: 'clinic-2026-12-03T093012-pre-migration.sqlite', kind: 'pre-migration', lastCheck: { ok: true, schemaVersion: MIGRATIONS.at(-2)?.version } })
    expect(checkDatabaseFile(join(folder, entry.file))).toMatchObject({ ok: true, schemaVersion: MIGRATIONS.at(-2)?.version })
    closeDatabase(opened.db)
  })
})

describe('a failing backup leaves no file behind', () => {
  const onlyChecksOrNothing = (folder: string) => expect(readdirSync(folder).filter((n) => n !== 'backup-checks.json')).toEqual([])

  it('when the folder is not there', async () => {
    const dir = tempDir()
    const db = liveDb(dir, 10)
    const error = await createBackup(db, { folder: join(dir, 'usb-drive'), kind: 'manual', now: at, workDir: dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackupError)
    expect((error as BackupError).code).toBe('folder_unreachable')
    closeDatabase(db)
  })

  it('when the disk is too small (a tiny limit): refused before writing', async () => {
    const dir = tempDir()
    const folder = join(dir, 'b')
    mkdirSync(folder)
    const db = liveDb(dir, 200)
    const error = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, io: { freeBytes: async () => 64 * 1024 } }).catch((e: unknown) => e)
    expect((error as BackupError).code).toBe('disk_full')
    expect((error as BackupError).params.needMb).toBeGreaterThan(0)
    onlyChecksOrNothing(folder)
    closeDatabase(db)
  })

  it('when the disk fills at the last step (the rename fails with ENOSPC)', async () => {
    const dir = tempDir()
    const folder = join(dir, 'b')
    mkdirSync(folder)
    const db = liveDb(dir, 200)
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    for (const passphrase of [null, 'correct horse battery']) {
      const error = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir, passphrase, kdf, io: { rename: () => Promise.reject(full) } }).catch((e: unknown) => e)
      expect((error as BackupError).code).toBe('disk_full')
      onlyChecksOrNothing(folder)
      expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([])
    }
    closeDatabase(db)
  })

  it('when the copy breaks off in the middle', async () => {
    const dir = tempDir()
    const folder = join(dir, 'b')
    mkdirSync(folder)
    const db = liveDb(dir, 1500)
    let steps = 0
    const error = await createBackup(db, {
      folder,
      kind: 'manual',
      now: at,
      workDir: dir,
      onProgress: (p) => {
        if (p.phase === 'copying' && ++steps === 3) throw new Error('the drive was pulled out')
      },
    }).catch((e: unknown) => e)
    expect((error as BackupError).code).toBe('write_failed')
    expect(readdirSync(folder)).toEqual([])
    closeDatabase(db)
  })

  it.skipIf(process.getuid?.() === 0)('when the folder is read-only', async () => {
    const dir = tempDir()
    const folder = join(dir, 'ro')
    mkdirSync(folder)
    chmodSync(folder, 0o555)
    const db = liveDb(dir, 10)
    try {
      const error = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BackupError)
      expect(readdirSync(folder)).toEqual([])
    } finally {
      chmodSync(folder, 0o755)
      closeDatabase(db)
    }
  })

  it('leftovers of a backup cut off by a crash are removed at start (ours only)', async () => {
    const dir = tempDir()
    const leftovers = ['clinic-2026-12-03T093012-quit.sqlite.partial', 'clinic-2026-12-03T093012-quit.sqlite.partial-journal', 'clinic-2026-12-03T093012-quit.sqlite.enc.partial', '.verify-0123456789ab.sqlite']
    for (const name of [...leftovers, 'notes.partial', 'clinic-2026-12-03T093012-quit.sqlite']) writeFileSync(join(dir, name), 'x')
    expect((await removeStalePartials(dir)).sort()).toEqual([...leftovers].sort())
    expect(readdirSync(dir).sort()).toEqual(['clinic-2026-12-03T093012-quit.sqlite', 'notes.partial'])
  })
})

describe('encrypted backups', () => {
  it('round trip: nothing readable in the file, the right passphrase gives the same database back', async () => {
    const dir = tempDir()
    const folder = join(dir, 'usb')
    mkdirSync(folder)
    const db = liveDb(dir, 300)
    const phases: string[] = []
    const entry = await createBackup(db, { folder, kind: 'daily', now: at, workDir: dir, passphrase: '前台备份 passphrase', kdf, onProgress: (p) => phases.push(p.phase) })
    expect(entry).toMatchObject({ file: 'clinic-2026-12-03T093012-daily.sqlite.enc', encrypted: true })
    expect([...new Set(phases)]).toEqual(['copying', 'checking', 'encrypting', 'finishing'])
    // No plain copy anywhere: not on the backup drive, not left in the work folder.
    expect(readdirSync(folder).sort()).toEqual(['backup-checks.json', entry.file])
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([])

    const bytes = readFileSync(join(folder, entry.file))
    expect(bytes.subarray(0, 8).equals(ENCRYPTION_MAGIC)).toBe(true)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from('clinic-front-desk'))).toBe(false)

    const plain = join(dir, 'plain.sqlite')
    await decryptFile(join(folder, entry.file), plain, '前台备份 passphrase')
    expect(checkDatabaseFile(plain)).toMatchObject({ ok: true })
    expect(counts(plain)).toEqual({ orders: 300, lines: 300 })
    closeDatabase(db)
  })

  it('refuses a wrong passphrase and any flipped byte or cut, each with its own reason, and leaves no plain file', async () => {
    const dir = tempDir()
    const db = liveDb(dir, 50)
    const entry = await createBackup(db, { folder: dir, kind: 'manual', now: at, workDir: dir, passphrase: 'the right one', kdf })
    closeDatabase(db)
    const source = join(dir, entry.file)
    const original = readFileSync(source)
    const attempt = async (bytes: Buffer, passphrase: string) => {
      const file = join(dir, `attempt-${randomBytes(4).toString('hex')}.enc`)
      writeFileSync(file, bytes)
      const out = join(dir, `out-${randomBytes(4).toString('hex')}.sqlite`)
      const error = await decryptFile(file, out, passphrase).then(() => null, (e: unknown) => e)
      if (error !== null) expect(readdirSync(dir)).not.toContain(out.split('/').at(-1))
      return error instanceof DecryptError ? error.reason : error
    }
    const flip = (at: number) => {
      const copy = Buffer.from(original)
      copy[at] = (copy[at] as number) ^ 0x01
      return copy
    }
    expect(await attempt(original, 'the right one')).toBeNull()
    expect(await attempt(original, 'the wrong one')).toBe('wrong_passphrase')
    expect(await attempt(flip(HEADER_BYTES + 100), 'the right one')).toBe('tampered') // the ciphertext
    expect(await attempt(flip(original.length - 1), 'the right one')).toBe('tampered') // its last byte
    expect(await attempt(flip(30), 'the right one')).toBe('tampered') // the nonce
    expect(await attempt(flip(60), 'the right one')).toBe('tampered') // the tag
    expect(await attempt(original.subarray(0, original.length - 4096), 'the right one')).toBe('tampered') // cut short
    expect(await attempt(original.subarray(0, 40), 'the right one')).toBe('tampered') // only a header's start
    const newer = Buffer.from(original)
    newer[8] = 2
    expect(await attempt(newer, 'the right one')).toBe('newer_format')
  })
})
