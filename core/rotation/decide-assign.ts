/** Decisions that give a visit to a member: rules 2, 4, 5, 9, 12 and 13. */
import type { ServiceCategory } from '../domain/categories.ts'
import type {
  AssignDesignatedCommand,
  AssignManualCommand,
  AssignNextCommand,
  AssignPartnerCommand,
  AssignReturningCommand,
  CommandBase,
} from './commands.ts'
import { rotationError } from './errors.ts'
import type { RotationError } from './errors.ts'
import type { AssignedEvent, EventBase } from './events.ts'
import { accept, checkNewVisit, isId, refuse, requireAvailable, requireReason } from './guards.ts'
import type { Decision } from './guards.ts'
import type { RotationPolicies } from './policies.ts'
import { manualCountsAsTurn } from './policies.ts'
import { findMember, nextInTurn } from './select.ts'
import type { Board, BoardState } from './types.ts'

type AssignedBody = Omit<AssignedEvent, keyof EventBase>

function assigned(fields: Pick<AssignedBody, 'visitId' | 'memberId' | 'how' | 'countsAsTurn'> & Partial<AssignedBody>): AssignedBody {
  return { type: 'assigned', category: null, visitKind: null, absentOwnerId: null, storeId: null, ...fields }
}

/** What a rotation assignment records besides the member: the absent own consultant or maintainer, the store. */
type RotationNote = Partial<Pick<AssignedBody, 'absentOwnerId' | 'storeId'>>

/** Rule 2 and 12: the next member in turn takes the visit, goes to the back and counts a turn. */
function byRotation(
  state: BoardState,
  command: CommandBase & { visitId: number },
  policies: RotationPolicies,
  now: Date | string,
  category: ServiceCategory | null,
  note: RotationNote,
): Decision {
  const memberId = nextInTurn(state, policies, category)
  if (memberId === null) return refuse(rotationError('no_available_member', { category }))
  const body = assigned({ visitId: command.visitId, memberId, how: 'rotation', countsAsTurn: true, category, ...note })
  return accept(state, command, now, body)
}

/** The consultant a client is bound to: their own consultant (rule 5) or their store's maintainer (rule 13). */
interface Binding {
  memberId: number
  field: 'ownerId' | 'maintainerId'
  how: 'returning' | 'partner'
  countsAsTurn: boolean
  /** The refusal when the consultant is absent and the policy is to wait. */
  absentWait: RotationError
  storeId: number | null
}

/**
 * Rules 5 and 13. The bound consultant absent (not signed in today, or signed out): by rotation or
 * refused, by the policy returningOwnerAbsent. Present but serving or on break: refused with
 * member_not_available, the client waits for them (or the desk assigns manually). Skills are not checked.
 */
function toBoundConsultant(
  state: BoardState,
  board: Board,
  command: CommandBase & { visitId: number; category?: ServiceCategory | null },
  policies: RotationPolicies,
  now: Date | string,
  binding: Binding,
): Decision {
  if (!isId(binding.memberId)) return refuse(rotationError('invalid_input', { field: binding.field }))
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  const bound = findMember(board, binding.memberId)
  const category = command.category ?? null
  if (bound === undefined || bound.status === 'off') {
    if (policies.returningOwnerAbsent === 'wait') return refuse(binding.absentWait)
    return byRotation(state, command, policies, now, category, { absentOwnerId: binding.memberId, storeId: binding.storeId })
  }
  const found = requireAvailable(board, binding.memberId)
  if ('error' in found) return refuse(found.error)
  const body = assigned({
    visitId: command.visitId,
    memberId: binding.memberId,
    how: binding.how,
    countsAsTurn: binding.countsAsTurn,
    category,
    storeId: binding.storeId,
  })
  return accept(state, command, now, body)
}

export function decideAssignNext(
  state: BoardState, board: Board, command: AssignNextCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  const visitError = checkNewVisit(board, command.visitId)
  if (visitError !== null) return refuse(visitError)
  return byRotation(state, command, policies, now, command.category ?? null, {})
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

/** Rule 5: to the client's own consultant (see toBoundConsultant). */
export function decideReturning(
  state: BoardState, board: Board, command: AssignReturningCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  return toBoundConsultant(state, board, command, policies, now, {
    memberId: command.ownerId,
    field: 'ownerId',
    how: 'returning',
    countsAsTurn: policies.returningCountsAsTurn,
    absentWait: rotationError('owner_absent_wait', { ownerId: command.ownerId }),
    storeId: null,
  })
}

/**
 * Rule 13: a client of an A-class store goes to the maintainer as a returning client goes to their own
 * consultant (see toBoundConsultant), counted by partnerCountsAsTurn; a client of an ordinary store
 * (maintainerId null) goes by rotation. The store is recorded either way.
 */
export function decidePartner(
  state: BoardState, board: Board, command: AssignPartnerCommand, policies: RotationPolicies, now: Date | string,
): Decision {
  if (!isId(command.storeId)) return refuse(rotationError('invalid_input', { field: 'storeId' }))
  const { maintainerId, storeId } = command
  if (maintainerId === null) {
    const visitError = checkNewVisit(board, command.visitId)
    if (visitError !== null) return refuse(visitError)
    return byRotation(state, command, policies, now, command.category ?? null, { storeId })
  }
  return toBoundConsultant(state, board, command, policies, now, {
    memberId: maintainerId,
    field: 'maintainerId',
    how: 'partner',
    countsAsTurn: policies.partnerCountsAsTurn,
    absentWait: rotationError('maintainer_absent_wait', { maintainerId, storeId }),
    storeId,
  })
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
