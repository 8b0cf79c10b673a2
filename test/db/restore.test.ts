import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackup } from '../../db/backup.ts'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { RestoreError, swapInDatabase, verifyBackupFile } from '../../db/restore.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const kdf = { logN: 12, r: 8, p: 1 }
const at = new Date(2026, 11, 3, 9, 30, 0)

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

function addStaff(path: string, name: string): void {
  const { db } = openDatabase(path)
  db.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES (?, 'consultant', 't', 't')").run(name)
  closeDatabase(db)
}

function staffNames(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare('SELECT name FROM staff ORDER BY id').pluck().all() as string[]
  } finally {
    db.close()
  }
}

/** A live clinic database (closed) with one consultant, and a folder with a plain and an encrypted backup of it. */
async function clinic() {
  const dir = tempDir()
  const live = dbPathIn(dir)
  const folder = join(dir, 'backups')
  mkdirSync(folder)
  addStaff(live, '王静')
  const { db } = openDatabase(live)
  const plain = await createBackup(db, { folder, kind: 'manual', now: at, workDir: dir })
  const encrypted = await createBackup(db, { folder, kind: 'daily', now: at, workDir: dir, passphrase: 'secret passphrase', kdf })
  closeDatabase(db)
  return { dir, live, folder, plain: join(folder, plain.file), encrypted: join(folder, encrypted.file) }
}

