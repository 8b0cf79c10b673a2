import { describe, expect, it } from 'vitest'
import type { FeeLineInput } from '../../core/api/fees.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/**
 * A clinic on 2026-11-23: nurse 孙护士, receptionist 郑前台 and a price list: GZ01 光子嫩肤 (skin, not invasive),
 * BN01 玻尿酸填充 (injection, invasive), WF01 无分类侵入项目 (no category, invasive). 刘女士 paid all three.
 */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const nurse = await person('孙护士', 'nurse')
  const reception = await person('郑前台', 'receptionist')
  const gz = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000, serviceCategory: 'skin' })
  const bn = await d.call('prices.create', { code: 'BN01', name: '玻尿酸填充', category: 'treatment', unit: '支', listPriceFen: 480000, serviceCategory: 'injection', invasive: true })
  const wf = await d.call('prices.create', { code: 'WF01', name: '无分类侵入项目', category: 'treatment', unit: '次', listPriceFen: 10000, invasive: true })
  const { visit, client } = await d.arrive('刘女士', 'first')
  await paidSheet(d, visit.id, [
    { itemId: gz.id, quantity: 3 },
    { itemId: bn.id, quantity: 1 },
    { itemId: wf.id, quantity: 1 },
  ])
  const cards = await d.call('cards.ofClient', { clientId: client.id })
  const card = (name: string) => cards.find((c) => c.name === name)!
  return { d, nurse, reception, gz, bn, clientId: client.id, skin: card('光子嫩肤'), filler: card('玻尿酸填充'), plain: card('无分类侵入项目') }
}

