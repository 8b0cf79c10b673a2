import type { ReadableDb, WritableDb } from './types.ts'
import { pluckStmt, stmt } from './statements.ts'

/** Facts about the database itself (not clinic settings): the application marker, the demo flag. */
export type MetaKey = 'application' | 'demo'

export function readMeta(db: ReadableDb, key: MetaKey): string | undefined {
  return pluckStmt(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as string | undefined
}

export function writeMeta(db: WritableDb, key: MetaKey, value: string): void {
  stmt(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}

export function isDemoDatabase(db: ReadableDb): boolean {
  return readMeta(db, 'demo') === '1'
}
