import type { Page } from './appUrl.ts'

/** The subset of Electron's WebPreferences this app sets; every security-relevant flag is explicit. */
export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webviewTag: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  navigateOnDragDrop: false
  spellcheck: false
  /** A middle click must not open a window, even if the window-open handler were ever loosened. */
  disableBlinkFeatures: 'Auxclick'
  devTools: boolean
  /** The waiting-room display chimes and speaks with nobody there to click first. */
  autoplayPolicy: 'no-user-gesture-required' | 'user-gesture-required'
}

export interface WindowOptions {
  title: string
  show: false
  width: number
  height: number
  minWidth: number
  minHeight: number
  backgroundColor: string
  autoHideMenuBar: boolean
  webPreferences: SecureWebPreferences
}

export const DESK_DEFAULT_SIZE = { width: 1366, height: 860 }
export const DISPLAY_DEFAULT_SIZE = { width: 1280, height: 720 }

/** Electron options of a window: created hidden (shown on ready-to-show), sandboxed, isolated, no Node. */
export function windowOptions(page: Page, paths: { preload: string }, opts: { packaged: boolean }): WindowOptions {
  const size = page === 'desk' ? DESK_DEFAULT_SIZE : DISPLAY_DEFAULT_SIZE
  return {
    title: page === 'desk' ? '医美前台' : '候诊显示屏',
    show: false,
    ...size,
    minWidth: page === 'desk' ? 1024 : 640,
    minHeight: page === 'desk' ? 640 : 360,
    // The display is dark: no white flash while it loads.
    backgroundColor: page === 'desk' ? '#ffffff' : '#0a1424',
    autoHideMenuBar: page === 'display',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !opts.packaged,
      autoplayPolicy: page === 'display' ? 'no-user-gesture-required' : 'user-gesture-required',
    },
  }
}
