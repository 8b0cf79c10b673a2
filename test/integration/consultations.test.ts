import { describe, expect, it } from 'vitest'
import type { ConsultationPayload, ConsultationSheet } from '../../core/domain/consultation.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** A desk with a consultant, a doctor and one first visit of 张小丽 (born 1990-05-01, allergic to lidocaine). */
async function setUp(): Promise<{ d: Desk; visitId: number; doctorId: number; consultantId: number }> {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const wang = await d.consultant('王静', [], '1')
  const doctor = await d.call('staff.create', { name: '周建国', role: 'doctor', phone: '', room: '专家 1', skills: [] })
  await d.call('rotation.open', { memberIds: [wang.id] })
  const { visit } = await d.arrive('张小丽', 'first', { clientFields: { gender: 'female', birthDate: '1990-05-01', allergies: '利多卡因' } })
  return { d, visitId: visit.id, doctorId: doctor.id, consultantId: wang.id }
}

function filled(sheet: ConsultationSheet, patch: (p: ConsultationPayload) => void = () => undefined): ConsultationPayload {
  const payload = structuredClone(sheet.payload)
  payload.client.occupation = '教师'
  patch(payload)
  return payload
}

describe('consultations.get', () => {
  it('creates an empty draft prefilled from the client and the visit, numbered by year, once', async () => {
    const { d, visitId, consultantId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    expect(sheet).toMatchObject({ sheetNo: 'ZX2026-000001', version: 1, status: 'draft', revision: 1, printedAt: null })
    expect(sheet.payload.client).toMatchObject({ name: '张小丽', gender: 'female', age: 36, occupation: '', archiveNo: 'DA202600001' })
    expect(sheet.payload.visit).toMatchObject({ date: '2026-11-23', queueNo: 'A001', consultantId, consultantName: '王静', doctorId: null })
    expect(sheet.payload.health.allergies).toEqual({ answer: 'yes', details: '利多卡因' })
    expect(sheet.payload.health.pregnancy).toEqual({ answer: null, details: '' })
    // Opening it again gives the same sheet; another visit gets the next number.
    expect((await d.call('consultations.get', { visitId })).id).toBe(sheet.id)
    const other = await d.arrive('李娜', 'review')
    expect((await d.call('consultations.get', { visitId: other.visit.id })).sheetNo).toBe('ZX2026-000002')
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'consultations.get' ORDER BY id").pluck().all()).toEqual([
      '新建咨询单 ZX2026-000001（A001 张小丽）',
      '查看咨询单 ZX2026-000001 第1版（A001）',
      '新建咨询单 ZX2026-000002（C001 李娜）',
    ])
  })

  it("takes the client's marital status and address from her record (the address cut to the sheet's 120 characters)", async () => {
    const { d, visitId } = await setUp()
    const { clientId } = (await d.call('visits.ofDay', {})).find((v) => v.id === visitId)!
    const { client } = await d.call('clients.get', { id: clientId })
    const address = '上海市徐汇区'.padEnd(150, '路')
    await d.call('clients.update', { id: client.id, name: client.name, gender: client.gender, birthDate: client.birthDate, phone: client.phone, allergies: client.allergies, maritalStatus: 'married', address })
    const sheet = await d.call('consultations.get', { visitId })
    expect(sheet.payload.client).toMatchObject({ maritalStatus: 'married', address: address.slice(0, 120) })
  })

  it('refuses an unknown visit and writes nothing', async () => {
    const { d } = await setUp()
    const error = await d.refusedCleanly('consultations.get', { visitId: 999 })
    expect(error).toEqual({ code: 'not_found', message: '找不到该就诊记录（编号 999）' })
    expect(d.count('consultation_sheets')).toBe(0)
  })
})

