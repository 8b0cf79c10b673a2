import type { WritableDb } from './types.ts'
import { stmt } from './statements.ts'

/** Increments and returns a named counter; numbers handed out are never handed out again. */
export function nextCounter(db: WritableDb, name: string): number {
  const row = stmt(db,
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(name) as { value: number }
  return row.value
}
