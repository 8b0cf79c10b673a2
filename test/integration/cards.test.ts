import { describe, expect, it } from 'vitest'
import type { FeeLineInput } from '../../core/api/fees.ts'
import type { Operator } from '../../core/api/operator.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import type { Staff, StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

const as = (s: Staff): Operator => ({ id: s.id, name: s.name, role: s.role })

/**
 * A clinic on 2026-11-23: nurse 孙护士, doctor 李医生, receptionist 郑前台, consultant 王咨询, and a price list:
 * GZ01 光子嫩肤 (treatment) ¥1,280.00, MZ01 局部麻醉 (anaesthesia) ¥200.00. 刘女士 has arrived.
 */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const nurse = await person('孙护士', 'nurse')
  const doctor = await person('李医生', 'doctor')
  const reception = await person('郑前台', 'receptionist')
  const consultant = await person('王咨询', 'consultant')
  const gz = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
  const mz = await d.call('prices.create', { code: 'MZ01', name: '局部麻醉', category: 'anaesthesia', unit: '次', listPriceFen: 20000 })
  const { visit, client } = await d.arrive('刘女士', 'first')
  return { d, nurse, doctor, reception, consultant, gz, mz, visitId: visit.id, clientId: client.id }
}

async function paidSheet(d: Desk, visitId: number, lines: FeeLineInput[]): Promise<FeeSheet> {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string
const deductionRows = (d: Desk) => d.db.prepare('SELECT count(*) FROM card_deductions').pluck().get() as number
const topicsOfLast = (d: Desk) => (d.published.at(-1) ?? []).map((e) => e.topic)

/** 刘女士 paid 光子嫩肤 ×5 and 局部麻醉 ×1: one card of five sessions. */
async function withCard() {
  const c = await clinic()
  const sheet = await paidSheet(c.d, c.visitId, [
    { itemId: c.gz.id, quantity: 5 },
    { itemId: c.mz.id, quantity: 1 },
  ])
  const cards = await c.d.call('cards.ofClient', { clientId: c.clientId })
  expect(cards).toHaveLength(1)
  return { ...c, sheet, card: cards[0]! }
}

describe('treatment cards made by the payment of a fee sheet', () => {
  it('makes a card of every treatment line, of its quantity, valid 365 days from the payment day, and says so in the audit', async () => {
    const { d, sheet, card, gz, clientId } = await withCard()
    expect(card).toEqual({
      id: card.id,
      clientId,
      clientName: '刘女士',
      feeSheetId: sheet.id,
      sheetNo: sheet.sheetNo,
      lineIndex: 0,
      itemId: gz.id,
      code: 'GZ01',
      name: '光子嫩肤',
      sessionsBought: 5,
      sessionsUsed: 0,
      sessionsLeft: 5,
      boughtOn: '2026-11-23',
      expiresOn: '2027-11-23',
      voided: false,
      status: 'active',
      version: 1,
    })
    expect(lastAudit(d, 'fees.pay')).toContain('；开疗程卡 光子嫩肤 5 次（有效至 2027-11-23）')
    expect(d.published.flat().some((e) => e.topic === 'cards' && e.ids?.includes(card.id))).toBe(true)
    expect(await d.call('cards.get', { id: card.id })).toEqual({ card, deductions: [] })
  })

  it('takes the validity from the setting treatmentCardValidDays, which refuses 0 and 3651 days', async () => {
    const { d, visitId, gz } = await clinic()
    expect((await d.refused('settings.update', { treatmentCardValidDays: 0 })).code).toBe('invalid_input')
    expect((await d.refused('settings.update', { treatmentCardValidDays: 3651 })).code).toBe('invalid_input')
    await d.setting({ treatmentCardValidDays: 30 })
    const sheet = await paidSheet(d, visitId, [{ itemId: gz.id, quantity: 2 }])
    const [card] = await d.call('cards.ofClient', { clientId: sheet.clientId })
    expect(card).toMatchObject({ sessionsBought: 2, boughtOn: '2026-11-23', expiresOn: '2026-12-23' })
  })

  it('makes no card of a sheet without treatment lines', async () => {
    const { d, visitId, mz, clientId } = await clinic()
    await paidSheet(d, visitId, [{ itemId: mz.id, quantity: 2 }])
    expect(await d.call('cards.ofClient', { clientId })).toEqual([])
    expect(lastAudit(d, 'fees.pay')).not.toContain('疗程卡')
  })
})

describe('deducting a session (划扣)', () => {
  it('records the nurse and the doctor, counts the session, bumps the version and audits it in words', async () => {
    const { d, card, nurse, doctor, reception } = await withCard()
    const { card: after, deduction } = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id, doctorId: doctor.id, note: '全面部' }, as(reception))
    expect(after).toMatchObject({ sessionsUsed: 1, sessionsLeft: 4, version: 2, status: 'active' })
    expect(deduction).toMatchObject({
      cardId: card.id,
      sessionNo: 1,
      nurseId: nurse.id,
      nurseName: '孙护士',
      doctorId: doctor.id,
      doctorName: '李医生',
      bodyArea: '全脸',
      assistantId: null,
      assistantName: '',
      note: '全面部',
      byName: '郑前台',
      undone: false,
      undoneAt: null,
      undoneByName: '',
      undoReason: '',
    })
    expect(lastAudit(d, 'cards.deduct')).toBe('划扣 刘女士 的疗程卡 光子嫩肤（第 1 次，剩 4 次）：部位 全脸，护士 孙护士，医生 李医生，备注：全面部')
    expect(topicsOfLast(d)).toContain('cards')
    // A nurse deducts too, without a doctor.
    await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 2, nurseId: nurse.id }, as(nurse))
    expect(lastAudit(d, 'cards.deduct')).toBe('划扣 刘女士 的疗程卡 光子嫩肤（第 2 次，剩 3 次）：部位 全脸，护士 孙护士')
    const detail = await d.call('cards.get', { id: card.id })
    expect(detail.deductions.map((x) => [x.sessionNo, x.doctorName])).toEqual([
      [2, ''],
      [1, '李医生'],
    ])
  })

  it('refuses a nurse who is not an active nurse and a doctor who is not an active doctor, on their fields', async () => {
    const { d, card, nurse, doctor, consultant } = await withCard()
    const asNurse = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: doctor.id }, as(nurse))
    expect(asNurse).toMatchObject({ code: 'invalid_input', message: `找不到在职的护士（编号 ${doctor.id}），划扣须写明做治疗的护士` })
    expect(asNurse.fields).toEqual({ nurseId: asNurse.message })
    const asDoctor = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id, doctorId: nurse.id })
    expect(asDoctor).toMatchObject({ code: 'invalid_input', message: `找不到在职的医生（编号 ${nurse.id}）` })
    await d.call('staff.setActive', { id: nurse.id, active: false })
    expect((await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id })).message).toContain('找不到在职的护士')
    // A consultant may not deduct at all.
    expect((await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id }, as(consultant))).code).toBe('forbidden')
    expect(deductionRows(d)).toBe(0)
  })

  it('deducts the last session once: the second window with the same version is refused as a conflict, and after re-reading as used up', async () => {
    const { d, card, nurse } = await withCard()
    let version = card.version
    for (let i = 0; i < 4; i++) version = (await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: version, nurseId: nurse.id })).card.version
    const last = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: version, nurseId: nurse.id })
    expect(last.card).toMatchObject({ sessionsUsed: 5, sessionsLeft: 0, status: 'used_up' })
    expect(lastAudit(d, 'cards.deduct')).toBe('划扣 刘女士 的疗程卡 光子嫩肤（第 5 次，剩 0 次）：部位 全脸，护士 孙护士')
    const twice = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: version, nurseId: nurse.id })
    expect(twice).toMatchObject({ code: 'conflict', message: '疗程卡 光子嫩肤 刚被其他窗口修改（现剩 0 次），请看最新次数后再划扣' })
    const reread = await d.call('cards.get', { id: card.id })
    const usedUp = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: reread.card.version, nurseId: nurse.id })
    expect(usedUp).toMatchObject({ code: 'rule_violation', message: '疗程卡 光子嫩肤 的 5 次已用完，不能再划扣' })
    expect(deductionRows(d)).toBe(5)
  })

  it('deducts on the last day of validity and refuses the day after, naming the day', async () => {
    const { d, visitId, gz, nurse, clientId } = await clinic()
    await d.setting({ treatmentCardValidDays: 3 })
    await paidSheet(d, visitId, [{ itemId: gz.id, quantity: 3 }])
    const [card] = await d.call('cards.ofClient', { clientId })
    expect(card?.expiresOn).toBe('2026-11-26')
    d.clock.set(2026, 11, 26, 18)
    const ok = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card!.id, expectedVersion: 1, nurseId: nurse.id })
    d.clock.set(2026, 11, 27, 9)
    expect((await d.call('cards.get', { id: card!.id })).card.status).toBe('expired')
    const expired = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card!.id, expectedVersion: ok.card.version, nurseId: nurse.id })
    expect(expired).toMatchObject({ code: 'rule_violation', message: '疗程卡 光子嫩肤 已于 2026-11-26 过期，不能再划扣' })
  })

  it('refuses a card that does not exist', async () => {
    const { d, nurse } = await clinic()
    expect(await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: 999, expectedVersion: 1, nurseId: nurse.id })).toMatchObject({ code: 'not_found', message: '找不到该疗程卡（编号 999）' })
    expect((await d.refused('cards.get', { id: 999 })).code).toBe('not_found')
    expect((await d.refused('cards.ofClient', { clientId: 999 })).message).toBe('找不到该顾客（编号 999）')
  })
})

