import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk } from './harness.ts'

const tempDir = useTempDir()
const desk = () => openDesk(dbPathIn(tempDir()), makeClock())

const PHONE_MESSAGE = '请输入正确的手机号（11 位）或座机号（如 021-61234567）'

describe('clients.create: archive numbers', () => {
  it('numbers clients from the default template DA{YYYY}{SEQ:5}, in order, and audits it', async () => {
    const d = desk()
    const a = await d.newClient('张小丽')
    const b = await d.newClient('李娜')
    expect([a.archiveNo, b.archiveNo]).toEqual(['DA202600001', 'DA202600002'])
    expect(d.db.prepare('SELECT summary FROM audit_log ORDER BY id').pluck().all()).toEqual([
      '登记顾客 张小丽 档案号 DA202600001',
      '登记顾客 李娜 档案号 DA202600002',
    ])
  })

  it('follows a changed template from the settings and keeps the running number (never restarts, never reuses)', async () => {
    const d = desk()
    await d.newClient('张小丽')
    await d.newClient('李娜')
    await d.setting({ archiveNumberTemplate: 'KH{YY}{MM}-{SEQ:4}' })
    expect((await d.newClient('王芳')).archiveNo).toBe('KH2611-0003')
    await d.setting({ archiveNumberTemplate: 'DA{YYYY}{SEQ:5}' })
    expect((await d.newClient('赵敏')).archiveNo).toBe('DA202600004')
    // A new year keeps the running number too.
    d.clock.set(2027, 1, 4)
    expect((await d.newClient('钱多多')).archiveNo).toBe('DA202700005')
  })

  it('skips a number already taken when a template change would produce it again', async () => {
    const d = desk()
    await d.setting({ archiveNumberTemplate: 'B{SEQ:1}3' })
    expect((await d.newClient('甲一')).archiveNo).toBe('B13')
    expect((await d.newClient('乙二')).archiveNo).toBe('B23')
    await d.setting({ archiveNumberTemplate: 'B1{SEQ:1}' })
    // seq 3 would be B13 again: skipped, so B14.
    expect((await d.newClient('丙三')).archiveNo).toBe('B14')
    const all = d.db.prepare('SELECT archive_no FROM clients ORDER BY id').pluck().all()
    expect(all).toEqual(['B13', 'B23', 'B14'])
  })

  it('does not use up a number on a refused creation', async () => {
    const d = desk()
    const a = await d.newClient('张小丽', { phone: '13912345678' })
    await d.refusedCleanly('clients.create', { name: '张三', phone: '13912345678' })
    expect((await d.newClient('李娜')).archiveNo).toBe('DA202600002')
    expect(a.archiveNo).toBe('DA202600001')
  })

  it('refuses a template without exactly one {SEQ}', async () => {
    const d = desk()
    const error = await d.refused('settings.update', { archiveNumberTemplate: 'DA{YYYY}' })
    expect(error.code).toBe('invalid_input')
    expect((await d.newClient('张小丽')).archiveNo).toBe('DA202600001')
  })
})

describe('clients.create: phone numbers', () => {
  it('offers the existing client on a duplicate phone: a conflict naming them, and nothing written', async () => {
    const d = desk()
    const first = await d.newClient('张小丽', { phone: '139 1234 5678' })
    const error = await d.refusedCleanly('clients.create', { name: '张晓丽', phone: '+86 13912345678' })
    expect(error).toEqual({ code: 'conflict', message: '手机号 13912345678 已登记为顾客 张小丽（档案号 DA202600001），请直接选用' })
    expect(first.phone).toBe('13912345678')
  })

  it('creates a second client on the same phone when the desk allows a shared phone', async () => {
    const d = desk()
    const mother = await d.newClient('张小丽', { phone: '13912345678' })
    const daughter = await d.call('clients.create', { name: '王小美', phone: '13912345678', allowSharedPhone: true })
    expect(daughter.archiveNo).toBe('DA202600002')
    const found = await d.call('clients.findByPhone', { phone: '+86 139-1234-5678'.replace(/-/g, '') })
    expect(found.map((c) => c.name)).toEqual(['张小丽', '王小美'])
    expect(found[0]?.id).toBe(mother.id)
  })

  it('refuses a phone moved onto another client on update, naming the owner', async () => {
    const d = desk()
    await d.newClient('张小丽', { phone: '13912345678' })
    const other = await d.newClient('李娜', { phone: '13887654321' })
    const error = await d.refusedCleanly('clients.update', { id: other.id, name: '李娜', phone: '13912345678' })
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('张小丽')
  })

  it.each([
    ['12345678901', 'an 11-digit number starting 12'],
    ['1391234567', 'ten digits'],
    ['139123456789', 'twelve digits'],
    ['abcdefghijk', 'letters'],
    ['', 'nothing'],
    ['110', 'a short service number'],
  ])('refuses the impossible phone %s (%s) with a clear Chinese message', async (phone) => {
    const d = desk()
    const error = await d.refusedCleanly('clients.create', { name: '张小丽', phone })
    expect(error.code).toBe('invalid_input')
    expect(error.fields?.phone).toBe(PHONE_MESSAGE)
    expect(error.message).toBe(`输入有误，请检查标红的项目（phone：${PHONE_MESSAGE}）`)
  })

  it('accepts a landline with area code and a mobile with +86 and spaces', async () => {
    const d = desk()
    expect((await d.newClient('张小丽', { phone: '021-61234567' })).phone).toBe('021-61234567')
    expect((await d.newClient('李娜', { phone: '+86 138 0013 8000' })).phone).toBe('13800138000')
  })
})

