/**
 * When the daily backup runs. Times are the clinic's local wall-clock time (Date's local methods).
 * A day whose backup time passed with no backup since (the computer was off, the app was closed) is made
 * up at once: the function then answers `now`.
 */

/** The instant of `HH:MM` on the local day of `day`, `offsetDays` later. */
export function slotOn(day: Date, dailyAt: string, offsetDays = 0): Date {
  const [h = 0, m = 0] = dailyAt.split(':').map(Number)
  const slot = new Date(day.getFullYear(), day.getMonth(), day.getDate() + offsetDays, h, m, 0, 0)
  return slot
}

/**
 * The next daily backup: `now` if the latest backup time at or before now has no good backup after it,
 * else the next backup time after now.
 */
export function nextDailyRun(now: Date, dailyAt: string, lastGoodAt: Date | null): Date {
  const today = slotOn(now, dailyAt)
  const previous = today.getTime() <= now.getTime() ? today : slotOn(now, dailyAt, -1)
  if (lastGoodAt === null || lastGoodAt.getTime() < previous.getTime()) return new Date(now)
  return today.getTime() > now.getTime() ? today : slotOn(now, dailyAt, 1)
}
