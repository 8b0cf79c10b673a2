// `npm run web`: the web preview. Builds the renderer, then serves it with the real API handlers and a
// real SQLite file on 127.0.0.1. Tooling for demos, development and end-to-end tests, not the product.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebPreview } from '../test/web-preview/server.ts'

const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5199' },
    db: { type: 'string', default: process.env.FRONT_DESK_DB ?? resolve(root, '.data/web-preview.sqlite') },
    'no-build': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
})

if (!values['no-build']) {
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
}
const dbPath = resolve(values.db)
mkdirSync(dirname(dbPath), { recursive: true })
if (values.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }
const preview = await startWebPreview({
  dbPath,
  rendererDir: resolve(root, 'out/renderer'),
  port: Number(values.port),
  seed: !values['no-seed'],
  version: pkg.version,
})
console.log(`Web preview (test tooling, not the product): ${preview.url}\nDatabase: ${dbPath}\nCtrl+C to stop.`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void preview.close().then(() => process.exit(0))
  })
}