describe('clients.search', () => {
  async function seeded() {
    const d = desk()
    const zxl = await d.newClient('张小丽', { phone: '13912345678' })
    const zxh = await d.newClient('张晓红', { phone: '13987650000' })
    const ln = await d.newClient('李娜', { phone: '18612345678' })
    const ouy = await d.newClient('欧阳娜娜', { phone: '13700005678' })
    const anna = await d.newClient('Anna Li', { phone: '15000000001' })
    const names = async (query: string) => (await d.call('clients.search', { query })).map((c) => c.name)
    return { d, zxl, zxh, ln, ouy, anna, names }
  }

  it('finds by full phone, with or without spaces', async () => {
    const { names } = await seeded()
    expect(await names('13912345678')).toEqual(['张小丽'])
    expect(await names('139 1234 5678')).toEqual(['张小丽'])
  })

  it('finds by the last four digits, which is what clients say', async () => {
    const { names } = await seeded()
    expect((await names('5678')).sort()).toEqual(['张小丽', '李娜', '欧阳娜娜'].sort())
    expect(await names('0000')).toEqual(['张晓红'])
  })

  it('finds by a phone prefix', async () => {
    const { names } = await seeded()
    expect((await names('1391')).sort()).toEqual(['张小丽'])
    expect((await names('139')).sort()).toEqual(['张小丽', '张晓红'].sort())
    expect(await names('186')).toEqual(['李娜'])
  })

  it('finds by the start of a Chinese name', async () => {
    const { names } = await seeded()
    expect((await names('张')).sort()).toEqual(['张小丽', '张晓红'].sort())
    expect(await names('张小')).toEqual(['张小丽'])
    expect(await names('欧阳')).toEqual(['欧阳娜娜'])
    expect(await names('王')).toEqual([])
  })

  it('finds by full pinyin and by initials: "zxl" finds 张小丽', async () => {
    const { names } = await seeded()
    expect(await names('zxl')).toEqual(['张小丽'])
    expect(await names('ZXL')).toEqual(['张小丽'])
    expect(await names('zhangxiaoli')).toEqual(['张小丽'])
    expect(await names('zhangxiaoh')).toEqual(['张晓红'])
    expect((await names('zx')).sort()).toEqual(['张小丽', '张晓红'].sort())
    expect(await names('oynn')).toEqual(['欧阳娜娜'])
    expect(await names('ouyang')).toEqual(['欧阳娜娜'])
    expect(await names('lina')).toEqual(['李娜'])
    expect(await names('anna')).toEqual(['Anna Li'])
  })

  it('finds by archive number, in either case', async () => {
    const { names, ln } = await seeded()
    expect(ln.archiveNo).toBe('DA202600003')
    expect(await names('DA202600003')).toEqual(['李娜'])
    expect(await names('da202600003')).toEqual(['李娜'])
    expect(await names('DA202600099')).toEqual([])
  })

  it('finds a mobile typed with +86 and spaces', async () => {
    const { names } = await seeded()
    expect(await names('+86 139 1234 5678')).toEqual(['张小丽'])
    expect(await names('+86 1391')).toEqual(['张小丽'])
  })

  it('finds a landline by its full number and by its start, with or without the hyphen', async () => {
    const { d, names } = await seeded()
    await d.newClient('周小燕', { phone: '021-61234567' })
    await d.newClient('吴敏', { phone: '0755-88776655' })
    expect(await names('021-61234567')).toEqual(['周小燕'])
    expect(await names('02161234567')).toEqual(['周小燕'])
    expect(await names('021-6123')).toEqual(['周小燕'])
    expect(await names('0755')).toEqual(['吴敏'])
    expect(await names('075588776655')).toEqual(['吴敏'])
    expect(await names('4567')).toEqual(['周小燕'])
  })

  it('answers an empty query with nothing, and respects the limit', async () => {
    const { d } = await seeded()
    expect(await d.call('clients.search', { query: '   ' })).toEqual([])
    expect(await d.call('clients.search', { query: '5678', limit: 2 })).toHaveLength(2)
  })

  it('shows the last visit date in the summary', async () => {
    const { d, zxl } = await seeded()
    await d.arrive(zxl.id, 'review', { assign: false })
    const [row] = await d.call('clients.search', { query: 'zxl' })
    expect(row).toMatchObject({ id: zxl.id, archiveNo: 'DA202600001', lastVisitDate: '2026-11-23' })
  })
})

describe('clients.get', () => {
  it('returns the client with their visits, newest first', async () => {
    const d = desk()
    const c = await d.newClient('张小丽')
    const first = await d.arrive(c.id, 'review', { assign: false })
    await d.move(first.visit.id, 'cancelled')
    d.clock.set(2026, 11, 24, 10)
    const second = await d.arrive(c.id, 'review', { assign: false })
    const detail = await d.call('clients.get', { id: c.id })
    expect(detail.client).toMatchObject({ id: c.id, name: '张小丽', archiveNo: 'DA202600001' })
    expect(detail.visits.map((v) => [v.visitDate, v.queueNo, v.status])).toEqual([
      ['2026-11-24', 'C001', 'waiting'],
      ['2026-11-23', 'C001', 'cancelled'],
    ])
    expect(detail.visits[0]?.id).toBe(second.visit.id)
  })

  it('answers not_found for an unknown client', async () => {
    const d = desk()
    expect(await d.refused('clients.get', { id: 404 })).toEqual({ code: 'not_found', message: '找不到该顾客（编号 404）' })
  })
})
