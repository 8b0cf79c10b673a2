import { describe, expect, it } from 'vitest'
import type { Operator } from '../../core/api/operator.ts'
import type { FeeSheet } from '../../core/domain/feeSheet.ts'
import type { PaymentMethod } from '../../core/fees/index.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** A clinic on 2026-11-23 with MZ01 局部麻醉 ¥200.00 and a receptionist; 刘女士 has arrived. */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const reception = await d.call('staff.create', { name: '郑前台', role: 'receptionist', phone: '', room: '', skills: [] })
  const mz = await d.call('prices.create', { code: 'MZ01', name: '局部麻醉', category: 'anaesthesia', unit: '次', listPriceFen: 20000 })
  const { visit, client } = await d.arrive('刘女士', 'first')
  const asReception: Operator = { id: reception.id, name: reception.name, role: reception.role }
  return { d, mz, visitId: visit.id, clientId: client.id, asReception }
}

/** A confirmed sheet of `quantity` × MZ01 (¥200.00 each) for the visit. */
async function confirmedSheet(d: Desk, visitId: number, itemId: number, quantity: number): Promise<FeeSheet> {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId, quantity }] })
  return d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
}

const ledger = (d: Desk) => d.db.prepare('SELECT client_id, kind, amount_fen, method, fee_sheet_id, note, by_name FROM stored_value_ledger ORDER BY id').all()
const lastAudit = (d: Desk, method: string) => d.db.prepare('SELECT summary FROM audit_log WHERE method = ? ORDER BY id DESC LIMIT 1').pluck().get(method) as string
const pays = (...parts: [PaymentMethod, number][]) => parts.map(([method, fen]) => ({ method, fen }))

describe('topping up (储值充值)', () => {
  it('books the top-up and the bonus of the largest rule reached, audits it in words and tells the windows', async () => {
    const { d, clientId, asReception } = await clinic()
    await d.setting({ storedValueBonusRules: [{ minFen: 500000, bonusFen: 50000 }, { minFen: 1000000, bonusFen: 150000 }] })
    const account = await d.call('storedValue.topUp', { clientId, amountFen: 1200000, method: 'wechat', note: '会员日' }, asReception)
    expect(account).toMatchObject({ clientId, clientName: '刘女士', balanceFen: 1350000, toppedUpFen: 1200000, bonusFen: 150000, spentFen: 0, refundedFen: 0 })
    expect(account.entries.map((e) => [e.kind, e.amountFen, e.balanceFen, e.method, e.byName])).toEqual([
      ['bonus', 150000, 1350000, null, '郑前台'],
      ['top_up', 1200000, 1200000, 'wechat', '郑前台'],
    ])
    expect(account.entries[1]?.note).toBe('会员日')
    expect(lastAudit(d, 'storedValue.topUp')).toBe('储值充值 刘女士：¥12,000.00（微信），赠送 ¥1,500.00，余额 ¥13,500.00，备注：会员日')
    expect(d.published.at(-1)?.map((e) => e.topic)).toContain('storedValue')
  })

  it('gives no bonus below every rule, nor with no rules (the default)', async () => {
    const { d, clientId } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 30000, method: 'cash' })
    expect(lastAudit(d, 'storedValue.topUp')).toBe('储值充值 刘女士：¥300.00（现金），余额 ¥300.00')
    await d.setting({ storedValueBonusRules: [{ minFen: 500000, bonusFen: 50000 }] })
    const account = await d.call('storedValue.topUp', { clientId, amountFen: 499999, method: 'alipay' })
    expect(account.entries.map((e) => e.kind)).toEqual(['top_up', 'top_up'])
    expect(account.balanceFen).toBe(529999)
  })

  it('refuses an unknown client, a zero amount, and a consultant', async () => {
    const { d, clientId } = await clinic()
    expect((await d.refusedCleanly('storedValue.topUp', { clientId: 999, amountFen: 100, method: 'cash' })).code).toBe('not_found')
    expect((await d.refusedCleanly('storedValue.topUp', { clientId, amountFen: 0, method: 'cash' })).code).toBe('invalid_input')
    const consultant = await d.consultant('王咨询')
    expect((await d.refusedCleanly('storedValue.topUp', { clientId, amountFen: 100, method: 'cash' }, { id: consultant.id, name: consultant.name, role: 'consultant' })).code).toBe('forbidden')
    expect(ledger(d)).toEqual([])
  })

  it('reads an account with no entries as a balance of 0', async () => {
    const { d, clientId } = await clinic()
    expect(await d.call('storedValue.account', { clientId })).toEqual({ clientId, clientName: '刘女士', balanceFen: 0, toppedUpFen: 0, bonusFen: 0, spentFen: 0, refundedFen: 0, entries: [] })
  })
})

