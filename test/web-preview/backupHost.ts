import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DomainError } from '../../core/api/errors.ts'
import type { RestoreOutcome } from '../../core/domain/backup.ts'
import { swapAndRecord } from '../../electron/api/backupJobs.ts'
import type { BackupHost } from '../../electron/api/context.ts'

/**
 * Backups in the web preview (test tooling): the default folder `backups/` beside the database, no folder
 * dialog, and a restore that swaps the file in and reopens the database instead of restarting the app
 * (the page reloads itself). `reopen` closes the database, runs the swap, and opens it again.
 */
export function previewBackupHost(dbPath: string, reopen: (swap: () => Promise<void>) => Promise<void>): BackupHost {
  const defaultFolder = join(dirname(dbPath), 'backups')
  mkdirSync(defaultFolder, { recursive: true })
  let lastRestore: RestoreOutcome | null = null
  return {
    defaultFolder,
    workDir: dirname(dbPath),
    chooseFolder: () => Promise.reject(new DomainError('rule_violation', 'backup.chooseUnavailable')),
    restore: (job) =>
      reopen(async () => {
        lastRestore = await swapAndRecord(dbPath, job, null)
      }),
    lastRestore: () => lastRestore,
  }
}