describe('consultations.saveDraft', () => {
  it('saves with the revision it started from, and refuses a stale revision (another window saved first)', async () => {
    const { d, visitId, doctorId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const saved = await d.call('consultations.saveDraft', {
      sheetId: sheet.id,
      expectedRevision: 1,
      payload: filled(sheet, (p) => {
        p.concerns.areas = ['nose', 'eyes', 'nose']
        p.visit.doctorId = doctorId
        p.visit.doctorName = '伪造的名字'
      }),
    })
    expect(saved.revision).toBe(2)
    expect(saved.payload.concerns.areas).toEqual(['eyes', 'nose'])
    expect(saved.payload.visit.doctorName).toBe('周建国') // from the staff record, not from the form
    const before = d.count('audit_log')
    const error = await d.refused('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: filled(sheet) })
    expect(error).toEqual({ code: 'conflict', message: '咨询单 ZX2026-000001 已在其他窗口修改，请载入最新内容后再改' })
    expect(d.count('audit_log')).toBe(before)
    expect((await d.call('consultations.get', { visitId })).payload.concerns.areas).toEqual(['eyes', 'nose'])
  })

  it('refuses a doctor who is not a doctor, naming the field', async () => {
    const { d, visitId, consultantId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const error = await d.refused('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: filled(sheet, (p) => (p.visit.doctorId = consultantId)) })
    expect(error.code).toBe('not_found')
    expect(error.fields).toEqual({ 'payload.visit.doctorId': `找不到在职的医生（编号 ${consultantId}）` })
  })

  it('stores hostile text verbatim (it is escaped where shown, never interpreted)', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const hostile = `<script>alert("x")</script>'); DROP TABLE consultation_sheets; -- {{ 1+1 }} \u202e ${'\u0000'}`
    const saved = await d.call('consultations.saveDraft', {
      sheetId: sheet.id,
      expectedRevision: 1,
      payload: filled(sheet, (p) => {
        p.concerns.goals = hostile
        p.plan = [{ itemId: null, code: '<b>', name: '<img src=x onerror=alert(1)>', unit: '次', unitPriceFen: 100, quantity: 1, note: hostile.slice(0, 200) }]
      }),
    })
    expect(saved.payload.concerns.goals).toBe(hostile)
    expect((await d.call('consultations.versions', { visitId }))[0]?.payload.plan[0]?.name).toBe('<img src=x onerror=alert(1)>')
    expect(d.count('consultation_sheets')).toBe(1)
  })

  it('refuses an unknown area and a malformed form as invalid input, writing nothing', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const bad = filled(sheet) as unknown as { concerns: { areas: string[] } }
    bad.concerns.areas = ['tail']
    const error = await d.refusedCleanly('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: bad as never })
    expect(error.code).toBe('invalid_input')
    expect(Object.keys(error.fields ?? {})).toEqual(['payload.concerns.areas.0'])
  })
})

describe('consultations.markPrinted', () => {
  it('refuses a sheet without the required fields, naming each, and leaves it a draft', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const saved = await d.call('consultations.saveDraft', {
      sheetId: sheet.id,
      expectedRevision: 1,
      payload: filled(sheet, (p) => {
        p.client.name = ' '
        p.client.gender = 'unknown'
        p.client.age = null
        p.client.phone = '123'
        p.client.occupation = ''
        p.plan = [{ itemId: null, code: '', name: '', unit: '', unitPriceFen: null, quantity: 1, note: '' }]
      }),
    })
    const error = await d.refusedCleanly('consultations.markPrinted', { sheetId: sheet.id, expectedRevision: saved.revision })
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toEqual({
      'client.name': '必填',
      'client.gender': '请选择性别',
      'client.age': '必填',
      'client.phone': '请输入正确的手机号（11 位）或座机号（如 021-61234567）',
      'client.occupation': '必填',
      'plan.0.name': '请填写项目名称',
    })
    expect((await d.call('consultations.get', { visitId })).status).toBe('draft')
  })

  it('freezes the version, records who printed it and when; later saves are refused; a reprint changes nothing', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const saved = await d.call('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: filled(sheet) })
    d.clock.tick(5)
    const printed = await d.call('consultations.markPrinted', { sheetId: sheet.id, expectedRevision: saved.revision })
    expect(printed).toMatchObject({ status: 'printed', printedBy: '前台', printedAt: d.clock.now.toISOString(), revision: saved.revision })
    expect(d.published.at(-1)).toEqual([{ topic: 'visits', ids: [visitId] }])

    const error = await d.refusedCleanly('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: printed.revision, payload: filled(sheet, (p) => (p.assessment = '改')) })
    expect(error).toEqual({ code: 'conflict', message: '咨询单 ZX2026-000001 第 1 版已打印，不能再修改；请建新版本' })

    d.clock.tick(5)
    const again = await d.call('consultations.markPrinted', { sheetId: sheet.id, expectedRevision: 1 })
    expect(again).toEqual(printed)
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'consultations.markPrinted' ORDER BY id").pluck().all()).toEqual([
      '打印咨询单 ZX2026-000001 第1版（张小丽）',
      '重印咨询单 ZX2026-000001 第1版',
    ])
  })

  it('refuses to print a draft that changed since it was read', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    await d.call('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: filled(sheet) })
    const error = await d.refusedCleanly('consultations.markPrinted', { sheetId: sheet.id, expectedRevision: 1 })
    expect(error.code).toBe('conflict')
  })
})

describe('consultations.newVersion', () => {
  it('copies a printed version into draft n+1 with the same number; the printed one stays as printed', async () => {
    const { d, visitId } = await setUp()
    const sheet = await d.call('consultations.get', { visitId })
    const saved = await d.call('consultations.saveDraft', { sheetId: sheet.id, expectedRevision: 1, payload: filled(sheet, (p) => (p.assessment = '鼻背低平')) })
    const printed = await d.call('consultations.markPrinted', { sheetId: sheet.id, expectedRevision: saved.revision })

    const refusedDraft = await d.refused('consultations.newVersion', { sheetId: (await d.call('consultations.get', { visitId: (await d.arrive('李娜', 'review')).visit.id })).id })
    expect(refusedDraft.code).toBe('rule_violation')

    const v2 = await d.call('consultations.newVersion', { sheetId: printed.id })
    expect(v2).toMatchObject({ sheetNo: 'ZX2026-000001', version: 2, status: 'draft', revision: 1, printedAt: null })
    expect(v2.payload).toEqual(printed.payload)
    expect((await d.call('consultations.get', { visitId })).id).toBe(v2.id)
    await d.call('consultations.saveDraft', { sheetId: v2.id, expectedRevision: 1, payload: filled(v2, (p) => (p.assessment = '改为综合方案')) })
    const versions = await d.call('consultations.versions', { visitId })
    expect(versions.map((v) => [v.version, v.status, v.payload.assessment])).toEqual([
      [1, 'printed', '鼻背低平'],
      [2, 'draft', '改为综合方案'],
    ])
    // Only from the latest version, and only once per printed version.
    const error = await d.refusedCleanly('consultations.newVersion', { sheetId: printed.id })
    expect(error).toEqual({ code: 'conflict', message: '咨询单 ZX2026-000001 已有第 2 版，只能从最新版本建新版本' })
  })
})
