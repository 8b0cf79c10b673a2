import { afterAll, beforeAll } from 'vitest'

/**
 * Runs a file's tests in the clinic's time zone (e.g. Asia/Shanghai, eight hours east of UTC: from midnight
 * to 08:00 its day is the day after UTC's), and gives the machine's back after them.
 */
export function useTimeZone(timeZone: string): void {
  let saved: string | undefined
  beforeAll(() => {
    saved = process.env.TZ
    process.env.TZ = timeZone
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  })
}
