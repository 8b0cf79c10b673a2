import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { devServerUrl, isAllowedNavigation, isAppUrl, isTrustedSender, mimeType, pageUrl, resolveAppFile } from '../../electron/main/logic/appUrl.ts'

describe('resolveAppFile (posix)', () => {
  const root = '/opt/app/out/renderer'
  const resolve = (url: string) => resolveAppFile(url, root, path.posix)

  it('maps app://desk paths to files inside the root', () => {
    expect(resolve('app://desk/index.html')).toBe('/opt/app/out/renderer/index.html')
    expect(resolve('app://desk/assets/index-abc.js')).toBe('/opt/app/out/renderer/assets/index-abc.js')
    expect(resolve('app://desk/assets/index.js?v=1#x')).toBe('/opt/app/out/renderer/assets/index.js')
    expect(resolve('app://desk/fonts/%E5%AD%97.woff2')).toBe('/opt/app/out/renderer/fonts/字.woff2')
  })

  it('serves index.html for the bare origin', () => {
    expect(resolve('app://desk/')).toBe('/opt/app/out/renderer/index.html')
    expect(resolve('app://desk')).toBe('/opt/app/out/renderer/index.html')
  })

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/assets/%2E%2E%2F%2E%2E%2F..%2Fetc%2Fpasswd',
    'app://desk/..%2f..%2fsecret',
    'app://desk/%252e%252e/x', // double-encoded stays a literal name, see below
  ])('never leaves the root: %s', (url) => {
    const file = resolve(url)
    if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true)
  })

  it('refuses traversal outright rather than clamping it', () => {
    expect(resolve('app://desk/..%2f..%2fsecret')).toBeNull()
    expect(resolve('app://desk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd')).toBeNull()
  })

  it('refuses other schemes, hosts, NUL bytes and bad escapes', () => {
    expect(resolve('file:///etc/passwd')).toBeNull()
    expect(resolve('https://desk/index.html')).toBeNull()
    expect(resolve('app://other/index.html')).toBeNull()
    expect(resolve('app://user:pw@evil/index.html')).toBeNull()
    expect(resolve('app://desk/index.html%00.png')).toBeNull()
    expect(resolve('app://desk/%E0%A4%A')).toBeNull()
    expect(resolve('not a url')).toBeNull()
    expect(resolve('')).toBeNull()
  })
})

describe('resolveAppFile (Windows rules)', () => {
  const root = 'C:\\Program Files\\Front Desk\\resources\\app.asar\\out\\renderer'
  const resolve = (url: string) => resolveAppFile(url, root, path.win32)

  it('maps files inside the root', () => {
    expect(resolve('app://desk/assets/a.css')).toBe(`${root}\\assets\\a.css`)
  })

  it('refuses backslash and drive-letter escapes', () => {
    expect(resolve('app://desk/..%5C..%5C..%5Cwindows%5Cwin.ini')).toBeNull()
    expect(resolve('app://desk/assets%5C..%5C..%5C..%5Cx')).toBeNull()
    expect(resolve('app://desk/C:%5Cwindows%5Cwin.ini')).toBeNull()
    expect(resolve('app://desk/c:/windows/win.ini')).toBeNull()
  })
})

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.mp3', 'audio/mpeg'],
    ['noext', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => expect(mimeType(file)).toBe(type))
})

describe('isTrustedSender', () => {
  it('trusts the app origin only', () => {
    expect(isTrustedSender('app://desk/index.html', null)).toBe(true)
    expect(isTrustedSender('app://desk/index.html#/display', null)).toBe(true)
    expect(isTrustedSender('app://desk/', null)).toBe(true)
  })

  it('refuses everything else', () => {
    for (const url of [
      'app://evil/index.html',
      'app://desk.evil.com/index.html',
      'app://user@desk/index.html',
      'https://desk/index.html',
      'file:///C:/app/index.html',
      'http://localhost:5173/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,hi',
      '',
      'garbage',
    ]) {
      expect(isTrustedSender(url, null), url).toBe(false)
    }
    expect(isTrustedSender(null, null)).toBe(false)
    expect(isTrustedSender(undefined, null)).toBe(false)
  })

  it('trusts the dev server origin exactly, in development', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedSender('http://localhost:5173/index.html#/display', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isTrustedSender('app://desk/index.html', dev)).toBe(true)
  })
})

describe('isAppUrl', () => {
  it('is the navigation rule: own origin only', () => {
    expect(isAppUrl('app://desk/index.html#/settings', null)).toBe(true)
    expect(isAppUrl('https://example.com/', null)).toBe(false)
    expect(isAppUrl('javascript:alert(1)', null)).toBe(false)
  })
})

describe('isAllowedNavigation', () => {
  it('keeps every frame on the app; sub-frames may also be empty about: frames', () => {
    expect(isAllowedNavigation('app://desk/index.html#/staff', null, true)).toBe(true)
    expect(isAllowedNavigation('about:blank', null, true)).toBe(false)
    expect(isAllowedNavigation('about:blank', null, false)).toBe(true)
    expect(isAllowedNavigation('about:srcdoc', null, false)).toBe(true)
    expect(isAllowedNavigation('https://example.com/', null, false)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', null, true)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173', true)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/', null, true)).toBe(false)
  })
})

describe('devServerUrl', () => {
  it('is honoured only unpackaged and on loopback http', () => {
    expect(devServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173')
    expect(devServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173')
    expect(devServerUrl('http://localhost:5173', true)).toBeNull()
    expect(devServerUrl('http://evil.com:5173', false)).toBeNull()
    expect(devServerUrl('https://localhost:5173', false)).toBeNull()
    expect(devServerUrl('file:///tmp/x', false)).toBeNull()
    expect(devServerUrl(undefined, false)).toBeNull()
    expect(devServerUrl('', false)).toBeNull()
  })
})

describe('pageUrl', () => {
  it('loads desk and display from the same build', () => {
    expect(pageUrl('desk', null)).toBe('app://desk/index.html')
    expect(pageUrl('display', null)).toBe('app://desk/index.html#/display')
    expect(pageUrl('display', 'http://localhost:5173')).toBe('http://localhost:5173/index.html#/display')
  })
})
