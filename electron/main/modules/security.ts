import { app, shell, type Session, type WebContents } from 'electron'
import { isAllowedNavigation } from '../logic/appUrl.ts'
import { isAllowedExternalUrl } from '../logic/externalLinks.ts'
import type { Logger } from './logging.ts'

/**
 * Guards on every web contents the app ever creates: no navigation away from the app, no new windows
 * (allow-listed https links go to the user's browser), no <webview>, and every permission denied.
 */
export function enableSecurityGuards(devUrl: string | null, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    denyNavigation(contents, devUrl, logger)
    denyNewWindows(contents, logger)
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      logger.warn('Refused to attach a <webview>')
    })
    denyPermissions(contents.session)
  })
}

function denyNavigation(contents: WebContents, devUrl: string | null, logger: Logger): void {
  const guard = (event: { preventDefault(): void; url: string; isMainFrame: boolean }) => {
    if (isAllowedNavigation(event.url, devUrl, event.isMainFrame)) return
    event.preventDefault()
    logger.warn(`Refused navigation to ${event.url}`)
  }
  contents.on('will-navigate', guard)
  contents.on('will-frame-navigate', guard)
  contents.on('will-redirect', guard)
}

function denyNewWindows(contents: WebContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      void shell.openExternal(url).catch((error: unknown) => logger.warn(`Could not open ${url}`, error))
    } else {
      logger.warn(`Refused to open a window for ${url}`)
    }
    return { action: 'deny' }
  })
}

const guardedSessions = new WeakSet<Session>()

/** Camera, microphone, notifications, geolocation, HID, serial…: the desk needs none of them. */
export function denyPermissions(session: Session): void {
  if (guardedSessions.has(session)) return
  guardedSessions.add(session)
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
