import { describe, expect, it } from 'vitest'
import { centred, chooseQueueDisplay, placeQueueDisplay, type DisplayInfo } from '../../electron/main/logic/displays.ts'

const screen = (id: number, x: number, y: number, width: number, height: number, primary = false): DisplayInfo => ({
  id,
  primary,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
})

const laptop = screen(1, 0, 0, 1920, 1080, true)
const tv = screen(2, 1920, 0, 3840, 2160)
const leftTv = screen(3, -1280, 0, 1280, 720)
const size = { width: 1280, height: 720 }

describe('chooseQueueDisplay', () => {
  it('is null with a single screen', () => {
    expect(chooseQueueDisplay([laptop], null)).toBeNull()
    expect(chooseQueueDisplay([laptop], 1)).toBeNull()
    expect(chooseQueueDisplay([], null)).toBeNull()
  })

  it('picks the screen the desk is not on', () => {
    expect(chooseQueueDisplay([laptop, tv], 1)?.id).toBe(2)
    expect(chooseQueueDisplay([tv, laptop], null)?.id).toBe(2)
    // The desk was moved to the TV: the display goes to the laptop screen.
    expect(chooseQueueDisplay([laptop, tv], 2)?.id).toBe(1)
  })

  it('prefers a non-primary screen, then the leftmost', () => {
    const desk = screen(4, 5000, 0, 1920, 1080)
    expect(chooseQueueDisplay([laptop, tv, desk], 4)?.id).toBe(2)
    expect(chooseQueueDisplay([laptop, tv, leftTv], 1)?.id).toBe(3)
  })
})

describe('placeQueueDisplay', () => {
  it('is full screen on the second screen when there is one', () => {
    expect(placeQueueDisplay([laptop, tv], 1, size)).toEqual({ kind: 'fullscreen', displayId: 2, bounds: tv.bounds })
  })

  it('is a normal window centred on the desk screen otherwise', () => {
    expect(placeQueueDisplay([laptop], 1, size)).toEqual({ kind: 'window', bounds: { x: 320, y: 160, width: 1280, height: 720 } })
  })

  it('survives an empty display list', () => {
    expect(placeQueueDisplay([], null, size)).toEqual({ kind: 'window', bounds: { x: 0, y: 0, ...size } })
  })
})

describe('centred', () => {
  it('shrinks to fit a small area', () => {
    expect(centred({ x: 100, y: 50, width: 800, height: 600 }, size)).toEqual({ x: 100, y: 50, width: 800, height: 600 })
  })
})
