/** Rules 1, 2, 3, 6, 8, 12: who is next in turn. */
import { describe, expect, it } from 'vitest'
import { continuationFrom, nextInTurn, openingOrder } from '../../../core/rotation/index.ts'
import { Desk, member } from './harness.ts'

describe('rule 1: opening the day', () => {
  it('puts the members in sign-in order', () => {
    const desk = Desk.opened([3, 1, 2])
    expect(desk.order()).toEqual([3, 1, 2])
    expect(desk.state.board?.mode).toBe('signIn')
    expect(desk.statuses()).toEqual(['3:available', '1:available', '2:available'])
  })

  it('continues from the previous day: first is the one after the last turn taker', () => {
    const desk = Desk.opened([member(4), member(1), member(3), member(5)], {}, { order: [1, 2, 3, 4], lastTurnMemberId: 2 })
    // turned: 3 4 1 2; 2 is not on duty; 5 was not on yesterday's board and joins at the back
    expect(desk.order()).toEqual([3, 4, 1, 5])
    expect(desk.state.board?.mode).toBe('continue')
    expect(desk.next(1)).toBe(3)
  })

  it('continues from a real previous day built by the engine', () => {
    const day1 = Desk.opened([1, 2, 3])
    expect(day1.next(10)).toBe(1)
    expect(day1.next(11)).toBe(2)
    day1.ok({ type: 'finish', visitId: 10 })
    day1.ok({ type: 'pass', memberId: 3 })
    day1.ok({ type: 'signOut', memberId: 1 })
    const continuation = continuationFrom(day1.state)
    expect(continuation).toEqual({ order: [3, 1, 2], lastTurnMemberId: 2 })
    const day2 = Desk.opened([1, 2, 3], {}, continuation)
    expect(day2.order()).toEqual([3, 1, 2])
    expect(day2.next(20)).toBe(3)
  })

  it('keeps the previous order when nobody took a turn', () => {
    expect(openingOrder([member(1), member(2)], { order: [2, 1], lastTurnMemberId: null }).map((m) => m.id)).toEqual([2, 1])
    expect(openingOrder([member(1), member(2)], { order: [2, 1], lastTurnMemberId: 7 }).map((m) => m.id)).toEqual([2, 1])
  })
})

describe('rule 2: next in turn', () => {
  it("'order': the first available member takes the client and goes to the back", () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.next(100)).toBe(1)
    expect(desk.order()).toEqual([2, 3, 1])
    expect(desk.get(1)).toMatchObject({ status: 'serving', visitId: 100 })
    expect(desk.get(1).counts).toMatchObject({ rotationTurns: 1, rotation: 1, totalClients: 1 })
    expect(desk.next(101)).toBe(2)
    desk.ok({ type: 'finish', visitId: 100 })
    expect(desk.next(102)).toBe(3)
    expect(desk.next(103)).toBe(1)
  })

  function unevenDay(mode: 'order' | 'fewestTurns'): Desk {
    const desk = Desk.opened([1, 2, 3], { rotationMode: mode })
    desk.next(1)
    desk.ok({ type: 'finish', visitId: 1 })
    desk.ok({ type: 'assignManual', visitId: 2, memberId: 1, reason: 'speaks Korean' })
    desk.ok({ type: 'finish', visitId: 2 })
    desk.next(3)
    desk.next(4)
    desk.ok({ type: 'finish', visitId: 3 })
    desk.ok({ type: 'finish', visitId: 4 })
    return desk
  }

  it("'order' follows the order even after someone took extra clients", () => {
    const desk = unevenDay('order')
    expect(desk.order()).toEqual([1, 2, 3])
    expect([1, 2, 3].map((id) => desk.get(id).counts.rotationTurns)).toEqual([2, 1, 1])
    expect(desk.next(5)).toBe(1)
  })

  it("'fewestTurns' gives the client to the fewest turns, ties by order", () => {
    const desk = unevenDay('fewestTurns')
    expect(desk.order()).toEqual([1, 2, 3])
    expect(nextInTurn(desk.state, desk.policies)).toBe(2)
    expect(desk.next(5)).toBe(2)
    expect(desk.next(6)).toBe(3)
  })
})

