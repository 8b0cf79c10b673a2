import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import '../../core/i18n/backupMessages.ts'
import { BACKUP_FAILURES, BACKUP_REFUSALS } from '../../core/domain/backup.ts'
import { hasErrorMessage, translateError } from '../../core/i18n/errorMessages.ts'

const root = join(import.meta.dirname, '..', '..')

describe('backup messages', () => {
  it('every refusal and every failure has its own message in zh-CN and en-US', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const refusals = BACKUP_REFUSALS.map((r) => translateError(locale, `backup.refused.${r}`))
      const failures = BACKUP_FAILURES.map((f) => translateError(locale, `backup.failed.${f}`))
      expect(new Set(refusals).size).toBe(BACKUP_REFUSALS.length)
      expect(new Set(failures).size).toBe(BACKUP_FAILURES.length)
    }
    for (const key of [...BACKUP_REFUSALS.map((r) => `backup.refused.${r}`), ...BACKUP_FAILURES.map((f) => `backup.failed.${f}`)]) expect(hasErrorMessage(key), key).toBe(true)
  })

  it('every message key the backup code names exists in both languages', () => {
    const sources = ['electron/api/handlers/backups.ts', 'core/domain/backup.ts', 'test/web-preview/backupHost.ts'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n')
    const keys = [...sources.matchAll(/'((?:backup|validation)\.[A-Za-z_.]+)'/g)].map((m) => m[1] as string).filter((k) => !k.endsWith('.'))
    expect(keys.length).toBeGreaterThan(10)
    for (const key of keys) expect(hasErrorMessage(key), key).toBe(true)
  })
})
