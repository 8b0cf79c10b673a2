import { describe, expect, it } from 'vitest'
import type { FeeLineInput } from '../../core/api/fees.ts'
import type { StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/**
 * A clinic on 2026-11-23 with nurses 孙护士 and 钱护士, doctors 李医生 and 周医生, consultant 王咨询, and the
 * treatments GZ01 光子嫩肤 and SG01 水光针. 刘女士 (married, 静安区) has arrived and paid 5 × 光子嫩肤 and 2 × 水光针.
 */
async function clinic() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole) => d.call('staff.create', { name, role, phone: '', room: '', skills: [] })
  const nurse = await person('孙护士', 'nurse')
  const nurse2 = await person('钱护士', 'nurse')
  const doctor = await person('李医生', 'doctor')
  const doctor2 = await person('周医生', 'doctor')
  const consultant = await person('王咨询', 'consultant')
  const gz = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
  const sg = await d.call('prices.create', { code: 'SG01', name: '水光针', category: 'treatment', unit: '次', listPriceFen: 98000 })
  const { visit, client } = await d.arrive('刘女士', 'first', { clientFields: { maritalStatus: 'married', address: '上海市静安区南京西路 1 号' } })
  await paidSheet(d, visit.id, [
    { itemId: gz.id, quantity: 5 },
    { itemId: sg.id, quantity: 2 },
  ])
  const cards = await d.call('cards.ofClient', { clientId: client.id })
  const byCode = (code: string) => cards.find((c) => c.code === code)!
  return { d, nurse, nurse2, doctor, doctor2, consultant, client, gzCard: byCode('GZ01'), sgCard: byCode('SG01') }
}

