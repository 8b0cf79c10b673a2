/** Actions the desk must refuse, with the state left as it was. */
import { describe, expect, it } from 'vitest'
import { Desk, member } from './harness.ts'

describe('wrong actions', () => {
  it('refuses every command before the day is opened, and opening twice', () => {
    const desk = new Desk()
    expect(desk.refused({ type: 'assignNext', visitId: 1 }).code).toBe('board_not_open')
    expect(desk.refused({ type: 'undo' }).code).toBe('board_not_open')
    desk.ok({ type: 'open', date: '2025-03-01', kind: 'doctor', members: [member(1)] })
    expect(desk.state.board?.kind).toBe('doctor')
    expect(desk.refused({ type: 'open', date: '2025-03-01', kind: 'doctor', members: [] }).code).toBe('board_already_open')
  })

  it('refuses to open with a member twice or a bad member', () => {
    const desk = new Desk()
    expect(desk.refused({ type: 'open', date: 'd', kind: 'nurse', members: [member(1), member(1)] }).code).toBe('invalid_order')
    expect(desk.refused({ type: 'open', date: 'd', kind: 'nurse', members: [member(0)] }).code).toBe('invalid_input')
    expect(desk.refused({ type: 'open', date: 'd', kind: 'nurse', members: [{ id: 2, name: 'x', skills: ['magic' as 'skin'] }] }).code).toBe('invalid_input')
  })

  it('refuses to give a client to a member who is off, serving, on break or not on the board', () => {
    const desk = Desk.opened([1, 2, 3, 4])
    desk.ok({ type: 'signOut', memberId: 1 })
    desk.next(10)
    desk.ok({ type: 'breakStart', memberId: 3 })
    expect(desk.refused({ type: 'assignDesignated', visitId: 11, memberId: 1 })).toEqual({ code: 'member_not_available', params: { memberId: 1, status: 'off' } })
    expect(desk.refused({ type: 'assignDesignated', visitId: 11, memberId: 2 })).toEqual({ code: 'member_not_available', params: { memberId: 2, status: 'serving' } })
    expect(desk.refused({ type: 'assignManual', visitId: 11, memberId: 3, reason: 'r' })).toEqual({ code: 'member_not_available', params: { memberId: 3, status: 'break' } })
    expect(desk.refused({ type: 'assignDesignated', visitId: 11, memberId: 99 })).toEqual({ code: 'member_not_on_board', params: { memberId: 99 } })
    expect(desk.next(11)).toBe(4)
    expect(desk.refused({ type: 'assignNext', visitId: 12 })).toEqual({ code: 'no_available_member', params: { category: null } })
  })

  it('never assigns one visit twice', () => {
    const desk = Desk.opened([1, 2, 3])
    desk.next(10)
    expect(desk.refused({ type: 'assignNext', visitId: 10 })).toEqual({ code: 'visit_already_assigned', params: { visitId: 10, memberId: 1 } })
    expect(desk.refused({ type: 'assignDesignated', visitId: 10, memberId: 2 }).code).toBe('visit_already_assigned')
    desk.ok({ type: 'finish', visitId: 10 })
    expect(desk.refused({ type: 'assignReturning', visitId: 10, ownerId: 1 }).code).toBe('visit_already_assigned')
    expect(desk.refused({ type: 'assignManual', visitId: 10, memberId: 3, reason: 'r' }).code).toBe('visit_already_assigned')
  })

  it('refuses undo with nothing to undo', () => {
    const desk = Desk.opened([1])
    expect(desk.refused({ type: 'undo' })).toEqual({ code: 'nothing_to_undo', params: {} })
  })

  it('refuses to finish a visit nobody is serving, and bad visit ids', () => {
    const desk = Desk.opened([1])
    expect(desk.refused({ type: 'finish', visitId: 10 })).toEqual({ code: 'visit_not_being_served', params: { visitId: 10 } })
    desk.next(10)
    desk.ok({ type: 'finish', visitId: 10 })
    expect(desk.refused({ type: 'finish', visitId: 10 }).code).toBe('visit_not_being_served')
    expect(desk.refused({ type: 'assignNext', visitId: 1.5 }).code).toBe('invalid_input')
    expect(desk.refused({ type: 'assignNext', visitId: -3 }).code).toBe('invalid_input')
  })

  it('refuses sign-out or break of someone not on the board', () => {
    const desk = Desk.opened([1])
    expect(desk.refused({ type: 'signOut', memberId: 5 }).code).toBe('member_not_on_board')
    desk.ok({ type: 'signOut', memberId: 1 })
    expect(desk.refused({ type: 'signOut', memberId: 1 })).toEqual({ code: 'member_not_available', params: { memberId: 1, status: 'off' } })
    expect(desk.refused({ type: 'breakStart', memberId: 1 }).code).toBe('member_not_available')
    expect(desk.refused({ type: 'pass', memberId: 1 }).code).toBe('member_not_available')
  })
})
