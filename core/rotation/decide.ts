/**
 * decide(state, command, policies, now): the one place where board rules are applied. It returns the
 * event to store, or a refusal with a code. It is pure; the caller stores the event and folds it.
 */
import type { BoardCommand, OpenCommand, PassCommand, ReorderCommand } from './commands.ts'
import { decideAssignNext, decideDesignated, decideManual, decidePartner, decideReturning } from './decide-assign.ts'
import { rotationError } from './errors.ts'
import {
  accept, checkMemberInput, isId, refuse, requireAvailable, requireOnBoard, requireReason,
} from './guards.ts'
import type { Decision } from './guards.ts'
import { openingOrder } from './opening.ts'
import type { RotationPolicies } from './policies.ts'
import { findMember, memberServing, nextInTurn } from './select.ts'
import type { Board, BoardState } from './types.ts'
import { BOARD_KINDS } from './types.ts'

export type { Decision }

export function decide(state: BoardState, command: BoardCommand, policies: RotationPolicies, now: Date | string): Decision {
  if (command.type === 'open') return decideOpen(state, command, now)
  const board = state.board
  if (board === null) return refuse(rotationError('board_not_open'))
  switch (command.type) {
    case 'signIn': {
      const inputError = checkMemberInput(command.member)
      if (inputError !== null) return refuse(inputError)
      const existing = findMember(board, command.member.id)
      if (existing !== undefined && existing.status !== 'off') {
        return refuse(rotationError('member_already_on_board', { memberId: command.member.id }))
      }
      const { id, name, skills } = command.member
      return accept(state, command, now, { type: 'signedIn', member: { id, name, skills: [...skills] } })
    }
    case 'signOut': {
      const found = requireOnBoard(board, command.memberId)
      if ('error' in found) return refuse(found.error)
      if (found.member.status === 'serving') {
        return refuse(rotationError('member_not_available', { memberId: command.memberId, status: 'serving' }))
      }
      return accept(state, command, now, { type: 'signedOut', memberId: command.memberId })
    }
    case 'breakStart': {
      const found = requireAvailable(board, command.memberId)
      if ('error' in found) return refuse(found.error)
      return accept(state, command, now, { type: 'breakStarted', memberId: command.memberId })
    }
    case 'breakEnd': {
      const found = requireOnBoard(board, command.memberId)
      if ('error' in found) return refuse(found.error)
      if (found.member.status !== 'break') return refuse(rotationError('member_not_on_break', { memberId: command.memberId }))
      return accept(state, command, now, { type: 'breakEnded', memberId: command.memberId })
    }
    case 'assignNext':
      return decideAssignNext(state, board, command, policies, now)
    case 'assignDesignated':
      return decideDesignated(state, board, command, policies, now)
    case 'assignReturning':
      return decideReturning(state, board, command, policies, now)
    case 'assignPartner':
      return decidePartner(state, board, command, policies, now)
    case 'assignManual':
      return decideManual(state, board, command, policies, now)
    case 'pass':
      return decidePass(state, board, command, policies, now)
    case 'reorder':
      return decideReorder(state, board, command, now)
    case 'finish': {
      if (!isId(command.visitId)) return refuse(rotationError('invalid_input', { field: 'visitId' }))
      const member = memberServing(board, command.visitId)
      if (member === undefined) return refuse(rotationError('visit_not_being_served', { visitId: command.visitId }))
      return accept(state, command, now, { type: 'finished', visitId: command.visitId, memberId: member.id })
    }
    case 'undo': {
      const top = state.undo.at(-1)
      if (top === undefined) return refuse(rotationError('nothing_to_undo'))
      return accept(state, command, now, { type: 'undone', undoneSeq: top.seq })
    }
  }
}

function decideOpen(state: BoardState, command: OpenCommand, now: Date | string): Decision {
  if (state.board !== null) return refuse(rotationError('board_already_open'))
  if (typeof command.date !== 'string' || command.date === '' || !BOARD_KINDS.includes(command.kind)) {
    return refuse(rotationError('invalid_input', { field: 'board' }))
  }
  for (const member of command.members) {
    const inputError = checkMemberInput(member)
    if (inputError !== null) return refuse(inputError)
  }
  const ids = command.members.map((m) => m.id)
  if (new Set(ids).size !== ids.length) return refuse(rotationError('invalid_order', { field: 'members' }))
  const members = openingOrder(command.members, command.continueFrom).map((m) => ({ id: m.id, name: m.name, skills: [...m.skills] }))
  const mode = command.continueFrom === null || command.continueFrom === undefined ? 'signIn' : 'continue'
  return accept(state, command, now, { type: 'opened', date: command.date, kind: command.kind, mode, members })
}

/** Rule 6: only the member whose turn it is now may pass (in 'fewestTurns' too: see policies.ts). */
function decidePass(state: BoardState, board: Board, command: PassCommand, policies: RotationPolicies, now: Date | string): Decision {
  const found = requireAvailable(board, command.memberId)
  if ('error' in found) return refuse(found.error)
  const expected = nextInTurn(state, policies, null)
  if (expected !== command.memberId) {
    return refuse(rotationError('not_members_turn', { memberId: command.memberId, expectedMemberId: expected }))
  }
  return accept(state, command, now, { type: 'passed', memberId: command.memberId })
}

/** Rule 10: a reason and a permutation of the members on the board. */
function decideReorder(state: BoardState, board: Board, command: ReorderCommand, now: Date | string): Decision {
  const reasonError = requireReason(command)
  if (reasonError !== null) return refuse(reasonError)
  const order = command.order
  const same =
    Array.isArray(order) &&
    order.length === board.order.length &&
    new Set(order).size === order.length &&
    order.every((id) => board.order.includes(id))
  if (!same) return refuse(rotationError('invalid_order'))
  return accept(state, command, now, { type: 'reordered', order: [...order] })
}

/** Convenience for the UI: the order with one member moved to a position (0 = front). */
export function moveInOrder(order: readonly number[], memberId: number, toIndex: number): number[] {
  const rest = order.filter((id) => id !== memberId)
  if (rest.length === order.length) return [...order]
  const at = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)))
  return [...rest.slice(0, at), memberId, ...rest.slice(at)]
}
