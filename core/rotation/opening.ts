/** Rule 1: the opening order of a day, by sign-in or continuing from the previous working day. */
import type { Continuation } from './commands.ts'
import type { BoardState, MemberInput } from './types.ts'

/**
 * The opening order. Without continuation: sign-in order as given. With it: the previous day's order
 * turned so that it starts with the one after whoever took the last turn; members not on duty today are
 * left out, and members who were not on yesterday's board follow at the back in sign-in order.
 */
export function openingOrder(members: readonly MemberInput[], continueFrom?: Continuation | null): MemberInput[] {
  if (continueFrom === null || continueFrom === undefined) return [...members]
  const previous = continueFrom.order
  const at = continueFrom.lastTurnMemberId === null ? -1 : previous.indexOf(continueFrom.lastTurnMemberId)
  const turned = at < 0 ? previous : [...previous.slice(at + 1), ...previous.slice(0, at + 1)]
  const byId = new Map(members.map((m) => [m.id, m]))
  const carried = turned.flatMap((id) => {
    const member = byId.get(id)
    return member === undefined ? [] : [member]
  })
  const carriedIds = new Set(carried.map((m) => m.id))
  return [...carried, ...members.filter((m) => !carriedIds.has(m.id))]
}

/**
 * What the next working day needs to continue from this day's board: the order as it stood right after
 * the last turn (the taker at its back), then anyone else who was on the board today; and that taker.
 * With no turn today, the order at the end of the day, then those who signed out.
 */
export function continuationFrom(state: BoardState): Continuation {
  const board = state.board
  if (board === null) return { order: [], lastTurnMemberId: null }
  const base = board.lastTurn === null ? board.order : board.lastTurn.orderAfter
  const rest = board.members.map((m) => m.id).filter((id) => !base.includes(id))
  return { order: [...base, ...rest], lastTurnMemberId: board.lastTurn?.memberId ?? null }
}
