import Database from 'better-sqlite3'
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DatabaseTooNewError, NotOurDatabaseError, DatabaseCorruptError } from '../../db/errors.ts'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations/index.ts'
import type { Migration } from '../../db/migrations/types.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('openDatabase', () => {
  it('creates a new database at the latest schema with the pragmas of ARCHITECTURE.md', () => {
    const path = dbPathIn(tempDir())
    const { db, schemaVersion, migrated } = openDatabase(path)
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(migrated).toEqual(MIGRATIONS.map((m) => m.version))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    closeDatabase(db)
  })

  it('opens an existing database again without migrating or snapshotting', () => {
    const path = dbPathIn(tempDir())
    closeDatabase(openDatabase(path).db)
    const again = openDatabase(path)
    expect(again.migrated).toEqual([])
    expect(again.snapshotPath).toBeNull()
    closeDatabase(again.db)
  })

  it('refuses a database written by a newer version and leaves the file byte for byte as it was', () => {
    const path = dbPathIn(tempDir())
    const { db } = openDatabase(path)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`)
    db.pragma('journal_mode = DELETE')
    db.close()
    const before = sha(path)
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError)
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses an SQLite file of another application', () => {
    const path = dbPathIn(tempDir())
    const other = new Database(path)
    other.exec('CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)')
    other.close()
    expect(() => openDatabase(path)).toThrow(NotOurDatabaseError)
  })

  it('refuses a file that is not a database at all', () => {
    const path = dbPathIn(tempDir())
    writeFileSync(path, 'this is a spreadsheet, not a database '.repeat(200))
    expect(() => openDatabase(path)).toThrow(NotOurDatabaseError)
  })

  it('refuses a damaged database found by quick_check', () => {
    const path = dbPathIn(tempDir())
    const { db } = openDatabase(path)
    const insert = db.prepare("INSERT INTO audit_log (at, operator_name, method, summary) VALUES ('t', 'x', 'm', ?)")
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    db.pragma('journal_mode = DELETE')
    db.close()
    const bytes = readFileSync(path)
    const pageSize = bytes.readUInt16BE(16)
    // Scribble over a page in the middle of the audit table's b-tree.
    bytes.fill(0x5a, pageSize * 20 + 8, pageSize * 21)
    writeFileSync(path, bytes)
    expect(() => openDatabase(path)).toThrow(DatabaseCorruptError)
  })

  it('takes a snapshot of an existing database before migrating it', () => {
    const dir = tempDir()
    const path = dbPathIn(dir)
    const first = openDatabase(path)
    first.db.prepare("INSERT INTO audit_log (at, operator_name, method, summary) VALUES ('t', 'x', 'm', 'kept')").run()
    closeDatabase(first.db)
    const extra: Migration = { version: LATEST_SCHEMA_VERSION + 10, name: 'extra', up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)') }
    const second = openDatabase(path, { migrations: [...MIGRATIONS, extra] })
    expect(second.migrated).toEqual([extra.version])
    expect(second.snapshotPath).not.toBeNull()
    closeDatabase(second.db)
    const snapshot = new Database(second.snapshotPath as string, { readonly: true })
    expect(snapshot.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(snapshot.prepare('SELECT summary FROM audit_log').pluck().all()).toEqual(['kept'])
    snapshot.close()
    expect(readdirSync(dir).filter((f) => f.includes('.before-v')).length).toBe(1)
  })
})
