import type { FrontDeskBridge } from '../../../core/api/bridge.ts'
import type { MethodInput, MethodName, MethodResult } from '../../../core/api/contract.ts'
import type { ErrorCode } from '../../../core/api/errors.ts'
import type { ChangeEvent, ChangeTopic } from '../../../core/api/events.ts'

/** The API's own codes plus two of the renderer's: no bridge at all, or the bridge itself failed. */
export type CallErrorCode = ErrorCode | 'not_connected' | 'transport'

/** A refused or failed call: the envelope's error (message already in the operator's language). */
export class ApiCallError extends Error {
  readonly code: CallErrorCode
  readonly fields: Record<string, string>

  constructor(code: CallErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.fields = fields
  }
}

export function bridge(): FrontDeskBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.frontDesk
}

export function isConnected(): boolean {
  return bridge() !== undefined
}

export function isPreview(): boolean {
  return bridge()?.preview === true
}

type TopicListener = (event: ChangeEvent) => void
const listeners = new Map<ChangeTopic, Set<TopicListener>>()
let unsubscribeBridge: (() => void) | null = null
let subscribedBridge: FrontDeskBridge | null = null

function dispatch(event: ChangeEvent): void {
  for (const listener of listeners.get(event.topic) ?? []) {
    try {
      listener(event)
    } catch (error) {
      console.error(`change listener for "${event.topic}" failed`, error)
    }
  }
}

let onUnauthenticated: (() => void) | null = null

/** Who hears that a call was refused because nobody is signed in here (the session store: it shows sign-in). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

export const api = {
  /** Calls one contract method; returns its value or throws an ApiCallError. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const desk = bridge()
    if (!desk) throw new ApiCallError('not_connected', 'not connected to the desk service')
    let envelope
    try {
      envelope = await desk.invoke(method, input)
    } catch (error) {
      throw new ApiCallError('transport', error instanceof Error ? error.message : String(error))
    }
    if (envelope.ok) return envelope.value
    const { code, message, fields } = envelope.error
    if (code === 'unauthenticated') onUnauthenticated?.()
    throw new ApiCallError(code, message, fields ?? {})
  },

  /**
   * Listens to one topic of pushed changes. The bridge itself is subscribed once, here; stores call
   * this from their `init()` (never components). Returns the unsubscribe function.
   */
  onChange(topic: ChangeTopic, listener: TopicListener): () => void {
    const desk = bridge()
    if (desk && subscribedBridge !== desk) {
      unsubscribeBridge?.()
      unsubscribeBridge = desk.onChange(dispatch)
      subscribedBridge = desk
    }
    let set = listeners.get(topic)
    if (!set) listeners.set(topic, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  },
}

/** For tests: forgets every listener and the bridge subscription. */
export function resetApiClient(): void {
  unsubscribeBridge?.()
  unsubscribeBridge = null
  subscribedBridge = null
  listeners.clear()
  onUnauthenticated = null
}
