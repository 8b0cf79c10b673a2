/**
 * Fairness figures from the board: per member counts for a day, or summed over a period. Deals,
 * conversion and revenue come from visits and are joined by the db layer.
 */
import type { BoardState, MemberCounts } from './types.ts'
import { emptyCounts } from './types.ts'

export interface MemberFigures extends MemberCounts {
  memberId: number
  name: string
  /** Days on which the member was on this kind of board. */
  days: number
}

const COUNT_KEYS = ['rotationTurns', 'rotation', 'designated', 'returning', 'manual', 'partner', 'passes', 'totalClients'] as const satisfies readonly (keyof MemberCounts)[]

/** Per member of one day's board, in order of first sign-in. */
export function dayFigures(state: BoardState): MemberFigures[] {
  return periodFigures([state])
}

/** Summed per member over several day boards (same kind), in order of first appearance; the latest name wins. */
export function periodFigures(states: readonly BoardState[]): MemberFigures[] {
  const byId = new Map<number, MemberFigures>()
  for (const state of states) {
    for (const member of state.board?.members ?? []) {
      const figures = byId.get(member.id) ?? { memberId: member.id, name: member.name, days: 0, ...emptyCounts() }
      figures.name = member.name
      figures.days += 1
      for (const key of COUNT_KEYS) figures[key] += member.counts[key]
      byId.set(member.id, figures)
    }
  }
  return [...byId.values()]
}
