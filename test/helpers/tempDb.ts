import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temp folder per test for real SQLite files; removed after the test. */
export function useTempDir(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-test-'))
    dirs.push(dir)
    return dir
  }
}

export function dbPathIn(dir: string, name = 'clinic.sqlite'): string {
  return join(dir, name)
}
