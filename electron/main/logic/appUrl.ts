import path from 'node:path'

/** The custom scheme the UI is served from (never file://). */
export const APP_SCHEME = 'app'
/** The one host of that scheme: `app://desk/…`. */
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export type Page = 'desk' | 'display'

/** Hash route of each window in the one renderer build. */
const PAGE_HASH: Record<Page, string> = { desk: '', display: '#/display' }

/**
 * The development server URL, honoured only in an unpackaged app and only on the loopback interface:
 * an environment variable must never point the installed app at remote content.
 */
export function devServerUrl(env: string | undefined, packaged: boolean): string | null {
  if (packaged || !env) return null
  const url = parseUrl(env)
  if (!url || url.protocol !== 'http:') return null
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null
  return url.origin
}

/** Where a window loads: the dev server in development, otherwise `app://desk/index.html`. */
export function pageUrl(page: Page, devUrl: string | null): string {
  return `${devUrl ?? APP_ORIGIN}/index.html${PAGE_HASH[page]}`
}

/** True for URLs of the app itself: `app://desk/…`, or the dev server's origin in development. */
export function isAppUrl(raw: string | null | undefined, devUrl: string | null): boolean {
  const url = parseUrl(raw)
  if (!url) return false
  // `new URL('app://desk/').origin` is "null" for a non-special scheme, so compare the parts.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '') return true
  if (devUrl === null) return false
  const dev = parseUrl(devUrl)
  return dev !== null && url.protocol === dev.protocol && url.host === dev.host
}

/**
 * The navigation guard: a window may only ever show the app. A sub-frame may also be an empty
 * about:blank/about:srcdoc frame (same origin as its parent, no remote content).
 */
export function isAllowedNavigation(raw: string, devUrl: string | null, isMainFrame: boolean): boolean {
  if (!isMainFrame && (raw === 'about:blank' || raw === 'about:srcdoc')) return true
  return isAppUrl(raw, devUrl)
}

/** The IPC sender check: the calling frame must show the app itself. */
export function isTrustedSender(frameUrl: string | null | undefined, devUrl: string | null): boolean {
  return isAppUrl(frameUrl, devUrl)
}

/**
 * Maps a request URL of the app scheme to a file inside `root`, or null when it does not name one
 * (wrong scheme or host, undecodable, a NUL byte, or a path that would leave the root).
 * `pathApi` is injectable so the Windows rules can be tested on any machine.
 */
export function resolveAppFile(raw: string, root: string, pathApi: path.PlatformPath = path): string | null {
  const url = parseUrl(raw)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '' || pathname === '/') pathname = '/index.html'
  // Backslashes are separators on Windows: never let one smuggle a `..` past the URL parser.
  const segments = pathname.split(/[/\\]+/).filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null
  const rootAbs = pathApi.resolve(root)
  const file = pathApi.resolve(rootAbs, ...segments)
  const rel = pathApi.relative(rootAbs, file)
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null
  return file
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
}

export function mimeType(file: string): string {
  const ext = path.extname(file).toLowerCase()
  return MIME_TYPES[ext] ?? 'application/octet-stream'
}

function parseUrl(raw: string | null | undefined): URL | null {
  if (typeof raw !== 'string' || raw === '') return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}
