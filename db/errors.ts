/** The database file was written by a newer version of the app: it is refused and never modified. */
export class DatabaseTooNewError extends Error {
  readonly fileVersion: number
  readonly appVersion: number
  constructor(fileVersion: number, appVersion: number) {
    super(`The database has schema version ${fileVersion}, newer than this app's ${appVersion}. It was made by a newer version of the app.`)
    this.name = 'DatabaseTooNewError'
    this.fileVersion = fileVersion
    this.appVersion = appVersion
  }
}

/** A migration threw; its transaction was rolled back and the file is as it was before it. */
export class MigrationFailedError extends Error {
  readonly version: number
  constructor(version: number, name: string, cause: unknown) {
    super(`Migration ${version} (${name}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'MigrationFailedError'
    this.version = version
  }
}

/** `PRAGMA quick_check` did not answer ok at start. */
export class DatabaseCorruptError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`The database failed its integrity check: ${problems.slice(0, 5).join('; ')}`)
    this.name = 'DatabaseCorruptError'
    this.problems = problems
  }
}

/** The file exists but is not an SQLite database of this app. */
export class NotOurDatabaseError extends Error {
  constructor(detail: string) {
    super(`Not a database of this app: ${detail}`)
    this.name = 'NotOurDatabaseError'
  }
}
