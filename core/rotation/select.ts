/** Read-only questions about a board state, shared by decide and the UI. */
import type { ServiceCategory } from '../domain/categories.ts'
import type { RotationPolicies } from './policies.ts'
import type { Board, BoardMember, BoardState } from './types.ts'

export function findMember(board: Board, memberId: number): BoardMember | undefined {
  return board.members.find((m) => m.id === memberId)
}

/** The members on the board, front first (off members are not on it). */
export function membersInOrder(state: BoardState): BoardMember[] {
  const board = state.board
  if (board === null) return []
  return board.order.map((id) => {
    const member = findMember(board, id)
    if (member === undefined) throw new Error(`member ${id} in the order but not on the board`)
    return member
  })
}

/** Rule 12: empty skills serve every category; a client without an intended category fits anyone. */
export function coversCategory(member: Pick<BoardMember, 'skills'>, category: ServiceCategory | null | undefined): boolean {
  if (category === null || category === undefined) return true
  return member.skills.length === 0 || member.skills.includes(category)
}

/** Turns a member has used today, for 'fewestTurns' (a pass uses the turn it gave up). */
export function turnsUsed(member: BoardMember): number {
  return member.counts.rotationTurns + member.counts.passes
}

/**
 * Who would get the next rotation client (rules 2, 3, 8, 12), or null when nobody can. Serving, on-break
 * and off members are never chosen; skipped members keep their place. decide uses this very function.
 */
export function nextInTurn(
  state: BoardState,
  policies: RotationPolicies,
  category?: ServiceCategory | null,
): number | null {
  const eligible = membersInOrder(state).filter((m) => m.status === 'available' && coversCategory(m, category))
  const [first, ...rest] = eligible
  if (first === undefined) return null
  if (policies.rotationMode === 'order') return first.id
  let best = first
  for (const member of rest) if (turnsUsed(member) < turnsUsed(best)) best = member
  return best.id
}

/** The member serving a visit, if any. */
export function memberServing(board: Board, visitId: number): BoardMember | undefined {
  return board.members.find((m) => m.status === 'serving' && m.visitId === visitId)
}
