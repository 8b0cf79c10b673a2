import { DatabaseTooNewError, MigrationFailedError } from './errors.ts'
import type { Migration } from './migrations/types.ts'
import type { ReadableDb, WritableDb } from './types.ts'

export function schemaVersion(db: ReadableDb): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function pendingMigrations(db: ReadableDb, migrations: readonly Migration[]): Migration[] {
  const current = schemaVersion(db)
  return migrations.filter((m) => m.version > current)
}

/**
 * Runs each pending migration in its own immediate transaction together with the `user_version` bump,
 * so a failing step leaves the file exactly as the previous step left it.
 */
export function runMigrations(db: WritableDb, migrations: readonly Migration[]): number[] {
  const latest = migrations.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  if (current > latest) throw new DatabaseTooNewError(current, latest)
  const applied: number[] = []
  for (const migration of pendingMigrations(db, migrations)) {
    try {
      db.transaction(() => {
        migration.up(db)
        db.pragma(`user_version = ${Math.trunc(migration.version)}`)
      }).immediate()
    } catch (error) {
      throw new MigrationFailedError(migration.version, migration.name, error)
    }
    applied.push(migration.version)
  }
  return applied
}
