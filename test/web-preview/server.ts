import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, normalize, sep } from 'node:path'
import { CLINICAL_PHOTO_MAX_BYTES, PHOTOS_FOLDER_NAME } from '../../core/domain/clientPhoto.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import { passiveCheckpoint } from '../../db/checkpoint.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { createIdleCheckpointer } from '../../electron/api/idleCheckpoint.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { createSessionTable } from '../../electron/api/sessions.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import { previewBackupHost } from './backupHost.ts'
import { seedDemoClinic } from './seed.ts'

export interface WebPreviewOptions {
  dbPath: string
  rendererDir: string
  port: number
  /** Seed a demo clinic when the database is new. */
  seed: boolean
  version: string
}

export interface WebPreview {
  url: string
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
}
// Room for a clinical photo of CLINICAL_PHOTO_MAX_BYTES in base64 (photos.import, 4 characters per 3 bytes), as the desktop IPC allows.
const BODY_LIMIT = Math.ceil((CLINICAL_PHOTO_MAX_BYTES * 4) / 3) + 64 * 1024

/**
 * Test tooling, not the product: serves the built renderer and the real API handlers over HTTP on
 * 127.0.0.1, so the renderer runs end to end in a browser where the Electron binary is unavailable.
 */
export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const isNew = !existsSync(options.dbPath)
  let { db } = openDatabase(options.dbPath)
  const subscribers = new Set<ServerResponse>()
  const publish = (events: ChangeEvent[]): void => {
    for (const event of events) {
      const frame = `event: change\ndata: ${JSON.stringify(event)}\n\n`
      for (const response of subscribers) response.write(frame)
    }
  }
  const checkpointer = createIdleCheckpointer(() => passiveCheckpoint(db))
  // A restore closes the database, swaps the backup in and reopens it behind a new dispatcher.
  const backups = previewBackupHost(options.dbPath, async (swap) => {
    closeDatabase(db)
    await swap()
    db = openDatabase(options.dbPath).db
    dispatch = makeDispatcher()
  })
  const makeDispatcher = () => createDispatcher({ db, handlers, publish, appInfo: { version: options.version, preview: true }, afterWrite: () => checkpointer.touch(), backups, photosDir: join(dirname(options.dbPath), PHOTOS_FOLDER_NAME) })
  let dispatch = makeDispatcher()
  // Each browser tab is a desk with its own sign-in, named by a random token the bridge keeps in sessionStorage.
  const sessions = createSessionTable()
  if (isNew && options.seed) await seedDemoClinic(dispatch)

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web preview:', error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/api/invoke' && request.method === 'POST') {
      const body = await readBody(request)
      let envelope
      try {
        const { method, input } = JSON.parse(body) as { method?: unknown; input?: unknown }
        const token = request.headers['x-desk-session']
        envelope = await dispatch(method, input, typeof token === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(token) ? sessions.get(token) : null)
      } catch {
        envelope = { ok: false, error: { code: 'invalid_input', message: 'Request body is not JSON' } }
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      response.end(JSON.stringify(envelope))
      return
    }
    if (url.pathname === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      subscribers.add(response)
      request.on('close', () => subscribers.delete(response))
      return
    }
    if (url.pathname === '/preview-bridge.js') {
      response.writeHead(200, { 'content-type': MIME['.js'] ?? '' })
      response.end(await readFile(new URL('./bridge.js', import.meta.url)))
      return
    }
    await serveStatic(url.pathname, response)
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = normalize(join(options.rendererDir, relative))
    if (!file.startsWith(options.rendererDir + sep) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    let content: Buffer | string = await readFile(file)
    if (file.endsWith('index.html')) {
      // The bridge must define window.frontDesk before the app's module script runs.
      content = content.toString('utf8').replace('<head>', '<head>\n    <script src="/preview-bridge.js"></script>')
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
    response.end(content)
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const response of subscribers) response.end()
      // A browser may hold a kept-alive or half-opened socket; close() alone would wait for it.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      checkpointer.stop()
      closeDatabase(db)
    },
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
