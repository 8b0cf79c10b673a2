/**
 * The pure fold: applyEvent(state, event) -> state, replay(events) -> state. It trusts the decisions in
 * the events and never looks at policies; it throws RotationReplayError only when an event cannot follow
 * the state at all (a gap in seq, an unknown member), i.e. a corrupt log. Nothing is mutated: boards
 * kept on the undo stack are shared, never changed.
 */
import { RotationReplayError } from './errors.ts'
import type { AssignedEvent, BoardEvent } from './events.ts'
import { findMember } from './select.ts'
import type { Board, BoardMember, BoardState, MemberInput } from './types.ts'
import { emptyCounts, initialState } from './types.ts'

export function replay(events: readonly BoardEvent[]): BoardState {
  return events.reduce(applyEvent, initialState())
}

export function applyEvent(state: BoardState, event: BoardEvent): BoardState {
  if (event.seq !== state.lastSeq + 1) {
    throw new RotationReplayError(event.seq, `expected seq ${state.lastSeq + 1}`)
  }
  if (event.type === 'opened') {
    if (state.board !== null) throw new RotationReplayError(event.seq, 'board opened twice')
    return { lastSeq: event.seq, board: openBoard(event.date, event.kind, event.mode, event.members, event.at), undo: [] }
  }
  const board = state.board
  if (board === null) throw new RotationReplayError(event.seq, 'board not opened')
  if (event.type === 'undone') {
    const top = state.undo.at(-1)
    if (top === undefined || top.seq !== event.undoneSeq) {
      throw new RotationReplayError(event.seq, `cannot undo event ${event.undoneSeq}`)
    }
    return { lastSeq: event.seq, board: top.board, undo: state.undo.slice(0, -1) }
  }
  return {
    lastSeq: event.seq,
    board: applyToBoard(board, event),
    undo: [...state.undo, { seq: event.seq, type: event.type, board }],
  }
}

function openBoard(date: string, kind: Board['kind'], mode: Board['mode'], members: MemberInput[], at: string): Board {
  return {
    date,
    kind,
    mode,
    order: members.map((m) => m.id),
    members: members.map((m) => newMember(m, at)),
    assignments: [],
    lastTurn: null,
  }
}

function newMember(input: MemberInput, at: string): BoardMember {
  return { id: input.id, name: input.name, skills: [...input.skills], status: 'available', visitId: null, since: at, counts: emptyCounts() }
}

type BoardChange = Exclude<BoardEvent, { type: 'opened' } | { type: 'undone' }>

function applyToBoard(board: Board, event: BoardChange): Board {
  switch (event.type) {
    case 'signedIn': {
      const input = event.member
      const known = findMember(board, input.id) !== undefined
      const members = known
        ? updateMember(board, input.id, event.seq, (m) => ({
            ...m, name: input.name, skills: [...input.skills], status: 'available', visitId: null, since: event.at,
          }))
        : [...board.members, newMember(input, event.at)]
      return { ...board, members, order: [...board.order.filter((id) => id !== input.id), input.id] }
    }
    case 'signedOut':
      return {
        ...board,
        order: board.order.filter((id) => id !== event.memberId),
        members: updateMember(board, event.memberId, event.seq, (m) => ({ ...m, status: 'off', visitId: null, since: event.at })),
      }
    case 'breakStarted':
      return { ...board, members: updateMember(board, event.memberId, event.seq, (m) => ({ ...m, status: 'break', since: event.at })) }
    case 'breakEnded':
      return { ...board, members: updateMember(board, event.memberId, event.seq, (m) => ({ ...m, status: 'available', since: event.at })) }
    case 'assigned':
      return assign(board, event)
    case 'passed':
      return {
        ...board,
        order: toBack(board.order, event.memberId),
        members: updateMember(board, event.memberId, event.seq, (m) => ({ ...m, counts: { ...m.counts, passes: m.counts.passes + 1 } })),
      }
    case 'reordered':
      return { ...board, order: [...event.order] }
    case 'finished':
      return {
        ...board,
        members: updateMember(board, event.memberId, event.seq, (m) => ({ ...m, status: 'available', visitId: null, since: event.at })),
        assignments: board.assignments.map((a) => (a.visitId === event.visitId ? { ...a, finishedAt: event.at } : a)),
      }
  }
}

function assign(board: Board, event: AssignedEvent): Board {
  const turn = event.countsAsTurn ? 1 : 0
  const members = updateMember(board, event.memberId, event.seq, (m) => {
    const c = m.counts
    return {
      ...m,
      status: 'serving',
      visitId: event.visitId,
      since: event.at,
      counts: {
        ...c,
        rotationTurns: c.rotationTurns + turn,
        [event.how]: c[event.how] + 1,
        totalClients: c.totalClients + 1,
      },
    }
  })
  const order = event.countsAsTurn ? toBack(board.order, event.memberId) : board.order
  const assignment = {
    visitId: event.visitId, memberId: event.memberId, how: event.how, countsAsTurn: event.countsAsTurn,
    seq: event.seq, at: event.at, finishedAt: null,
  }
  return {
    ...board,
    order,
    members,
    assignments: [...board.assignments, assignment],
    lastTurn: event.countsAsTurn ? { memberId: event.memberId, orderAfter: order } : board.lastTurn,
  }
}

function updateMember(board: Board, memberId: number, seq: number, change: (m: BoardMember) => BoardMember): BoardMember[] {
  if (findMember(board, memberId) === undefined) throw new RotationReplayError(seq, `unknown member ${memberId}`)
  return board.members.map((m) => (m.id === memberId ? change(m) : m))
}

function toBack(order: readonly number[], memberId: number): number[] {
  return [...order.filter((id) => id !== memberId), memberId]
}
