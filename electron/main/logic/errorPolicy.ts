/**
 * What happens to an unhandled rejection or uncaught exception in the main process: in development and
 * tests it ends the process loudly (a bug must not hide); in the installed app it is logged and the
 * app keeps serving the desk.
 */
export function shouldExitOnUnhandled(packaged: boolean, env: Record<string, string | undefined>): boolean {
  if (env.FRONT_DESK_EXIT_ON_UNHANDLED === '1') return true
  return !packaged
}
