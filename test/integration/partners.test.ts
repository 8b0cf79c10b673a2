import { describe, expect, it } from 'vitest'
import type { MethodInput, MethodName } from '../../core/api/contract.ts'
import type { Operator } from '../../core/api/operator.ts'
import { photoMimeOf } from '../../core/domain/partnerStore.ts'
import type { Staff, StaffRole } from '../../core/domain/staff.ts'
import { newDeskSession } from '../../electron/api/sessions.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const NOTES = { income: '月入两万', work: '外企经理', family: '已婚，一个孩子', wanted: '想做眼袋', other: '怕疼' }
const BANK = { bankName: '招商银行', accountName: '丽人美容院', accountNo: '6222 0212 3456 7890' }

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')
const b64 = (bytes: Buffer) => bytes.toString('base64')

const as = (s: Staff): Operator => ({ id: s.id, name: s.name, role: s.role })

/**
 * A clinic on 2026-11-23 (a Monday): consultants 王静 and 刘洋, salespeople 赵业务 and 钱业务, receptionist 小周;
 * 丽人美容院 (A-class, kept by 王静) and 街角美甲 (ordinary) are 赵业务's, 花园会所 (ordinary) is 钱业务's.
 */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const wang = await d.consultant('王静')
  const liu = await d.consultant('刘洋')
  const zhao = await person('赵业务', 'marketing')
  const qian = await person('钱业务', 'marketing')
  const desk = await person('小周', 'receptionist')
  const aStore = await d.call('partnerStores.save', { name: '丽人美容院', storeClass: 'A', consultantId: wang.id, salespersonId: zhao.id, startDate: '2026-11-01' })
  const ordinary = await d.call('partnerStores.save', { name: '街角美甲', storeClass: 'ordinary', salespersonId: zhao.id, startDate: '2026-11-01' })
  const garden = await d.call('partnerStores.save', { name: '花园会所', storeClass: 'ordinary', salespersonId: qian.id, startDate: '2026-11-01' })
  return { d, wang, liu, zhao: as(zhao), qian: as(qian), desk: as(desk), aStore, ordinary, garden }
}

/** Everything the partner methods write, photo bytes as their length: compared around a refusal. */
function partnerState(d: Desk) {
  const all = (sql: string) => JSON.stringify(d.db.prepare(sql).all())
  return {
    stores: all('SELECT id, name, class, consultant_id, salesperson_id, length(photo) AS photo, photo_mime, bank_account_no, status, version FROM partner_stores ORDER BY id'),
    assignments: all('SELECT * FROM partner_store_assignments ORDER BY id'),
    reports: all('SELECT id, status, visit_id, valid_until, cancel_reason FROM partner_reports ORDER BY id'),
    visits: all('SELECT id, partner_store_id, partner_report_id, version FROM visits ORDER BY id'),
  }
}

/** A refusal that leaves every table as it was and sends no event. */
async function refusedCleanly<M extends MethodName>(d: Desk, method: M, input: MethodInput<M>, by?: Operator) {
  const before = partnerState(d)
  const error = await d.refusedCleanly(method, input, by)
  expect(partnerState(d)).toEqual(before)
  return error
}

const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string | undefined

const storeInput = (over: Partial<MethodInput<'partnerStores.save'>> & Pick<MethodInput<'partnerStores.save'>, 'salespersonId'>): MethodInput<'partnerStores.save'> => ({
  name: '新店',
  storeClass: 'ordinary',
  startDate: '2026-11-20',
  ...over,
})

