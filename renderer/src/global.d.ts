import type { FrontDeskBridge } from '../../core/api/bridge.ts'

declare global {
  interface Window {
    /** Exposed by the preload (or imitated by the web preview); absent when the app is opened on its own. */
    frontDesk?: FrontDeskBridge
  }
}

export {}
