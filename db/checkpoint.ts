import type { WritableDb } from './types.ts'

/**
 * SQLite's automatic checkpoint copies the write-ahead log into the database inside whichever commit
 * crosses the threshold, adding milliseconds to that one registration. The app checkpoints when the desk
 * is idle instead; this much larger threshold only bounds the log should the idle checkpoint not run.
 */
export const WAL_SAFETY_PAGES = 10_000

export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

/** Copies what it can of the log into the database without waiting for readers (never blocks the desk). */
export function passiveCheckpoint(db: WritableDb): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
  return row ?? { busy: 0, log: 0, checkpointed: 0 }
}