describe('filing a partner store', () => {
  it('files an A-class store with its consultant and an ordinary one without, each with its history begun', async () => {
    const { d, wang, zhao, aStore, ordinary } = await clinic()
    expect(aStore).toMatchObject({ storeClass: 'A', consultantId: wang.id, consultantName: '王静', salespersonId: zhao.id, salespersonName: '赵业务', status: 'active', version: 1, photoMime: null })
    expect(ordinary).toMatchObject({ storeClass: 'ordinary', consultantId: null, consultantName: null })
    const detail = await d.call('partnerStores.get', { id: aStore.id })
    expect(detail.assignments).toEqual([expect.objectContaining({ fromSalespersonId: null, toSalespersonId: zhao.id, toName: '赵业务', reason: '新建店家', byName: '前台' })])
    expect(lastAudit(d, 'partnerStores.save')).toBe('新建店家 花园会所（普通，业务员 钱业务）')
    expect((await d.call('partnerStores.list', {})).map((s) => s.name)).toEqual(['丽人美容院', '花园会所', '街角美甲'].sort())
  })

  it('refuses an A-class store without a consultant, an ordinary one with one, and people of the wrong role', async () => {
    const { d, wang, liu, zhao, qian, desk } = await clinic()
    let error = await refusedCleanly(d, 'partnerStores.save', storeInput({ storeClass: 'A', salespersonId: zhao.id! }))
    expect(error).toMatchObject({ code: 'invalid_input', fields: { consultantId: 'A类店家须指定维护的咨询师；普通店家不指定' } })
    error = await refusedCleanly(d, 'partnerStores.save', storeInput({ consultantId: wang.id, salespersonId: zhao.id! }))
    expect(error.fields?.consultantId).toBe('A类店家须指定维护的咨询师；普通店家不指定')
    // The consultant must be a consultant; the salesperson must be of the marketing role, and active.
    error = await refusedCleanly(d, 'partnerStores.save', storeInput({ storeClass: 'A', consultantId: zhao.id!, salespersonId: zhao.id! }))
    expect(error).toMatchObject({ code: 'not_found', message: `找不到在职的咨询师（编号 ${zhao.id}），A类店家须由咨询师维护` })
    for (const wrong of [liu.id, desk.id!, 9999]) {
      error = await refusedCleanly(d, 'partnerStores.save', storeInput({ salespersonId: wrong }))
      expect(error).toMatchObject({ code: 'not_found', fields: { salespersonId: `找不到在职的市场部业务员（编号 ${wrong}）` } })
    }
    await d.call('staff.setActive', { id: zhao.id!, active: false })
    error = await refusedCleanly(d, 'partnerStores.save', storeInput({ salespersonId: zhao.id! }))
    expect(error.code).toBe('not_found')
    await d.call('staff.setActive', { id: wang.id, active: false })
    error = await refusedCleanly(d, 'partnerStores.save', storeInput({ storeClass: 'A', consultantId: wang.id, salespersonId: qian.id! }))
    expect(error.fields?.consultantId).toBe(`找不到在职的咨询师（编号 ${wang.id}），A类店家须由咨询师维护`)
  })

  it('keeps store names unique, also when renaming, and takes a name with spaces around it as the same', async () => {
    const { d, zhao, ordinary } = await clinic()
    let error = await refusedCleanly(d, 'partnerStores.save', storeInput({ name: ' 丽人美容院 ', salespersonId: zhao.id! }))
    expect(error).toMatchObject({ code: 'conflict', fields: { name: '已有名为“丽人美容院”的店家' } })
    const rename = { ...storeInput({ salespersonId: zhao.id! }), id: ordinary.id, expectedVersion: ordinary.version, name: '丽人美容院' }
    error = await refusedCleanly(d, 'partnerStores.save', rename)
    expect(error.code).toBe('conflict')
    // Saving a store under its own name is no clash.
    const same = await d.call('partnerStores.save', { ...rename, name: '街角美甲', agreementNo: 'HZ-2026-017' })
    expect(same).toMatchObject({ name: '街角美甲', agreementNo: 'HZ-2026-017', version: 2 })
  })

  it('refuses a change of a store another window changed first, and an id without its version', async () => {
    const { d, zhao, ordinary } = await clinic()
    const change = { ...storeInput({ salespersonId: zhao.id! }), name: '街角美甲', id: ordinary.id, expectedVersion: 1 }
    await d.call('partnerStores.save', { ...change, agreementNo: 'A1' })
    const error = await refusedCleanly(d, 'partnerStores.save', { ...change, agreementNo: 'B2' })
    expect(error).toMatchObject({ code: 'conflict', message: '店家“街角美甲”刚被其他窗口修改，请看最新资料后再操作' })
    const { expectedVersion: _, ...unversioned } = change
    expect((await refusedCleanly(d, 'partnerStores.save', unversioned)).code).toBe('invalid_input')
    expect((await refusedCleanly(d, 'partnerStores.save', { ...change, id: 9999, expectedVersion: 1 })).code).toBe('not_found')
  })

  it('changes the salesperson only by reassignment', async () => {
    const { d, qian, ordinary } = await clinic()
    const error = await refusedCleanly(d, 'partnerStores.save', { ...storeInput({ salespersonId: qian.id! }), name: '街角美甲', id: ordinary.id, expectedVersion: 1 })
    expect(error).toMatchObject({ code: 'rule_violation', fields: { salespersonId: '店家“街角美甲”由 赵业务 负责，更换业务员请用“转交”并写明原因' } })
  })
})

