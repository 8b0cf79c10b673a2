import log from 'electron-log/main'
import { app } from 'electron'
import { shouldExitOnUnhandled } from '../logic/errorPolicy.ts'

export type Logger = Pick<typeof log, 'info' | 'warn' | 'error'>

/**
 * File logging (userData/logs/main.log) and console logging in development. `log.initialize()` is NOT
 * called on purpose: it would inject electron-log's own preload and expose a second API to the page.
 */
export function enableLogging(packaged: boolean): Logger {
  log.transports.file.level = 'info'
  log.transports.console.level = packaged ? false : 'debug'
  return log
}

/**
 * Unhandled rejections and uncaught exceptions: in development (and with FRONT_DESK_EXIT_ON_UNHANDLED=1)
 * they end the process loudly with exit code 1; in the installed app they are logged.
 */
export function enableCrashPolicy(logger: Logger, packaged: boolean): void {
  const exit = shouldExitOnUnhandled(packaged, process.env)
  const report = (kind: string) => (reason: unknown) => {
    logger.error(`${kind} in the main process`, reason)
    if (exit) {
      process.stderr.write(`\n*** ${kind}: the process ends (development policy) ***\n${reason instanceof Error ? reason.stack : String(reason)}\n`)
      app.exit(1)
    }
  }
  process.on('unhandledRejection', report('Unhandled rejection'))
  process.on('uncaughtException', report('Uncaught exception'))
}
