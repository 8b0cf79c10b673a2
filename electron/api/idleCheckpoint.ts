export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Runs `checkpoint` once the desk has been quiet for `quietMs` after a write, so the copy of the
 * write-ahead log into the database never lands inside a receptionist's registration.
 */
export function createIdleCheckpointer(checkpoint: () => void, quietMs = 2000, timers: Timers = realTimers) {
  let pending: unknown = null
  const fire = () => {
    pending = null
    checkpoint()
  }
  return {
    /** A write committed: (re)start the quiet period. */
    touch(): void {
      if (pending !== null) timers.clearTimeout(pending)
      pending = timers.setTimeout(fire, quietMs)
    },
    /** Stop waiting (the app quits; closing the database checkpoints anyway). */
    stop(): void {
      if (pending !== null) timers.clearTimeout(pending)
      pending = null
    },
  }
}
