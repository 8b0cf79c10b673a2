import type Database from 'better-sqlite3'
import type { ReadableDb } from './types.ts'

type Statement = Database.Statement<unknown[], unknown>

const caches = new WeakMap<Database.Database, Map<string, Statement>>()

function cached(db: ReadableDb, key: string, make: () => Statement): Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let statement = cache.get(key)
  if (!statement) cache.set(key, (statement = make()))
  return statement
}

/**
 * A prepared statement per connection and SQL text, prepared once: better-sqlite3 does not cache them,
 * and preparing is a third of a registration's time. SQL texts are constants, so the cache is bounded.
 */
export function stmt(db: ReadableDb, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql))
}

/** The same, in pluck mode (the first column of each row). Kept apart: pluck() changes the statement. */
export function pluckStmt(db: ReadableDb, sql: string): Statement {
  return cached(db, `pluck\u0000${sql}`, () => db.prepare(sql).pluck())
}
