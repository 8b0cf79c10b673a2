/** The parts of Electron's Display this app uses (kept Electron-free so it can be tested). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export interface DisplayInfo {
  id: number
  bounds: Rect
  workArea: Rect
  primary: boolean
}

export type DisplayPlacement = { kind: 'fullscreen'; displayId: number; bounds: Rect } | { kind: 'window'; bounds: Rect }

/**
 * The screen for the queue display: a display other than the one the desk window is on, preferring a
 * non-primary one, then the leftmost-topmost (a stable choice). Null when there is only one screen.
 */
export function chooseQueueDisplay(displays: readonly DisplayInfo[], deskDisplayId: number | null): DisplayInfo | null {
  const deskId = deskDisplayId ?? displays.find((d) => d.primary)?.id ?? null
  const candidates = displays.filter((d) => d.id !== deskId)
  if (candidates.length === 0) return null
  const sorted = [...candidates].sort(
    (a, b) => Number(a.primary) - Number(b.primary) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id,
  )
  return sorted[0] ?? null
}

/** Where the queue display window goes: full screen on a second display, else a normal centred window. */
export function placeQueueDisplay(
  displays: readonly DisplayInfo[],
  deskDisplayId: number | null,
  size: { width: number; height: number },
): DisplayPlacement {
  const target = chooseQueueDisplay(displays, deskDisplayId)
  if (target) return { kind: 'fullscreen', displayId: target.id, bounds: { ...target.bounds } }
  const home = displays.find((d) => d.id === deskDisplayId) ?? displays.find((d) => d.primary) ?? displays[0]
  return { kind: 'window', bounds: home ? centred(home.workArea, size) : { x: 0, y: 0, ...size } }
}

/** A rectangle of `size` (shrunk to fit) centred in `area`. */
export function centred(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  }
}

export function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}
