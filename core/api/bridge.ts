import type { MethodInput, MethodName, MethodResult } from './contract.ts'
import type { Envelope } from './errors.ts'
import type { ChangeEvent } from './events.ts'

/** The one object the preload exposes as `window.frontDesk` (and the web preview's bridge imitates). */
export interface FrontDeskBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodResult<M>>>
  /** Subscribes to change events pushed after each committed write; returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void
  /** True only in the browser web preview (test tooling). */
  readonly preview: boolean
}

export const IPC_INVOKE_CHANNEL = 'front-desk:invoke'
export const IPC_CHANGE_CHANNEL = 'front-desk:change'
