/**
 * What the desk asks of a board. A command is decided against the current state (decide.ts); an
 * accepted command becomes exactly one event.
 */
import type { ServiceCategory } from '../domain/categories.ts'
import type { BoardKind, MemberInput, VisitKind } from './types.ts'

export interface CommandBase {
  /** The operator's name, stored in the event. */
  actor?: string | null
  reason?: string | null
}

/** The previous working day, for opening by continuation (rule 1). */
export interface Continuation {
  /** That day's order (see continuationFrom). */
  order: number[]
  /** Who took the last rotation turn that day, or null when nobody did. */
  lastTurnMemberId: number | null
}

export interface OpenCommand extends CommandBase {
  type: 'open'
  date: string
  kind: BoardKind
  /** The on-duty members in sign-in order. */
  members: MemberInput[]
  /** Given: continue from the previous working day; absent or null: sign-in order. */
  continueFrom?: Continuation | null
}

export interface SignInCommand extends CommandBase {
  type: 'signIn'
  member: MemberInput
}

export interface SignOutCommand extends CommandBase {
  type: 'signOut'
  memberId: number
}

export interface BreakStartCommand extends CommandBase {
  type: 'breakStart'
  memberId: number
}

export interface BreakEndCommand extends CommandBase {
  type: 'breakEnd'
  memberId: number
}

/** Rule 2 (+ rule 12): a first-visit client without a designated consultant. */
export interface AssignNextCommand extends CommandBase {
  type: 'assignNext'
  visitId: number
  category?: ServiceCategory | null
}

/** Rule 4. */
export interface AssignDesignatedCommand extends CommandBase {
  type: 'assignDesignated'
  visitId: number
  memberId: number
  category?: ServiceCategory | null
}

/** Rule 5: to the client's own consultant. */
export interface AssignReturningCommand extends CommandBase {
  type: 'assignReturning'
  visitId: number
  ownerId: number
  category?: ServiceCategory | null
}

/**
 * Rule 13: a reported client of a partner store (店家). maintainerId is the consultant who maintains
 * the store when it is A-class, and null for an ordinary store, whose clients go by rotation (顺排轮诊).
 */
export interface AssignPartnerCommand extends CommandBase {
  type: 'assignPartner'
  visitId: number
  storeId: number
  maintainerId: number | null
  category?: ServiceCategory | null
}

/** Rule 9: to anyone available, with a reason. visitKind (default 'first') picks the counting policy. */
export interface AssignManualCommand extends CommandBase {
  type: 'assignManual'
  visitId: number
  memberId: number
  visitKind?: VisitKind | null
  category?: ServiceCategory | null
}

/** Rule 6: memberId must be the member whose turn it is now (guards against a stale screen). */
export interface PassCommand extends CommandBase {
  type: 'pass'
  memberId: number
}

/** Rule 10, with a reason: the full new order of the members on the board. */
export interface ReorderCommand extends CommandBase {
  type: 'reorder'
  order: number[]
}

/** Rule 3: the visit's service ended; its member is available again. */
export interface FinishCommand extends CommandBase {
  type: 'finish'
  visitId: number
}

/** Rule 11. */
export interface UndoCommand extends CommandBase {
  type: 'undo'
}

export type BoardCommand =
  | OpenCommand
  | SignInCommand
  | SignOutCommand
  | BreakStartCommand
  | BreakEndCommand
  | AssignNextCommand
  | AssignDesignatedCommand
  | AssignReturningCommand
  | AssignPartnerCommand
  | AssignManualCommand
  | PassCommand
  | ReorderCommand
  | FinishCommand
  | UndoCommand
