import { describe, expect, it } from 'vitest'
import { contract } from '../../core/api/contract.ts'
import { displayMayCall } from '../../electron/main/logic/displayPolicy.ts'

describe('the display window is read-only', () => {
  it('may read the queue, the settings and its own state', () => {
    for (const method of ['queue.display', 'settings.get', 'display.state', 'app.info']) expect(displayMayCall(method), method).toBe(true)
  })

  it('may call no write method of the contract, nor any other read', () => {
    for (const [method, spec] of Object.entries(contract)) {
      if (spec.writes) expect(displayMayCall(method), method).toBe(false)
    }
    for (const method of ['clients.search', 'visits.ofDay', 'queue.ticket', 'display.setOpen', 'audit.list']) expect(displayMayCall(method), method).toBe(false)
  })

  it('refuses what is not a method at all', () => {
    for (const method of [undefined, null, 42, '__proto__', 'queue.display ', {}]) expect(displayMayCall(method)).toBe(false)
  })
})
