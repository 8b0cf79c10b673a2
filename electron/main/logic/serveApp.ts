import { readFile } from 'node:fs/promises'
import { mimeType, resolveAppFile } from './appUrl.ts'
import { CONTENT_SECURITY_POLICY } from './csp.ts'

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}

/**
 * Answers one app:// request from the built renderer folder (the body of protocol.handle, written with
 * the web's Request/Response so it runs under plain Node in tests). Only GET/HEAD; only files inside
 * `root`; every answer carries the CSP.
 */
export async function serveAppRequest(request: Request, root: string, onRefused?: (url: string) => void): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } })
  }
  const file = resolveAppFile(request.url, root)
  if (file === null) {
    onRefused?.(request.url)
    return notFound()
  }
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' },
  })
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}
