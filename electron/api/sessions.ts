/**
 * The sign-in state of one desk (a window of the app, or a browser tab of the web preview), held by the
 * main process, never by the renderer: the renderer only learns who is signed in. The dispatcher reads the
 * staff record behind `staffId` on every call, so a deactivated member or a changed role takes effect at once.
 */
export interface DeskSession {
  readonly kind: 'desk-session'
  staffId: number | null
  /** When the signed-in operator last called the API (epoch ms): the main process's own idle lock. */
  lastSeenMs: number
}

export function newDeskSession(): DeskSession {
  return { kind: 'desk-session', staffId: null, lastSeenMs: 0 }
}

export function isDeskSession(value: unknown): value is DeskSession {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'desk-session'
}

/**
 * Sessions by a transport's key (a webContents id, a preview tab's token). Bounded: the oldest entry goes
 * first when a misbehaving client invents keys.
 */
export function createSessionTable(limit = 64) {
  const sessions = new Map<string, DeskSession>()
  return {
    get(key: string): DeskSession {
      let session = sessions.get(key)
      if (!session) {
        if (sessions.size >= limit) sessions.delete(sessions.keys().next().value as string)
        session = newDeskSession()
        sessions.set(key, session)
      }
      return session
    },
    has(key: string): boolean {
      return sessions.has(key)
    },
    delete(key: string): void {
      sessions.delete(key)
    },
    get size(): number {
      return sessions.size
    },
  }
}
export type SessionTable = ReturnType<typeof createSessionTable>