describe('the shop-front photo', () => {
  it('takes a JPEG, PNG or WebP by its first bytes, returns it as stored, keeps it when omitted and removes it with null', async () => {
    const { d, ordinary } = await clinic()
    const base = { name: '街角美甲', storeClass: 'ordinary' as const, salespersonId: ordinary.salespersonId, startDate: '2026-11-01', id: ordinary.id }
    let version = ordinary.version
    for (const [bytes, mime] of [[JPEG, 'image/jpeg'], [PNG, 'image/png'], [WEBP, 'image/webp']] as const) {
      const saved = await d.call('partnerStores.save', { ...base, expectedVersion: version, photo: b64(bytes) })
      version = saved.version
      expect(saved.photoMime).toBe(mime)
      expect(await d.call('partnerStores.photo', { id: ordinary.id })).toEqual({ mime, base64: b64(bytes) })
    }
    expect(lastAudit(d, 'partnerStores.save')).toBe('修改店家 街角美甲（普通，合作中）：更新门头照')
    const kept = await d.call('partnerStores.save', { ...base, expectedVersion: version, agreementNo: 'X' })
    expect(kept.photoMime).toBe('image/webp')
    const removed = await d.call('partnerStores.save', { ...base, expectedVersion: kept.version, photo: null })
    expect(removed.photoMime).toBeNull()
    expect(await d.call('partnerStores.photo', { id: ordinary.id })).toBeNull()
    expect(lastAudit(d, 'partnerStores.save')).toBe('修改店家 街角美甲（普通，合作中）：删除门头照')
  })

  it('refuses what is not such an image, whatever it claims, and anything over 5 MB', async () => {
    const { d, zhao } = await clinic()
    const input = (photo: string) => storeInput({ salespersonId: zhao.id!, photo })
    for (const bytes of [GIF, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), Buffer.from([0xff, 0xd8]), Buffer.from('RIFF\0\0\0\0WAVE')]) {
      const error = await refusedCleanly(d, 'partnerStores.save', input(b64(bytes)))
      expect(error).toMatchObject({ code: 'invalid_input', fields: { photo: '门头照只能是 JPEG、PNG 或 WebP 图片，这个文件不是' } })
    }
    expect((await refusedCleanly(d, 'partnerStores.save', input('not base64!'))).fields?.photo).toBe('门头照数据无效')
    const limit = 5 * 1024 * 1024
    const jpegOf = (size: number) => b64(Buffer.concat([JPEG, Buffer.alloc(size - JPEG.length)]))
    // One byte over passes the schema (same base64 length) and is refused by the handler; more is refused by the schema.
    for (const size of [limit + 1, limit + 4096]) {
      const error = await refusedCleanly(d, 'partnerStores.save', input(jpegOf(size)))
      expect(error).toMatchObject({ code: 'invalid_input', fields: { photo: '门头照不能超过 5 MB' } })
    }
    const atLimit = await d.call('partnerStores.save', input(jpegOf(limit)))
    expect(atLimit.photoMime).toBe('image/jpeg')
    expect(d.db.prepare('SELECT length(photo) FROM partner_stores WHERE id = ?').pluck().get(atLimit.id)).toBe(limit)
  })
})

describe('the bank account', () => {
  it('is written and read whole by an administrator only, and masked for everyone else', async () => {
    const { d, zhao, qian, desk, aStore } = await clinic()
    const base = { name: '丽人美容院', storeClass: 'A' as const, consultantId: aStore.consultantId, salespersonId: zhao.id!, startDate: '2026-11-01', id: aStore.id }
    const saved = await d.call('partnerStores.save', { ...base, expectedVersion: 1, bank: BANK })
    expect(saved).toMatchObject({ bank: { ...BANK, accountNo: '6222021234567890' }, bankMasked: false })
    expect(lastAudit(d, 'partnerStores.save')).toBe('修改店家 丽人美容院（A类，合作中）：修改银行账户')

    const masked = { bankName: '招商银行', accountName: '丽人美容院', accountNo: '****7890' }
    expect((await d.call('partnerStores.get', { id: aStore.id }, zhao)).store).toMatchObject({ bank: masked, bankMasked: true })
    expect((await d.call('partnerStores.list', {}, desk)).find((s) => s.id === aStore.id)).toMatchObject({ bank: masked, bankMasked: true })
    expect(JSON.stringify(await d.call('partnerStores.list', { status: 'all' }, desk))).not.toContain('3456')

    // The salesperson may change the store but not the account; leaving it out keeps the administrator's.
    const error = await refusedCleanly(d, 'partnerStores.save', { ...base, expectedVersion: 2, bank: { ...BANK, accountNo: '1111' } }, zhao)
    expect(error).toMatchObject({ code: 'forbidden', fields: { bank: '店家的银行账户只有管理员可以填写或修改' } })
    const byZhao = await d.call('partnerStores.save', { ...base, expectedVersion: 2, agreementNo: 'HZ-1' }, zhao)
    expect(byZhao).toMatchObject({ agreementNo: 'HZ-1', bank: masked })
    expect((await d.call('partnerStores.get', { id: aStore.id })).store.bank.accountNo).toBe('6222021234567890')
    expect((await refusedCleanly(d, 'partnerStores.save', { ...base, expectedVersion: 3, bank: { ...BANK, accountNo: '6222-0212' } })).fields?.['bank.accountNo']).toBe('银行账号只能是数字（最多 32 位）')
    // Nor does another salesperson see the store at all.
    expect((await refusedCleanly(d, 'partnerStores.get', { id: aStore.id }, qian)).code).toBe('forbidden')
  })
})

