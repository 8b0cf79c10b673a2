import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts'
import type { ApiError, Envelope } from '../../core/api/errors.ts'
import type { ChangeEvent } from '../../core/api/events.ts'
import { PHOTOS_FOLDER_NAME } from '../../core/domain/clientPhoto.ts'
import { createDispatcher } from '../../electron/api/dispatcher.ts'
import { handlers } from '../../electron/api/handlers/index.ts'
import { closeDatabase, openDatabase } from '../../db/open.ts'
import type { WritableDb } from '../../db/types.ts'
import { previewBackupHost } from '../web-preview/backupHost.ts'
import { addPhoto, pictureBytes } from '../helpers/photoRows.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { local, makeClock } from './harness.ts'

const tempDir = useTempDir()
const admin = { id: 1, name: '管理员', role: 'administrator' as const }

/** A desk over a real file with the web preview's backup host and the photos folder beside the database. */
function photoDesk() {
  const dir = tempDir()
  const path = dbPathIn(dir)
  const photosDir = join(dirname(path), PHOTOS_FOLDER_NAME)
  const clock = makeClock(local(2026, 12, 3, 9, 0))
  let db: WritableDb = openDatabase(path).db
  const published: ChangeEvent[] = []
  let restores = 0
  let dispatch: ReturnType<typeof createDispatcher>
  const preview = previewBackupHost(path, async (swap) => {
    closeDatabase(db)
    await swap()
    db = openDatabase(path).db
    dispatch = make()
  })
  const host = { ...preview, restore: (job: Parameters<typeof preview.restore>[0]) => (restores++, preview.restore(job)) }
  const make = () => createDispatcher({ db, handlers, publish: (events) => published.push(...events), appInfo: { version: 't', preview: true }, now: () => new Date(clock.now), backups: host, photosDir })
  dispatch = make()
  const send = async <M extends MethodName>(method: M, input: MethodInput<M>) => (await dispatch(method, input, admin)) as Envelope<MethodResult<M>>
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    const result = await send(method, input)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const refused = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> => {
    const result = await send(method, input)
    if (result.ok) throw new Error(`${method} was expected to fail`)
    return result.error
  }
  const lastAudit = () => db.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string
  const photoPaths = () => db.prepare('SELECT rel_path FROM client_photos ORDER BY id').pluck().all() as string[]
  return { dir, path, photosDir, folder: join(dir, 'backups'), store: join(dir, 'backups', 'photos'), clock, published, call, refused, lastAudit, photoPaths, db: () => db, restores: () => restores }
}

/** Every file under a folder with its SHA-256: what "the live photos are exactly as they were" compares. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(root)) return out
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    out[relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return out
}

describe('clinical photos in backups through the API', () => {
  it('a backup carries the photos (progress has a photos phase, the audit names them); a restore brings a deleted photo back', async () => {
    const d = photoDesk()
    const a = addPhoto(d.db(), d.photosDir)
    const b = addPhoto(d.db(), d.photosDir)
    const entry = await d.call('backups.create', {})
    expect(entry.photos).toEqual({ stored: 2, missing: 0 })
    expect(d.published.some((e) => e.progress?.phase === 'photos')).toBe(true)
    expect(d.lastAudit()).toContain('含照片 2 张')
    expect((await d.call('backups.list', {}))[0]?.photos).toEqual({ stored: 2, missing: 0 })
    expect(await d.call('backups.verify', { file: entry.file })).toMatchObject({ ok: true })

    d.clock.tick(10)
    const later = addPhoto(d.db(), d.photosDir) // imported after the backup: its file must stay
    rmSync(a.file)
    const result = await d.call('backups.restore', { file: entry.file })
    expect(result.restarting).toBe(true)
    expect(d.restores()).toBe(1)
    expect(readFileSync(a.file)).toEqual(a.bytes)
    expect(readFileSync(b.file)).toEqual(b.bytes)
    expect(readFileSync(later.file)).toEqual(later.bytes)
    expect(d.photoPaths()).toEqual([a.relPath, b.relPath])
    // The pre-restore backup stored the later photo too: nothing is lost from the backups either.
    expect(existsSync(join(d.store, later.sha256))).toBe(true)
  })

  it('refuses a restore whose photos are nowhere, naming the count, and changes nothing', async () => {
    const d = photoDesk()
    const a = addPhoto(d.db(), d.photosDir)
    addPhoto(d.db(), d.photosDir)
    const entry = await d.call('backups.create', {})
    rmSync(join(d.store, a.sha256))
    expect(await d.call('backups.verify', { file: entry.file })).toMatchObject({ ok: false, reason: 'photos_missing', photosMissing: 1 })
    // The live file still has it: a restore would lose nothing.
    rmSync(a.file)
    addPhoto(d.db(), d.photosDir)
    const dbBefore = createHash('sha256').update(readFileSync(d.path)).digest('hex')
    const photosBefore = tree(d.photosDir)
    const folderBefore = readdirSync(d.folder).sort()
    const error = await d.refused('backups.restore', { file: entry.file })
    expect(error).toMatchObject({ code: 'rule_violation', message: '该备份缺少 1 张照片（备份文件夹的 photos 中找不到），恢复会丢失这些照片，未做任何更改' })
    expect(d.restores()).toBe(0)
    expect(createHash('sha256').update(readFileSync(d.path)).digest('hex')).toBe(dbBefore)
    expect(tree(d.photosDir)).toEqual(photosBefore)
    expect(readdirSync(d.folder).sort()).toEqual(folderBefore) // no pre-restore backup either
    expect(readdirSync(d.dir).filter((n) => n.includes('before-restore') || n.includes('.verify-'))).toEqual([])
  })

  it('a photo already damaged when the backup was made is named, and does not make that backup unrestorable', async () => {
    const d = photoDesk()
    const good = addPhoto(d.db(), d.photosDir)
    const damaged = addPhoto(d.db(), d.photosDir)
    writeFileSync(damaged.file, pictureBytes(500))
    const entry = await d.call('backups.create', {})
    expect(entry).toMatchObject({ photos: { stored: 1, missing: 1 }, missingPhotoPaths: [damaged.relPath] })
    expect(d.lastAudit()).toContain(`1 张缺失或损坏未能备份：${damaged.relPath}`)
    rmSync(good.file)
    await d.call('backups.restore', { file: entry.file })
    expect(readFileSync(good.file)).toEqual(good.bytes)
  })

  it('an encrypted backup restores its photos with the stored passphrase', async () => {
    const d = photoDesk()
    await d.call('backups.setSchedule', { folder: null, dailyAt: null, onQuit: false, retention: { daily: 7, weekly: 0, monthly: 0 }, encrypt: true, passphrase: '诊所备份密码 2026' })
    const a = addPhoto(d.db(), d.photosDir)
    const entry = await d.call('backups.create', {})
    expect(readdirSync(d.store).sort()).toEqual([`${a.sha256}.enc`, 'passphrase-check.enc'].sort())
    rmSync(a.file)
    await d.call('backups.restore', { file: entry.file })
    expect(readFileSync(a.file)).toEqual(a.bytes)
  }, 30_000)
})
