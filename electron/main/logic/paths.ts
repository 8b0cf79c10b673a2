import { join } from 'node:path'

export interface AppPaths {
  /** Built renderer folder served by the app:// protocol (out/renderer). */
  renderer: string
  /** Built preload script (out/preload/index.cjs). */
  preload: string
  userData: string
  database: string
  /** Saved size and position of the desk window. */
  windowState: string
}

/**
 * Every path the main process uses, worked out once at the entry. `mainDir` is the folder of the built
 * main script (out/main); FRONT_DESK_DB overrides the database file (tests, support).
 */
export function appPaths(mainDir: string, userData: string, env: Record<string, string | undefined>): AppPaths {
  const override = env.FRONT_DESK_DB?.trim()
  return {
    renderer: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    userData,
    database: override ? override : join(userData, 'clinic.sqlite'),
    windowState: join(userData, 'window-state.json'),
  }
}

/**
 * FRONT_DESK_USER_DATA gives a test run its own userData folder (and so its own single-instance lock,
 * window state and logs), in an unpackaged app only. Null means Electron's default.
 */
export function userDataOverride(env: Record<string, string | undefined>, packaged: boolean): string | null {
  const dir = env.FRONT_DESK_USER_DATA?.trim()
  return !packaged && dir ? dir : null
}
