import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../electron/main/logic/windowOptions.ts'

describe('windowOptions', () => {
  for (const page of ['desk', 'display'] as const) {
    for (const packaged of [true, false]) {
      it(`${page} window (${packaged ? 'packaged' : 'development'}) is hidden until ready and locked down`, () => {
        const options = windowOptions(page, { preload: '/app/out/preload/index.cjs' }, { packaged })
        expect(options.show).toBe(false)
        const prefs = options.webPreferences
        expect(prefs.preload).toBe('/app/out/preload/index.cjs')
        expect(prefs.contextIsolation).toBe(true)
        expect(prefs.sandbox).toBe(true)
        expect(prefs.nodeIntegration).toBe(false)
        expect(prefs.nodeIntegrationInWorker).toBe(false)
        expect(prefs.nodeIntegrationInSubFrames).toBe(false)
        expect(prefs.webviewTag).toBe(false)
        expect(prefs.webSecurity).toBe(true)
        expect(prefs.allowRunningInsecureContent).toBe(false)
        expect(prefs.experimentalFeatures).toBe(false)
        expect(prefs.navigateOnDragDrop).toBe(false)
        expect(prefs.devTools).toBe(!packaged)
        expect(prefs.disableBlinkFeatures).toBe('Auxclick')
        expect(Object.keys(prefs).sort()).toEqual(
          [
            'allowRunningInsecureContent',
            'autoplayPolicy',
            'contextIsolation',
            'devTools',
            'disableBlinkFeatures',
            'experimentalFeatures',
            'navigateOnDragDrop',
            'nodeIntegration',
            'nodeIntegrationInSubFrames',
            'nodeIntegrationInWorker',
            'preload',
            'sandbox',
            'spellcheck',
            'webSecurity',
            'webviewTag',
          ].sort(),
        )
      })
    }
  }

  it('gives the desk a larger minimum than the display', () => {
    const desk = windowOptions('desk', { preload: 'p' }, { packaged: true })
    const display = windowOptions('display', { preload: 'p' }, { packaged: true })
    expect(desk.minWidth).toBeGreaterThan(display.minWidth)
    expect(display.autoHideMenuBar).toBe(true)
  })

  it('lets only the waiting-room display play its chime and speech without a click first', () => {
    expect(windowOptions('display', { preload: 'p' }, { packaged: true }).webPreferences.autoplayPolicy).toBe('no-user-gesture-required')
    expect(windowOptions('desk', { preload: 'p' }, { packaged: true }).webPreferences.autoplayPolicy).toBe('user-gesture-required')
  })
})
