/**
 * The rotation board (轮牌) as data. One board per day and kind; its state is the fold of its events
 * (see reducer.ts). Every value here is plain JSON: no undefined, no Date, no Map, so a state rebuilt
 * from events read back from the database deep-equals the state built live.
 */
import type { ServiceCategory } from '../domain/categories.ts'

export const BOARD_KINDS = ['consultant', 'doctor', 'nurse'] as const
export type BoardKind = (typeof BOARD_KINDS)[number]

/** available 空闲, serving 接待中, break 暂离, off 下班 (signed out: no longer in the order). */
export const MEMBER_STATUSES = ['available', 'serving', 'break', 'off'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** How a client reached a member: rule 2 rotation, rule 4 designated, rule 5 returning, rule 9 manual,
 *  rule 13 partner (a reported client of an A-class partner store, to the consultant who maintains it). */
export const ASSIGN_HOWS = ['rotation', 'designated', 'returning', 'manual', 'partner'] as const
export type AssignHow = (typeof ASSIGN_HOWS)[number]

/** What kind of client a manual assignment was for; it picks the policy that decides whether it is a turn. */
export const VISIT_KINDS = ['first', 'designated', 'returning', 'partner'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]

/** sign-in order, or continuing from the previous working day (rule 1). */
export type OpenMode = 'signIn' | 'continue'

/** Who joins the board: taken from the staff record at sign-in. Empty skills = serves every category. */
export interface MemberInput {
  id: number
  name: string
  skills: ServiceCategory[]
}

/** Per member, per board day. */
export interface MemberCounts {
  /** Assignments that counted as a turn (moved the member to the back): every rotation client, plus
   *  designated / returning / manual / partner clients when their policy counts them. */
  rotationTurns: number
  /** Clients given by rotation (rule 2), including returning clients whose own consultant was absent and
   *  partner-store clients who went by rotation (ordinary store, or the A-class maintainer absent). */
  rotation: number
  designated: number
  returning: number
  manual: number
  /** Clients of an A-class partner store given to the consultant who maintains the store (rule 13). */
  partner: number
  /** Turns given up (rule 6). */
  passes: number
  /** rotation + designated + returning + manual + partner. */
  totalClients: number
}

export interface BoardMember extends MemberInput {
  status: MemberStatus
  /** The visit being served, when status is 'serving'; otherwise null. */
  visitId: number | null
  /** When the current status began (ISO UTC). */
  since: string
  counts: MemberCounts
}

export interface Assignment {
  visitId: number
  memberId: number
  how: AssignHow
  countsAsTurn: boolean
  seq: number
  at: string
  /** Set when the member finished serving this visit. */
  finishedAt: string | null
}

/** The member who took the last turn, with the order right after it (they are at its back). */
export interface LastTurn {
  memberId: number
  orderAfter: number[]
}

export interface Board {
  date: string
  kind: BoardKind
  mode: OpenMode
  /** Ids of the members on the board, front first. Off members are not in it. */
  order: number[]
  /** Everyone who was on the board today, in order of first sign-in, off members included. */
  members: BoardMember[]
  assignments: Assignment[]
  lastTurn: LastTurn | null
}

/** A board as it was before the event numbered `seq`; popped by undo. */
export interface UndoEntry {
  seq: number
  type: string
  board: Board
}

export interface BoardState {
  /** seq of the last event applied; the next event must carry lastSeq + 1. */
  lastSeq: number
  /** null until the day is opened. */
  board: Board | null
  /** Boards before each undoable event, oldest first. */
  undo: UndoEntry[]
}

export function emptyCounts(): MemberCounts {
  return { rotationTurns: 0, rotation: 0, designated: 0, returning: 0, manual: 0, partner: 0, passes: 0, totalClients: 0 }
}

export function initialState(): BoardState {
  return { lastSeq: 0, board: null, undo: [] }
}
