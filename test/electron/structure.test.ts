import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Static guards over the sources: what would be easy to break without noticing, and cannot run here. */
const root = join(import.meta.dirname, '..', '..')
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|vue|js|mjs|cjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '')
/** Code without comments and import lines, for the checks on what the code does. */
const code = (source: string) => withoutComments(source).replace(/^import .*$/gm, '')
const importsElectron = (source: string) => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(source)

describe('where Electron may be imported', () => {
  it('only the entry, the modules and the preload import it (logic, api, db, core stay testable)', () => {
    const offenders = ['electron', 'core', 'db', 'test']
      .flatMap(files)
      .filter((f) => importsElectron(withoutComments(readFileSync(join(root, f), 'utf8'))))
      .filter((f) => !(f === 'electron/main/index.ts' || /^electron\/main\/modules\/[^/]+\.ts$/.test(f) || f === 'electron/preload/index.ts'))
    expect(offenders).toEqual([])
  })
})

describe('where electron-updater may be imported', () => {
  it('only the updater module, with a default import (its autoUpdater is no named export under ESM)', () => {
    const importers = ['electron', 'core', 'db', 'renderer']
      .flatMap(files)
      .filter((f) => /['"]electron-updater['"]/.test(withoutComments(readFileSync(join(root, f), 'utf8'))))
    expect(importers).toEqual(['electron/main/modules/updater.ts'])
    const source = withoutComments(readFileSync(join(root, 'electron/main/modules/updater.ts'), 'utf8'))
    expect(source).toMatch(/^import electronUpdater from 'electron-updater'$/m)
  })
})

describe('the IPC surface', () => {
  const main = files('electron/main').map((f) => code(readFileSync(join(root, f), 'utf8'))).join('\n')
  const preload = code(readFileSync(join(root, 'electron/preload/index.ts'), 'utf8'))

  it('has exactly one ipcMain handler and no ipcMain.on', () => {
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1)
    expect(main).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/)
  })

  it('exposes exactly one object from the preload and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\('frontDesk', frontDesk\)/)
    expect(preload).not.toMatch(/ipcRenderer\s*[,}]/) // not passed or put in an object
    expect(preload).not.toMatch(/exposeInIsolatedWorld|webFrame|process\./)
  })

  it('never turns a security switch off in the main process', () => {
    expect(main).not.toMatch(/(contextIsolation|sandbox|webSecurity)\s*:\s*false/)
    expect(main).not.toMatch(/(nodeIntegration|webviewTag|allowRunningInsecureContent)\s*:\s*true/)
    expect(main).not.toMatch(/file:\/\//)
  })
})
