// A settable clock for a process of its own (the bench's web preview): `new Date()` and `Date.now()` run on
// from a time the bench sets, at the real rate. Installed before any module of the app is loaded, so the
// handlers, the dispatcher's clock and the idle lock all read it. Timers (setTimeout) stay real.

const RealDate = Date
let offsetMs = 0

/** Makes the process's clock read `atMs` now (and run on from there). */
export function setSimClock(atMs: number): void {
  offsetMs = atMs - RealDate.now()
}

export function simNow(): number {
  return RealDate.now() + offsetMs
}

export function installSimClock(atMs: number): void {
  setSimClock(atMs)
  class SimDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(simNow())
      else super(...(args as ConstructorParameters<DateConstructor>))
    }
    static override now(): number {
      return simNow()
    }
  }
  globalThis.Date = SimDate as DateConstructor
}
