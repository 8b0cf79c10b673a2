import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, cspProblems, parseCsp, remoteSources } from '../../electron/main/logic/csp.ts'

const builtIndex = join(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html')

function builtHtml(): string {
  if (!existsSync(builtIndex)) {
    throw new Error(
      `The built renderer is missing: ${builtIndex}. This test checks what ships, so it reads the build output; ` +
        'the test command builds first (run `npx electron-vite build`, then this test again).',
    )
  }
  return readFileSync(builtIndex, 'utf8')
}

function metaPolicies(html: string): string[] {
  const policies: string[] = []
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?Content-Security-Policy/i.test(tag)) continue
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag)
    policies.push((content?.[1] ?? content?.[2] ?? '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
  }
  return policies
}

describe('the CSP of the built renderer (out/renderer/index.html)', () => {
  it('has exactly one CSP meta tag, in the head, before any script', () => {
    const html = builtHtml()
    expect(metaPolicies(html)).toHaveLength(1)
    const meta = html.search(/http-equiv\s*=\s*["']?Content-Security-Policy/i)
    const firstScript = html.search(/<script\b/i)
    expect(meta).toBeGreaterThan(-1)
    expect(meta).toBeLessThan(html.search(/<\/head>/i))
    if (firstScript > -1) expect(meta).toBeLessThan(firstScript)
  })

  it("is default-src 'self', no unsafe script sources, object-src 'none', no remote origins", () => {
    const [policy = ''] = metaPolicies(builtHtml())
    const csp = parseCsp(policy)
    expect(csp.get('default-src')).toEqual(["'self'"])
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? []
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(remoteSources(policy)).toEqual([])
    expect(cspProblems(policy)).toEqual([])
  })

  it('loads every script from the app itself, none inline (they would be blocked)', () => {
    const html = builtHtml()
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
      const src = /src\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]
      expect(src, `inline script: ${tag}`).toBeTruthy()
      expect(src).not.toMatch(/^(https?:)?\/\//i)
    }
    expect(html).not.toMatch(/<(link|img|script)\b[^>]*(href|src)\s*=\s*["'](https?:)?\/\//i)
  })
})

describe('the CSP response header of the app:// protocol', () => {
  it('passes the same rules', () => {
    expect(cspProblems(CONTENT_SECURITY_POLICY)).toEqual([])
    expect(parseCsp(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"])
  })
})

describe('cspProblems', () => {
  it('catches what the rules forbid', () => {
    expect(cspProblems("default-src *")).not.toEqual([])
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'")).toContain("script-src allows 'unsafe-eval'")
    expect(cspProblems("default-src 'self' 'unsafe-inline'; object-src 'none'").join()).toMatch(/default-src/)
    expect(cspProblems("default-src 'self'; object-src 'none'; img-src https://cdn.example.com")).toEqual(['remote or unknown sources: https://cdn.example.com'])
    expect(cspProblems("default-src 'self'")).toContain("object-src must be 'none'")
  })
})
