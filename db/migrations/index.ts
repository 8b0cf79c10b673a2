import { migration0010 } from './0010-foundation.ts'
import type { Migration } from './types.ts'

/** Every migration, in order. A test checks that versions only go up. */
export const MIGRATIONS: readonly Migration[] = [migration0010]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
