import { DEFAULT_SETTINGS, type ClinicSettings } from '../core/domain/settings.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

/** Stored values over the defaults; a key the app no longer knows is ignored, not an error. */
export function readSettings(db: ReadableDb): ClinicSettings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[]
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]))
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (key in stored) merged[key] = stored[key]
  }
  return merged as unknown as ClinicSettings
}

export function writeSettings(db: WritableDb, patch: Partial<ClinicSettings>, now: string): void {
  const upsert = stmt(db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  )
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value), now)
  }
}
