import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { BrowserWindow, screen, type Rectangle } from 'electron'
import { pageUrl } from '../logic/appUrl.ts'
import { placeQueueDisplay, chooseQueueDisplay, type DisplayInfo, type DisplayPlacement } from '../logic/displays.ts'
import { restoreWindowState, type WindowState } from '../logic/windowBounds.ts'
import { DESK_DEFAULT_SIZE, DISPLAY_DEFAULT_SIZE, windowOptions } from '../logic/windowOptions.ts'
import type { Logger } from './logging.ts'

export interface WindowsContext {
  preload: string
  windowState: string
  devUrl: string | null
  packaged: boolean
  logger: Logger
  /** Closing the desk window ends the app. */
  onDeskClosed(): void
  /** The queue display window opened or closed (the menu follows). */
  onDisplayToggled(): void
}

export interface Windows {
  openDesk(): void
  focusDesk(): void
  openDisplay(): void
  closeDisplay(): void
  isDisplayOpen(): boolean
  /** Whether a web contents is the display window's (the IPC binding lets it only read). */
  isDisplayContents(webContentsId: number): boolean
  /** Opens the queue display at start when a second screen is connected. */
  openDisplayIfSecondScreen(): void
  /** The desk window, which prints what it shows. */
  deskWindow(): BrowserWindow | null
}

/** The desk window (remembers its bounds) and the queue display window (full screen on a second screen). */
export function enableWindows(ctx: WindowsContext): Windows {
  let desk: BrowserWindow | null = null
  let display: BrowserWindow | null = null
  let displayPlacement: DisplayPlacement | null = null

  const load = (win: BrowserWindow, url: string) =>
    win.loadURL(url).catch((error: unknown) => ctx.logger.error(`Could not load ${url}`, error))

  const deskDisplayId = () => (desk && !desk.isDestroyed() ? screen.getDisplayMatching(desk.getBounds()).id : null)

  function openDesk(): void {
    if (desk) return focusDesk()
    const options = windowOptions('desk', { preload: ctx.preload }, { packaged: ctx.packaged })
    const state = restoreWindowState(readJson(ctx.windowState), currentDisplays(), { ...DESK_DEFAULT_SIZE, minWidth: options.minWidth, minHeight: options.minHeight })
    const win = new BrowserWindow({ ...options, x: state.x, y: state.y, width: state.width, height: state.height })
    desk = win
    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize()
      win.show()
    })
    win.on('close', () => saveDeskState(win))
    win.on('closed', () => {
      desk = null
      ctx.onDeskClosed()
    })
    void load(win, pageUrl('desk', ctx.devUrl))
  }

  function focusDesk(): void {
    if (!desk) return
    if (desk.isMinimized()) desk.restore()
    desk.show()
    desk.focus()
  }

  function openDisplay(): void {
    if (display) {
      display.show()
      return
    }
    const options = windowOptions('display', { preload: ctx.preload }, { packaged: ctx.packaged })
    const placement = placeQueueDisplay(currentDisplays(), deskDisplayId(), DISPLAY_DEFAULT_SIZE)
    const win = new BrowserWindow({ ...options, ...placement.bounds })
    display = win
    displayPlacement = placement
    win.removeMenu()
    win.once('ready-to-show', () => {
      win.show()
      if (placement.kind === 'fullscreen') win.setFullScreen(true)
    })
    win.on('closed', () => {
      display = null
      displayPlacement = null
      ctx.onDisplayToggled()
    })
    void load(win, pageUrl('display', ctx.devUrl))
    ctx.onDisplayToggled()
  }

  function closeDisplay(): void {
    display?.close()
  }

  /** A screen came or went: move the display window to where it now belongs. */
  function replaceDisplay(): void {
    const win = display
    if (!win || win.isDestroyed()) return
    const next = placeQueueDisplay(currentDisplays(), deskDisplayId(), DISPLAY_DEFAULT_SIZE)
    if (displayPlacement && samePlacement(displayPlacement, next)) return
    displayPlacement = next
    ctx.logger.info(`Queue display moves: ${next.kind === 'fullscreen' ? `full screen on display ${next.displayId}` : 'window on the desk screen'}`)
    const apply = () => {
      win.setBounds(next.bounds)
      if (next.kind === 'fullscreen') win.setFullScreen(true)
    }
    // Leaving full screen is animated on macOS: move only once it has finished.
    if (win.isFullScreen()) {
      win.once('leave-full-screen', apply)
      win.setFullScreen(false)
    } else {
      apply()
    }
  }
  screen.on('display-added', replaceDisplay)
  screen.on('display-removed', replaceDisplay)

  function saveDeskState(win: BrowserWindow): void {
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() }
    try {
      const temp = `${ctx.windowState}.tmp`
      writeFileSync(temp, JSON.stringify(state))
      renameSync(temp, ctx.windowState)
    } catch (error) {
      ctx.logger.warn('Could not save the desk window position', error)
    }
  }

  return {
    openDesk,
    focusDesk,
    openDisplay,
    closeDisplay,
    isDisplayOpen: () => display !== null,
    isDisplayContents: (id) => display !== null && !display.isDestroyed() && display.webContents.id === id,
    openDisplayIfSecondScreen() {
      if (chooseQueueDisplay(currentDisplays(), deskDisplayId())) openDisplay()
    },
    deskWindow: () => desk,
  }
}

function currentDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: plain(d.bounds), workArea: plain(d.workArea), primary: d.id === primaryId }))
}

function plain(r: Rectangle): DisplayInfo['bounds'] {
  return { x: r.x, y: r.y, width: r.width, height: r.height }
}

function samePlacement(a: DisplayPlacement, b: DisplayPlacement): boolean {
  if (a.kind === 'fullscreen' && b.kind === 'fullscreen') return a.displayId === b.displayId
  return a.kind === b.kind
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return null
  }
}
