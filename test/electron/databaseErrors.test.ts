import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseCorruptError, DatabaseTooNewError, MigrationFailedError, NotOurDatabaseError } from '../../db/errors.ts'
import { openDatabase } from '../../db/open.ts'
import { databaseErrorDialog } from '../../electron/main/logic/databaseErrors.ts'

const NEVER_OFFERED = /删除|清除|重置|重建|delete|erase|reset|wipe|recreate|remove/i

const errors = [
  new DatabaseTooNewError(900, 30),
  new MigrationFailedError(40, 'x', new Error('syntax error')),
  new DatabaseCorruptError(['row 3 missing from index']),
  new NotOurDatabaseError('no application marker'),
  new Error('SQLITE_CANTOPEN'),
  'a string',
]

describe('databaseErrorDialog', () => {
  it.each(errors.map((e) => [e instanceof Error ? e.name : typeof e, e]))('%s: bilingual, names the file, never offers deleting', (_name, error) => {
    const text = databaseErrorDialog(error, '/data/clinic.sqlite')
    const all = `${text.title}\n${text.message}\n${text.detail}`
    expect(all).toMatch(/[\u4e00-\u9fff]/)
    expect(all).toMatch(/[A-Za-z]{4}/)
    expect(text.title).toContain(' / ')
    expect(text.detail).toContain('/data/clinic.sqlite')
    expect(`${text.title}\n${text.message}`).not.toMatch(NEVER_OFFERED)
  })

  it('tells the user to install the newer version for a newer database', () => {
    const text = databaseErrorDialog(new DatabaseTooNewError(900, 30), '/d.sqlite')
    expect(text.message).toContain('更新版本')
    expect(text.message).toMatch(/made by a newer version of the app/)
    expect(text.message).toMatch(/install the newer version/)
  })

  it('says the file was not changed for the refusals of openDatabase', () => {
    for (const error of errors.slice(0, 4)) expect(databaseErrorDialog(error, '/d').detail).toContain('The file has not been changed')
  })
})

describe('the refusals the database module turns into dialogs (real SQLite files)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'db-dialog-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

  it('a database from a newer version is refused untouched', () => {
    const path = join(dir, 'clinic.sqlite')
    const db = new Database(path)
    db.pragma('user_version = 999999')
    db.close()
    const before = digest(path)
    let thrown: unknown
    try {
      openDatabase(path)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    expect(databaseErrorDialog(thrown, path).title).toContain('Newer version needed')
    expect(digest(path)).toBe(before)
  })

  it('a file that is not ours is refused untouched', () => {
    const path = join(dir, 'other.sqlite')
    const db = new Database(path)
    db.exec('CREATE TABLE notes (t TEXT)')
    db.close()
    const before = digest(path)
    expect(() => openDatabase(path)).toThrow(NotOurDatabaseError)
    expect(digest(path)).toBe(before)
  })

  it('a file that is not SQLite at all is refused untouched', () => {
    const path = join(dir, 'text.sqlite')
    writeFileSync(path, 'this is a text file, not a database, and it is long enough to have a header'.repeat(10))
    const before = digest(path)
    let thrown: unknown
    try {
      openDatabase(path)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Error)
    expect(databaseErrorDialog(thrown, path).message).not.toMatch(NEVER_OFFERED)
    expect(digest(path)).toBe(before)
  })
})
