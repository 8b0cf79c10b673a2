import { describe, expect, it } from 'vitest'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { openDesk } from './harness.ts'

const tempDir = useTempDir()

const hyaluronic = { code: 'ZS-001', name: '玻尿酸注射', category: 'treatment', unit: '支', listPriceFen: 128000, floorPriceFen: 102400 } as const

describe('the price list through the dispatcher', () => {
  it('creates, lists, searches, updates and deactivates items, with audit rows and change events', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const item = await d.call('prices.create', hyaluronic)
    expect(item).toMatchObject({ ...hyaluronic, costFen: null, active: true })
    const thread = await d.call('prices.create', { code: 'hc-10', name: '埋线提升线材', category: 'consumable', listPriceFen: 600000, costFen: 180000 })
    expect(thread.unit).toBe('')
    expect(d.published.at(-1)).toEqual([{ topic: 'prices', ids: [thread.id] }])

    expect((await d.call('prices.list', {})).map((p) => p.code)).toEqual(['hc-10', 'ZS-001'])
    expect((await d.call('prices.list', { query: 'bns' })).map((p) => p.code)).toEqual(['ZS-001'])
    expect((await d.call('prices.list', { query: 'HC' })).map((p) => p.code)).toEqual(['hc-10'])
    expect((await d.call('prices.list', { query: '线材' })).map((p) => p.code)).toEqual(['hc-10'])
    expect((await d.call('prices.list', { category: 'consumable' })).map((p) => p.code)).toEqual(['hc-10'])

    const updated = await d.call('prices.update', { ...hyaluronic, id: item.id, listPriceFen: 138000, expectedUpdatedAt: item.updatedAt })
    expect(updated.listPriceFen).toBe(138000)
    const off = await d.call('prices.setActive', { id: item.id, active: false })
    expect(off.active).toBe(false)
    expect((await d.call('prices.list', {})).map((p) => p.code)).toEqual(['hc-10'])
    expect((await d.call('prices.list', { includeInactive: true })).map((p) => p.code)).toEqual(['hc-10', 'ZS-001'])

    const audit = d.db.prepare("SELECT summary FROM audit_log WHERE method LIKE 'prices.%' ORDER BY id").pluck().all()
    expect(audit).toEqual([
      `添加价目 ZS-001 玻尿酸注射 ¥1,280.00 #${item.id}`,
      `添加价目 hc-10 埋线提升线材 ¥6,000.00 #${thread.id}`,
      `修改价目 ZS-001 玻尿酸注射 ¥1,380.00 #${item.id}：listPriceFen`,
      `停用价目 ZS-001 玻尿酸注射 ¥1,380.00 #${item.id}`,
    ])
    d.close()
  })

  it('refuses a code already taken (whatever the letter case), a floor above the price, and a stale edit', async () => {
    const d = openDesk(dbPathIn(tempDir()))
    const item = await d.call('prices.create', hyaluronic)
    const taken = await d.refused('prices.create', { ...hyaluronic, code: 'zs-001' })
    expect(taken.code).toBe('conflict')
    expect(taken.fields).toEqual({ code: '编码 ZS-001 已被“玻尿酸注射”使用（编码不区分大小写）' })

    const floor = await d.refused('prices.create', { ...hyaluronic, code: 'ZS-002', floorPriceFen: 128001 })
    expect(floor.code).toBe('invalid_input')
    expect(floor.fields?.floorPriceFen).toBe('最低价不能高于价格')
    expect((await d.refused('prices.update', { ...hyaluronic, id: item.id, listPriceFen: 100000 })).fields?.floorPriceFen).toBe('最低价不能高于价格')
    expect((await d.refused('prices.create', { ...hyaluronic, code: 'ZS 3' })).fields?.code).toContain('编码只能包含')
    expect((await d.refused('prices.create', { ...hyaluronic, code: 'ZS-4', listPriceFen: -1 })).code).toBe('invalid_input')
    expect((await d.refused('prices.create', { ...hyaluronic, code: 'ZS-4', listPriceFen: 12.5 })).code).toBe('invalid_input')

    d.clock.tick()
    await d.call('prices.update', { ...hyaluronic, id: item.id, name: '玻尿酸', expectedUpdatedAt: item.updatedAt })
    const stale = await d.refused('prices.update', { ...hyaluronic, id: item.id, expectedUpdatedAt: item.updatedAt })
    expect(stale).toMatchObject({ code: 'conflict', message: '该价目已被其他窗口修改，请刷新后再试' })
    expect((await d.refused('prices.setActive', { id: 999, active: false })).code).toBe('not_found')
    expect(d.db.prepare('SELECT count(*) FROM price_items').pluck().get()).toBe(1)
    d.close()
  })
})
