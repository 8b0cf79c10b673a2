/** Rules 4, 5, 7, 9, 10, 11: designated, returning, sign-in/out, manual, reorder, undo. */
import { describe, expect, it } from 'vitest'
import { moveInOrder, parseBoardEvent, replay } from '../../../core/rotation/index.ts'
import { Desk, member } from './harness.ts'

describe('rule 4: designated', () => {
  it('goes to the named member, who keeps the place by default', () => {
    const desk = Desk.opened([1, 2, 3])
    const event = desk.ok({ type: 'assignDesignated', visitId: 5, memberId: 2 })
    expect(event).toMatchObject({ type: 'assigned', memberId: 2, how: 'designated', countsAsTurn: false })
    expect(desk.order()).toEqual([1, 2, 3])
    expect(desk.get(2).counts).toMatchObject({ designated: 1, rotationTurns: 0, totalClients: 1 })
    expect(desk.next(6)).toBe(1)
  })

  it('with designatedCountsAsTurn the member also goes to the back', () => {
    const desk = Desk.opened([1, 2, 3], { designatedCountsAsTurn: true })
    desk.ok({ type: 'assignDesignated', visitId: 5, memberId: 1 })
    expect(desk.order()).toEqual([2, 3, 1])
    expect(desk.get(1).counts).toMatchObject({ designated: 1, rotationTurns: 1 })
  })
})

describe('rule 5: returning', () => {
  it('goes to the own consultant without a turn by default, or with one by policy', () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.ok({ type: 'assignReturning', visitId: 5, ownerId: 3 })).toMatchObject({ memberId: 3, how: 'returning', countsAsTurn: false })
    expect(desk.order()).toEqual([1, 2, 3])
    const counting = Desk.opened([1, 2, 3], { returningCountsAsTurn: true })
    counting.ok({ type: 'assignReturning', visitId: 5, ownerId: 1 })
    expect(counting.order()).toEqual([2, 3, 1])
    expect(counting.get(1).counts).toMatchObject({ returning: 1, rotationTurns: 1 })
  })

  it("owner absent, policy 'rotation': the client goes by rotation and the owner is recorded", () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'signOut', memberId: 1 })
    expect(desk.ok({ type: 'assignReturning', visitId: 5, ownerId: 1 })).toMatchObject({ memberId: 2, how: 'rotation', absentOwnerId: 1 })
    expect(desk.ok({ type: 'assignReturning', visitId: 6, ownerId: 9 })).toMatchObject({ memberId: 3, how: 'rotation', absentOwnerId: 9 })
    expect(desk.get(2).counts).toMatchObject({ rotation: 1, returning: 0, rotationTurns: 1 })
  })

  it("owner absent, policy 'wait': refused so the client waits", () => {
    const desk = Desk.opened([1, 2], { returningOwnerAbsent: 'wait' })
    expect(desk.refused({ type: 'assignReturning', visitId: 5, ownerId: 9 })).toEqual({ code: 'owner_absent_wait', params: { ownerId: 9 } })
  })

  it('owner present but serving: refused, the client waits for them', () => {
    const desk = Desk.opened([1, 2])
    desk.next(1)
    expect(desk.refused({ type: 'assignReturning', visitId: 5, ownerId: 1 })).toEqual({ code: 'member_not_available', params: { memberId: 1, status: 'serving' } })
  })
})

describe('rule 7: late sign-in and sign-out', () => {
  it('a late sign-in joins at the back', () => {
    const desk = Desk.opened([1, 2])
    desk.ok({ type: 'signIn', member: member(7) })
    expect(desk.order()).toEqual([1, 2, 7])
  })

  it('sign-out leaves the board, history and counts stay; signing in again joins at the back', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.next(10)
    desk.ok({ type: 'finish', visitId: 10 })
    desk.ok({ type: 'signOut', memberId: 1 })
    expect(desk.order()).toEqual([2, 3])
    expect(desk.get(1)).toMatchObject({ status: 'off', counts: { rotationTurns: 1 } })
    expect(desk.state.board?.assignments.map((a) => [a.visitId, a.memberId])).toEqual([[10, 1]])
    expect(desk.next(11)).toBe(2)
    desk.ok({ type: 'signIn', member: member(1) })
    expect(desk.order()).toEqual([3, 2, 1])
    expect(desk.get(1)).toMatchObject({ status: 'available', counts: { rotationTurns: 1 } })
  })

  it('a serving member cannot sign out; a member already on the board cannot sign in', () => {
    const desk = Desk.opened([1, 2])
    desk.next(10)
    expect(desk.refused({ type: 'signOut', memberId: 1 }).code).toBe('member_not_available')
    expect(desk.refused({ type: 'signIn', member: member(2) })).toEqual({ code: 'member_already_on_board', params: { memberId: 2 } })
  })
})

