import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts'
import type { ApiError, Envelope } from '../../core/api/errors.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import { LOCAL_DESK_OPERATOR, type Operator } from '../../core/api/operator.ts'
import { swapAndRecord, takeRestoreOutcome } from '../../electron/api/backupJobs.ts'
import type { BackupHost, RestoreJob } from '../../electron/api/context.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import type { WritableDb } from '../../db/types.ts'
import { previewBackupHost } from '../web-preview/backupHost.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock } from './harness.ts'

const tempDir = useTempDir()
const receptionist: Operator = { id: 7, name: '小周', role: 'receptionist' }
const consultant: Operator = { id: 8, name: '王静', role: 'consultant' }

/**
 * A desk over a real file with a backup host: the web preview's (swap and reopen) by default, recording
 * every restore job it is handed. `host: null` is a desk without one (tests, the preview before issue 6).
 */
function backupDesk(options: { host?: 'preview' | null } = {}) {
  const dir = tempDir()
  const path = dbPathIn(dir)
  const clock = makeClock(local(2026, 12, 3, 9, 0))
  let db: WritableDb = openDatabase(path).db
  const published: ChangeEvent[] = []
  const jobs: RestoreJob[] = []
  let dispatch: ReturnType<typeof createDispatcher>
  const preview = previewBackupHost(path, async (swap) => {
    closeDatabase(db)
    await swap()
    db = openDatabase(path).db
    dispatch = make()
  })
  const host: BackupHost | null = options.host === null ? null : { ...preview, restore: (job) => (jobs.push({ ...job }), preview.restore(job)) }
  const make = () => createDispatcher({ db, handlers, publish: (events) => published.push(...events), appInfo: { version: 't', preview: true }, now: () => new Date(clock.now), backups: host })
  dispatch = make()

  const send = async <M extends MethodName>(method: M, input: MethodInput<M>, by: Operator = LOCAL_DESK_OPERATOR) => (await dispatch(method, input, by)) as Envelope<MethodResult<M>>
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, by?: Operator): Promise<MethodResult<M>> => {
    const result = await send(method, input, by)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const refused = async <M extends MethodName>(method: M, input: MethodInput<M>, by?: Operator): Promise<ApiError> => {
    const result = await send(method, input, by)
    if (result.ok) throw new Error(`${method} was expected to fail`)
    return result.error
  }
  const staff = () => db.prepare('SELECT name FROM staff ORDER BY id').pluck().all() as string[]
  const settingsRows = () => JSON.stringify(db.prepare('SELECT key, value FROM settings ORDER BY key').all())
  return { dir, path, clock, folder: join(dir, 'backups'), published, jobs, send, call, refused, staff, settingsRows, db: () => db }
}

