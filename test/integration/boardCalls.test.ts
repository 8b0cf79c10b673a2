import { describe, expect, it } from 'vitest'
import type { StaffRole } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** Consultant 王咨询 in room 3, nurse 孙护士 in 治疗室 on an open nurse board, and 刘女士 (A001) paid and handed to her. */
async function handedToNurse() {
  const d = openDesk(dbPathIn(tempDir()), makeClock())
  const person = (name: string, role: StaffRole, room: string) => d.call('staff.create', { name, role, phone: '', room, skills: [] })
  const consultant = await person('王咨询', 'consultant', '3')
  const sun = await person('孙护士', 'nurse', '治疗室')
  const item = await d.call('prices.create', { code: 'GZ01', name: '光子嫩肤', category: 'treatment', unit: '次', listPriceFen: 128000 })
  await d.call('rotation.open', { memberIds: [consultant.id] })
  await d.call('rotation.open', { kind: 'nurse', memberIds: [sun.id] })
  const { visit } = await d.arrive('刘女士', 'first', { clientFields: { phone: '13912345678' } })
  const called = await d.call('queue.call', { visitId: visit.id, expectedVersion: visit.version })
  expect(called.status).toBe('called')
  await d.move(visit.id, 'consulting')
  await d.move(visit.id, 'billing')
  await pay(d, visit.id, item.id)
  await d.call('rotation.handToNurse', { visitId: visit.id })
  return { d, sun, visit }
}

async function pay(d: Desk, visitId: number, itemId: number) {
  const draft = await d.call('fees.create', { visitId })
  const saved = await d.call('fees.saveDraft', { id: draft.id, expectedRevision: draft.revision, lines: [{ itemId, quantity: 1 }] })
  const confirmed = await d.call('fees.confirm', { id: saved.id, expectedRevision: saved.revision })
  return d.call('fees.pay', { id: confirmed.id, payments: [{ method: 'cash', fen: confirmed.totals.payable }] })
}

describe('calls from the nurse board (叫号 on 护士轮牌)', () => {
  it('shows the nurse’s call on the queue display with her room, keeps the visit as it is, and logs it', async () => {
    const { d, sun, visit } = await handedToNurse()
    const before = await d.visit(visit.id)
    d.clock.tick(3)
    const row = await d.call('queue.callMember', { kind: 'nurse', visitId: visit.id })
    expect(row).toMatchObject({ id: visit.id, status: 'billing', version: before.version })

    const display = await d.call('queue.display', {})
    expect(display.current).toEqual({
      callId: expect.any(Number),
      kind: 'call',
      queueNo: 'A001',
      maskedName: '刘*士',
      consultantName: '孙护士',
      callerKind: 'nurse',
      room: '治疗室',
      at: d.clock.now.toISOString(),
      sentence: '请 A001 号 刘*士 到 治疗室',
    })
    // The consultant's earlier call moves down, with the settings' template and no caller kind.
    expect(display.recent).toEqual([expect.objectContaining({ queueNo: 'A001', consultantName: '王咨询', room: '3', sentence: '请 A001 号 刘*士 到 3 号咨询室' })])
    expect(display.recent[0]).not.toHaveProperty('callerKind')
    expect(JSON.stringify(display)).not.toContain('13912345678')
    expect(JSON.stringify(display)).not.toContain('刘女士')

    expect(d.db.prepare('SELECT kind, consultant_id AS memberId, room FROM calls WHERE visit_id = ? ORDER BY id DESC').get(visit.id)).toEqual({ kind: 'call', memberId: sun.id, room: '治疗室' })
    expect(d.db.prepare("SELECT summary FROM audit_log WHERE method = 'queue.callMember'").pluck().get()).toBe('叫号 A001（护士 孙护士）')
    expect(d.published.at(-1)).toEqual(expect.arrayContaining([{ topic: 'calls', ids: [visit.id] }]))
  })

  it('refuses a call for a visit nobody on that board serves, writing nothing', async () => {
    const { d, visit } = await handedToNurse()
    const calls = () => d.db.prepare('SELECT count(*) FROM calls').pluck().get()
    const logged = calls()
    // On the doctor board nobody serves A001 (the board is not even open).
    expect(await d.refusedCleanly('queue.callMember', { kind: 'doctor', visitId: visit.id })).toEqual({ code: 'rule_violation', message: '没有人正在接待该顾客' })
    await d.call('rotation.finish', { kind: 'nurse', visitId: visit.id })
    expect(await d.refusedCleanly('queue.callMember', { kind: 'nurse', visitId: visit.id })).toEqual({ code: 'rule_violation', message: '没有人正在接待该顾客' })
    expect(calls()).toBe(logged)
    expect((await d.call('queue.display', {})).current).toMatchObject({ consultantName: '王咨询', room: '3' })
  })
})