async function paidSheet(d: Desk, visitId: number, lines: FeeLineInput[]) {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

const lastAudit = (d: Desk) => d.db.prepare("SELECT summary FROM audit_log WHERE method = 'cards.deduct' ORDER BY id DESC LIMIT 1").pluck().get() as string
const deductionRows = (d: Desk) => d.db.prepare('SELECT count(*) FROM card_deductions').pluck().get() as number

describe('the body area and the assistant of a deduction', () => {
  it('records the body area (trimmed) and the assistant, returns them for the slip and says them in the audit', async () => {
    const { d, gzCard, nurse, nurse2, doctor } = await clinic()
    const { deduction } = await d.call('cards.deduct', { cardId: gzCard.id, expectedVersion: 1, nurseId: nurse.id, bodyArea: ' 双下眼睑 ', doctorId: doctor.id, assistantId: nurse2.id, note: '轻微红肿' })
    expect(deduction).toMatchObject({ bodyArea: '双下眼睑', doctorName: '李医生', assistantId: nurse2.id, assistantName: '钱护士', nurseName: '孙护士', note: '轻微红肿' })
    expect(lastAudit(d)).toBe('划扣 刘女士 的疗程卡 光子嫩肤（第 1 次，剩 4 次）：部位 双下眼睑，护士 孙护士，医生 李医生，助手 钱护士，备注：轻微红肿')
    expect((await d.call('cards.get', { id: gzCard.id })).deductions[0]).toMatchObject({ bodyArea: '双下眼睑', assistantName: '钱护士' })
    expect(d.db.prepare('SELECT body_area, assistant_id FROM card_deductions').get()).toEqual({ body_area: '双下眼睑', assistant_id: nurse2.id })
  })

  it('refuses a deduction without a body area, or with one longer than 60 characters, on its field, writing nothing', async () => {
    const { d, gzCard, nurse } = await clinic()
    const base = { cardId: gzCard.id, expectedVersion: 1, nurseId: nurse.id }
    const missing = await d.refusedCleanly('cards.deduct', base as never)
    expect(missing.code).toBe('invalid_input')
    expect(Object.keys(missing.fields ?? {})).toEqual(['bodyArea'])
    const blank = await d.refusedCleanly('cards.deduct', { ...base, bodyArea: '   ' })
    expect(blank.fields).toEqual({ bodyArea: '必填' })
    const long = await d.refusedCleanly('cards.deduct', { ...base, bodyArea: '脸'.repeat(61) })
    expect(long.fields).toEqual({ bodyArea: '太长' })
    expect((await d.call('cards.deduct', { ...base, bodyArea: '脸'.repeat(60) })).deduction.bodyArea).toHaveLength(60)
    expect(deductionRows(d)).toBe(1)
  })

  it('takes as assistant an active nurse or another doctor, with or without a doctor, and refuses the doctor, a consultant or someone who left', async () => {
    const { d, gzCard, nurse, nurse2, doctor, doctor2, consultant } = await clinic()
    const base = { cardId: gzCard.id, expectedVersion: 1, nurseId: nurse.id, bodyArea: '全脸', doctorId: doctor.id }
    const same = await d.refusedCleanly('cards.deduct', { ...base, assistantId: doctor.id })
    expect(same).toMatchObject({ code: 'invalid_input', message: '李医生 已是主治医生，助手请选另一位', fields: { assistantId: '李医生 已是主治医生，助手请选另一位' } })
    const notClinical = await d.refusedCleanly('cards.deduct', { ...base, assistantId: consultant.id })
    expect(notClinical).toMatchObject({ code: 'invalid_input', message: `找不到在职的护士或医生（编号 ${consultant.id}）作助手`, fields: { assistantId: notClinical.message } })
    expect((await d.refusedCleanly('cards.deduct', { ...base, assistantId: 999 })).fields).toEqual({ assistantId: '找不到在职的护士或医生（编号 999）作助手' })
    await d.call('staff.setActive', { id: nurse2.id, active: false })
    expect((await d.refusedCleanly('cards.deduct', { ...base, assistantId: nurse2.id })).fields).toHaveProperty('assistantId')
    expect(deductionRows(d)).toBe(0)

    const withDoctor = await d.call('cards.deduct', { ...base, assistantId: doctor2.id })
    expect(withDoctor.deduction).toMatchObject({ doctorName: '李医生', assistantName: '周医生' })
    const noDoctor = await d.call('cards.deduct', { ...base, expectedVersion: withDoctor.card.version, doctorId: null, assistantId: doctor.id })
    expect(noDoctor.deduction).toMatchObject({ doctorId: null, doctorName: '', assistantName: '李医生' })
    const none = await d.call('cards.deduct', { cardId: gzCard.id, expectedVersion: noDoctor.card.version, nurseId: nurse.id, bodyArea: '额头' })
    expect(none.deduction).toMatchObject({ assistantId: null, assistantName: '' })
    expect(lastAudit(d)).toBe('划扣 刘女士 的疗程卡 光子嫩肤（第 3 次，剩 2 次）：部位 额头，护士 孙护士')
  })
})

describe('the treatment record (cards.treatmentRecord)', () => {
  it('lists every deduction of the client’s cards newest first, with item, body area, n of N, doctor, assistant, nurse, note and undo', async () => {
    const { d, client, gzCard, sgCard, nurse, nurse2, doctor } = await clinic()
    expect(await d.call('cards.treatmentRecord', { clientId: client.id })).toEqual([])
    const first = await d.call('cards.deduct', { cardId: gzCard.id, expectedVersion: 1, nurseId: nurse.id, bodyArea: '全脸', doctorId: doctor.id, assistantId: nurse2.id, note: '首次，耐受好' })
    d.clock.set(2026, 12, 7, 10)
    const water = await d.call('cards.deduct', { cardId: sgCard.id, expectedVersion: 1, nurseId: nurse2.id, bodyArea: '额头', note: '' })
    d.clock.set(2026, 12, 21, 15)
    const second = await d.call('cards.deduct', { cardId: gzCard.id, expectedVersion: first.card.version, nurseId: nurse.id, bodyArea: '双下眼睑', doctorId: doctor.id })
    await d.call('cards.undoDeduction', { deductionId: water.deduction.id, reason: '护士选错了' })

    const record = await d.call('cards.treatmentRecord', { clientId: client.id })
    expect(record.map((r) => [r.code, r.name, r.bodyArea, `${r.sessionNo}/${r.sessionsBought}`, r.doctorName, r.assistantName, r.nurseName, r.note, r.undone, r.undoReason])).toEqual([
      ['GZ01', '光子嫩肤', '双下眼睑', '2/5', '李医生', '', '孙护士', '', false, ''],
      ['SG01', '水光针', '额头', '1/2', '', '', '钱护士', '', true, '护士选错了'],
      ['GZ01', '光子嫩肤', '全脸', '1/5', '李医生', '钱护士', '孙护士', '首次，耐受好', false, ''],
    ])
    expect(record.map((r) => r.id)).toEqual([second.deduction.id, water.deduction.id, first.deduction.id])
    expect(record[2]).toEqual({ ...first.deduction, code: 'GZ01', name: '光子嫩肤', sessionsBought: 5 })
    expect(record[1]).toMatchObject({ cardId: sgCard.id, undoneAt: expect.any(String), undoneByName: '前台' })
  })

  it('shows only the client’s own cards, and refuses a client that does not exist', async () => {
    const { d, gzCard, nurse } = await clinic()
    await d.call('cards.deduct', { cardId: gzCard.id, expectedVersion: 1, nurseId: nurse.id, bodyArea: '全脸' })
    const { client: other } = await d.arrive('陈女士', 'first')
    expect(await d.call('cards.treatmentRecord', { clientId: other.id })).toEqual([])
    expect(await d.refused('cards.treatmentRecord', { clientId: 999 })).toMatchObject({ code: 'not_found', message: '找不到该顾客（编号 999）' })
  })
})

describe('the client’s marital status and address', () => {
  it('are kept on registration and on an edit; an edit without them keeps them, null and empty clear them', async () => {
    const { d, client } = await clinic()
    expect(client).toMatchObject({ maritalStatus: 'married', address: '上海市静安区南京西路 1 号' })
    const { client: plain } = await d.arrive('陈女士', 'first')
    expect(plain).toMatchObject({ maritalStatus: null, address: '' })
    const created = await d.call('clients.create', { name: '赵女士', phone: '13900007777', maritalStatus: 'single', address: ' 徐汇区 ' })
    expect((await d.call('clients.get', { id: created.id })).client).toMatchObject({ maritalStatus: 'single', address: '徐汇区' })

    const fields = { name: client.name, phone: client.phone }
    const kept = await d.call('clients.update', { id: client.id, ...fields, occupation: '教师' })
    expect(kept).toMatchObject({ occupation: '教师', maritalStatus: 'married', address: '上海市静安区南京西路 1 号' })
    const changed = await d.call('clients.update', { id: client.id, ...fields, maritalStatus: 'divorced', address: '浦东新区世纪大道 8 号' })
    expect((await d.call('clients.get', { id: client.id })).client).toMatchObject({ maritalStatus: 'divorced', address: '浦东新区世纪大道 8 号' })
    expect(changed.maritalStatus).toBe('divorced')
    const cleared = await d.call('clients.update', { id: client.id, ...fields, maritalStatus: null, address: '' })
    expect(cleared).toMatchObject({ maritalStatus: null, address: '' })
  })

  it('refuses a marital status not on the consultation sheet and an address over 200 characters, changing nothing', async () => {
    const { d, client } = await clinic()
    const fields = { id: client.id, name: client.name, phone: client.phone }
    const badStatus = await d.refusedCleanly('clients.update', { ...fields, maritalStatus: 'engaged' } as never)
    expect(badStatus.code).toBe('invalid_input')
    expect(Object.keys(badStatus.fields ?? {})).toEqual(['maritalStatus'])
    const longAddress = await d.refusedCleanly('clients.update', { ...fields, address: '路'.repeat(201) })
    expect(longAddress.fields).toEqual({ address: '太长' })
    expect((await d.refusedCleanly('clients.create', { name: '孙女士', phone: '13900008888', maritalStatus: 'engaged' } as never)).code).toBe('invalid_input')
    expect((await d.call('clients.get', { id: client.id })).client).toEqual(client)
  })
})