describe('backups through the API', () => {
  it('without a folder: a warning, an empty list, and a backup refused with its reason', async () => {
    const d = backupDesk({ host: null })
    expect(await d.call('backups.status', {})).toMatchObject({ folder: null, warning: 'no_folder', folderReachable: false, lastGood: null, restoreAvailable: false, running: null })
    expect(await d.call('backups.list', {})).toEqual([])
    expect(await d.refused('backups.create', {})).toMatchObject({ code: 'rule_violation', message: '尚未设置备份文件夹，请管理员在“备份”中选择' })
    expect(await d.refused('backups.restore', { file: 'clinic-2026-12-03T093000-manual.sqlite' })).toMatchObject({ code: 'rule_violation', message: expect.stringContaining('桌面程序') })
    expect(await d.refused('backups.chooseFolder', {})).toMatchObject({ code: 'rule_violation' })
  })

  it('backs up into the default folder while pushing progress events at once, then the status is good', async () => {
    const d = backupDesk()
    const before = await d.call('backups.status', {})
    expect(before).toMatchObject({ folder: d.folder, folderIsDefault: true, folderReachable: true, warning: 'never', lastGood: null, restoreAvailable: true })
    expect(before.nextDailyAt).toBe(new Date(d.clock.now).toISOString()) // no backup yet: due now
    expect(before.schedule).toEqual({ folder: null, dailyAt: '12:30', onQuit: true, retention: { daily: 7, weekly: 4, monthly: 12 }, encrypt: false, passphraseSet: false })

    let settled = false
    const seenBeforeAnswer: ChangeEvent[] = []
    const pending = d.call('backups.create', {}).finally(() => (settled = true))
    const watcher = setInterval(() => {
      if (!settled) seenBeforeAnswer.push(...d.published.filter((e) => !seenBeforeAnswer.includes(e)))
    }, 0)
    const entry = await pending
    clearInterval(watcher)

    expect(entry).toMatchObject({ file: 'clinic-2026-12-03T090000-manual.sqlite', kind: 'manual', encrypted: false, lastCheck: { ok: true, reason: null } })
    const progress = d.published.filter((e) => e.progress)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress.every((e) => e.topic === 'backups')).toBe(true)
    expect(progress.map((e) => e.progress?.percent)).toEqual([...progress.map((e) => e.progress?.percent)].sort((a = 0, b = 0) => a - b))
    expect(progress.at(-1)?.progress).toEqual({ phase: 'finishing', percent: 100 })
    expect(d.published.at(-1)).toEqual({ topic: 'backups' }) // the end: windows re-read
    expect(seenBeforeAnswer.some((e) => e.progress)).toBe(true) // pushed while it ran, not after

    expect(await d.call('backups.list', {})).toEqual([entry])
    expect(await d.call('backups.status', {})).toMatchObject({ warning: null, lastGood: { file: entry.file, takenAt: entry.takenAt }, nextDailyAt: local(2026, 12, 3, 12, 30).toISOString() })
    d.clock.tick(25 * 60)
    expect((await d.call('backups.status', {})).warning).toBe('stale')
  })

  it('one backup job at a time: a second one meanwhile is refused as busy', async () => {
    const d = backupDesk()
    const [first, second] = await Promise.all([d.send('backups.create', {}), d.send('backups.create', {})])
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: '正在进行另一项备份或恢复，请稍候' } })
  })

  it('setSchedule and restore are for an administrator only; others change nothing', async () => {
    const d = backupDesk()
    mkdirSync(join(d.dir, 'usb'))
    const entry = await d.call('backups.create', {}, receptionist) // a backup now is for anyone at the desk
    const schedule = { folder: join(d.dir, 'usb'), dailyAt: '18:00', onQuit: false, retention: { daily: 3, weekly: 2, monthly: 1 }, encrypt: false }
    for (const who of [receptionist, consultant]) {
      const settings = d.settingsRows()
      expect(await d.refused('backups.setSchedule', schedule, who)).toMatchObject({ code: 'forbidden' })
      expect(await d.refused('backups.restore', { file: entry.file }, who)).toMatchObject({ code: 'forbidden' })
      expect(await d.refused('backups.chooseFolder', {}, who)).toMatchObject({ code: 'forbidden' })
      expect(d.settingsRows()).toBe(settings)
    }
    expect(d.jobs).toEqual([])
    expect(await d.call('backups.setSchedule', schedule)).toEqual({ ...schedule, passphraseSet: false })
    expect(await d.call('backups.status', {})).toMatchObject({ folder: join(d.dir, 'usb'), folderIsDefault: false, warning: 'never' })
  })

  it('checks the schedule: a missing folder, a bad time, encryption without a passphrase; the passphrase never reaches the audit log or the screen', async () => {
    const d = backupDesk()
    const base = { folder: null, dailyAt: '12:30', onQuit: true, retention: { daily: 7, weekly: 4, monthly: 12 }, encrypt: false }
    expect(await d.refused('backups.setSchedule', { ...base, folder: join(d.dir, 'nope') })).toMatchObject({ code: 'rule_violation', fields: { folder: expect.stringContaining('不存在') } })
    expect(await d.refused('backups.setSchedule', { ...base, folder: 'relative/path' })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refused('backups.setSchedule', { ...base, dailyAt: '25:00' })).toMatchObject({ code: 'invalid_input', fields: { dailyAt: '时间格式应为 HH:MM（24 小时制）' } })
    expect(await d.refused('backups.setSchedule', { ...base, retention: { daily: 0, weekly: 0, monthly: 0 } })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refused('backups.setSchedule', { ...base, encrypt: true })).toMatchObject({ code: 'rule_violation', fields: { passphrase: '开启加密需要设置备份密码' } })
    expect(await d.refused('backups.setSchedule', { ...base, encrypt: true, passphrase: 'short' })).toMatchObject({ code: 'invalid_input', fields: { passphrase: '备份密码至少 8 个字符' } })

    const view = await d.call('backups.setSchedule', { ...base, encrypt: true, passphrase: '诊所备份密码 2026' })
    expect(view).toEqual({ ...base, encrypt: true, passphraseSet: true })
    expect(JSON.stringify(await d.call('backups.status', {}))).not.toContain('诊所备份密码')
    const audit = d.db().prepare("SELECT summary FROM audit_log WHERE method = 'backups.setSchedule'").pluck().all() as string[]
    expect(audit).toHaveLength(1)
    expect(audit[0]).not.toContain('诊所备份密码')
    expect(await d.call('backups.setSchedule', { ...base, encrypt: true })).toMatchObject({ passphraseSet: true }) // kept
    expect(await d.call('backups.setSchedule', base)).toMatchObject({ encrypt: false, passphraseSet: false }) // off: forgotten
  })

  it('encrypted backups with the stored passphrase; verify reads the file and keeps its check', async () => {
    const d = backupDesk()
    await d.call('backups.setSchedule', { folder: null, dailyAt: null, onQuit: false, retention: { daily: 7, weekly: 4, monthly: 12 }, encrypt: true, passphrase: 'correct horse battery' })
    const entry = await d.call('backups.create', {})
    expect(entry).toMatchObject({ file: 'clinic-2026-12-03T090000-manual.sqlite.enc', encrypted: true })
    expect(readFileSync(join(d.folder, entry.file)).subarray(0, 8).toString()).toBe('CLNBKENC')

    expect(await d.call('backups.verify', { file: entry.file })).toMatchObject({ ok: true, reason: null }) // the stored passphrase
    expect(await d.call('backups.verify', { file: entry.file, passphrase: 'not it' })).toMatchObject({ ok: false, reason: 'wrong_passphrase' })
    expect((await d.call('backups.list', {}))[0]?.lastCheck).toMatchObject({ ok: true }) // a wrong passphrase says nothing of the file

    const bytes = readFileSync(join(d.folder, entry.file))
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff
    writeFileSync(join(d.folder, entry.file), bytes)
    expect(await d.call('backups.verify', { file: entry.file })).toMatchObject({ ok: false, reason: 'tampered' })
    expect((await d.call('backups.list', {}))[0]?.lastCheck).toMatchObject({ ok: false, reason: 'tampered' })
    // Bad files are not a good backup: the desk warns again.
    expect((await d.call('backups.status', {})).warning).toBe('never')

    expect(await d.refused('backups.verify', { file: 'clinic-2026-12-03T080000-manual.sqlite' })).toMatchObject({ code: 'not_found' })
    for (const file of ['../clinic.sqlite', '/etc/passwd', 'clinic.sqlite', 'backup-checks.json']) expect(await d.refused('backups.verify', { file }), file).toMatchObject({ code: 'invalid_input' })
  })

  it('prunes by the retention after each backup', async () => {
    const d = backupDesk()
    await d.call('backups.setSchedule', { folder: null, dailyAt: null, onQuit: false, retention: { daily: 2, weekly: 0, monthly: 0 }, encrypt: false })
    const files: string[] = []
    for (let day = 1; day <= 4; day++) {
      d.clock.set(2026, 12, day, 18, 0)
      files.push((await d.call('backups.create', {})).file)
    }
    expect((await d.call('backups.list', {})).map((e) => e.file)).toEqual([files[3], files[2]])
  })

  it('restore refuses a bad file with its reason and changes nothing', async () => {
    const d = backupDesk()
    const hash = () => createHash('sha256').update(readFileSync(d.path)).digest('hex')
    const cases: [string, Buffer, string][] = [
      ['clinic-2026-12-01T090000-manual.sqlite', randomBytes(5000), '不是数据库备份'],
      ['clinic-2026-12-01T090001-manual.sqlite.enc', Buffer.concat([Buffer.from('CLNBKENC'), Buffer.from([1, 12, 8, 1]), randomBytes(200)]), '已加密，请输入备份密码'],
    ]
    for (const [file, bytes] of cases) writeFileSync(join(d.folder, file), bytes)
    const staffBefore = d.staff()
    const liveBefore = hash()
    for (const [file, , message] of cases) {
      expect(await d.refused('backups.restore', { file })).toMatchObject({ code: 'rule_violation', message: expect.stringContaining(message) })
    }
    expect(await d.refused('backups.restore', { file: cases[1]?.[0] as string, passphrase: 'whatever it is' })).toMatchObject({ message: '备份密码不正确，未做任何更改' })
    expect(d.jobs).toEqual([])
    expect(d.staff()).toEqual(staffBefore)
    expect(hash()).toBe(liveBefore)
    expect(readdirSync(d.dir).filter((n) => n.includes('before-restore') || n.includes('.verify-') || n.endsWith('.restoring'))).toEqual([])
  })

  it('restores: the data of the backup is back, a pre-restore backup and the replaced files are kept', async () => {
    const d = backupDesk()
    await d.call('staff.create', { name: '王静', role: 'consultant', phone: '', room: '1', skills: [] })
    const backup = await d.call('backups.create', {})
    d.clock.tick(10)
    await d.call('staff.create', { name: '李娜', role: 'consultant', phone: '', room: '2', skills: [] })
    expect(d.staff()).toEqual(['王静', '李娜'])

    const started = await d.call('backups.restore', { file: backup.file })
    expect(started).toEqual({ restarting: true, preRestoreBackup: 'clinic-2026-12-03T091000-pre-restore.sqlite' })
    expect(d.jobs).toEqual([{ checkedFile: join(d.folder, backup.file), temporary: false, file: backup.file }])
    expect(d.staff()).toEqual(['王静'])
    expect((await d.call('staff.list', { includeInactive: false })).map((s) => s.name)).toEqual(['王静'])
    expect(readdirSync(d.dir).filter((n) => n.includes('before-restore'))).toHaveLength(1)
    expect(existsSync(join(d.folder, backup.file))).toBe(true) // the backup itself stays
    expect((await d.call('backups.status', {})).lastRestore).toMatchObject({ ok: true, file: backup.file })

    // The pre-restore backup holds the data from before: restoring it undoes the restore.
    await d.call('backups.restore', { file: 'clinic-2026-12-03T091000-pre-restore.sqlite' })
    expect(d.staff()).toEqual(['王静', '李娜'])
  })

  it('restores an encrypted backup through a temp copy that is removed afterwards', async () => {
    const d = backupDesk()
    await d.call('staff.create', { name: '王静', role: 'consultant', phone: '', room: '1', skills: [] })
    const backup = await d.call('backups.create', { passphrase: 'one-off passphrase' })
    await d.call('staff.create', { name: '李娜', role: 'consultant', phone: '', room: '2', skills: [] })
    expect(await d.refused('backups.restore', { file: backup.file })).toMatchObject({ message: '该备份已加密，请输入备份密码' })
    await d.call('backups.restore', { file: backup.file, passphrase: 'one-off passphrase' })
    expect(d.jobs[0]).toMatchObject({ temporary: true, file: backup.file })
    expect(d.staff()).toEqual(['王静'])
    expect(existsSync(d.jobs[0]?.checkedFile as string)).toBe(false)
  })

  it('swapAndRecord keeps a failed swap’s reason for the restarted app', async () => {
    const dir = tempDir()
    const path = dbPathIn(dir)
    closeDatabase(openDatabase(path).db)
    const outcome = await swapAndRecord(path, { checkedFile: join(dir, 'missing.sqlite'), temporary: false, file: 'clinic-2026-12-03T090000-manual.sqlite' }, join(dir, 'outcome.json'))
    expect(outcome).toMatchObject({ ok: false, file: 'clinic-2026-12-03T090000-manual.sqlite' })
    expect(JSON.parse(readFileSync(join(dir, 'outcome.json'), 'utf8'))).toEqual(outcome)
    closeDatabase(openDatabase(path).db) // still the old database, still opens
    // The restarted app reads it once.
    expect(takeRestoreOutcome(join(dir, 'outcome.json'))).toEqual(outcome)
    expect(takeRestoreOutcome(join(dir, 'outcome.json'))).toBeNull()
  })
})

