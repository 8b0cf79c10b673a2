import { describe, expect, it } from 'vitest'
import type { DisplayInfo } from '../../electron/main/logic/displays.ts'
import { parseWindowState, restoreWindowState } from '../../electron/main/logic/windowBounds.ts'

const primary: DisplayInfo = { id: 1, primary: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const right: DisplayInfo = { id: 2, primary: false, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, workArea: { x: 1920, y: 0, width: 1280, height: 984 } }
const defaults = { width: 1366, height: 860, minWidth: 1024, minHeight: 640 }
const centredDefault = { x: 277, y: 90, width: 1366, height: 860, maximized: false }

describe('restoreWindowState', () => {
  it('restores saved bounds that are on screen', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false }
    expect(restoreWindowState(saved, [primary], defaults)).toEqual(saved)
  })

  it('keeps the maximized flag', () => {
    expect(restoreWindowState({ x: 100, y: 80, width: 1200, height: 800, maximized: true }, [primary], defaults).maximized).toBe(true)
  })

  it('restores onto a second screen that is still there', () => {
    const saved = { x: 2000, y: 10, width: 1100, height: 900, maximized: false }
    expect(restoreWindowState(saved, [primary, right], defaults)).toEqual(saved)
  })

  it('falls back to centred defaults when the saved screen is gone', () => {
    const saved = { x: 2000, y: 10, width: 1100, height: 900, maximized: false }
    expect(restoreWindowState(saved, [primary], defaults)).toEqual(centredDefault)
  })

  it('falls back when only a sliver or no title bar is visible', () => {
    expect(restoreWindowState({ x: 1850, y: 10, width: 1200, height: 800 }, [primary], defaults)).toEqual(centredDefault)
    expect(restoreWindowState({ x: 100, y: -700, width: 1200, height: 800 }, [primary], defaults)).toEqual(centredDefault)
    expect(restoreWindowState({ x: 100, y: 1039, width: 1200, height: 800 }, [primary], defaults)).toEqual({ x: 100, y: 240, width: 1200, height: 800, maximized: false })
  })

  it('shrinks a window larger than the screen and pulls it fully on screen', () => {
    expect(restoreWindowState({ x: -50, y: 0, width: 4000, height: 3000 }, [primary], defaults)).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false })
    expect(restoreWindowState({ x: 1000, y: 500, width: 1200, height: 800 }, [primary], defaults)).toEqual({ x: 720, y: 240, width: 1200, height: 800, maximized: false })
  })

  it('never goes below the minimum size unless the screen is smaller', () => {
    expect(restoreWindowState({ x: 10, y: 10, width: 200, height: 100 }, [primary], defaults)).toMatchObject({ width: 1024, height: 640 })
  })

  it.each([null, undefined, 'x', 42, [], {}, { x: 1, y: 2, width: 0, height: 10 }, { x: 'a', y: 2, width: 10, height: 10 }, { x: 1.5, y: 2, width: 10, height: 10 }, { x: Infinity, y: 0, width: 10, height: 10 }, { x: 1e9, y: 0, width: 10, height: 10 }])(
    'ignores a malformed saved value %j',
    (saved) => {
      expect(restoreWindowState(saved, [primary], defaults)).toEqual(centredDefault)
    },
  )

  it('centres on the primary even when it is not listed first, and copes with no displays', () => {
    expect(restoreWindowState(null, [right, primary], defaults)).toEqual(centredDefault)
    expect(restoreWindowState(null, [], defaults)).toEqual({ x: 0, y: 0, width: 1366, height: 860, maximized: false })
  })
})

describe('parseWindowState', () => {
  it('reads a saved state and defaults maximized to false', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 3, height: 4 })).toEqual({ x: 1, y: 2, width: 3, height: 4, maximized: false })
    expect(parseWindowState({ x: 1, y: 2, width: 3, height: 4, maximized: 'yes' })?.maximized).toBe(false)
  })
})
