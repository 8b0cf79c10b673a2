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
  /** Today's assignments of the board, oldest first: who took which visit, and whether they finished it.
   *  The nurse board's list says which paid visits were handed over (交给护士) and to whom. */
  assignments?: BoardAssignmentView[]
}

export interface BoardAssignmentView {
  visitId: number
  queueNo: string | null
  memberId: number
  memberName: string
  at: string
  finishedAt: string | null
}

/** The hand-over after payment: the visit and the nurse who took it, with the nurse board as it is now. */
export interface NurseHandOver {
  visitId: number
  queueNo: string
  nurseId: number
  nurseName: string
  board: BoardView
}

/** The hand-over to a doctor (请医生): the visit, now 专家面诊, and the doctor who took it, with the doctor board. */
export interface DoctorHandOver {
  visitId: number
  queueNo: string
  doctorId: number
  doctorName: string
  board: BoardView
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
  /**
   * 交给护士: a visit of today with a paid fee sheet goes to the next available nurse of today's nurse board
   * (rule 2 on the board of kind 'nurse'; skills by the visit's intended category). Undone by rotation.undo.
   */
  'rotation.handToNurse': method<NurseHandOver>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /**
   * 请医生: a consulting (咨询中) visit of today goes to the next available doctor of today's doctor board
   * (rule 2 on the board of kind 'doctor'; skills by the visit's intended category) and becomes 专家面诊
   * (with_doctor). Permission desk, as every board action: the receptionist holds desk but not consult, and
   * a method has one permission; the consultant asks the desk. Undone by rotation.undo (the visit goes back
   * to consulting); rotation.finish of kind doctor returns it to consulting.
   */
  'rotation.handToDoctor': method<DoctorHandOver>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /** 治疗完成: the nurse (or doctor) serving the visit is available again. Consultants are freed by the visit's status. */
  'rotation.finish': method<BoardView>()({
    input: z.object({ kind: z.enum(['doctor', 'nurse']).default('nurse'), visitId: idSchema }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'rotation.figures': method<FairnessRow[]>()({
    input: z
      .object({ kind, from: isoDate, to: isoDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'validation.dateRange', path: ['to'] }),
    writes: false,
    permission: 'read',
  }),
}