async function paidSheet(d: Desk, visitId: number, lines: FeeLineInput[]) {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

const as = (s: { id: number; name: string; role: StaffRole }): Operator => ({ id: s.id, name: s.name, role: s.role })
const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string

describe('the price list’s treatment classification', () => {
  it('keeps the service category and 侵入性 on create and update, and null / false when not given', async () => {
    const { d, gz, bn } = await clinic()
    expect([gz.serviceCategory, gz.invasive, bn.serviceCategory, bn.invasive]).toEqual(['skin', false, 'injection', true])
    const plain = await d.call('prices.create', { code: 'X1', name: '其他', category: 'medicine', listPriceFen: 100 })
    expect([plain.serviceCategory, plain.invasive]).toEqual([null, false])
    const updated = await d.call('prices.update', { id: gz.id, code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000, serviceCategory: 'laser', invasive: true })
    expect([updated.serviceCategory, updated.invasive]).toEqual(['laser', true])
    expect(lastAudit(d, 'prices.update')).toContain('serviceCategory, invasive')
    const bad = await d.refusedCleanly('prices.create', { code: 'X2', name: '坏', category: 'treatment', listPriceFen: 1, serviceCategory: 'magic' as 'skin' })
    expect(bad.code).toBe('invalid_input')
  })
})

describe('consent forms of treatment cards', () => {
  it('lists every card with its classification; none has a consent yet', async () => {
    const { d, clientId, skin, filler } = await clinic()
    const rows = await d.call('consents.ofClient', { clientId })
    expect(rows.map((r) => [r.itemName, r.serviceCategory, r.invasive, r.state])).toEqual([
      ['无分类侵入项目', null, true, 'none'],
      ['玻尿酸填充', 'injection', true, 'none'],
      ['光子嫩肤', 'skin', false, 'none'],
    ])
    expect(rows.find((r) => r.cardId === filler.id)?.sessionsBought).toBe(1)
    expect(rows.find((r) => r.cardId === skin.id)?.consent).toBeNull()
  })

  it('deducts a card of a non-invasive item freely', async () => {
    const { d, nurse, skin } = await clinic()
    const result = await d.call('cards.deduct', { cardId: skin.id, expectedVersion: skin.version, nurseId: nurse.id, bodyArea: '全脸' })
    expect(result.card.sessionsLeft).toBe(2)
  })

  it('refuses 划扣 of an invasive card until its consent is marked signed, with nothing written; then allows it', async () => {
    const { d, nurse, reception, filler, clientId } = await clinic()
    const deduct = { cardId: filler.id, expectedVersion: filler.version, nurseId: nurse.id, bodyArea: '鼻基底' }
    const refused = await d.refusedCleanly('cards.deduct', deduct)
    expect(refused.code).toBe('rule_violation')
    expect(refused.message).toBe('「玻尿酸填充」是侵入性治疗，须先签署知情同意书（客户记录 → 知情同意书 → 标记已签）')

    const consent = await d.call('consents.prepare', { cardId: filler.id }, as(reception))
    expect(consent).toMatchObject({ clientId, cardId: filler.id, templateKey: 'injection', templateVersion: 1, itemName: '玻尿酸填充', title: '注射美容治疗知情同意书', signedAt: null, signedByName: '', createdByName: '郑前台' })
    expect(consent.body).toContain('失明')
    expect(lastAudit(d, 'consents.prepare')).toBe('生成 刘女士 的知情同意书「注射美容治疗知情同意书」：疗程卡 玻尿酸填充（注射模板第 1 版）')
    expect((await d.refusedCleanly('cards.deduct', deduct)).code).toBe('rule_violation')

    const again = await d.call('consents.prepare', { cardId: filler.id })
    expect(again).toEqual(consent)
    expect(d.count('consents')).toBe(1)

    const signed = await d.call('consents.markSigned', { id: consent.id }, as(reception))
    expect(signed.signedAt).toBe(new Date(signed.signedAt ?? '').toISOString())
    expect(signed.signedByName).toBe('郑前台')
    expect(lastAudit(d, 'consents.markSigned')).toBe('标记 刘女士 的知情同意书已签：玻尿酸填充（注射美容治疗知情同意书）')
    expect((await d.call('consents.ofClient', { clientId })).find((r) => r.cardId === filler.id)?.state).toBe('signed')
    expect(d.published.flat().some((e) => e.topic === 'cards' && e.ids?.includes(filler.id))).toBe(true)

    const done = await d.call('cards.deduct', deduct)
    expect(done.card.sessionsLeft).toBe(0)
  })

  it('marks a consent signed only once', async () => {
    const { d, filler } = await clinic()
    const consent = await d.call('consents.prepare', { cardId: filler.id })
    await d.call('consents.markSigned', { id: consent.id })
    const twice = await d.refusedCleanly('consents.markSigned', { id: consent.id })
    expect(twice.code).toBe('conflict')
    expect(twice.message).toMatch(/^「玻尿酸填充」的知情同意书已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 .+ 标记为已签$/)
    expect((await d.refusedCleanly('consents.markSigned', { id: 999 })).code).toBe('not_found')
    expect((await d.refusedCleanly('consents.prepare', { cardId: 999 })).code).toBe('not_found')
  })

  it('uses the general template for an item without a category', async () => {
    const { d, plain } = await clinic()
    const consent = await d.call('consents.prepare', { cardId: plain.id })
    expect([consent.templateKey, consent.title]).toEqual(['general', '治疗知情同意书'])
  })
})

describe('consent templates', () => {
  it('lists 通用 and the seven categories, each with a default text', async () => {
    const { d } = await clinic()
    const templates = await d.call('consents.templates', {})
    expect(templates.map((t) => t.key)).toEqual(['general', 'skin', 'injection', 'laser', 'surgery', 'body', 'dental', 'hair'])
    for (const t of templates) {
      expect(t.version).toBe(1)
      expect(t.body).toContain('顾客声明')
      expect(t.body).toContain('照片')
    }
  })

  it('are edited by administrators only, at the version they read; a consent made before keeps its text', async () => {
    const { d, reception, filler } = await clinic()
    const made = await d.call('consents.prepare', { cardId: filler.id })
    const input = { key: 'injection' as const, expectedVersion: 1, title: '注射治疗同意书（新版）', body: '新的说明。\n\n顾客声明：我已知情。' }
    expect((await d.refusedCleanly('consents.saveTemplate', input, as(reception))).code).toBe('forbidden')
    const saved = await d.call('consents.saveTemplate', input)
    expect(saved).toMatchObject({ key: 'injection', title: '注射治疗同意书（新版）', body: '新的说明。\n\n顾客声明：我已知情。', version: 2 })
    expect(lastAudit(d, 'consents.saveTemplate')).toBe('修改知情同意书模板（注射）「注射治疗同意书（新版）」：第 2 版，17 字')

    const stale = await d.refusedCleanly('consents.saveTemplate', { ...input, title: '另一窗口' })
    expect(stale.code).toBe('conflict')
    expect(stale.message).toBe('「注射」同意书模板刚被其他窗口修改，请看最新内容后再保存')

    const empty = await d.refusedCleanly('consents.saveTemplate', { ...input, expectedVersion: 2, body: '   ' })
    expect(empty.code).toBe('invalid_input')
    expect(Object.keys(empty.fields ?? {})).toEqual(['body'])
    expect((await d.refusedCleanly('consents.saveTemplate', { ...input, expectedVersion: 2, body: '字'.repeat(5001) })).fields?.body).toBeTruthy()

    expect(await d.call('consents.prepare', { cardId: filler.id })).toEqual(made)
    expect(made.title).toBe('注射美容治疗知情同意书')
  })
})
