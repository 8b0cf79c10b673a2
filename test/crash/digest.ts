import { createHash } from 'node:crypto'
import type { BoardState } from '../../core/rotation/index.ts'

/** JSON with object keys sorted, so two equal states give the same text however they were built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * A fingerprint of a board state: the board itself and which events undo would take back. The boards kept
 * on the undo stack are left out; hashing each of them on every write would cost quadratic time in a day.
 */
export function boardDigest(state: BoardState): string {
  const undo = state.undo.map((entry) => [entry.seq, entry.type])
  return createHash('sha1').update(canonical({ lastSeq: state.lastSeq, board: state.board, undo })).digest('hex')
}
