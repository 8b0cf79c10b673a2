import type { ChangeEvent } from '../../../core/api/events.ts'

export type ChangeListener = (events: readonly ChangeEvent[]) => void

/** Committed changes fanned out inside the main process (windows over IPC, the menu on settings). */
export interface ChangeHub {
  publish(events: readonly ChangeEvent[]): void
  subscribe(listener: ChangeListener): () => void
}

/** A listener that throws is reported and does not stop the others: the write has already committed. */
export function createChangeHub(onListenerError: (error: unknown) => void): ChangeHub {
  const listeners = new Set<ChangeListener>()
  return {
    publish(events) {
      if (events.length === 0) return
      for (const listener of [...listeners]) {
        try {
          listener(events)
        } catch (error) {
          onListenerError(error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