describe('rule 9: manual assignment', () => {
  it('to anyone available, with a reason, counted as a turn by default', () => {
    const desk = Desk.opened([1, 2, 3])
    const event = desk.ok({ type: 'assignManual', visitId: 5, memberId: 2, reason: '  VIP request  ', actor: '小王' })
    expect(event).toMatchObject({ how: 'manual', memberId: 2, countsAsTurn: true, visitKind: 'first', reason: 'VIP request', actor: '小王' })
    expect(desk.order()).toEqual([1, 3, 2])
    expect(desk.get(2).counts).toMatchObject({ manual: 1, rotationTurns: 1 })
  })

  it('counts by the policy of the kind of client', () => {
    const desk = Desk.opened([1, 2, 3], { manualCountsAsTurn: false, designatedCountsAsTurn: true })
    expect(desk.ok({ type: 'assignManual', visitId: 5, memberId: 2, reason: 'r' })).toMatchObject({ countsAsTurn: false })
    expect(desk.ok({ type: 'assignManual', visitId: 6, memberId: 1, reason: 'r', visitKind: 'designated' })).toMatchObject({ countsAsTurn: true })
    expect(desk.ok({ type: 'assignManual', visitId: 7, memberId: 3, reason: 'r', visitKind: 'returning' })).toMatchObject({ countsAsTurn: false })
    expect(desk.order()).toEqual([2, 3, 1])
  })

  it('needs a reason and an available member', () => {
    const desk = Desk.opened([1, 2])
    expect(desk.refused({ type: 'assignManual', visitId: 5, memberId: 2, reason: '   ' }).code).toBe('reason_required')
    desk.ok({ type: 'breakStart', memberId: 2 })
    expect(desk.refused({ type: 'assignManual', visitId: 5, memberId: 2, reason: 'r' })).toEqual({ code: 'member_not_available', params: { memberId: 2, status: 'break' } })
  })
})

describe('rule 10: manual reorder', () => {
  it('sets the order with a reason', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'reorder', order: moveInOrder(desk.order(), 3, 0), reason: 'came in early' })
    expect(desk.order()).toEqual([3, 1, 2])
    expect(desk.next(1)).toBe(3)
  })

  it('refuses without a reason or with an order that is not the board', () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.refused({ type: 'reorder', order: [3, 2, 1] }).code).toBe('reason_required')
    expect(desk.refused({ type: 'reorder', order: [3, 2], reason: 'r' }).code).toBe('invalid_order')
    expect(desk.refused({ type: 'reorder', order: [3, 2, 2], reason: 'r' }).code).toBe('invalid_order')
    expect(desk.refused({ type: 'reorder', order: [3, 2, 9], reason: 'r' }).code).toBe('invalid_order')
  })

  it('moveInOrder clamps the position and ignores unknown members', () => {
    expect(moveInOrder([1, 2, 3], 1, 9)).toEqual([2, 3, 1])
    expect(moveInOrder([1, 2, 3], 3, -2)).toEqual([3, 1, 2])
    expect(moveInOrder([1, 2, 3], 8, 0)).toEqual([1, 2, 3])
  })
})

describe('rule 11: undo', () => {
  it('returns the board exactly to the state before the last assignment', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.next(1)
    const before = desk.state
    expect(desk.next(2)).toBe(2)
    const event = desk.ok({ type: 'undo' })
    expect(event).toMatchObject({ type: 'undone', undoneSeq: 3 })
    expect(desk.state.board).toStrictEqual(before.board)
    expect(desk.state.undo).toStrictEqual(before.undo)
    expect(desk.state.lastSeq).toBe(4)
    expect(desk.next(2)).toBe(2) // the visit can be assigned again
  })

  it('repeated undo walks further back, down to the opening', () => {
    const desk = Desk.opened([1, 2, 3])
    const opened = desk.state.board
    desk.ok({ type: 'pass', memberId: 1 })
    desk.ok({ type: 'breakStart', memberId: 3 })
    desk.ok({ type: 'undo' })
    expect(desk.statuses()).toEqual(['2:available', '3:available', '1:available'])
    desk.ok({ type: 'undo' })
    expect(desk.state.board).toStrictEqual(opened)
    expect(desk.refused({ type: 'undo' })).toEqual({ code: 'nothing_to_undo', params: {} })
    expect(replay(desk.events)).toStrictEqual(desk.state)
  })
})

