import Database from 'better-sqlite3'
import { readdirSync, rmSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract, type MethodInput, type MethodName, type MethodResult } from '../../core/api/contract.ts'
import type { Envelope } from '../../core/api/errors.ts'
import type { Permission } from '../../core/api/method.ts'
import type { Operator } from '../../core/api/operator.ts'
import { backupNow, swapAndRecord } from '../../electron/api/backupJobs.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { localDayStartUtc } from '../../electron/api/handlers/audit.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import type { WritableDb } from '../../db/types.ts'
import { previewBackupHost } from '../web-preview/backupHost.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock, openDesk } from './harness.ts'
import { useTimeZone } from '../helpers/timeZone.ts'

const tempDir = useTempDir()
const admin: Operator = { id: 1, name: '林主任', role: 'administrator' }
const desk: Operator = { id: 7, name: '小周', role: 'receptionist' }

// A clinic eight hours east of UTC: a local day is not a UTC day, so its edges are tested for real.
useTimeZone('Asia/Shanghai')

describe('the audit log through the API', () => {
  it('every write leaves one row with its kind, its operator and a readable summary; reads leave none', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock(), admin)
    const consultant = await d.consultant('王静')
    const client = await d.call('clients.create', { name: '张小丽', phone: d.phone() }, desk)
    await d.call('visits.register', { clientId: client.id, type: 'first', designatedConsultantId: consultant.id }, desk)
    await d.setting({ clinicName: '丽格医美' })
    await d.call('clients.search', { query: '张' }, desk)
    await d.call('audit.list', {})

    const { entries, hasMore } = await d.call('audit.list', {})
    expect(hasMore).toBe(false)
    expect(entries.map((e) => [e.method, e.kind, e.operatorId, e.operator])).toEqual([
      ['settings.update', 'settings', 1, '林主任'],
      ['visits.register', 'registration', 7, '小周'],
      ['clients.create', 'registration', 7, '小周'],
      ['staff.create', 'staff', 1, '林主任'],
    ])
    expect(entries[2]?.summary).toContain('登记顾客 张小丽')
    expect(entries.every((e) => e.at === new Date(d.clock.now).toISOString())).toBe(true)
    expect(await d.call('audit.operators', {})).toEqual(expect.arrayContaining([{ id: 1, name: '林主任' }, { id: 7, name: '小周' }]))
    expect(await d.call('audit.operators', {})).toHaveLength(2)
  })

  it('a refused write leaves no row', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock(), admin)
    const phone = d.phone()
    await d.call('clients.create', { name: '张小丽', phone })
    const before = d.count('audit_log')
    await d.refusedCleanly('clients.create', { name: '张晓丽', phone }) // the phone is taken: refused inside the transaction
    await d.refusedCleanly('clients.create', { name: '', phone: 'x' }) // bad input: refused before it
    await d.refusedCleanly('visits.setStatus', { visitId: 999, expectedVersion: 1, status: 'consulting' })
    expect(d.count('audit_log')).toBe(before)
  })

  it('filters by operator, by kind and by local days, edges included', async () => {
    const clock = makeClock(local(2026, 11, 22, 23, 59))
    const d = openDesk(dbPathIn(tempDir()), clock, admin)
    const at: [number, number, number, Operator][] = [
      [22, 23, 59, desk], // the evening before
      [23, 0, 0, desk], // the first minute of the day
      [23, 12, 0, admin],
      [23, 23, 59, desk], // the last minute of the day
      [24, 0, 0, admin], // the next day
    ]
    for (const [day, h, mi, by] of at) {
      clock.set(2026, 11, day, h, mi)
      await d.call('clients.create', { name: `顾客${day}${h}`, phone: d.phone() }, by)
    }
    clock.set(2026, 11, 24, 9, 0)
    await d.setting({ clinicName: '丽格医美' })
    const ids = async (input: MethodInput<'audit.list'>) => (await d.call('audit.list', input)).entries.map((e) => e.summary.replace(/ 档案号.*/, '') + `@${e.operator}`)

    // 2026-11-23 in Shanghai is 2026-11-22T16:00Z up to 2026-11-23T16:00Z.
    expect(localDayStartUtc('2026-11-23')).toBe('2026-11-22T16:00:00.000Z')
    expect(await ids({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['登记顾客 顾客2323@小周', '登记顾客 顾客2312@林主任', '登记顾客 顾客230@小周'])
    expect(await ids({ from: '2026-11-24' })).toHaveLength(2)
    expect(await ids({ to: '2026-11-22' })).toEqual(['登记顾客 顾客2223@小周'])
    expect(await ids({ operatorId: 7 })).toEqual(['登记顾客 顾客2323@小周', '登记顾客 顾客230@小周', '登记顾客 顾客2223@小周'])
    expect(await ids({ operatorId: 1, from: '2026-11-23', to: '2026-11-23' })).toEqual(['登记顾客 顾客2312@林主任'])
    expect((await d.call('audit.list', { kind: 'settings' })).entries.map((e) => e.method)).toEqual(['settings.update'])
    expect((await d.call('audit.list', { kind: 'registration', from: '2026-11-24' })).entries.map((e) => e.method)).toEqual(['clients.create'])
    expect((await d.call('audit.list', { kind: 'fees' })).entries).toEqual([])
    expect((await d.call('audit.list', { operatorId: null })).entries).toEqual([])

    expect(await d.refused('audit.list', { from: '2026-11-24', to: '2026-11-23' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('结束日期不能早于开始日期') })
    expect(await d.refused('audit.list', { kind: 'everything' as never })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refused('audit.list', { limit: 201 })).toMatchObject({ code: 'invalid_input' })
    expect(await d.refused('audit.list', { from: '23.11.2026' })).toMatchObject({ code: 'invalid_input' })
  })

  it('a local day is its real length on a daylight-saving change', () => {
    const tz = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      const start = Date.parse(localDayStartUtc('2026-03-08'))
      expect(Date.parse(localDayStartUtc('2026-03-08', 1)) - start).toBe(23 * 3600_000)
      expect(localDayStartUtc('2026-03-08')).toBe('2026-03-08T05:00:00.000Z')
    } finally {
      process.env.TZ = tz
    }
  })

  it('pages newest first with beforeId and hasMore', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock(), admin)
    for (let i = 0; i < 7; i++) {
      await d.newClient(`顾客${i}`)
      d.clock.tick(1)
    }
    const first = await d.call('audit.list', { limit: 3 })
    expect(first.hasMore).toBe(true)
    const second = await d.call('audit.list', { limit: 3, beforeId: first.entries.at(-1)?.id })
    expect(second.hasMore).toBe(true)
    const third = await d.call('audit.list', { limit: 3, beforeId: second.entries.at(-1)?.id })
    expect(third).toMatchObject({ hasMore: false })
    const names = [...first.entries, ...second.entries, ...third.entries].map((e) => e.summary.replace(/ 档案号.*/, ''))
    expect(names).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `登记顾客 顾客${i}`))
    // The same with a date range (another index leads): the same pages.
    const ranged = await d.call('audit.list', { limit: 3, from: '2026-11-23', to: '2026-11-23', beforeId: first.entries.at(-1)?.id })
    expect(ranged.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id))
    expect((await d.call('audit.list', {})).entries).toHaveLength(7) // 50 by default
  })

  it('is for administrators: both methods are read-only and need the admin permission', async () => {
    expect(contract['audit.list']).toMatchObject({ permission: 'admin', writes: false })
    expect(contract['audit.operators']).toMatchObject({ permission: 'admin', writes: false })
    const path = dbPathIn(tempDir())
    const { db } = openDatabase(path)
    const dispatch = createDispatcher({
      db,
      handlers,
      publish: () => undefined,
      appInfo: { version: 't', preview: false },
      authorize: (operator: Operator | null, permission: Permission) => permission !== 'admin' || operator?.role === 'administrator',
    })
    expect(await dispatch('audit.list', {}, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dispatch('audit.operators', {}, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dispatch('audit.list', {}, admin)).toMatchObject({ ok: true, value: { entries: [], hasMore: false } })
    closeDatabase(db)
  })
})

