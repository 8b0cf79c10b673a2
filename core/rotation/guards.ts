/** The checks decide makes, each returning a refusal or null, and the stamping of an accepted event. */
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import type { CommandBase } from './commands.ts'
import { rotationError } from './errors.ts'
import type { RotationError } from './errors.ts'
import type { BoardEvent, EventBase, EventBody } from './events.ts'
import { findMember } from './select.ts'
import type { Board, BoardMember, BoardState, MemberInput } from './types.ts'

export type Decision = { ok: true; event: BoardEvent } | { ok: false; error: RotationError }

export function refuse(error: RotationError): Decision {
  return { ok: false, error }
}

export function accept(state: BoardState, command: CommandBase, now: Date | string, body: EventBody): Decision {
  const base: EventBase = {
    seq: state.lastSeq + 1,
    at: typeof now === 'string' ? new Date(now).toISOString() : now.toISOString(),
    actor: command.actor ?? null,
    reason: cleanReason(command.reason),
  }
  return { ok: true, event: { ...body, ...base } as BoardEvent }
}

export function cleanReason(reason: string | null | undefined): string | null {
  const trimmed = typeof reason === 'string' ? reason.trim() : ''
  return trimmed === '' ? null : trimmed
}

export function requireReason(command: CommandBase): RotationError | null {
  return cleanReason(command.reason) === null ? rotationError('reason_required') : null
}

export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

export function checkMemberInput(member: MemberInput): RotationError | null {
  const ok =
    isId(member.id) &&
    typeof member.name === 'string' &&
    Array.isArray(member.skills) &&
    member.skills.every((s) => (SERVICE_CATEGORIES as readonly string[]).includes(s))
  return ok ? null : rotationError('invalid_input', { field: 'member', memberId: isId(member.id) ? member.id : null })
}

/** A visit id that is valid and not yet given to anyone on this board. */
export function checkNewVisit(board: Board, visitId: number): RotationError | null {
  if (!isId(visitId)) return rotationError('invalid_input', { field: 'visitId' })
  const existing = board.assignments.find((a) => a.visitId === visitId)
  if (existing !== undefined) return rotationError('visit_already_assigned', { visitId, memberId: existing.memberId })
  return null
}

/** On the board today: known and not signed out. */
export function requireOnBoard(board: Board, memberId: number): { member: BoardMember } | { error: RotationError } {
  const member = findMember(board, memberId)
  if (member === undefined) return { error: rotationError('member_not_on_board', { memberId }) }
  if (member.status === 'off') return { error: rotationError('member_not_available', { memberId, status: 'off' }) }
  return { member }
}

/** Can take a client now: on the board and neither serving nor on break. */
export function requireAvailable(board: Board, memberId: number): { member: BoardMember } | { error: RotationError } {
  const found = requireOnBoard(board, memberId)
  if ('error' in found) return found
  if (found.member.status !== 'available') {
    return { error: rotationError('member_not_available', { memberId, status: found.member.status }) }
  }
  return found
}