describe('reassigning a store', () => {
  it('hands it on with a reason, keeps the history, and moves what each salesperson sees', async () => {
    const { d, zhao, qian, ordinary } = await clinic()
    const result = await d.call('partnerStores.reassign', { id: ordinary.id, expectedVersion: 1, toSalespersonId: qian.id!, reason: '三个月无咨询' }, zhao)
    expect(result.store).toMatchObject({ salespersonId: qian.id, salespersonName: '钱业务', version: 2 })
    expect(result.assignments.map((a) => [a.fromName, a.toName, a.reason, a.byName])).toEqual([
      [null, '赵业务', '新建店家', '前台'],
      ['赵业务', '钱业务', '三个月无咨询', '赵业务'],
    ])
    expect(lastAudit(d, 'partnerStores.reassign')).toBe('店家转交 街角美甲：赵业务 → 钱业务（三个月无咨询）')
    expect((await d.call('partnerStores.list', {}, zhao)).map((s) => s.name)).toEqual(['丽人美容院'])
    expect((await d.call('partnerStores.list', {}, qian)).map((s) => s.name).sort()).toEqual(['花园会所', '街角美甲'].sort())
    expect((await refusedCleanly(d, 'partnerStores.get', { id: ordinary.id }, zhao)).code).toBe('forbidden')
  })

  it('refuses without a reason, to the same or a non-marketing person, on a stale version, and for a store not yours', async () => {
    const { d, zhao, qian, liu, ordinary, garden } = await clinic()
    const move = { id: ordinary.id, expectedVersion: 1, toSalespersonId: qian.id!, reason: '调整' }
    expect((await refusedCleanly(d, 'partnerStores.reassign', { ...move, reason: '  ' })).fields?.reason).toBeDefined()
    expect(await refusedCleanly(d, 'partnerStores.reassign', { ...move, toSalespersonId: zhao.id! })).toMatchObject({ code: 'rule_violation', message: '店家“街角美甲”已由 赵业务 负责' })
    expect((await refusedCleanly(d, 'partnerStores.reassign', { ...move, toSalespersonId: liu.id })).code).toBe('not_found')
    expect((await refusedCleanly(d, 'partnerStores.reassign', { ...move, expectedVersion: 2 })).code).toBe('conflict')
    expect((await refusedCleanly(d, 'partnerStores.reassign', { ...move, id: garden.id, toSalespersonId: zhao.id! }, zhao)).code).toBe('forbidden')
  })

  it('lets a salesperson file and change only their own stores, told so before anything else about another’s', async () => {
    const { d, zhao, qian, garden } = await clinic()
    const mine = await d.call('partnerStores.save', storeInput({ salespersonId: zhao.id! }), zhao)
    expect(mine).toMatchObject({ salespersonName: '赵业务', bankMasked: true })
    expect(await refusedCleanly(d, 'partnerStores.save', storeInput({ name: '另一家', salespersonId: qian.id! }), zhao)).toMatchObject({ code: 'forbidden', fields: { salespersonId: '店家“另一家”不归您维护，只能查看和修改自己负责的店家与报备' } })
    // Renaming another's store to a taken name is refused as not theirs, not by the name (which would tell them of it).
    const theirs = { name: '新店', storeClass: 'ordinary' as const, salespersonId: qian.id!, startDate: '2026-11-01', id: garden.id, expectedVersion: 1 }
    expect((await refusedCleanly(d, 'partnerStores.save', theirs, zhao)).code).toBe('forbidden')
    const renamed = await d.call('partnerStores.save', { ...theirs, name: '花园会所二店' }, qian)
    expect(renamed.name).toBe('花园会所二店')
    expect(lastAudit(d, 'partnerStores.save')).toBe('修改店家 花园会所二店（原名 花园会所）（普通，合作中）')
  })
})