/** A desk over a real file with the web preview's backup host (swap and reopen), as test/integration/backups.test.ts. */
function backupDesk() {
  const dir = tempDir()
  const path = dbPathIn(dir)
  const clock = makeClock(local(2026, 12, 3, 9, 0))
  let db: WritableDb = openDatabase(path).db
  let dispatch: ReturnType<typeof createDispatcher>
  const host = previewBackupHost(path, async (swap) => {
    closeDatabase(db)
    await swap()
    db = openDatabase(path).db
    dispatch = make()
  })
  const make = () => createDispatcher({ db, handlers, publish: () => undefined, appInfo: { version: 't', preview: true }, now: () => new Date(clock.now), backups: host })
  dispatch = make()
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, by: Operator = admin): Promise<MethodResult<M>> => {
    const result = (await dispatch(method, input, by)) as Envelope<MethodResult<M>>
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const rows = (of: Database.Database = db) => of.prepare('SELECT operator_id AS operatorId, operator_name AS operatorName, method, summary FROM audit_log ORDER BY id').all() as { operatorId: number | null; operatorName: string; method: string; summary: string }[]
  return { dir, path, clock, host, folder: join(dir, 'backups'), call, rows, db: () => db }
}

describe('backups and restores in the audit log', () => {
  it('a backup now leaves a row with the file, its size, encrypted or not, and its result', async () => {
    const d = backupDesk()
    const plain = await d.call('backups.create', {}, desk)
    d.clock.tick(1)
    const encrypted = await d.call('backups.create', { passphrase: 'one-off passphrase' }, desk)
    const { entries } = await d.call('audit.list', { kind: 'backups' })
    expect(entries.map((e) => [e.method, e.kind, e.operatorId, e.operator])).toEqual([
      ['backups.create', 'backups', 7, '小周'],
      ['backups.create', 'backups', 7, '小周'],
    ])
    expect(entries[1]?.summary).toMatch(new RegExp(`^手动备份成功：${plain.file.replace(/\./g, '\\.')}（\\d+ KB，未加密），完整性检查通过$`))
    expect(entries[0]?.summary).toContain(`${encrypted.file}（`)
    expect(entries[0]?.summary).toContain('，加密）')
    expect(entries[0]?.summary).not.toContain('one-off passphrase')
    expect(entries[0]?.at).toBe(new Date(d.clock.now).toISOString())
  })

  it('an automatic backup is audited as backups.auto by the system; a failure once, however often the schedule retries', async () => {
    const d = backupDesk()
    await backupNow(d.db(), { kind: 'daily', host: d.host, now: new Date(d.clock.now) })
    expect(d.rows().at(-1)).toMatchObject({ method: 'backups.auto', operatorId: null, operatorName: '系统', summary: expect.stringMatching(/^每日自动备份成功：clinic-2026-12-03T090000-daily\.sqlite（/) })

    const usb = join(d.dir, 'usb')
    mkdirSync(usb)
    await d.call('backups.setSchedule', { folder: usb, dailyAt: '12:30', onQuit: true, retention: { daily: 7, weekly: 4, monthly: 12 }, encrypt: false })
    rmSync(usb, { recursive: true })
    const before = d.rows().length
    for (let i = 0; i < 3; i++) await expect(backupNow(d.db(), { kind: 'daily', host: d.host, now: new Date(d.clock.now) })).rejects.toThrow()
    expect(d.rows().slice(before)).toEqual([{ method: 'backups.auto', operatorId: null, operatorName: '系统', summary: expect.stringContaining('每日自动备份失败：无法访问备份文件夹') }])
    // An operator's failed attempt is refused like any call, and leaves nothing: they see why at once.
    await expect(d.call('backups.create', {}, desk)).rejects.toThrow()
    expect(d.rows().slice(before + 1)).toEqual([])
    // Quitting backs up too, by the system.
    mkdirSync(usb)
    await backupNow(d.db(), { kind: 'quit', host: d.host, now: new Date(d.clock.now) })
    expect(d.rows().at(-1)).toMatchObject({ method: 'backups.auto', summary: expect.stringContaining('退出时自动备份成功') })
  })

  it('a restore is in the log before the swap (the replaced database, the pre-restore backup) and after it (the restored database)', async () => {
    const d = backupDesk()
    await d.call('staff.create', { name: '王静', role: 'consultant', phone: '', room: '1', skills: [] })
    const backup = await d.call('backups.create', {})
    d.clock.tick(10)
    await d.call('staff.create', { name: '李娜', role: 'consultant', phone: '', room: '2', skills: [] })
    const started = await d.call('backups.restore', { file: backup.file }, admin)

    // The restored database: the backup's rows, then the restore itself, by whom, from which file.
    const restored = d.rows()
    // (A backup's own row comes after it is made, so it is not in the file.)
    expect(restored.map((r) => r.method)).toEqual(['staff.create', 'backups.restore'])
    expect(restored.at(-1)).toMatchObject({ operatorId: 1, operatorName: '林主任' })
    expect(restored.at(-1)?.summary).toMatch(new RegExp(`^已从备份 ${backup.file.replace(/\./g, '\\.')}（\\d+ KB，未加密）恢复；恢复前的数据已备份为 ${started.preRestoreBackup}；替换下的数据库保留为 clinic\\.sqlite\\.before-restore-`))
    const { entries } = await d.call('audit.list', { kind: 'backups' })
    expect(entries[0]).toMatchObject({ method: 'backups.restore', kind: 'backups', operator: '林主任' })

    // The database it replaced, and the pre-restore backup of it, hold the row written before the swap.
    const replaced = readdirSync(d.dir).find((n) => n.startsWith('clinic.sqlite.before-restore-') && !/-(wal|shm)$/.test(n))
    expect(replaced).toBeDefined()
    for (const file of [join(d.dir, replaced as string), join(d.folder, started.preRestoreBackup as string)]) {
      const other = new Database(file)
      try {
        const last = d.rows(other).at(-1)
        expect(last, file).toMatchObject({ method: 'backups.restore', operatorId: 1, summary: expect.stringContaining(`开始恢复：备份 ${backup.file}`) })
        expect(d.rows(other).map((r) => r.method)).toEqual(['staff.create', 'backups.create', 'staff.create', 'backups.restore'])
      } finally {
        other.close()
      }
    }
  })

  it('a restore whose swap fails says so in the database that was put back', async () => {
    const dir = tempDir()
    const path = dbPathIn(dir)
    closeDatabase(openDatabase(path).db)
    const outcome = await swapAndRecord(path, { checkedFile: join(dir, 'missing.sqlite'), temporary: false, file: 'clinic-2026-12-03T090000-manual.sqlite' }, null)
    expect(outcome.ok).toBe(false)
    const db = new Database(path)
    try {
      expect(db.prepare('SELECT method, summary FROM audit_log ORDER BY id DESC LIMIT 1').get()).toMatchObject({
        method: 'backups.restore',
        summary: expect.stringContaining('从备份 clinic-2026-12-03T090000-manual.sqlite 恢复失败，已还原原数据库'),
      })
    } finally {
      db.close()
    }
  })
})