describe('publishNow', () => {
  it('pushes at once from a non-writing handler, and only after the commit from a writing one', async () => {
    const order: string[] = []
    const published: ChangeEvent[] = []
    const { db } = openDatabase(dbPathIn(tempDir()))
    const dispatch = createDispatcher({
      db,
      handlers: {
        ...handlers,
        'backups.list': async (ctx) => {
          ctx.publishNow({ topic: 'backups', progress: { phase: 'copying', percent: 50 } })
          order.push(`published ${published.length}`)
          return []
        },
        'backups.setSchedule': (ctx) => {
          ctx.publishNow({ topic: 'backups' })
          order.push(`in write ${published.length}`)
          return { folder: null, dailyAt: null, onQuit: false, retention: { daily: 1, weekly: 0, monthly: 0 }, encrypt: false, passphraseSet: false }
        },
      },
      publish: (events) => published.push(...events),
      appInfo: { version: 't', preview: false },
    })
    await dispatch('backups.list', {}, LOCAL_DESK_OPERATOR)
    await dispatch('backups.setSchedule', { folder: null, dailyAt: null, onQuit: false, retention: { daily: 1, weekly: 0, monthly: 0 }, encrypt: false }, LOCAL_DESK_OPERATOR)
    expect(order).toEqual(['published 1', 'in write 1'])
    expect(published).toEqual([{ topic: 'backups', progress: { phase: 'copying', percent: 50 } }, { topic: 'backups' }])
    closeDatabase(db)
  })
})