describe('lifecycle reminders', () => {
  /** Reports a client of the store on the clock's day, lets her arrive and be consulted, with the outcome given. */
  async function consultation(d: Desk, storeId: number, memberId: number, outcome: 'deal' | 'no_deal') {
    const phone = d.phone()
    await d.call('partnerReports.create', { storeId, clientName: '刘女士', phone })
    await d.call('rotation.open', { memberIds: [memberId] })
    const { visit } = await d.arrive('刘女士', 'first', { clientFields: { phone } })
    const row = await d.move(visit.id, 'consulting')
    await d.call('visits.setOutcome', { visitId: visit.id, expectedVersion: row.version, outcome, reason: outcome === 'no_deal' ? '再考虑' : '' })
  }
  const remindersOf = async (d: Desk, storeId: number, by?: Operator) =>
    (await d.call('partnerStores.reminders', {}, by)).find((line) => line.store.id === storeId)?.reminders.map((r) => `${r.kind}@${r.since}${r.missing.length ? `:${r.missing.join('+')}` : ''}`) ?? []

  it('raise the filing while it runs, and overdue after one month and five days, until photo, agreement and account are there', async () => {
    const { d, ordinary } = await clinic()
    expect(await remindersOf(d, ordinary.id)).toEqual(['filingIncomplete@2026-11-01:photo+agreement+bankAccount'])
    d.clock.set(2026, 12, 6, 18)
    expect(await remindersOf(d, ordinary.id)).toEqual(['filingIncomplete@2026-11-01:photo+agreement+bankAccount'])
    d.clock.set(2026, 12, 7, 8)
    expect(await remindersOf(d, ordinary.id)).toEqual(['filingOverdue@2026-12-07:photo+agreement+bankAccount'])
    const base = { name: '街角美甲', storeClass: 'ordinary' as const, salespersonId: ordinary.salespersonId, startDate: '2026-11-01', id: ordinary.id }
    const withAccount = await d.call('partnerStores.save', { ...base, expectedVersion: 1, bank: BANK, photo: b64(PNG) })
    expect(await remindersOf(d, ordinary.id)).toEqual(['filingOverdue@2026-12-07:agreement'])
    await d.call('partnerStores.save', { ...base, expectedVersion: withAccount.version, agreementText: '合作协议：返款 50%' })
    expect(await remindersOf(d, ordinary.id)).toEqual([])
  })

  it('raise three months without a consultation and six without a first deal, counted from the store’s visits', async () => {
    const { d, wang, liu, aStore, ordinary, zhao, qian } = await clinic()
    d.clock.set(2026, 12, 10, 10)
    await consultation(d, aStore.id, wang.id, 'no_deal')
    d.clock.set(2027, 2, 1, 9)
    expect(await remindersOf(d, ordinary.id)).toEqual(['filingOverdue@2026-12-07:photo+agreement+bankAccount', 'noConsultation@2027-02-01'])
    expect(await remindersOf(d, aStore.id)).toEqual(['filingOverdue@2026-12-07:photo+agreement+bankAccount'])
    d.clock.set(2027, 3, 10, 9)
    expect(await remindersOf(d, aStore.id)).toEqual(['filingOverdue@2026-12-07:photo+agreement+bankAccount', 'noConsultation@2027-03-10'])
    d.clock.set(2027, 4, 20, 10)
    await consultation(d, ordinary.id, liu.id, 'deal')
    d.clock.set(2027, 5, 1, 9)
    expect(await remindersOf(d, aStore.id)).toContain('noFirstDeal@2027-05-01')
    expect(await remindersOf(d, ordinary.id)).not.toContain('noFirstDeal@2027-05-01')
    // A salesperson gets the reminders of their own stores only; an inactive store raises none.
    expect((await d.call('partnerStores.reminders', {}, qian)).map((l) => l.store.name)).toEqual(['花园会所'])
    await d.call('partnerStores.save', { name: '街角美甲', storeClass: 'ordinary', salespersonId: zhao.id!, startDate: '2026-11-01', id: ordinary.id, expectedVersion: 1, status: 'inactive' })
    expect((await d.call('partnerStores.reminders', {}, zhao)).map((l) => l.store.name)).toEqual(['丽人美容院'])
  })
})

describe('lifecycle reminders after a hand-over', () => {
  it('give the new salesperson three months from the day they took the store over', async () => {
    const { d, zhao, qian, garden } = await clinic()
    const quiet = async () => (await d.call('partnerStores.reminders', {})).find((l) => l.store.id === garden.id)?.reminders.filter((r) => r.kind === 'noConsultation') ?? []
    d.clock.set(2027, 2, 1, 9)
    expect(await quiet()).toEqual([{ kind: 'noConsultation', since: '2027-02-01', missing: [] }])
    d.clock.set(2027, 2, 3, 23, 30)
    await d.call('partnerStores.reassign', { id: garden.id, expectedVersion: 1, toSalespersonId: zhao.id!, reason: '三个月无咨询' }, qian)
    expect(await quiet()).toEqual([])
    d.clock.set(2027, 5, 2, 18)
    expect(await quiet()).toEqual([])
    d.clock.set(2027, 5, 3, 8)
    expect(await quiet()).toEqual([{ kind: 'noConsultation', since: '2027-05-03', missing: [] }])
  })
})

