import { z } from 'zod'
import { BOARD_KINDS, type BoardKind, type MemberCounts, type MemberStatus, type OpenMode } from '../rotation/index.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const kind = z.enum(BOARD_KINDS).default('consultant')
const reason = z.string().trim().max(200, 'validation.tooLong')
const requiredReason = reason.min(1, 'validation.reasonRequired')
const isoDate = z.iso.date('validation.date')

export interface BoardMemberView {
  id: number
  name: string
  room: string
  status: MemberStatus
  /** Place in the order, 0 = front; null when signed out. */
  position: number | null
  visitId: number | null
  visitQueueNo: string | null
  since: string
  counts: MemberCounts
}

export interface BoardView {
  date: string
  kind: BoardKind
  opened: boolean
  mode: OpenMode | null
  /** On the board first, in order; then those who signed out today. */
  members: BoardMemberView[]
  /** Who gets the next first-visit client by rotation, if anyone is available. */
  nextMemberId: number | null
  /** What undo would take back, or null. */
  undoable: { seq: number; type: string } | null
  lastEvent: { seq: number; type: string; at: string; actor: string | null; reason: string | null } | null
}

export interface FairnessRow extends MemberCounts {
  memberId: number
  name: string
  days: number
  deals: number
  /** Deals over consultations with an outcome, 0..1; null when no outcome yet. */
  conversionRate: number | null
}

const memberAction = z.object({ kind, memberId: idSchema }).strict()

export const rotationMethods = {
  'rotation.board': method<BoardView>()({
    input: z.object({ kind, date: isoDate.optional() }).strict(),
    writes: false,
    permission: 'read',
  }),
  'rotation.open': method<BoardView>()({
    input: z.object({ kind, memberIds: z.array(idSchema).min(1, 'validation.required').max(100) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'rotation.signIn': method<BoardView>()({ input: memberAction, writes: true, permission: 'desk' }),
  'rotation.signOut': method<BoardView>()({ input: memberAction, writes: true, permission: 'desk' }),
  'rotation.breakStart': method<BoardView>()({ input: memberAction, writes: true, permission: 'desk' }),
  'rotation.breakEnd': method<BoardView>()({ input: memberAction, writes: true, permission: 'desk' }),
  'rotation.pass': method<BoardView>()({
    input: z.object({ kind, memberId: idSchema, reason: reason.optional() }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'rotation.reorder': method<BoardView>()({
    input: z.object({ kind, order: z.array(idSchema).min(1).max(100), reason: requiredReason }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'rotation.undo': method<BoardView>()({ input: z.object({ kind }).strict(), writes: true, permission: 'desk' }),
  'rotation.figures': method<FairnessRow[]>()({
    input: z
      .object({ kind, from: isoDate, to: isoDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'validation.dateRange', path: ['to'] }),
    writes: false,
    permission: 'read',
  }),
}
