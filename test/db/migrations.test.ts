import { describe, expect, it } from 'vitest'
import { MigrationFailedError } from '../../db/errors.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { Migration } from '../../db/migrations/types.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'

const tempDir = useTempDir()

describe('migrations', () => {
  it('are listed with versions that only go up, in steps leaving room', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    versions.forEach((v, i) => {
      expect(Number.isInteger(v) && v > 0).toBe(true)
      if (i > 0) expect(v).toBeGreaterThan(versions[i - 1] as number)
    })
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length)
  })

  it('a failing migration leaves the database exactly as the previous step left it', () => {
    const path = dbPathIn(tempDir())
    const first = openDatabase(path)
    first.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('clinicName', '\"甲\"', 't')").run()
    closeDatabase(first.db)

    const last = MIGRATIONS.at(-1)?.version ?? 0
    const halfDone: Migration = {
      version: last + 10,
      name: 'half-done',
      up(db) {
        db.exec('CREATE TABLE half (id INTEGER PRIMARY KEY)')
        db.exec("UPDATE settings SET value = '\"乙\"'")
        throw new Error('boom in the middle')
      },
    }
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, halfDone], snapshotBeforeMigrating: false })).toThrow(MigrationFailedError)

    const after = openDatabase(path)
    expect(after.schemaVersion).toBe(last)
    expect(after.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined()
    expect(after.db.prepare('SELECT value FROM settings').pluck().get()).toBe('"甲"')
    closeDatabase(after.db)
  })
})
