/**
 * Stored events of one board: a discriminated union on `type`. Each is plain JSON; the db layer keeps
 * them as (board_date, board_kind, seq, type, payload JSON). Decisions are recorded in the event (who
 * got the client, whether it counted as a turn), so replay never depends on the policies in force later.
 */
import type { ServiceCategory } from '../domain/categories.ts'
import type { AssignHow, BoardKind, MemberInput, OpenMode, VisitKind } from './types.ts'

export interface EventBase {
  /** 1, 2, 3… per board, without gaps. */
  seq: number
  /** ISO-8601 UTC. */
  at: string
  /** The operator's name, or null for the system. */
  actor: string | null
  /** Why; required (non-empty) for manual assignment and reorder, optional elsewhere. */
  reason: string | null
}

/** Rule 1. `members` is the decided opening order, front first. */
export interface OpenedEvent extends EventBase {
  type: 'opened'
  date: string
  kind: BoardKind
  mode: OpenMode
  members: MemberInput[]
}

/** Rule 7: joins at the back (a member who signed out earlier today comes back with their counts). */
export interface SignedInEvent extends EventBase {
  type: 'signedIn'
  member: MemberInput
}

/** Rule 7: leaves the board; counts and assignments stay. */
export interface SignedOutEvent extends EventBase {
  type: 'signedOut'
  memberId: number
}

/** Rule 8. */
export interface BreakStartedEvent extends EventBase {
  type: 'breakStarted'
  memberId: number
}

export interface BreakEndedEvent extends EventBase {
  type: 'breakEnded'
  memberId: number
}

/** Rules 2, 4, 5, 9, 12, 13: a visit given to a member. */
export interface AssignedEvent extends EventBase {
  type: 'assigned'
  visitId: number
  memberId: number
  how: AssignHow
  /** Decided from the policies at the time: true moves the member to the back and counts a turn. */
  countsAsTurn: boolean
  /** The client's intended category, used by the skills filter of rotation (rule 12). */
  category: ServiceCategory | null
  /** Manual assignments only: the kind of client, which chose the counting policy. */
  visitKind: VisitKind | null
  /** A returning client whose own consultant was absent (rule 5), or a client of an A-class partner store
   *  whose maintainer was absent (rule 13), who went by rotation instead: that consultant. */
  absentOwnerId: number | null
  /** The partner store of a reported client (rule 13), whichever way they went; null otherwise. Events
   *  stored before rule 13 have no such field and read back as null. */
  storeId: number | null
}

/** Rule 6: the member whose turn it was goes to the back. */
export interface PassedEvent extends EventBase {
  type: 'passed'
  memberId: number
}

/** Rule 10: the whole new order (a permutation of the old one). */
export interface ReorderedEvent extends EventBase {
  type: 'reordered'
  order: number[]
}

/** Rule 3: the member finished the visit and is available again, in the place they kept. */
export interface FinishedEvent extends EventBase {
  type: 'finished'
  visitId: number
  memberId: number
}

/** Rule 11: the event numbered undoneSeq is undone; the board returns to the state before it. */
export interface UndoneEvent extends EventBase {
  type: 'undone'
  undoneSeq: number
}

export type BoardEvent =
  | OpenedEvent
  | SignedInEvent
  | SignedOutEvent
  | BreakStartedEvent
  | BreakEndedEvent
  | AssignedEvent
  | PassedEvent
  | ReorderedEvent
  | FinishedEvent
  | UndoneEvent

export type BoardEventType = BoardEvent['type']

export const BOARD_EVENT_TYPES = [
  'opened',
  'signedIn',
  'signedOut',
  'breakStarted',
  'breakEnded',
  'assigned',
  'passed',
  'reordered',
  'finished',
  'undone',
] as const satisfies readonly BoardEventType[]

/** An event without its envelope, as decide builds it before stamping seq, at, actor and reason. */
export type EventBody = BoardEvent extends infer E ? (E extends BoardEvent ? Omit<E, keyof EventBase> : never) : never