describe('undoing a deduction', () => {
  it('is an administrator’s, with a reason: the session is back, the record stays marked undone, and once only', async () => {
    const { d, card, nurse, reception } = await withCard()
    const { deduction } = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id })
    expect((await d.refusedCleanly('cards.undoDeduction', { deductionId: deduction.id, reason: '记错了' }, as(reception))).code).toBe('forbidden')
    expect((await d.refused('cards.undoDeduction', { deductionId: deduction.id, reason: '  ' })).code).toBe('invalid_input')
    const detail = await d.call('cards.undoDeduction', { deductionId: deduction.id, reason: '记错了' })
    expect(detail.card).toMatchObject({ sessionsUsed: 0, sessionsLeft: 5, version: 3, status: 'active' })
    expect(detail.deductions).toEqual([expect.objectContaining({ id: deduction.id, sessionNo: 1, undone: true, undoneByName: '前台', undoReason: '记错了', undoneAt: expect.any(String) })])
    expect(lastAudit(d, 'cards.undoDeduction')).toBe('撤销 刘女士 的疗程卡 光子嫩肤 第 1 次划扣（剩 5 次），理由：记错了')
    expect(topicsOfLast(d)).toContain('cards')
    const again = await d.refusedCleanly('cards.undoDeduction', { deductionId: deduction.id, reason: '再撤' })
    expect(again.code).toBe('conflict')
    expect(again.message).toMatch(/^疗程卡 光子嫩肤 的第 1 次划扣已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 前台 撤销，不能重复撤销$/)
    // The next deduction takes the next slip number; the undone one keeps its own.
    const next = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 3, nurseId: nurse.id })
    expect(next.deduction.sessionNo).toBe(2)
    expect(next.card).toMatchObject({ sessionsUsed: 1, sessionsLeft: 4 })
    expect((await d.refused('cards.undoDeduction', { deductionId: 999, reason: 'x' })).message).toBe('找不到该划扣记录（编号 999）')
  })
})