describe('pre-registration (报备)', () => {
  it('is taken at the desk for any store, under the store’s salesperson, valid for the set number of days', async () => {
    const { d, zhao, desk, aStore } = await clinic()
    const report = await d.call('partnerReports.create', { storeId: aStore.id, clientName: '刘女士', phone: '139 0000 8888', notes: NOTES }, desk)
    expect(report).toMatchObject({ storeName: '丽人美容院', salespersonId: zhao.id, salespersonName: '赵业务', phone: '13900008888', notes: NOTES, validUntil: '2026-12-23', reportedByName: '小周', status: 'open', visitId: null })
    expect(lastAudit(d, 'partnerReports.create')).toBe('报备 刘女士 13900008888 → 丽人美容院（业务员 赵业务，有效至 2026-12-23）')
    expect(await d.call('partnerReports.list', {}, desk)).toEqual([report])
    expect((await refusedCleanly(d, 'partnerReports.list', { status: 'all' }, desk)).message).toBe('前台只能查看有效（未到店）的报备')
  })

  it('refuses a second open report of the same phone, naming the first reporter, and allows it after a cancel', async () => {
    const { d, zhao, qian, ordinary, garden } = await clinic()
    const first = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '刘女士', phone: '13900008888' }, zhao)
    d.clock.tick(30)
    const error = await refusedCleanly(d, 'partnerReports.create', { storeId: garden.id, clientName: '刘女士', phone: '+86 139 0000 8888' }, qian)
    expect(error).toMatchObject({ code: 'conflict', fields: { phone: '13900008888 已于 2026-11-23 09:00 由 赵业务（街角美甲）报备，报备以先报为准，不能重复报备' } })
    // The same salesperson cannot report her again either, for another of their stores.
    expect((await refusedCleanly(d, 'partnerReports.create', { storeId: ordinary.id, clientName: '刘', phone: '13900008888' })).code).toBe('conflict')

    expect((await refusedCleanly(d, 'partnerReports.cancel', { id: first.id, reason: '' }, zhao)).fields?.reason).toBeDefined()
    expect((await refusedCleanly(d, 'partnerReports.cancel', { id: first.id, reason: '报错了' }, qian)).code).toBe('forbidden')
    const cancelled = await d.call('partnerReports.cancel', { id: first.id, reason: '顾客不来了' }, zhao)
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '顾客不来了' })
    expect(lastAudit(d, 'partnerReports.cancel')).toBe('取消报备 刘女士 13900008888（街角美甲）：顾客不来了')
    expect(await refusedCleanly(d, 'partnerReports.cancel', { id: first.id, reason: '再取消' }, zhao)).toMatchObject({ code: 'rule_violation', message: '刘女士 的报备已不在有效状态，不能取消' })
    const second = await d.call('partnerReports.create', { storeId: garden.id, clientName: '刘女士', phone: '13900008888' }, qian)
    expect(second).toMatchObject({ storeName: '花园会所', salespersonName: '钱业务', status: 'open' })
  })

  it('allows a report again once the first has expired (partnerReportValidDays), and closes the old one as expired', async () => {
    const { d, zhao, qian, ordinary, garden } = await clinic()
    await d.setting({ partnerReportValidDays: 3 })
    const first = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '刘女士', phone: '13900008888' }, zhao)
    expect(first.validUntil).toBe('2026-11-26')
    d.clock.set(2026, 11, 26, 20)
    expect((await refusedCleanly(d, 'partnerReports.create', { storeId: garden.id, clientName: '刘女士', phone: '13900008888' }, qian)).code).toBe('conflict')
    d.clock.set(2026, 11, 27, 8)
    // Past its last day it is shown as expired before any write closes it, and cannot be cancelled.
    expect(await d.call('partnerReports.list', {})).toEqual([])
    expect(await d.call('partnerReports.list', { status: 'expired' }, zhao)).toEqual([{ ...first, status: 'expired' }])
    expect((await refusedCleanly(d, 'partnerReports.cancel', { id: first.id, reason: '不来了' }, zhao)).message).toBe('刘女士 的报备已不在有效状态，不能取消')
    const second = await d.call('partnerReports.create', { storeId: garden.id, clientName: '刘女士', phone: '13900008888' }, qian)
    expect(second.validUntil).toBe('2026-11-30')
    const all = await d.call('partnerReports.list', { status: 'all' })
    expect(all.map((r) => [r.storeName, r.status])).toEqual([['花园会所', 'open'], ['街角美甲', 'expired']])
  })

  it('is refused for an inactive store, and a salesperson sees and reports for their own stores only', async () => {
    const { d, zhao, qian, ordinary, garden } = await clinic()
    await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '刘女士', phone: d.phone() }, zhao)
    await d.call('partnerReports.create', { storeId: garden.id, clientName: '王女士', phone: d.phone() }, qian)
    expect((await d.call('partnerReports.list', { status: 'all' }, zhao)).map((r) => r.clientName)).toEqual(['刘女士'])
    expect((await d.call('partnerReports.list', { storeId: garden.id }, zhao))).toEqual([])
    expect((await refusedCleanly(d, 'partnerReports.list', { salespersonId: qian.id! }, zhao)).code).toBe('forbidden')
    expect((await d.call('partnerReports.list', { salespersonId: qian.id! })).map((r) => r.clientName)).toEqual(['王女士'])
    expect(await refusedCleanly(d, 'partnerReports.create', { storeId: garden.id, clientName: '李女士', phone: d.phone() }, zhao)).toMatchObject({ code: 'forbidden', message: '店家“花园会所”不归您维护，只能查看和修改自己负责的店家与报备' })
    expect((await refusedCleanly(d, 'partnerStores.photo', { id: garden.id }, zhao)).code).toBe('forbidden')
    expect((await refusedCleanly(d, 'partnerReports.create', { storeId: 9999, clientName: '李女士', phone: d.phone() })).code).toBe('not_found')

    await d.call('partnerStores.save', { name: '花园会所', storeClass: 'ordinary', salespersonId: qian.id!, startDate: '2026-11-01', id: garden.id, expectedVersion: 1, status: 'inactive' }, qian)
    expect(await refusedCleanly(d, 'partnerReports.create', { storeId: garden.id, clientName: '李女士', phone: d.phone() }, qian)).toMatchObject({ code: 'rule_violation', message: '店家“花园会所”已停用，不能再报备' })
    expect((await d.call('partnerStores.list', {}, qian))).toEqual([])
    expect((await d.call('partnerStores.list', { status: 'inactive' }, qian)).map((s) => s.name)).toEqual(['花园会所'])
  })
})

