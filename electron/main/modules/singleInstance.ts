import { app } from 'electron'

/**
 * One app per computer: a second launch hands over to the first (which focuses its desk window) and
 * quits. Returns false in that second launch, whose entry must then stop.
 */
export function enableSingleInstance(focusDesk: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => focusDesk())
  return true
}
