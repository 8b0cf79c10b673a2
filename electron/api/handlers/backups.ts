import '../../../core/i18n/backupMessages.ts'
import { statSync } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { DomainError } from '../../../core/api/errors.ts'
import { backupWarning, canManageBackups, type BackupCheck, type BackupScheduleView } from '../../../core/domain/backup.ts'
import { nextDailyRun } from '../../../core/domain/backupSchedule.ts'
import { BackupError, createBackup, listBackups, recordCheck } from '../../../db/backup.ts'
import { readBackupPassphrase, readBackupSchedule, writeBackupSchedule } from '../../../db/backupSettings.ts'
import { photoRowsInFile, readPhotoNotes } from '../../../db/photoBackup.ts'
import { PhotoRestoreError, restorePhotos } from '../../../db/photoRestore.ts'
import { removeDatabaseFiles, verifyBackupFile, type VerifyResult } from '../../../db/restore.ts'
import type { ReadableDb } from '../../../db/types.ts'
import {
  auditQuietly,
  backupFolder,
  backupNow,
  describeBackupFile,
  exclusive,
  folderReachable,
  forgetRestore,
  lastGoodBackup,
  noteRestore,
  pathIn,
  prune,
  runningBackup,
  workDirOf,
} from '../backupJobs.ts'
import type { BackupHost, HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

type BackupMethod = 'backups.status' | 'backups.list' | 'backups.create' | 'backups.verify' | 'backups.setSchedule' | 'backups.chooseFolder' | 'backups.restore'

function requireAdmin(ctx: HandlerContext): void {
  if (!canManageBackups(ctx.operator.role)) throw new DomainError('forbidden', 'backup.adminOnly')
}

function requireHost(ctx: HandlerContext): BackupHost {
  const host = ctx.backups
  if (!host) throw new DomainError('rule_violation', 'backup.restoreUnavailable')
  return host
}

/** A backup that could not be made, as the refusal the operator reads. */
function refusal(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error
  return new DomainError(error.code === 'busy' ? 'conflict' : 'rule_violation', `backup.failed.${error.code}`, error.params)
}

function requireFolder(ctx: HandlerContext): string {
  const { folder } = backupFolder(ctx.db, ctx.backups)
  if (folder === null) throw new DomainError('rule_violation', 'backup.failed.no_folder')
  return folder
}

/** The path of a file of the folder (the name is checked by the schema: a bare backup file name). */
async function existingFile(folder: string, file: string): Promise<string> {
  const path = pathIn(folder, file)
  try {
    await access(path)
  } catch {
    throw new DomainError('not_found', 'backup.fileNotFound', { file }, 'file')
  }
  return path
}

/** The result of a check as kept and answered (a photos refusal says how many). */
function checkOf(result: VerifyResult, at: string): BackupCheck {
  if (result.ok) return { at, ok: true, reason: null, schemaVersion: result.schemaVersion }
  return { at, ok: false, reason: result.reason, schemaVersion: result.schemaVersion, ...(result.photosMissing === undefined ? {} : { photosMissing: result.photosMissing }) }
}

function scheduleView(db: ReadableDb): BackupScheduleView {
  return { ...readBackupSchedule(db), passphraseSet: readBackupPassphrase(db) !== null }
}

/** A check that says nothing about the file (no or a wrong passphrase) is not kept as its last check. */
function worthKeeping(check: BackupCheck): boolean {
  return check.ok || (check.reason !== 'passphrase_required' && check.reason !== 'wrong_passphrase')
}

/**
 * Backups and restore. Non-writing handlers are async and do the file work themselves (db/backup.ts,
 * db/restore.ts); only the restore's close-swap-restart and the folder dialog belong to the host.
 */
export const backupHandlers: PartialHandlerTable<BackupMethod> = {
  'backups.status': async (ctx) => {
    const schedule = scheduleView(ctx.db)
    const { folder, isDefault } = backupFolder(ctx.db, ctx.backups)
    const reachable = folder !== null && (await folderReachable(folder))
    const lastGood = reachable ? await lastGoodBackup(folder) : null
    const now = new Date(ctx.now())
    return {
      schedule,
      folder,
      folderIsDefault: isDefault,
      folderReachable: reachable,
      lastGood: lastGood ? { file: lastGood.file, takenAt: lastGood.takenAt } : null,
      nextDailyAt: schedule.dailyAt === null ? null : nextDailyRun(now, schedule.dailyAt, lastGood ? new Date(lastGood.takenAt) : null).toISOString(),
      warning: backupWarning({ folder, reachable, lastGoodAt: lastGood?.takenAt ?? null, now }),
      running: runningBackup(ctx.db),
      restoreAvailable: ctx.backups !== null,
      lastRestore: ctx.backups?.lastRestore() ?? null,
    }
  },

  'backups.list': async (ctx) => {
    const { folder } = backupFolder(ctx.db, ctx.backups)
    if (folder === null) return []
    try {
      return await listBackups(folder)
    } catch {
      return []
    }
  },

  'backups.create': async (ctx, input) => {
    try {
      const { entry } = await backupNow(ctx.db, {
        kind: 'manual',
        host: ctx.backups,
        now: new Date(ctx.now()),
        by: ctx.operator,
        passphrase: input.passphrase,
        photosDir: ctx.photosDir,
        onProgress: (progress) => ctx.publishNow({ topic: 'backups', progress }),
      })
      return entry
    } catch (error) {
      throw refusal(error)
    } finally {
      ctx.publishNow({ topic: 'backups' })
    }
  },

  'backups.verify': async (ctx, input) => {
    const folder = requireFolder(ctx)
    const path = await existingFile(folder, input.file)
    try {
      return await exclusive(ctx.db, async () => {
        // The backup on its own: every photo it lists must be in the folder's store (the live folder does not count).
        const result = await verifyBackupFile(path, input.passphrase ?? readBackupPassphrase(ctx.db), { workDir: workDirOf(ctx.db, ctx.backups), photos: { folder } })
        const check = checkOf(result, ctx.now())
        if (worthKeeping(check)) await recordCheck(folder, input.file, check).catch(() => undefined)
        return check
      })
    } catch (error) {
      throw refusal(error)
    } finally {
      ctx.publishNow({ topic: 'backups' })
    }
  },

  'backups.setSchedule': (ctx, input) => {
    requireAdmin(ctx)
    const { passphrase, ...schedule } = input
    if (schedule.folder !== null && !isFolder(schedule.folder)) throw new DomainError('rule_violation', 'backup.folderMissing', { folder: schedule.folder }, 'folder')
    if (schedule.encrypt && passphrase === undefined && readBackupPassphrase(ctx.db) === null) throw new DomainError('rule_violation', 'backup.passphraseNeeded', {}, 'passphrase')
    writeBackupSchedule(ctx.db, schedule, schedule.encrypt ? passphrase : null, ctx.now())
    // Never the default summary: it would hold the passphrase.
    ctx.audit(
      `备份设置：文件夹 ${schedule.folder ?? '默认'}，每日 ${schedule.dailyAt ?? '不备份'}，退出时 ${schedule.onQuit ? '备份' : '不备份'}，` +
        `保留 ${schedule.retention.daily}/${schedule.retention.weekly}/${schedule.retention.monthly}，${schedule.encrypt ? `加密${passphrase === undefined ? '' : '（新密码）'}` : '不加密'}`,
    )
    ctx.emit({ topic: 'backups' })
    return scheduleView(ctx.db)
  },

  'backups.chooseFolder': async (ctx) => {
    requireAdmin(ctx)
    const host = ctx.backups
    if (!host) throw new DomainError('rule_violation', 'backup.chooseUnavailable')
    return { folder: await host.chooseFolder() }
  },

  'backups.restore': async (ctx, input) => {
    requireAdmin(ctx)
    const host = requireHost(ctx)
    const folder = requireFolder(ctx)
    const path = await existingFile(folder, input.file)
    try {
      return await exclusive(ctx.db, async () => {
        const workDir = workDirOf(ctx.db, host)
        const passphrase = input.passphrase ?? readBackupPassphrase(ctx.db)
        // Refused when photos it lists are in neither the store nor the live folder: restoring would lose them.
        // Photos already missing when the backup was made (its note) do not refuse it: no backup has them.
        const knownMissing = (await readPhotoNotes(folder))[input.file]?.missingSha ?? []
        const result = await verifyBackupFile(path, passphrase, { workDir, keepPlain: true, photos: { folder, photosDir: ctx.photosDir, knownMissing } })
        const check = checkOf(result, ctx.now())
        if (worthKeeping(check) && check.reason !== 'photos_missing') await recordCheck(folder, input.file, check).catch(() => undefined)
        if (!result.ok) throw new DomainError('rule_violation', `backup.refused.${result.reason}`, { count: result.photosMissing ?? 0 }, result.reason.includes('passphrase') ? 'passphrase' : 'file')
        const checkedFile = result.plainFile ?? path
        let photosCopied = 0
        try {
          // Before the swap; a failure leaves the live database as it was (copied photos are the rows' own pictures).
          if (ctx.photosDir !== null) {
            const passphrases = [input.passphrase, readBackupPassphrase(ctx.db)].filter((p): p is string => typeof p === 'string')
            photosCopied = (await restorePhotos(photoRowsInFile(checkedFile), { folder, photosDir: ctx.photosDir, passphrases, knownMissing, now: new Date(ctx.now()) })).copied
          }
        } catch (error) {
          if (result.temporary) await removeDatabaseFiles(checkedFile)
          if (error instanceof PhotoRestoreError) throw new DomainError('rule_violation', 'backup.photoRestoreFailed', { path: error.relPath, detail: error.message }, 'file')
          throw error
        }
        // Audited before anything changes, so the row is in the replaced database and in the pre-restore backup.
        const backup = describeBackupFile(input.file, await stat(path).then((s) => s.size, () => null), result.encrypted)
        const by = { operatorId: ctx.operator.id, operatorName: ctx.operator.name, method: 'backups.restore' }
        const photoText = result.photos > 0 ? `，含照片 ${result.photos} 张（已放回照片文件夹 ${photosCopied} 张）` : ''
        auditQuietly(ctx.db, { ...by, at: ctx.now(), summary: `开始恢复：备份 ${backup} 检查通过（结构版本 ${result.schemaVersion}）${photoText}，先备份当前数据，再换入该备份` })
        let preRestoreBackup: string | null = null
        try {
          const schedule = readBackupSchedule(ctx.db)
          const ownPassphrase = schedule.encrypt ? readBackupPassphrase(ctx.db) : null
          const entry = await createBackup(ctx.db, { folder, kind: 'pre-restore', now: new Date(ctx.now()), passphrase: ownPassphrase, workDir, photosDir: ctx.photosDir })
          preRestoreBackup = entry.file
          await prune(ctx.db, folder).catch(() => [])
        } catch {
          // The replaced database is kept beside the live one in any case (swapInDatabase).
        }
        // The restored database's own row, written by the swap (backupJobs.ts swapAndRecord).
        const before = preRestoreBackup === null ? '恢复前未能另行备份当前数据' : `恢复前的数据已备份为 ${preRestoreBackup}`
        noteRestore(checkedFile, { ...by, at: ctx.now(), summary: `已从备份 ${backup}恢复；${before}` })
        try {
          await host.restore({ checkedFile, temporary: result.temporary, file: input.file })
        } catch (error) {
          forgetRestore(checkedFile)
          if (result.temporary) await removeDatabaseFiles(checkedFile)
          throw error
        }
        return { restarting: true as const, preRestoreBackup }
      })
    } catch (error) {
      throw refusal(error)
    } finally {
      ctx.publishNow({ topic: 'backups' })
    }
  },
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
