import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/logic/csp.ts'
import { serveAppRequest } from '../../electron/main/logic/serveApp.ts'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'serve-app-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>医美前台</title>')
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(base, 'secret.txt'), 'outside the root')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root)

describe('serveAppRequest', () => {
  it('serves the index with its type and the CSP header', async () => {
    const res = await get('app://desk/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('医美前台')
  })

  it('serves assets with their MIME types', async () => {
    expect((await get('app://desk/assets/main.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('app://desk/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml')
  })

  it('answers 404 for missing files, folders, and anything outside the root', async () => {
    const refused: string[] = []
    expect((await get('app://desk/nope.js')).status).toBe(404)
    expect((await get('app://desk/assets')).status).toBe(404)
    const outside = await serveAppRequest(new Request('app://desk/..%2fsecret.txt'), root, (u) => refused.push(u))
    expect(outside.status).toBe(404)
    expect(await outside.text()).not.toContain('outside the root')
    expect(refused).toHaveLength(1)
    const res = await get('app://desk/nope.js')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405)
    const head = await get('app://desk/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
