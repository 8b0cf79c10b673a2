import { centred, intersection, type DisplayInfo, type Rect } from './displays.ts'

/** What is saved of the desk window in userData/window-state.json. */
export interface WindowState extends Rect {
  maximized: boolean
}

/** The title bar must stay reachable: this much of the window's top strip must be on a work area. */
const MIN_VISIBLE_WIDTH = 120
const TITLE_STRIP_HEIGHT = 32

/**
 * The desk window's bounds at start: the saved ones when they are well formed and the window's top strip
 * is visible on a current display (shrunk to fit that display), otherwise the default size centred on
 * the primary display. `saved` is whatever the JSON file held.
 */
export function restoreWindowState(
  saved: unknown,
  displays: readonly DisplayInfo[],
  defaults: { width: number; height: number; minWidth: number; minHeight: number },
): WindowState {
  const primary = displays.find((d) => d.primary) ?? displays[0]
  const fallback: WindowState = {
    ...(primary ? centred(primary.workArea, defaults) : { x: 0, y: 0, width: defaults.width, height: defaults.height }),
    maximized: false,
  }
  const state = parseWindowState(saved)
  if (!state) return fallback

  const strip: Rect = { x: state.x, y: state.y, width: state.width, height: TITLE_STRIP_HEIGHT }
  let best: { display: DisplayInfo; visible: number } | null = null
  for (const display of displays) {
    const overlap = intersection(strip, display.workArea)
    if (overlap && overlap.width >= MIN_VISIBLE_WIDTH && (!best || overlap.width > best.visible)) {
      best = { display, visible: overlap.width }
    }
  }
  if (!best) return { ...fallback, maximized: state.maximized }

  const area = best.display.workArea
  const width = Math.max(Math.min(state.width, area.width), Math.min(defaults.minWidth, area.width))
  const height = Math.max(Math.min(state.height, area.height), Math.min(defaults.minHeight, area.height))
  // Keep the whole window on that work area where it fits.
  const x = clamp(state.x, area.x, area.x + area.width - width)
  const y = clamp(state.y, area.y, area.y + area.height - height)
  return { x, y, width, height, maximized: state.maximized }
}

/** A saved state, or null when the value is not one (any missing, non-integer or absurd field). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const ints = [v.x, v.y, v.width, v.height]
  if (!ints.every((n) => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 100_000)) return null
  const [x, y, width, height] = ints as [number, number, number, number]
  if (width <= 0 || height <= 0) return null
  return { x, y, width, height, maximized: v.maximized === true }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), Math.max(min, max))
}