describe('arrival of a reported client', () => {
  it('marks the visit as the store’s, closes the report as arrived and returns the hand-over notes', async () => {
    const { d, wang, desk, aStore } = await clinic()
    await d.call('rotation.open', { memberIds: [wang.id] })
    const report = await d.call('partnerReports.create', { storeId: aStore.id, clientName: '刘女士', phone: '13900008888', notes: NOTES }, desk)
    d.clock.set(2026, 12, 23, 15)
    await d.call('rotation.open', { memberIds: [wang.id] })
    const result = await d.call('visits.register', { newClient: { name: '刘女士', phone: '139-0000-8888'.replace(/-/g, ' ') }, type: 'first' }, desk)
    expect(result.partner).toEqual({ storeId: aStore.id, storeName: '丽人美容院', storeClass: 'A', consultantId: wang.id, reportId: report.id, salespersonName: '赵业务', notes: NOTES })
    expect(result.visit).toMatchObject({ partnerStoreId: aStore.id, partnerReportId: report.id })
    expect((await d.call('partnerReports.list', { status: 'all' })).find((r) => r.id === report.id)).toMatchObject({ status: 'arrived', visitId: result.visit.id })
    expect(await d.call('partnerReports.list', {}, desk)).toEqual([])
    expect(d.published.flat().some((e) => e.topic === 'partners' && e.ids?.includes(aStore.id))).toBe(true)
  })

  it('matches an existing client by her phone; an expired or cancelled report matches nothing', async () => {
    const { d, zhao, ordinary } = await clinic()
    await d.setting({ partnerReportValidDays: 2 })
    const known = await d.newClient('老顾客')
    const report = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '老顾客', phone: known.phone }, zhao)
    const hit = await d.arrive(known.id, 'returning')
    expect(hit.partner?.reportId).toBe(report.id)

    const late = await d.newClient('晚到的')
    const expired = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '晚到的', phone: late.phone }, zhao)
    const gone = await d.newClient('不来的')
    const cancelled = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '不来的', phone: gone.phone }, zhao)
    await d.call('partnerReports.cancel', { id: cancelled.id, reason: '改期' }, zhao)
    d.clock.set(2026, 11, 26, 9)
    for (const client of [late, gone]) {
      const miss = await d.arrive(client.id, 'first')
      expect(miss.partner).toBeNull()
      expect(miss.visit).toMatchObject({ partnerStoreId: null, partnerReportId: null })
    }
    const reports = await d.call('partnerReports.list', { status: 'all' })
    expect(reports.find((r) => r.id === expired.id)).toMatchObject({ status: 'expired', visitId: null })
    expect(reports.find((r) => r.id === cancelled.id)?.status).toBe('cancelled')
  })

  it('matches a booked client checked in by her appointment', async () => {
    const { d, zhao, ordinary } = await clinic()
    const phone = d.phone()
    const booked = await d.call('appointments.book', { newClient: { name: '预约的', phone }, date: '2026-11-24', time: '10:00' })
    const report = await d.call('partnerReports.create', { storeId: ordinary.id, clientName: '预约的', phone }, zhao)
    d.clock.set(2026, 11, 24, 9, 50)
    const checkedIn = await d.call('appointments.checkIn', { id: booked.id, expectedVersion: booked.version })
    expect(checkedIn.partner).toMatchObject({ storeId: ordinary.id, reportId: report.id, notes: report.notes })
    expect(checkedIn.visit.partnerStoreId).toBe(ordinary.id)
  })

  it('never credits an unreported arrival, except by an administrator with a reason, once', async () => {
    const { d, zhao, desk, ordinary, garden } = await clinic()
    const { visit, partner } = await d.arrive('未报备', 'first')
    expect(partner).toBeNull()
    const credit = { visitId: visit.id, expectedVersion: visit.version, storeId: ordinary.id, reason: '店家补报，经核实' }
    for (const who of [desk, zhao]) expect((await refusedCleanly(d, 'visits.creditToStore', credit, who)).code).toBe('forbidden')
    expect((await refusedCleanly(d, 'visits.creditToStore', { ...credit, reason: ' ' })).fields?.reason).toBeDefined()
    expect((await refusedCleanly(d, 'visits.creditToStore', { ...credit, expectedVersion: visit.version + 1 })).code).toBe('conflict')
    expect((await refusedCleanly(d, 'visits.creditToStore', { ...credit, storeId: 9999 })).code).toBe('not_found')

    const row = await d.call('visits.creditToStore', credit)
    expect(row).toMatchObject({ partnerStoreId: ordinary.id, partnerReportId: null, version: visit.version + 1 })
    expect(lastAudit(d, 'visits.creditToStore')).toBe(`未报备到店计入店家 2026-11-23 ${visit.queueNo} 未报备 → 街角美甲：店家补报，经核实`)
    const again = await refusedCleanly(d, 'visits.creditToStore', { ...credit, expectedVersion: row.version, storeId: garden.id })
    expect(again).toMatchObject({ code: 'rule_violation', message: `${visit.queueNo} 已计入店家“街角美甲”，不能再计入其他店家` })
  })
})

