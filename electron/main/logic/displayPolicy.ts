import { contract, isMethodName } from '../../../core/api/contract.ts'

/** What the waiting-room display reads: it never writes, and it does nothing else. */
const DISPLAY_METHODS: ReadonlySet<string> = new Set(['queue.display', 'settings.get', 'display.state', 'app.info'])

/**
 * Whether the display window may call a method. Enforced in the main process, so even a compromised
 * display page cannot register, call or change anything at the desk.
 */
export function displayMayCall(method: unknown): boolean {
  return isMethodName(method) && DISPLAY_METHODS.has(method) && !contract[method].writes
}
