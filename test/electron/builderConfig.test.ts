import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * The packaging configuration, read as electron-builder reads it. The packaged build itself cannot be
 * made here (the Electron binary does not download); these are the switches that make it hardened.
 */
const root = join(import.meta.dirname, '..', '..')
const config = parse(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
}
const sqliteDir = join(root, 'node_modules', 'better-sqlite3')

type Target = string | { target: string; arch?: string[] }
const targetsOf = (platform: string): string[] => {
  const section = config[platform] as { target: Target[] }
  return section.target.map((t) => (typeof t === 'string' ? t : t.target))
}
const list = (key: string): string[] => {
  const value = config[key]
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []
}
const matchesAny = (file: string, patterns: string[]) => patterns.some((p) => posix.matchesGlob(file, p))
/** electron-builder's `files`: included by a positive pattern and not excluded by a `!` one. */
const packed = (file: string) => {
  const patterns = list('files')
  const include = patterns.filter((p) => !p.startsWith('!'))
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  return (file.startsWith('node_modules/') || matchesAny(file, include)) && !matchesAny(file, exclude)
}

describe('electron-builder configuration (build/electron-builder.yml)', () => {
  it('packs into asar, without a native rebuild', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
  })

  it('sets the fuses of a hardened build', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds NSIS on Windows, dmg (and zip for updates) on macOS, AppImage and deb on Linux', () => {
    expect(targetsOf('win')).toEqual(['nsis'])
    expect(targetsOf('mac')).toEqual(['dmg', 'zip'])
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb'])
  })

  it('packs what electron-vite built and the package manifest', () => {
    expect(list('files')).toEqual(expect.arrayContaining(['out/**', 'package.json']))
    expect(packed('out/main/index.js')).toBe(true)
    expect(packed('out/renderer/index.html')).toBe(true)
    expect(packed('package.json')).toBe(true)
    expect(pkg.main).toBe('out/main/index.js')
  })

  it("keeps every better-sqlite3 prebuild outside the asar, where dlopen can load it", () => {
    const prebuilds = readdirSync(join(sqliteDir, 'prebuilds')).filter((f) => f.endsWith('.node'))
    expect(prebuilds).toEqual(expect.arrayContaining(['win32-x64.node', 'darwin-arm64.node', 'darwin-x64.node', 'linux-x64.node']))
    for (const file of prebuilds) {
      const path = `node_modules/better-sqlite3/prebuilds/${file}`
      expect(matchesAny(path, list('asarUnpack')), path).toBe(true)
      expect(packed(path), path).toBe(true)
    }
    // The layout this relies on: lib/<platform>-<arch>.js requires ../prebuilds/<platform>-<arch>.node.
    expect(readFileSync(join(sqliteDir, 'lib', 'win32-x64.js'), 'utf8')).toContain("require('../prebuilds/win32-x64.node')")
  })

  it("leaves out better-sqlite3's build sources but not its library", () => {
    expect(packed('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false)
    expect(packed('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false)
    expect(packed('node_modules/better-sqlite3/lib/index.js')).toBe(true)
    expect(packed('node_modules/better-sqlite3/package.json')).toBe(true)
    expect(matchesAny('node_modules/better-sqlite3/lib/index.js', list('asarUnpack'))).toBe(false)
  })

  it('writes app-update.yml and latest.yml through a generic publish entry (the real URL comes from the settings)', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) })
    expect(pkg.dependencies).toHaveProperty('electron-updater')
  })

  it('is what `npm run dist` builds', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config build/electron-builder.yml')
  })
})