describe('permissions of the desk and the marketing department', () => {
  it('lets the receptionist report and list stores but not keep them, and the salesperson nothing of the desk', async () => {
    const { d, zhao, desk, ordinary } = await clinic()
    expect((await d.call('partnerStores.list', {}, desk)).length).toBe(3)
    for (const [method, input] of [
      ['partnerStores.save', storeInput({ salespersonId: zhao.id! })],
      ['partnerStores.get', { id: ordinary.id }],
      ['partnerStores.reassign', { id: ordinary.id, expectedVersion: 1, toSalespersonId: zhao.id!, reason: 'x' }],
      ['partnerStores.reminders', {}],
    ] as const) {
      expect((await refusedCleanly(d, method, input as never, desk)).code).toBe('forbidden')
    }
    expect((await refusedCleanly(d, 'visits.register', { newClient: { name: '刘女士', phone: d.phone() }, type: 'first' }, zhao)).code).toBe('forbidden')
    expect((await refusedCleanly(d, 'rotation.open', { memberIds: [] }, zhao)).code).toBe('forbidden')
  })
})

describe('the demo clinic', () => {
  it('has a salesperson, an A-class store kept by 王静 with its filing done, an ordinary one overdue, and two open reports', async () => {
    const d = openDesk(dbPathIn(tempDir()), makeClock())
    await d.call('setup.loadDemo', {}, newDeskSession())
    const stores = await d.call('partnerStores.list', {})
    expect(stores.map((s) => [s.name, s.storeClass, s.consultantName, s.salespersonName, s.photoMime])).toEqual([
      ['丽人美容院（演示）', 'A', '王静', '黄蕾', 'image/png'],
      ['街角美甲（演示）', 'ordinary', null, '黄蕾', null],
    ])
    expect(photoMimeOf(Buffer.from((await d.call('partnerStores.photo', { id: stores[0]!.id }))!.base64, 'base64'))).toBe('image/png')
    expect((await d.call('partnerStores.reminders', {})).map((l) => [l.store.name, l.reminders.map((r) => r.kind)])).toEqual([['街角美甲（演示）', ['filingOverdue']]])
    expect((await d.call('partnerReports.list', {})).map((r) => [r.clientName, r.storeName, r.validUntil])).toEqual(
      expect.arrayContaining([['林女士', '丽人美容院（演示）', '2026-12-23'], ['陈女士', '街角美甲（演示）', '2026-12-23']]),
    )
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'setup.loadDemo'").pluck().get()).toBe('载入演示诊所：11 名员工，20 个价目，2 家合作店家')
  })
})