describe('rule 13: partner-bound (店家)', () => {
  const aClass = (visitId: number, maintainerId: number) => ({ type: 'assignPartner' as const, visitId, storeId: 7, maintainerId })

  it('an A-class store client goes to the maintainer, who keeps the place by default', () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.ok(aClass(5, 3))).toMatchObject({ memberId: 3, how: 'partner', countsAsTurn: false, storeId: 7, absentOwnerId: null })
    expect(desk.order()).toEqual([1, 2, 3])
    expect(desk.get(3).counts).toMatchObject({ partner: 1, rotation: 0, rotationTurns: 0, totalClients: 1 })
    expect(desk.next(6)).toBe(1)
  })

  it('with partnerCountsAsTurn the maintainer also goes to the back', () => {
    const desk = Desk.opened([1, 2, 3], { partnerCountsAsTurn: true })
    desk.ok(aClass(5, 1))
    expect(desk.order()).toEqual([2, 3, 1])
    expect(desk.get(1).counts).toMatchObject({ partner: 1, rotationTurns: 1 })
    expect(desk.state.board?.lastTurn?.memberId).toBe(1)
  })

  it('an ordinary store client follows the rotation, the store recorded', () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.ok({ type: 'assignPartner', visitId: 5, storeId: 8, maintainerId: null })).toMatchObject({ memberId: 1, how: 'rotation', countsAsTurn: true, storeId: 8 })
    expect(desk.get(1).counts).toMatchObject({ rotation: 1, partner: 0, rotationTurns: 1 })
  })

  it('maintainer serving or on break: refused, the client waits for them', () => {
    const desk = Desk.opened([1, 2])
    desk.next(1)
    expect(desk.refused(aClass(5, 1))).toEqual({ code: 'member_not_available', params: { memberId: 1, status: 'serving' } })
    desk.ok({ type: 'breakStart', memberId: 2 })
    expect(desk.refused(aClass(5, 2))).toEqual({ code: 'member_not_available', params: { memberId: 2, status: 'break' } })
  })

  it('maintainer absent: by rotation (default) with the maintainer recorded, or refused when the policy is wait', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'signOut', memberId: 1 })
    expect(desk.ok(aClass(5, 1))).toMatchObject({ memberId: 2, how: 'rotation', absentOwnerId: 1, storeId: 7 })
    const waiting = Desk.opened([1, 2], { returningOwnerAbsent: 'wait' })
    expect(waiting.refused(aClass(5, 9))).toEqual({ code: 'maintainer_absent_wait', params: { maintainerId: 9, storeId: 7 } })
  })

  it('refuses bad ids and a visit already assigned', () => {
    const desk = Desk.opened([1, 2])
    expect(desk.refused({ type: 'assignPartner', visitId: 5, storeId: 0, maintainerId: 1 })).toEqual({ code: 'invalid_input', params: { field: 'storeId' } })
    expect(desk.refused(aClass(5, -1))).toEqual({ code: 'invalid_input', params: { field: 'maintainerId' } })
    desk.next(5)
    expect(desk.refused(aClass(5, 2)).code).toBe('visit_already_assigned')
  })

  it('a manual assignment of a partner client counts by partnerCountsAsTurn', () => {
    const desk = Desk.opened([1, 2], { partnerCountsAsTurn: true, manualCountsAsTurn: false })
    expect(desk.ok({ type: 'assignManual', visitId: 5, memberId: 2, reason: 'r', visitKind: 'partner' })).toMatchObject({ countsAsTurn: true, how: 'manual' })
  })

  it('undo of a partner assignment returns the board exactly; the log replays to the fold, also through the schema', () => {
    const desk = Desk.opened([1, 2, 3], { partnerCountsAsTurn: true })
    desk.next(1)
    const before = desk.state
    desk.ok(aClass(5, 3))
    desk.ok({ type: 'undo' })
    expect(desk.state.board).toStrictEqual(before.board)
    expect(desk.state.undo).toStrictEqual(before.undo)
    desk.ok(aClass(5, 3))
    desk.ok({ type: 'assignPartner', visitId: 6, storeId: 8, maintainerId: null })
    expect(replay(desk.events)).toStrictEqual(desk.state)
    expect(replay(desk.events.map((e) => parseBoardEvent(JSON.parse(JSON.stringify(e)))))).toStrictEqual(desk.state)
  })

  it('reads back an assignment stored before rule 13 (no storeId) as storeId null', () => {
    const stored = { type: 'assigned', seq: 2, at: 'x', actor: null, reason: null, visitId: 1, memberId: 1, how: 'rotation', countsAsTurn: true, category: null, visitKind: null, absentOwnerId: null }
    expect(parseBoardEvent(stored)).toMatchObject({ storeId: null })
  })
})
