import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { WAL_SAFETY_PAGES } from './checkpoint.ts'
import { DatabaseCorruptError, DatabaseTooNewError, NotOurDatabaseError } from './errors.ts'
import { pendingMigrations, runMigrations, schemaVersion } from './migrate.ts'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts'
import type { Migration } from './migrations/types.ts'
import type { WritableDb } from './types.ts'

export const APPLICATION_ID = 'clinic-front-desk'

export interface OpenOptions {
  /** For tests: another list of migrations. */
  migrations?: readonly Migration[]
  /** Write a copy of an existing database before migrating it (default true). */
  snapshotBeforeMigrating?: boolean
}

export interface OpenedDatabase {
  db: WritableDb
  schemaVersion: number
  migrated: number[]
  /** Path of the copy taken before migrations ran, if any. */
  snapshotPath: string | null
}

/**
 * Opens (or creates) the clinic database: checks that it is ours and not from a newer version BEFORE
 * anything is written to it, sets the pragmas, runs quick_check, snapshots, then migrates.
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS
  const latest = migrations.at(-1)?.version ?? 0
  const isNew = path === ':memory:' || !existsSync(path)
  const db = new Database(path) as WritableDb
  try {
    refuseForeignOrNewer(db, latest)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`)
    const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[]
    const problems = check.map((row) => row.quick_check).filter((r) => r !== 'ok')
    if (problems.length > 0) throw new DatabaseCorruptError(problems)

    let snapshotPath: string | null = null
    const pending = pendingMigrations(db, migrations)
    if (!isNew && schemaVersion(db) > 0 && pending.length > 0 && options.snapshotBeforeMigrating !== false) {
      snapshotPath = `${path}.before-v${pending.at(-1)?.version}-${Date.now()}.sqlite`
      db.prepare('VACUUM INTO ?').run(snapshotPath)
    }
    const migrated = runMigrations(db, migrations)
    return { db, schemaVersion: schemaVersion(db), migrated, snapshotPath }
  } catch (error) {
    db.close()
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CORRUPT')) throw new DatabaseCorruptError([error.message])
    throw error
  }
}

function refuseForeignOrNewer(db: WritableDb, latest: number): void {
  let version: number
  try {
    version = schemaVersion(db)
  } catch (error) {
    throw new NotOurDatabaseError(error instanceof Error ? error.message : String(error))
  }
  if (version > latest) throw new DatabaseTooNewError(version, latest)
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
    if (tables.n > 0) throw new NotOurDatabaseError('it has tables but no schema version')
    return
  }
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'").get()
  const row = hasMeta ? (db.prepare("SELECT value FROM app_meta WHERE key = 'application'").get() as { value: string } | undefined) : undefined
  if (row?.value !== APPLICATION_ID) throw new NotOurDatabaseError('no application marker')
}

/** Runs `PRAGMA optimize` and closes: what the app does before it quits. */
export function closeDatabase(db: WritableDb): void {
  if (!db.open) return
  try {
    db.pragma('optimize')
  } finally {
    db.close()
  }
}

export { LATEST_SCHEMA_VERSION }
