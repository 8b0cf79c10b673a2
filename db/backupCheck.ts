import Database from 'better-sqlite3'
import type { BackupRefusal } from '../core/domain/backup.ts'
import { APPLICATION_ID } from './open.ts'
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts'

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1')

/** Tables every database of this app has had since its first migration: with the marker, how we know ours. */
const OUR_TABLES = ['app_meta', 'staff', 'settings', 'audit_log']

export type DatabaseFileCheck = { ok: true; schemaVersion: number } | { ok: false; reason: BackupRefusal; schemaVersion: number | null; detail: string }

/**
 * Checks a plain SQLite file that nobody else has open, read-only: it is SQLite, it is a database of this app
 * (the `app_meta` application marker and the expected tables), `integrity_check` and `foreign_key_check`
 * pass, and its schema version is not newer than `latest`. The file must be in rollback-journal mode
 * (header bytes 18-19 = 1), so that opening it creates no -wal or -shm beside it; callers convert a copy first.
 */
export function checkDatabaseFile(path: string, latest: number = LATEST_SCHEMA_VERSION): DatabaseFileCheck {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    return { ok: false, reason: 'unreadable', schemaVersion: null, detail: message(error) }
  }
  try {
    let version: number
    try {
      version = db.pragma('user_version', { simple: true }) as number
    } catch (error) {
      return { ok: false, reason: isNotADatabase(error) ? 'not_sqlite' : 'integrity_failed', schemaVersion: null, detail: message(error) }
    }
    const problems = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok')
    if (problems.length > 0) return { ok: false, reason: 'integrity_failed', schemaVersion: version, detail: problems.slice(0, 3).join('; ') }

    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]))
    const missing = OUR_TABLES.filter((t) => !tables.has(t))
    if (version === 0 || missing.length > 0) return { ok: false, reason: 'foreign_database', schemaVersion: version, detail: missing.length > 0 ? `no table ${missing.join(', ')}` : 'no schema version' }
    const marker = db.prepare("SELECT value FROM app_meta WHERE key = 'application'").pluck().get()
    if (marker !== APPLICATION_ID) return { ok: false, reason: 'foreign_database', schemaVersion: version, detail: 'no application marker' }
    if (version > latest) return { ok: false, reason: 'newer_schema', schemaVersion: version, detail: `schema ${version} > ${latest}` }

    const broken = db.pragma('foreign_key_check', { simple: false }) as unknown[]
    if (broken.length > 0) return { ok: false, reason: 'integrity_failed', schemaVersion: version, detail: `${broken.length} foreign key problems` }
    return { ok: true, schemaVersion: version }
  } catch (error) {
    return { ok: false, reason: isNotADatabase(error) ? 'not_sqlite' : 'integrity_failed', schemaVersion: null, detail: message(error) }
  } finally {
    db.close()
  }
}

function isNotADatabase(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB'
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
