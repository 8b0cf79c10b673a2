import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import { PHOTOS_FOLDER_NAME, photoRelativePath } from '../../core/domain/clientPhoto.ts'
import type { Staff, StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { useTimeZone } from '../helpers/timeZone.ts'
import { local, makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()
useTimeZone('Asia/Shanghai')

const as = (s: Staff): Operator => ({ id: s.id, name: s.name, role: s.role })
const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A JPEG's first bytes then some body: what the main process tells a picture by. */
const jpeg = (seed: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF photo ${seed} `.repeat(20))])
const png = (seed: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`png ${seed}`)])
const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from('rest of an iPhone picture')])

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return []
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1).split('\\').join('/'))
    .sort()
}

/** A clinic on 2026-11-23 09:00 (Shanghai): nurse 孙护士, salesperson 钱市场; 刘女士 and 陈女士 are clients. */
async function clinic() {
  const path = dbPathIn(tempDir())
  const d = openDesk(path, makeClock(local(2026, 11, 23, 9, 0)))
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const nurse = await person('孙护士', 'nurse')
  const sales = await person('钱市场', 'marketing')
  const liu = await d.newClient('刘女士')
  const chen = await d.newClient('陈女士')
  return { d, nurse, sales, liu, chen, photosDir: join(dirname(path), PHOTOS_FOLDER_NAME) }
}

const importInput = (clientId: number, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  clientId, kind: 'before' as const, takenOn: '2026-11-23', cardId: null, note: '', originalName: 'IMG_0001.JPG', base64: bytes.toString('base64'), ...extra,
})

/** A paid fee sheet of 光子嫩肤 ×5 for the client: her treatment card. */
async function cardOf(d: Desk, clientId: number) {
  const item = await d.call('prices.create', { code: `GZ${clientId}`, name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
  const { visit } = await d.arrive(clientId, 'first')
  const draft = await d.call('fees.create', { visitId: visit.id })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId: item.id, quantity: 5 }] })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  await d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
  return (await d.call('cards.ofClient', { clientId }))[0]!
}

describe('clinical photos (术前照 / 术后照)', () => {
  it('imports a picture as a file where photoRelativePath says, with the same bytes and SHA-256, and reads it back', async () => {
    const { d, nurse, liu, photosDir } = await clinic()
    const bytes = jpeg(1)
    const photo = await d.call('photos.import', importInput(liu.id, bytes, { note: '左脸' }), as(nurse))
    expect(photo).toEqual({
      id: photo.id, clientId: liu.id, cardId: null, kind: 'before', takenOn: '2026-11-23', mime: 'image/jpeg', bytes: bytes.length, sha256: sha(bytes),
      originalName: 'IMG_0001.JPG', note: '左脸', createdAt: '2026-11-23T01:00:00.000Z', createdByName: '孙护士', removedAt: null, removedByName: '', removeReason: '',
    })
    const rel = photoRelativePath(liu.archiveNo, liu.id, '2026-11-23', sha(bytes), 'image/jpeg')
    expect(rel).toBe(`${liu.archiveNo}/2026-11-23/${sha(bytes).slice(0, 16)}.jpg`)
    expect(filesUnder(photosDir)).toEqual([rel])
    expect(readFileSync(join(photosDir, ...rel.split('/')))).toEqual(bytes)
    expect(lastAudit(d, 'photos.import')).toBe(`导入照片 ${liu.archiveNo} 术前 2026-11-23（刘女士，IMG_0001.JPG）`)
    expect(d.published.at(-1)).toEqual([{ topic: 'photos', ids: [photo.id] }])
    expect(await d.call('photos.get', { id: photo.id }, as(nurse))).toEqual({ id: photo.id, mime: 'image/jpeg', base64: bytes.toString('base64') })
    expect(await d.call('photos.ofClient', { clientId: liu.id })).toEqual([photo])
    expect(await d.call('photos.ofClient', { clientId: d.db.prepare('SELECT id FROM clients WHERE name = ?').pluck().get('陈女士') as number })).toEqual([])
  })

  it('refuses a file that is not a picture, naming it, and an iPhone HEIC, with nothing written: no row, no file', async () => {
    const { d, nurse, liu, photosDir } = await clinic()
    const text = await d.refusedCleanly('photos.import', importInput(liu.id, Buffer.from('这不是图片'), { originalName: 'x.txt' }), as(nurse))
    expect(text).toMatchObject({ code: 'invalid_input', message: '「x.txt」不是图片文件（只接受 JPEG、PNG、WebP）', fields: { base64: '「x.txt」不是图片文件（只接受 JPEG、PNG、WebP）' } })
    const renamed = await d.refusedCleanly('photos.import', importInput(liu.id, Buffer.from('plain text named like a photo'), { originalName: '假照片.jpg' }), as(nurse))
    expect(renamed.message).toBe('「假照片.jpg」不是图片文件（只接受 JPEG、PNG、WebP）')
    const iphone = await d.refusedCleanly('photos.import', importInput(liu.id, heic, { originalName: 'IMG_1234.HEIC' }), as(nurse))
    expect(iphone.message).toBe('「IMG_1234.HEIC」是 iPhone 的 HEIC 照片，请先导出为 JPEG 再导入（只接受 JPEG、PNG、WebP）')
    expect(filesUnder(photosDir)).toEqual([])
  })

  it('refuses the same picture again for the same client (a conflict the desk counts as skipped), takes it for another client', async () => {
    const { d, nurse, liu, chen, photosDir } = await clinic()
    const first = await d.call('photos.import', importInput(liu.id, jpeg(2)), as(nurse))
    const again = await d.refusedCleanly('photos.import', importInput(liu.id, jpeg(2), { kind: 'after', originalName: 'copy.jpg' }), as(nurse))
    expect(again).toMatchObject({ code: 'conflict', message: '「copy.jpg」已导入过（2026-11-23 术前），已跳过' })
    const other = await d.call('photos.import', importInput(chen.id, jpeg(2)), as(nurse))
    expect(other.sha256).toBe(first.sha256)
    expect(filesUnder(photosDir)).toHaveLength(2)
  })

  it('refuses a card of another client, a date in the future, and an unknown client', async () => {
    const { d, nurse, liu, chen, photosDir } = await clinic()
    const chenCard = await cardOf(d, chen.id)
    const liuCard = await cardOf(d, liu.id)
    expect(await d.refusedCleanly('photos.import', importInput(liu.id, jpeg(3), { cardId: chenCard.id }), as(nurse))).toMatchObject({
      code: 'invalid_input', message: '所选疗程卡不属于该顾客', fields: { cardId: '所选疗程卡不属于该顾客' },
    })
    expect((await d.refusedCleanly('photos.import', importInput(liu.id, jpeg(3), { takenOn: '2026-11-24' }), as(nurse))).fields).toEqual({ takenOn: '拍摄日期不能晚于今天' })
    expect((await d.refusedCleanly('photos.import', importInput(9999, jpeg(3)), as(nurse))).code).toBe('not_found')
    expect(filesUnder(photosDir)).toEqual([])
    const withCard = await d.call('photos.import', importInput(liu.id, png(3), { cardId: liuCard.id, kind: 'after', takenOn: '2026-11-20' }), as(nurse))
    expect(withCard).toMatchObject({ cardId: liuCard.id, kind: 'after', mime: 'image/png', takenOn: '2026-11-20' })
    expect(filesUnder(photosDir)).toEqual([`${liu.archiveNo}/2026-11-20/${withCard.sha256.slice(0, 16)}.png`])
  })

  it('rolls the row back when the file cannot be written (the client’s folder is blocked by a file)', async () => {
    const { d, nurse, liu, photosDir } = await clinic()
    await d.call('photos.import', importInput(liu.id, jpeg(11)), as(nurse))
    writeFileSync(join(photosDir, liu.archiveNo, '2026-11-22'), 'not a folder')
    const error = await d.refusedCleanly('photos.import', importInput(liu.id, jpeg(12), { takenOn: '2026-11-22', originalName: 'b.jpg' }), as(nurse))
    expect(d.logged).toEqual([])
    expect(error.message).toMatch(/^照片「b\.jpg」未能保存到磁盘（E[A-Z]+），未导入$/)
    expect(d.count('client_photos')).toBe(1)
    expect(filesUnder(photosDir)).toEqual([`${liu.archiveNo}/2026-11-22`, `${liu.archiveNo}/2026-11-23/${sha(jpeg(11)).slice(0, 16)}.jpg`])
  })

  it('says a file deleted or changed on disk is missing or damaged, never crashing', async () => {
    const { d, nurse, liu, photosDir } = await clinic()
    const a = await d.call('photos.import', importInput(liu.id, jpeg(4)), as(nurse))
    const b = await d.call('photos.import', importInput(liu.id, jpeg(5), { kind: 'after' }), as(nurse))
    const fileOf = (p: typeof a) => join(photosDir, liu.archiveNo, p.takenOn, `${p.sha256.slice(0, 16)}.jpg`)
    rmSync(fileOf(a))
    expect(await d.refused('photos.get', { id: a.id }, as(nurse))).toMatchObject({ code: 'not_found', message: `照片文件不见了（2026-11-23 术前，编号 ${a.id}），请从备份中恢复照片文件夹` })
    writeFileSync(fileOf(b), Buffer.concat([jpeg(5), Buffer.from('tampered')]))
    expect((await d.refused('photos.get', { id: b.id }, as(nurse))).message).toBe(`照片文件已损坏，与导入时不一致（2026-11-23 术后，编号 ${b.id}），请从备份中恢复`)
    expect(d.logged).toEqual([])
  })

  it('hides a photo (an administrator, with a reason): gone from the list unless asked, the file stays, once only', async () => {
    const { d, nurse, liu, photosDir } = await clinic()
    const a = await d.call('photos.import', importInput(liu.id, jpeg(6)), as(nurse))
    const b = await d.call('photos.import', importInput(liu.id, jpeg(7), { kind: 'after' }), as(nurse))
    expect((await d.refusedCleanly('photos.hide', { id: a.id, reason: '拍错' }, as(nurse))).code).toBe('forbidden')
    const hidden = await d.call('photos.hide', { id: a.id, reason: '拍错了人' })
    expect(hidden).toMatchObject({ id: a.id, removedAt: '2026-11-23T01:00:00.000Z', removeReason: '拍错了人' })
    expect(lastAudit(d, 'photos.hide')).toBe(`隐藏照片 ${liu.archiveNo} 术前 2026-11-23（刘女士，编号 ${a.id}）：拍错了人`)
    expect((await d.call('photos.ofClient', { clientId: liu.id })).map((p) => p.id)).toEqual([b.id])
    expect((await d.call('photos.ofClient', { clientId: liu.id, includeRemoved: true })).map((p) => p.id)).toEqual([a.id, b.id])
    expect(filesUnder(photosDir)).toHaveLength(2)
    expect((await d.refusedCleanly('photos.hide', { id: a.id, reason: '再隐藏' })).message).toBe('该照片已于 2026-11-23 隐藏')
  })

  it('lets a nurse import and a salesperson not', async () => {
    const { d, nurse, sales, liu } = await clinic()
    expect((await d.call('photos.import', importInput(liu.id, jpeg(8)), as(nurse))).createdByName).toBe('孙护士')
    expect((await d.refusedCleanly('photos.import', importInput(liu.id, jpeg(9)), as(sales))).code).toBe('forbidden')
  })

  it('refuses to import or read without a photos folder', async () => {
    const path = dbPathIn(tempDir())
    const d = openDesk(path, makeClock(local(2026, 11, 23, 9, 0)))
    const liu = await d.newClient('刘女士')
    // The harness always has a folder; a dispatcher without one is the tooling case.
    const { createDispatcher } = await import('../../electron/api/dispatcher.ts')
    const { handlers } = await import('../../electron/api/handlers/index.ts')
    const bare = createDispatcher({ db: d.db, handlers, publish: () => {}, appInfo: { version: 't', preview: false }, log: () => {} })
    const result = await bare('photos.import', importInput(liu.id, jpeg(10)), { id: null, name: '前台', role: 'administrator' } as Operator)
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation', message: '照片文件夹不可用，无法保存或读取照片（请在诊所电脑上的桌面程序中操作）' } })
    expect(d.count('client_photos')).toBe(0)
  })
})
