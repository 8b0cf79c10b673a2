import { protocol } from 'electron'
import { APP_SCHEME } from '../logic/appUrl.ts'
import { serveAppRequest } from '../logic/serveApp.ts'
import type { Logger } from './logging.ts'

/** Must run before the app is ready: app:// behaves like https (standard, secure origin, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** Serves the built renderer folder over app://desk/, never a file outside it. After app ready. */
export function enableAppProtocol(rendererRoot: string, logger: Logger): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererRoot, (url) => logger.warn(`app:// refused ${url}`)))
}
