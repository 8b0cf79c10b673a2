/**
 * The "done when": open the day, sign in five consultants, register fifteen arrivals of all
 * types, check that every assignment follows the rules; then restart and compare.
 */
import { describe, expect, it } from 'vitest'
import type { RegisterResult } from '../../core/api/visits.ts'
import type { Staff } from '../../core/domain/staff.ts'
import { dbPathIn, useTempDir } from '../helpers/tempDb.ts'
import { makeClock, openDesk, type Desk } from './harness.ts'

const tempDir = useTempDir()

/** Everything a restart must keep, read through the API and from the tables. */
async function everything(d: Desk) {
  return {
    board: await d.call('rotation.board', {}),
    waiting: await d.call('visits.ofDay', {}),
    log: await d.call('reports.dailyLog', {}),
    figures: await d.call('rotation.figures', { from: '2026-11-23', to: '2026-11-23' }),
    events: d.db.prepare('SELECT board_date, board_kind, seq, type, payload, at, actor FROM rotation_events ORDER BY id').all(),
    history: d.db.prepare('SELECT visit_id, status, at, actor FROM visit_status_log ORDER BY id').all(),
    audit: d.count('audit_log'),
  }
}

describe('a whole morning at the desk', () => {
  it('opens the day, signs in five consultants, takes fifteen arrivals by the rules, and survives a restart', async () => {
    const path = dbPathIn(tempDir())
    const clock = makeClock()
    let d = openDesk(path, clock)
    const s: Record<string, Staff> = {}
    s.王静 = await d.consultant('王静', [], '1')
    s.刘洋 = await d.consultant('刘洋', ['surgery', 'injection'], '2')
    s.陈晨 = await d.consultant('陈晨', ['skin', 'laser'], '3')
    s.赵雪 = await d.consultant('赵雪', [], '4')
    s.孙悦 = await d.consultant('孙悦', [], '5')
    const oldA = await d.newClient('老客甲', { ownConsultantId: s.赵雪!.id })
    const oldB = await d.newClient('老客乙', { ownConsultantId: s.孙悦!.id })
    const oldC = await d.newClient('老客丙', { ownConsultantId: s.王静!.id })

    const at = (h: number, m: number) => clock.set(2026, 11, 23, h, m)
    const v: Record<string, RegisterResult> = {}
    const expectTo = async (queueNo: string, name: string | null, how: string | null) => {
      const row = (await d.call('visits.ofDay', {})).find((x) => x.queueNo === queueNo)
      expect([queueNo, row?.consultantName ?? null, row?.assignedBy ?? null]).toEqual([queueNo, name, how])
    }
    const assign = async (queueNo: string, manual?: { to: string; reason: string }) => {
      const row = (await d.call('visits.ofDay', {})).find((x) => x.queueNo === queueNo)
      if (!row) throw new Error(`no ${queueNo}`)
      return d.call('visits.assign', {
        visitId: row.id, expectedVersion: row.version, ...(manual ? { memberId: s[manual.to]!.id, reason: manual.reason } : {}),
      })
    }
    const moveQ = async (queueNo: string, ...statuses: ('consulting' | 'billing' | 'done' | 'left')[]) => {
      for (const status of statuses) await d.move(v[queueNo]!.visit.id, status)
    }

    // Rule 1: opening in sign-in order; 孙悦 comes late.
    at(9, 0)
    await d.call('rotation.open', { memberIds: [s.王静!.id, s.刘洋!.id, s.陈晨!.id, s.赵雪!.id] })
    expect(await d.order()).toEqual(['王静', '刘洋', '陈晨', '赵雪'])

    // 1. Rule 2: next in turn.
    at(9, 1); v.A001 = await d.arrive('客01', 'first')
    await expectTo('A001', '王静', 'rotation')
    // 2. Rule 12: skin is not 刘洋's; 陈晨 takes it.
    at(9, 3); v.A002 = await d.arrive('客02', 'first', { intendedCategory: 'skin' })
    await expectTo('A002', '陈晨', 'rotation')
    expect(await d.order()).toEqual(['刘洋', '赵雪', '王静', '陈晨'])
    // 3. Rule 5: returning to the own consultant, no turn.
    at(9, 5); v.B001 = await d.arrive(oldA.id, 'returning')
    await expectTo('B001', '赵雪', 'returning')
    expect(await d.order()).toEqual(['刘洋', '赵雪', '王静', '陈晨'])
    // 4. A review visit takes no turn.
    at(9, 6); v.C001 = await d.arrive('复查客一', 'review')
    await expectTo('C001', null, null)
    // 5. Rule 4: designated to a busy consultant: the client waits for her.
    at(9, 8); v.A003 = await d.arrive('客03', 'first', { designatedConsultantId: s.王静!.id })
    expect(v.A003.assignRefusal).toBe('王静 当前接待中，不能接待新顾客')
    await expectTo('A003', null, null)
    // Rule 6: 刘洋 passes his turn.
    at(9, 10); await d.call('rotation.pass', { memberId: s.刘洋!.id, reason: '在写方案' })
    expect(await d.order()).toEqual(['赵雪', '王静', '陈晨', '刘洋'])
    // 6. Rules 3 and 12: the only free member who does surgery.
    at(9, 12); v.A004 = await d.arrive('客04', 'first', { intendedCategory: 'surgery' })
    await expectTo('A004', '刘洋', 'rotation')
    // Rule 7: late sign-in at the back.
    at(9, 15); await d.call('rotation.signIn', { memberId: s.孙悦!.id })
    expect(await d.order()).toEqual(['赵雪', '王静', '陈晨', '刘洋', '孙悦'])
    // 7. Rule 5 again.
    at(9, 16); v.B002 = await d.arrive(oldB.id, 'returning')
    await expectTo('B002', '孙悦', 'returning')
    // 8. Nobody free: waits.
    at(9, 18); v.A005 = await d.arrive('客05', 'first')
    expect(v.A005.assignRefusal).toBe('没有空闲的咨询师（或没有擅长该项目的空闲咨询师），顾客先候诊')

    // 王静's first consultation: she becomes 客01's own consultant; free again, she kept her place (rule 3).
    at(9, 20); await moveQ('A001', 'consulting')
    expect((await d.call('clients.get', { id: v.A001.client.id })).client.ownConsultantId).toBe(s.王静!.id)
    at(9, 40); await moveQ('A001', 'billing')
    // The client who asked for 王静 gets her now.
    at(9, 41); await assign('A003')
    await expectTo('A003', '王静', 'designated')
    // 赵雪 is free and at the front: the waiting first visit is hers.
    at(9, 45); await moveQ('B001', 'consulting', 'done')
    at(9, 51); await assign('A005')
    await expectTo('A005', '赵雪', 'rotation')
    expect(await d.order()).toEqual(['王静', '陈晨', '刘洋', '孙悦', '赵雪'])

    // 9. Injection: 陈晨 is free but does not do injections; the desk assigns by hand (rule 9).
    at(9, 52); await moveQ('A002', 'consulting', 'left')
    at(9, 55); v.A006 = await d.arrive('客06', 'first', { intendedCategory: 'injection' })
    expect(v.A006.assignRefusal).toBe('没有空闲的咨询师（或没有擅长该项目的空闲咨询师），顾客先候诊')
    await assign('A006', { to: '陈晨', reason: '刘洋忙，陈晨代接' })
    await expectTo('A006', '陈晨', 'manual')
    expect(await d.order()).toEqual(['王静', '刘洋', '孙悦', '赵雪', '陈晨'])

    // Rule 8: 孙悦 free and on a break.
    at(10, 0); await moveQ('B002', 'consulting', 'done')
    await d.call('rotation.breakStart', { memberId: s.孙悦!.id })
    // 10. 刘洋 free again, in his kept place.
    at(10, 2); await moveQ('A004', 'consulting', 'billing')
    v.A007 = await d.arrive('客07', 'first')
    await expectTo('A007', '刘洋', 'rotation')
    expect(await d.order()).toEqual(['王静', '孙悦', '赵雪', '陈晨', '刘洋'])

    // The same client twice while her visit is open: refused.
    const twice = await d.refusedCleanly('visits.register', { clientId: v.A001.client.id, type: 'returning' })
    expect(twice).toEqual({ code: 'conflict', message: '客01 今天已登记（A001），还没有离院' })
    at(10, 6); await moveQ('A001', 'done')
    at(10, 7); await moveQ('A003', 'consulting', 'done')
    // 11. Returning to 王静.
    at(10, 8); v.B003 = await d.arrive(oldC.id, 'returning')
    await expectTo('B003', '王静', 'returning')

    // 12. 孙悦 back from her break: first in turn; a mistaken assignment is undone (rule 11) and redone by hand.
    at(10, 9); await d.call('rotation.breakEnd', { memberId: s.孙悦!.id })
    at(10, 10); v.A008 = await d.arrive('客08', 'first')
    await expectTo('A008', '孙悦', 'rotation')
    const undone = await d.call('rotation.undo', {})
    expect(undone.members.filter((m) => m.position !== null).map((m) => `${m.name}:${m.status}`)).toEqual([
      '王静:serving', '孙悦:available', '赵雪:serving', '陈晨:serving', '刘洋:serving',
    ])
    await expectTo('A008', null, null)
    at(10, 12); await assign('A008', { to: '孙悦', reason: '顾客选择孙悦' })
    await expectTo('A008', '孙悦', 'manual')
    expect(await d.order()).toEqual(['王静', '赵雪', '陈晨', '刘洋', '孙悦'])

    // 13. A review designated to a busy consultant waits, then goes to her.
    at(10, 15); v.C002 = await d.arrive('复查客二', 'review', { designatedConsultantId: s.赵雪!.id })
    expect(v.C002.assignRefusal).toBe('赵雪 当前接待中，不能接待新顾客')
    at(10, 16); await moveQ('A005', 'consulting', 'billing')
    await assign('C002')
    await expectTo('C002', '赵雪', 'designated')

    // Rule 10: reorder with a reason.
    at(10, 22)
    await d.call('rotation.reorder', { order: [s.刘洋!.id, s.王静!.id, s.赵雪!.id, s.陈晨!.id, s.孙悦!.id], reason: '刘洋 今天带教' })
    // 14. Laser: only 陈晨, once she is done.
    at(10, 25)
    let row = await d.move(v.A006.visit.id, 'consulting')
    await d.call('visits.setOutcome', { visitId: row.id, expectedVersion: row.version, outcome: 'deal' })
    await moveQ('A006', 'done')
    at(10, 26); v.A009 = await d.arrive('客09', 'first', { intendedCategory: 'laser' })
    await expectTo('A009', '陈晨', 'rotation')
    expect(await d.order()).toEqual(['刘洋', '王静', '赵雪', '孙悦', '陈晨'])
    // 15. A returning client without an own consultant goes by rotation.
    at(10, 27)
    row = await d.move(v.A007.visit.id, 'consulting')
    await d.call('visits.setOutcome', { visitId: row.id, expectedVersion: row.version, outcome: 'no_deal', reason: '再考虑' })
    await moveQ('A007', 'done')
    at(10, 28); v.B004 = await d.arrive('客10', 'returning')
    await expectTo('B004', '刘洋', 'rotation')
    expect(await d.order()).toEqual(['王静', '赵雪', '孙悦', '陈晨', '刘洋'])
    // A serving consultant cannot sign out.
    expect((await d.refusedCleanly('rotation.signOut', { memberId: s.刘洋!.id })).message).toBe('刘洋 当前接待中，不能接待新顾客')

    // Fifteen arrivals, every assignment as the rules say.
    const day = await d.call('visits.ofDay', {})
    expect(day.map((x) => `${x.queueNo} ${x.consultantName ?? '-'} ${x.assignedBy ?? '-'} ${x.status}`)).toEqual([
      'A001 王静 rotation done',
      'A002 陈晨 rotation left',
      'B001 赵雪 returning done',
      'C001 - - waiting',
      'A003 王静 designated done',
      'A004 刘洋 rotation billing',
      'B002 孙悦 returning done',
      'A005 赵雪 rotation billing',
      'A006 陈晨 manual done',
      'A007 刘洋 rotation done',
      'B003 王静 returning waiting',
      'A008 孙悦 manual waiting',
      'C002 赵雪 designated waiting',
      'A009 陈晨 rotation waiting',
      'B004 刘洋 rotation waiting',
    ])
    const board = await d.board()
    expect(board.members.map((m) => [m.name, m.status, m.visitQueueNo, m.counts.rotationTurns, m.counts.totalClients, m.counts.passes])).toEqual([
      ['王静', 'serving', 'B003', 1, 3, 0],
      ['赵雪', 'serving', 'C002', 1, 3, 0],
      ['孙悦', 'serving', 'A008', 1, 2, 0],
      ['陈晨', 'serving', 'A009', 3, 3, 0],
      ['刘洋', 'serving', 'B004', 3, 3, 1],
    ])
    // Each visit on the board at most once, and the log without gaps.
    const assigned = d.db.prepare("SELECT json_extract(payload, '$.visitId') FROM rotation_events WHERE type = 'assigned'").pluck().all() as number[]
    expect(assigned).toHaveLength(15) // fourteen assignments, and the one that was undone and made again
    expect(new Set(assigned).size).toBe(14)
    const seqs = d.db.prepare('SELECT seq FROM rotation_events ORDER BY seq').pluck().all() as number[]
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))

    // Restart in the middle of the day.
    const before = await everything(d)
    d.close()
    d = openDesk(path, clock)
    const after = await everything(d)
    expect(after).toEqual(before)
    expect(after.log.totals.map((t) => [t.name, t.visits, t.deals, t.noDeals])).toEqual([
      ['王静', 3, 0, 0],
      ['陈晨', 3, 1, 0],
      ['赵雪', 3, 0, 0],
      ['刘洋', 3, 0, 1],
      ['孙悦', 2, 0, 0],
      ['', 1, 0, 0],
    ])

    // The day goes on where it stopped: 王静 is free and first.
    at(10, 40)
    await d.move(v.B003.visit.id, 'consulting')
    await d.move(v.B003.visit.id, 'done')
    const next = await d.arrive('客11', 'first')
    expect(next.visit).toMatchObject({ queueNo: 'A010', consultantName: '王静', assignedBy: 'rotation' })
    const seqsAfter = d.db.prepare('SELECT seq FROM rotation_events ORDER BY seq').pluck().all() as number[]
    expect(seqsAfter).toEqual(seqsAfter.map((_, i) => i + 1))
    expect(seqsAfter.length).toBe(seqs.length + 2) // finished + assigned
    d.close()
  })
})