describe('rule 3: keep place', () => {
  it('a busy member is skipped, keeps the front, and is first again once free', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'assignDesignated', visitId: 7, memberId: 1 })
    expect(desk.order()).toEqual([1, 2, 3])
    expect(desk.next(8)).toBe(2)
    expect(desk.order()).toEqual([1, 3, 2])
    desk.ok({ type: 'finish', visitId: 7 })
    expect(desk.get(1).status).toBe('available')
    expect(desk.next(9)).toBe(1)
  })
})

describe('rule 6: pass', () => {
  it('the member whose turn it is goes to the back, counted', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'pass', memberId: 1 })
    expect(desk.order()).toEqual([2, 3, 1])
    expect(desk.get(1).counts).toMatchObject({ passes: 1, rotationTurns: 0, totalClients: 0 })
    expect(desk.next(1)).toBe(2)
  })

  it('only the member whose turn it is may pass', () => {
    const desk = Desk.opened([1, 2, 3])
    expect(desk.refused({ type: 'pass', memberId: 2 })).toEqual({ code: 'not_members_turn', params: { memberId: 2, expectedMemberId: 1 } })
  })

  it("in 'fewestTurns' a pass uses the turn, so the client goes to someone else", () => {
    const desk = Desk.opened([1, 2, 3], { rotationMode: 'fewestTurns' })
    desk.ok({ type: 'pass', memberId: 1 })
    expect(desk.next(1)).toBe(2)
    expect(desk.next(2)).toBe(3)
  })
})

describe('rule 8: break', () => {
  it('a member on break is skipped and keeps the place', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.ok({ type: 'breakStart', memberId: 1 })
    expect(desk.get(1).status).toBe('break')
    expect(desk.next(1)).toBe(2)
    expect(desk.order()).toEqual([1, 3, 2])
    desk.ok({ type: 'breakEnd', memberId: 1 })
    expect(desk.next(2)).toBe(1)
  })

  it('refuses a break while serving and a break end when not on break', () => {
    const desk = Desk.opened([1, 2])
    desk.next(1)
    expect(desk.refused({ type: 'breakStart', memberId: 1 })).toEqual({ code: 'member_not_available', params: { memberId: 1, status: 'serving' } })
    expect(desk.refused({ type: 'breakEnd', memberId: 2 }).code).toBe('member_not_on_break')
  })
})

describe('rule 12: skills', () => {
  const members = [member(1, ['skin']), member(2, ['surgery', 'injection']), member(3)]

  it('rotation takes the first available member whose skills cover the category', () => {
    const desk = Desk.opened(members)
    expect(nextInTurn(desk.state, desk.policies, 'surgery')).toBe(2)
    expect(desk.next(1, 'surgery')).toBe(2)
    expect(desk.order()).toEqual([1, 3, 2])
    expect(desk.next(2, 'laser')).toBe(3)
    expect(desk.next(3, 'skin')).toBe(1)
  })

  it('refuses when nobody covering the category is available', () => {
    const desk = Desk.opened(members)
    desk.next(1, 'laser')
    expect(desk.refused({ type: 'assignNext', visitId: 2, category: 'laser' })).toEqual({ code: 'no_available_member', params: { category: 'laser' } })
    expect(desk.next(3)).toBe(1)
  })

  it("'fewestTurns' filters by skills too", () => {
    const desk = Desk.opened(members, { rotationMode: 'fewestTurns' })
    expect(desk.next(1, 'injection')).toBe(2)
    desk.ok({ type: 'finish', visitId: 1 })
    // 1 has no turns but is skin only; 3 covers everything and has fewer turns than 2
    expect(desk.next(2, 'injection')).toBe(3)
    desk.ok({ type: 'finish', visitId: 2 })
    expect(desk.next(3, 'injection')).toBe(2)
    expect(desk.get(1).counts.rotationTurns).toBe(0)
  })
})
