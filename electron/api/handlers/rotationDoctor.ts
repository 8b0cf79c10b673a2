/**
 * The doctor board's part of the rotation (DOMAIN.md, after rule 13): during the consultation the desk asks
 * the next doctor (请医生) through the same engine, event log and undo as the other boards, and the visit is
 * 专家面诊 (with_doctor) until the doctor finishes, when it is back in consultation (咨询中).
 */
import '../../../core/i18n/doctorMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { canMove, type Visit, type VisitStatus } from '../../../core/domain/visit.ts'
import { memberServing } from '../../../core/rotation/index.ts'
import { loadBoardState } from '../../../db/rotation.ts'
import { readSettings } from '../../../db/settings.ts'
import { updateVisitStatus } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { runBoardCommand, staffName } from './board.ts'
import { nurseHandlers, viewOf } from './rotationNurse.ts'
import { requireVisit } from './visitGuards.ts'

type DoctorMethods = 'rotation.handToDoctor' | 'rotation.finish'

/** The visit's status change, written as visits.setStatus writes it (the status log keeps the time and who). */
function moveVisit(ctx: HandlerContext, visit: Visit, status: VisitStatus): void {
  if (!canMove(visit.status, status)) throw new Error(`visit ${visit.id} cannot move from ${visit.status} to ${status}`)
  if (!updateVisitStatus(ctx.db, visit.id, visit.version, status, ctx.now(), ctx.operator.name)) {
    throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
  }
  ctx.emit({ topic: 'visits', ids: [visit.id] })
}

/** After the doctor's part is over (finished, or the hand-over undone): back to 咨询中 if still 专家面诊. */
function backToConsulting(ctx: HandlerContext, visitId: number): void {
  const visit = requireVisit(ctx.db, visitId)
  if (visit.status === 'with_doctor') moveVisit(ctx, visit, 'consulting')
}

/**
 * Frees the doctor serving the visit on its day's doctor board when the visit moves on by itself (to billing,
 * treatment, done or left, or back to consulting by the desk). Called by visits.setStatus, as the nurse's is.
 */
export function finishOnDoctorBoard(ctx: HandlerContext, visitId: number, date: string): void {
  const board = loadBoardState(ctx.db, date, 'doctor').board
  if (board && memberServing(board, visitId)) runBoardCommand(ctx, date, 'doctor', { type: 'finish', visitId })
}

/** rotation.undo of the doctor board's 'assigned' event: the hand-over is taken back, so is 专家面诊. */
export function undoDoctorHandOver(ctx: HandlerContext, visitId: number): void {
  backToConsulting(ctx, visitId)
}

function refuseHandOver(ctx: HandlerContext, visit: Visit, date: string): void {
  if (visit.visitDate !== date) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
  const board = loadBoardState(ctx.db, date, 'doctor').board
  if (!board) throw new DomainError('rule_violation', 'doctor.boardNotOpen')
  const earlier = board.assignments.find((a) => a.visitId === visit.id)
  if (earlier) {
    const key = earlier.finishedAt === null ? 'doctor.alreadyWith' : 'doctor.alreadySeen'
    throw new DomainError('conflict', key, { queueNo: visit.queueNo, name: staffName(ctx.db, earlier.memberId) })
  }
  if (visit.status !== 'consulting') {
    const status = VISIT_LABELS[readSettings(ctx.db).language].status[visit.status]
    throw new DomainError('rule_violation', 'doctor.notConsulting', { queueNo: visit.queueNo, status })
  }
}

export const doctorHandlers: PartialHandlerTable<DoctorMethods> = {
  'rotation.handToDoctor': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    const date = ctx.today()
    refuseHandOver(ctx, visit, date)
    let state
    try {
      state = runBoardCommand(ctx, date, 'doctor', { type: 'assignNext', visitId: visit.id, category: visit.intendedCategory })
    } catch (error) {
      if (error instanceof DomainError && error.messageKey === 'rotation.no_available_member') throw new DomainError('rule_violation', 'doctor.noneFree')
      throw error
    }
    const assignment = state.board?.assignments.find((a) => a.visitId === visit.id)
    if (!assignment) throw new Error(`doctor assignment of visit ${visit.id} missing after an accepted event`)
    moveVisit(ctx, visit, 'with_doctor')
    const doctorName = staffName(ctx.db, assignment.memberId)
    ctx.audit(`请医生 ${visit.queueNo} → ${doctorName}（专家面诊）`)
    return { visitId: visit.id, queueNo: visit.queueNo, doctorId: assignment.memberId, doctorName, board: viewOf(ctx.db, date, 'doctor') }
  },

  /** The nurse's 治疗完成 as it was; the doctor's also returns the visit from 专家面诊 to 咨询中. */
  'rotation.finish': (ctx, input) => {
    if (input.kind !== 'doctor') return nurseHandlers['rotation.finish'](ctx, input)
    const { visitId } = input
    const visit = requireVisit(ctx.db, visitId)
    const date = ctx.today()
    const board = loadBoardState(ctx.db, date, 'doctor').board
    const member = board ? memberServing(board, visitId) : undefined
    runBoardCommand(ctx, date, 'doctor', { type: 'finish', visitId })
    backToConsulting(ctx, visitId)
    ctx.audit(`医生完成 ${visit.queueNo}${member ? `（${member.name}）` : ''}`)
    return viewOf(ctx.db, date, 'doctor')
  },
}