describe('paying a fee sheet from stored value', () => {
  it('takes the stored-value part from the balance in the payment, with the sheet, and names it in the audit', async () => {
    const { d, mz, visitId, clientId } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 50000, method: 'cash' })
    const sheet = await confirmedSheet(d, visitId, mz.id, 2)
    await d.call('fees.pay', { id: sheet.id, payments: pays(['stored_value', 30000], ['cash', 10000]) })
    const account = await d.call('storedValue.account', { clientId })
    expect(account).toMatchObject({ balanceFen: 20000, toppedUpFen: 50000, spentFen: 30000 })
    expect(account.entries[0]).toMatchObject({ kind: 'payment', amountFen: -30000, balanceFen: 20000, feeSheetId: sheet.id, sheetNo: sheet.sheetNo, method: null })
    expect(lastAudit(d, 'fees.pay')).toContain('储值 ¥300.00、现金 ¥100.00；储值扣款 ¥300.00，储值余额 ¥200.00')
    expect(d.published.at(-1)?.map((e) => e.topic)).toEqual(expect.arrayContaining(['fees', 'storedValue']))
  })

  it('refuses beyond the balance with nothing written, and pays once topped up', async () => {
    const { d, mz, visitId, clientId } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 10000, method: 'cash' })
    const sheet = await confirmedSheet(d, visitId, mz.id, 1)
    const before = ledger(d)
    const error = await d.refusedCleanly('fees.pay', { id: sheet.id, payments: pays(['stored_value', 20000]) })
    expect(error).toMatchObject({ code: 'rule_violation', message: '储值余额 ¥100.00，不足以支付 ¥200.00', fields: { payments: '储值余额 ¥100.00，不足以支付 ¥200.00' } })
    expect(ledger(d)).toEqual(before)
    expect((await d.call('fees.get', { id: sheet.id })).status).toBe('confirmed')
    await d.call('storedValue.topUp', { clientId, amountFen: 10000, method: 'card' })
    expect((await d.call('fees.pay', { id: sheet.id, payments: pays(['stored_value', 20000]) })).status).toBe('paid')
    expect((await d.call('storedValue.account', { clientId })).balanceFen).toBe(0)
  })

  it('leaves the stored value alone for a sheet paid otherwise', async () => {
    const { d, mz, visitId, clientId } = await clinic()
    const sheet = await confirmedSheet(d, visitId, mz.id, 1)
    await d.call('fees.pay', { id: sheet.id, payments: pays(['cash', 20000]) })
    expect(lastAudit(d, 'fees.pay')).not.toContain('储值')
    expect((await d.call('storedValue.account', { clientId })).entries).toEqual([])
  })

  it('pays back the stored-value part when the paid sheet is voided, and when it is reissued', async () => {
    const { d, mz, visitId, clientId } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 100000, method: 'cash' })
    const first = await confirmedSheet(d, visitId, mz.id, 1)
    await d.call('fees.pay', { id: first.id, payments: pays(['stored_value', 15000], ['wechat', 5000]) })
    await d.call('fees.void', { id: first.id, reason: '开错单' })
    expect(lastAudit(d, 'fees.void')).toContain('；储值退回 ¥150.00，储值余额 ¥1,000.00')
    let account = await d.call('storedValue.account', { clientId })
    expect(account.entries[0]).toMatchObject({ kind: 'payment_reversal', amountFen: 15000, balanceFen: 100000, feeSheetId: first.id })
    expect(account).toMatchObject({ balanceFen: 100000, spentFen: 0 })

    const second = await confirmedSheet(d, visitId, mz.id, 2)
    await d.call('fees.pay', { id: second.id, payments: pays(['stored_value', 40000]) })
    const draft = await d.call('fees.reissue', { id: second.id, reason: '改数量' })
    expect(draft.status).toBe('draft')
    expect(lastAudit(d, 'fees.reissue')).toContain('储值退回 ¥400.00，储值余额 ¥1,000.00')
    account = await d.call('storedValue.account', { clientId })
    expect(account.balanceFen).toBe(100000)
    expect(account.entries.map((e) => e.kind)).toEqual(['payment_reversal', 'payment', 'payment_reversal', 'payment', 'top_up'])
  })

  it('lets only one of two payments racing for the same balance through', async () => {
    const { d, mz, visitId, clientId } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 30000, method: 'cash' })
    const a = await confirmedSheet(d, visitId, mz.id, 1)
    const b = await confirmedSheet(d, visitId, mz.id, 1)
    const results = await Promise.all([
      d.send('fees.pay', { id: a.id, payments: pays(['stored_value', 20000]) }),
      d.send('fees.pay', { id: b.id, payments: pays(['stored_value', 20000]) }),
    ])
    expect(results.map((r) => r.ok)).toEqual([true, false])
    expect(results[1]?.ok === false && results[1].error.message).toBe('储值余额 ¥100.00，不足以支付 ¥200.00')
    expect((await d.call('fees.get', { id: b.id })).status).toBe('confirmed')
    expect((await d.call('storedValue.account', { clientId })).balanceFen).toBe(10000)
  })
})

describe('refunding stored value (退款)', () => {
  it('is for an administrator, with a reason, never beyond the balance', async () => {
    const { d, clientId, asReception } = await clinic()
    await d.call('storedValue.topUp', { clientId, amountFen: 50000, method: 'cash' })
    expect((await d.refusedCleanly('storedValue.refund', { clientId, amountFen: 100, reason: '顾客要求' }, asReception)).code).toBe('forbidden')
    expect((await d.refusedCleanly('storedValue.refund', { clientId, amountFen: 100, reason: ' ' })).code).toBe('invalid_input')
    const over = await d.refusedCleanly('storedValue.refund', { clientId, amountFen: 50001, reason: '顾客要求' })
    expect(over).toMatchObject({ code: 'rule_violation', message: '储值余额 ¥500.00，不能退 ¥500.01', fields: { amountFen: '储值余额 ¥500.00，不能退 ¥500.01' } })
    const account = await d.call('storedValue.refund', { clientId, amountFen: 20000, reason: '顾客要求' })
    expect(account).toMatchObject({ balanceFen: 30000, refundedFen: 20000 })
    expect(account.entries[0]).toMatchObject({ kind: 'refund', amountFen: -20000, note: '顾客要求', byName: '前台' })
    expect(lastAudit(d, 'storedValue.refund')).toBe('储值退款 刘女士：¥200.00，理由：顾客要求，余额 ¥300.00')
    await d.call('storedValue.refund', { clientId, amountFen: 30000, reason: '销户' })
    expect((await d.call('storedValue.account', { clientId })).balanceFen).toBe(0)
  })
})
