/**
 * `npm start`: builds the app with electron-vite, makes sure the Electron binary is present, then runs
 * Electron on the project root (package.json "main" -> out/main/index.js).
 *
 * npm's allowScripts blocks electron's postinstall (the ~100 MB download) on purpose, so the binary is
 * fetched here, once, by running electron's own install.js. No native rebuild follows: better-sqlite3 13
 * ships N-API prebuilds that load unchanged in Node and in Electron, so electron-rebuild is not needed.
 *
 * Plain Node 24 with type stripping: only erasable TypeScript in this file.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')

function electronBinary(): string | null {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    const binary = join(electronDir, 'dist', relative)
    return relative !== '' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function run(args: string[]): number {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  return result.status ?? 1
}

const viteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
if (run([viteBin, 'build']) !== 0) {
  console.error('\nThe build failed (see above); Electron was not started.')
  process.exit(1)
}

let binary = electronBinary()
if (binary === null) {
  console.log('\nThe Electron binary is not installed yet: downloading it once (about 100 MB)...')
  const status = existsSync(join(electronDir, 'install.js')) ? run([join(electronDir, 'install.js')]) : 1
  binary = status === 0 ? electronBinary() : null
}
if (binary === null) {
  console.error(
    '\nCould not start the desktop app: the Electron binary is not installed, and downloading it ' +
      '(node node_modules/electron/install.js, from GitHub or the ELECTRON_MIRROR) failed, most likely because ' +
      'this machine has no internet access beyond the npm registry. Nothing else is wrong: `npm test` still ' +
      'runs the unit, database and browser end-to-end tests (only the Electron one is skipped), and `npm run web` serves the same interface in a browser ' +
      'as a preview. On a machine with internet access, `npm start` downloads Electron (about 100 MB) once ' +
      'and then starts the app.',
  )
  process.exit(1)
}

const env = { ...process.env }
delete env.ELECTRON_RUN_AS_NODE
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
child.on('error', (error) => {
  console.error(`Could not run ${binary}: ${error.message}`)
  process.exit(1)
})