describe('verifyBackupFile', () => {
  it('refuses each kind of bad file with its own reason, and the live database is untouched', async () => {
    const { dir, live, folder, plain, encrypted } = await clinic()
    const liveHash = hash(live)
    const bad = (name: string, bytes: Buffer | string) => {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      return path
    }
    const foreign = join(dir, 'foreign.sqlite')
    const other = new Database(foreign)
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('not ours')")
    other.pragma('user_version = 3')
    other.close()
    const foreignApp = join(dir, 'other-app.sqlite')
    copyFileSync(plain, foreignApp)
    const marker = new Database(foreignApp)
    marker.prepare("UPDATE app_meta SET value = 'some-other-app' WHERE key = 'application'").run()
    marker.close()
    const newer = join(dir, 'newer.sqlite')
    copyFileSync(plain, newer)
    const bump = new Database(newer)
    bump.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`)
    bump.close()
    const whole = readFileSync(plain)

    const cases: [string, string, string | null][] = [
      ['random bytes', bad('random.sqlite', randomBytes(8192)), null],
      ['an empty file', bad('empty.sqlite', ''), null],
      ['a text file', bad('notes.txt', '患者名单\n张小丽 13900000001\n'), null],
      ['a truncated copy', bad('truncated.sqlite', whole.subarray(0, Math.floor(whole.length / 2))), null],
      ['a copy with a damaged page', bad('damaged.sqlite', Buffer.concat([whole.subarray(0, 4096 * 2), randomBytes(4096), whole.subarray(4096 * 3)])), null],
      ['a foreign SQLite file', foreign, null],
      ['another app’s marker', foreignApp, null],
      ['a newer schema', newer, null],
      ['an encrypted backup without a passphrase', encrypted, null],
      ['an encrypted backup with a wrong passphrase', encrypted, 'not the passphrase'],
      ['a missing file', join(dir, 'gone.sqlite'), null],
    ]
    const reasons: Record<string, string> = {}
    for (const [label, path, passphrase] of cases) {
      const result = await verifyBackupFile(path, passphrase, { workDir: dir })
      expect(result.ok, label).toBe(false)
      if (!result.ok) reasons[label] = result.reason
    }
    expect(reasons).toEqual({
      'random bytes': 'not_sqlite',
      'an empty file': 'not_sqlite',
      'a text file': 'not_sqlite',
      'a truncated copy': 'integrity_failed',
      'a copy with a damaged page': 'integrity_failed',
      'a foreign SQLite file': 'foreign_database',
      'another app’s marker': 'foreign_database',
      'a newer schema': 'newer_schema',
      'an encrypted backup without a passphrase': 'passphrase_required',
      'an encrypted backup with a wrong passphrase': 'wrong_passphrase',
      'a missing file': 'unreadable',
    })

    // Nothing was created beside the files (no -wal, -shm, temp copies), and the live database is as it was.
    expect(readdirSync(dir).filter((n) => /-(wal|shm|journal)$|\.verify-/.test(n))).toEqual([])
    expect(readdirSync(folder).sort()).toEqual(['backup-checks.json', 'clinic-2026-12-03T093000-daily.sqlite.enc', 'clinic-2026-12-03T093000-manual.sqlite'])
    expect(hash(live)).toBe(liveHash)
    expect(staffNames(live)).toEqual(['王静'])
    const reopened = openDatabase(live)
    closeDatabase(reopened.db)
  })

  it('accepts good backups, plain and encrypted, and one in WAL mode through a temp copy', async () => {
    const { dir, live, plain, encrypted } = await clinic()
    expect(await verifyBackupFile(plain, null, { workDir: dir })).toMatchObject({ ok: true, encrypted: false, schemaVersion: LATEST_SCHEMA_VERSION, plainFile: null })
    expect(await verifyBackupFile(encrypted, 'secret passphrase', { workDir: dir })).toMatchObject({ ok: true, encrypted: true, plainFile: null })
    const walCopy = join(dir, 'wal-mode.sqlite')
    copyFileSync(live, walCopy) // the closed live file still says WAL in its header
    expect(readFileSync(walCopy)[18]).toBe(2)
    expect(await verifyBackupFile(walCopy, null, { workDir: dir })).toMatchObject({ ok: true })
    expect(existsSync(`${walCopy}-wal`) || existsSync(`${walCopy}-shm`)).toBe(false)

    const kept = await verifyBackupFile(encrypted, 'secret passphrase', { workDir: dir, keepPlain: true })
    expect(kept).toMatchObject({ ok: true, temporary: true })
    if (kept.ok && kept.plainFile) expect(staffNames(kept.plainFile)).toEqual(['王静'])
    expect(readdirSync(dir).filter((n) => n.startsWith('.verify-'))).toHaveLength(1)
  })
})

describe('swapInDatabase', () => {
  /** The live database as a running (or crashed) app leaves it: db, -wal and -shm, the newest rows only in the wal. */
  function liveWithWal(dir: string, from: string): string {
    const live = join(dir, 'live', 'clinic.sqlite')
    mkdirSync(join(dir, 'live'))
    const db = new Database(from)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('李娜', 'consultant', 't', 't')").run()
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(from + suffix, live + suffix)
    db.close()
    return live
  }

  it('swaps the backup in, keeps the replaced db, -wal and -shm beside it, and the result passes its checks', async () => {
    const { dir, live: original, plain } = await clinic()
    const live = liveWithWal(dir, original)
    expect(staffNames(live)).toEqual(['王静', '李娜'])
    const backupHash = hash(plain)

    const result = await swapInDatabase(live, plain, { now: new Date('2026-12-04T01:02:03Z') })
    expect(result.replacedPath).toBe(`${live}.before-restore-20261204T010203Z`)
    expect(result.movedAside).toEqual([result.replacedPath, `${result.replacedPath}-wal`, `${result.replacedPath}-shm`])
    for (const path of result.movedAside) expect(existsSync(path)).toBe(true)
    expect(hash(plain)).toBe(backupHash) // the backup itself is only read
    expect(existsSync(`${live}.restoring`)).toBe(false)

    const { db } = openDatabase(live)
    expect(db.prepare('SELECT name FROM staff ORDER BY id').pluck().all()).toEqual(['王静'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    closeDatabase(db)
    // The replaced database, with its wal, still holds what it held.
    expect(staffNames(result.replacedPath)).toEqual(['王静', '李娜'])
  })

  it('puts the old database back when the final rename fails', async () => {
    const { dir, live: original, plain } = await clinic()
    const live = liveWithWal(dir, original)
    const before = ['', '-wal', '-shm'].map((s) => hash(live + s))
    const liveFolder = join(dir, 'live')
    const listing = readdirSync(liveFolder).sort()

    const { rename } = await import('node:fs/promises')
    const error = await swapInDatabase(live, plain, {
      io: { rename: (from, to) => (from.endsWith('.restoring') ? Promise.reject(new Error('EIO: the disk said no')) : rename(from, to)) },
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RestoreError)
    expect((error as Error).message).toContain('put back')
    expect(readdirSync(liveFolder).sort()).toEqual(listing)
    expect(['', '-wal', '-shm'].map((s) => hash(live + s))).toEqual(before)
    expect(staffNames(live)).toEqual(['王静', '李娜'])
  })

  it('puts the old database back when the swapped-in file fails its integrity check', async () => {
    const { dir, live: original, plain } = await clinic()
    const live = liveWithWal(dir, original)
    const before = hash(live)
    const whole = readFileSync(plain)
    const damaged = join(dir, 'damaged.sqlite')
    writeFileSync(damaged, Buffer.concat([whole.subarray(0, 4096 * 2), Buffer.alloc(4096, 0x5a), whole.subarray(4096 * 3)]))

    await expect(swapInDatabase(live, damaged)).rejects.toBeInstanceOf(RestoreError)
    expect(hash(live)).toBe(before)
    expect(readdirSync(join(dir, 'live')).sort()).toEqual(['clinic.sqlite', 'clinic.sqlite-shm', 'clinic.sqlite-wal'])
    expect(staffNames(live)).toEqual(['王静', '李娜'])
  })
})
