import type { DisplayCall, DisplayState } from '../../../core/api/queue.ts'

/** A call older than this, found late (after a lost connection), is shown but not announced. */
export const ANNOUNCE_WITHIN_MS = 60_000

/**
 * The calls of a freshly read state that the waiting room has not heard yet, oldest first: those with an
 * id above the last one announced, made within the last minute. `lastSeen` null means the first read of
 * this window (after a start or a reload), which is always silent.
 */
export function callsToAnnounce(lastSeen: number | null, state: DisplayState, now: number): DisplayCall[] {
  if (lastSeen === null) return []
  const calls = [state.current, ...state.recent].filter((call): call is DisplayCall => call !== null && call.callId > lastSeen)
  return calls
    .filter((call) => {
      const at = Date.parse(call.at)
      return Number.isNaN(at) || now - at <= ANNOUNCE_WITHIN_MS
    })
    .sort((a, b) => a.callId - b.callId)
}

/** The highest call id in a state (0 when there is none), remembered so no call is announced twice. */
export function latestCallId(state: DisplayState): number {
  return Math.max(0, ...[state.current, ...state.recent].map((call) => call?.callId ?? 0))
}

/**
 * The recent calls worth a line of their own: a recall leaves the first call of the same number in the
 * log, and the number on the big panel needs no second line.
 */
export function distinctRecent(state: DisplayState, max: number): DisplayCall[] {
  const seen = new Set(state.current ? [state.current.queueNo] : [])
  const shown: DisplayCall[] = []
  for (const call of state.recent) {
    if (seen.has(call.queueNo)) continue
    seen.add(call.queueNo)
    shown.push(call)
    if (shown.length === max) break
  }
  return shown
}