describe('voiding a paid sheet with cards', () => {
  it('is refused while a session is deducted, allowed after the undo, and voids the cards', async () => {
    const { d, sheet, card, nurse } = await withCard()
    const first = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: 1, nurseId: nurse.id })
    const second = await d.call('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: first.card.version, nurseId: nurse.id })
    const refused = await d.refusedCleanly('fees.void', { id: sheet.id, reason: '顾客退款' })
    expect(refused).toMatchObject({ code: 'rule_violation', message: '疗程卡 光子嫩肤 已划扣 2 次，请先撤销划扣再作废' })
    expect((await d.refusedCleanly('fees.reissue', { id: sheet.id, reason: '改单' })).message).toBe('疗程卡 光子嫩肤 已划扣 2 次，请先撤销划扣再作废')
    await d.call('cards.undoDeduction', { deductionId: first.deduction.id, reason: '退款' })
    expect((await d.refused('fees.void', { id: sheet.id, reason: '顾客退款' })).message).toBe('疗程卡 光子嫩肤 已划扣 1 次，请先撤销划扣再作废')
    const undone = await d.call('cards.undoDeduction', { deductionId: second.deduction.id, reason: '退款' })
    const voided = await d.call('fees.void', { id: sheet.id, reason: '顾客退款' })
    expect(voided.status).toBe('void')
    expect(lastAudit(d, 'fees.void')).toContain('；疗程卡 光子嫩肤 作废')
    expect(topicsOfLast(d)).toContain('cards')
    const after = await d.call('cards.get', { id: card.id })
    expect(after.card).toMatchObject({ voided: true, status: 'void', sessionsUsed: 0, version: undone.card.version + 1 })
    expect(after.deductions).toHaveLength(2)
    const onVoid = await d.refusedCleanly('cards.deduct', { bodyArea: '全脸', cardId: card.id, expectedVersion: after.card.version, nurseId: nurse.id })
    expect(onVoid).toMatchObject({ code: 'rule_violation', message: '疗程卡 光子嫩肤 已作废，不能划扣' })
  })

  it('reissues a sheet whose cards are unused: the old cards void, the new draft has none until it is paid', async () => {
    const { d, sheet, card, clientId } = await withCard()
    const draft = await d.call('fees.reissue', { id: sheet.id, reason: '改数量' })
    expect(lastAudit(d, 'fees.reissue')).toContain('；疗程卡 光子嫩肤 作废')
    expect((await d.call('cards.get', { id: card.id })).card.status).toBe('void')
    const confirmed = await d.call('fees.confirm', { id: draft.id, expectedRevision: draft.revision })
    await d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
    const cards = await d.call('cards.ofClient', { clientId })
    // The usable card first, then the void one.
    expect(cards.map((c) => [c.feeSheetId, c.status])).toEqual([
      [draft.id, 'active'],
      [sheet.id, 'void'],
    ])
  })

  it('names the first used card and how many more are used when several are', async () => {
    const { d, visitId, gz, nurse, clientId } = await clinic()
    const sc = await d.call('prices.create', { code: 'SG01', name: '水光针', category: 'treatment', unit: '次', listPriceFen: 98000 })
    const sheet = await paidSheet(d, visitId, [
      { itemId: gz.id, quantity: 3 },
      { itemId: sc.id, quantity: 2 },
    ])
    const cards = await d.call('cards.ofClient', { clientId })
    expect(cards.map((c) => [c.name, c.sessionsBought])).toEqual([
      ['水光针', 2],
      ['光子嫩肤', 3],
    ])
    for (const c of cards) await d.call('cards.deduct', { bodyArea: '全脸', cardId: c.id, expectedVersion: c.version, nurseId: nurse.id })
    expect((await d.refusedCleanly('fees.void', { id: sheet.id, reason: '退款' })).message).toBe('疗程卡 光子嫩肤 已划扣 1 次（另有 1 张疗程卡已划扣），请先撤销划扣再作废')
  })
})
