/** Decisions that give a visit to a member: rules 2, 4, 5, 9 and 12. */
import type { ServiceCategory } from '../domain/categories.ts'
import type {
  AssignDesignatedCommand,
  AssignManualCommand,
  AssignNextCommand,
  AssignReturningCommand,
  CommandBase,
} from './commands.ts'
import { rotationError } from './errors.ts'
import type { AssignedEvent, EventBase } from './events.ts'
import { accept, checkNewVisit, refuse, requireAvailable, requireReason } from './guards.ts'
import type { Decision } from './guards.ts'
import type { RotationPolicies } from './policies.ts'
import { manualCountsAsTurn } from './policies.ts'
import { findMember, nextInTurn } from './select.ts'
import type { Board, BoardState } from './types.ts'

type AssignedBody = Omit<AssignedEvent, keyof EventBase>

function assigned(fields: Pick<AssignedBody, 'visitId' | 'memberId' | 'how' | 'countsAsTurn'> & Partial<AssignedBody>): AssignedBody {
  return { type: 'assigned', category: null, visitKind: null, absentOwnerId: null, ...fields }
}

/** Rule 2 and 12: the next member in turn takes the visit, goes to the back and counts a turn. */
function byRotation(
  state: BoardState,
  command: CommandBase & { visitId: number },
  policies: RotationPolicies,
  now: Date | string,
  category: ServiceCategory | null,
  absentOwnerId: number | null,
): Decision {
  const memberId = nextInTurn(state, policies, category)
  if (memberId === null) return refuse(rotationError('no_available_member', { category }))
  const body = assigned({ visitId: command.visitId, memberId, how: 'rotation', countsAsTurn: true, category, absentOwnerId })
  return accept(state, command, now, body)
}

export function decideAssignNext(
  state: BoardState, board: Board, command: AssignNextCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  return byRotation(state, command, policies, now, command.category ?? null, null)
}

export function decideDesignated(
  state: BoardState, board: Board, command: AssignDesignatedCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  const found = requireAvailable(board, command.memberId)
  if ('error' in found) return refuse(found.error)
  const body = assigned({
    visitId: command.visitId,
    memberId: command.memberId,
    how: 'designated',
    countsAsTurn: policies.designatedCountsAsTurn,
    category: command.category ?? null,
  })
  return accept(state, command, now, body)
}

/**
 * Rule 5. The own consultant absent (not signed in today, or signed out): by rotation or refused, by
 * policy. Present but serving or on break: refused with member_not_available, the client waits for them
 * (or the desk assigns manually).
 */
export function decideReturning(
  state: BoardState, board: Board, command: AssignReturningCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  const owner = findMember(board, command.ownerId)
  const category = command.category ?? null
  if (owner === undefined || owner.status === 'off') {
    if (policies.returningOwnerAbsent === 'wait') {
      return refuse(rotationError('owner_absent_wait', { ownerId: command.ownerId }))
    }
    return byRotation(state, command, policies, now, category, command.ownerId)
  }
  const found = requireAvailable(board, command.ownerId)
  if ('error' in found) return refuse(found.error)
  const body = assigned({
    visitId: command.visitId,
    memberId: command.ownerId,
    how: 'returning',
    countsAsTurn: policies.returningCountsAsTurn,
    category,
  })
  return accept(state, command, now, body)
}

/** Rule 9: anyone available, with a reason; skills are not checked (the desk chose). */
export function decideManual(
  state: BoardState, board: Board, command: AssignManualCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  const reasonError = requireReason(command)
  if (reasonError !== null) return refuse(reasonError)
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  const found = requireAvailable(board, command.memberId)
  if ('error' in found) return refuse(found.error)
  const visitKind = command.visitKind ?? 'first'
  const body = assigned({
    visitId: command.visitId,
    memberId: command.memberId,
    how: 'manual',
    countsAsTurn: manualCountsAsTurn(policies, visitKind),
    category: command.category ?? null,
    visitKind,
  })
  return accept(state, command, now, body)
}
