import type { FrontDeskBridge } from '../../core/api/bridge.ts'
import type { MethodName } from '../../core/api/contract.ts'
import type { ApiError, Envelope } from '../../core/api/errors.ts'
import type { ChangeEvent } from '../../core/api/events.ts'

/** What a fake handler may return: a plain value (success) or a refusal. */
export class Refusal {
  readonly error: ApiError
  constructor(error: ApiError) {
    this.error = error
  }
}

// A fake takes whatever the test sends; the contract's types are checked in the renderer itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FakeHandler = (input: any) => unknown

export interface FakeBridge extends FrontDeskBridge {
  calls: { method: string; input: unknown }[]
  handlers: Partial<Record<MethodName, FakeHandler>>
  /** Pushes a change event to the renderer, as main does after a commit. */
  emit(event: ChangeEvent): void
  callsOf(method: MethodName): unknown[]
}

/** The renderer's dependency (window.frontDesk), imitated in memory. */
export function createFakeBridge(handlers: Partial<Record<MethodName, FakeHandler>> = {}, preview = false): FakeBridge {
  const listeners = new Set<(event: ChangeEvent) => void>()
  const bridge: FakeBridge = {
    preview,
    calls: [],
    handlers,
    async invoke(method, input) {
      bridge.calls.push({ method, input: structuredClone(input) })
      const handler = bridge.handlers[method]
      if (!handler) return { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } }
      const value = handler(input)
      if (value instanceof Refusal) return { ok: false, error: value.error }
      return { ok: true, value } as Envelope<never>
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(event) {
      for (const listener of listeners) listener(event)
    },
    callsOf(method) {
      return bridge.calls.filter((c) => c.method === method).map((c) => c.input)
    },
  }
  return bridge
}
