import type { WritableDb } from '../types.ts'

export interface Migration {
  /** Steps of 10 leave room for a fix between two releases. */
  version: number
  name: string
  up(db: WritableDb): void
}
