/**
 * The nurse board's part of the rotation (DOMAIN.md, after rule 13): after payment the desk hands the client
 * to the next nurse (交给护士), through the same engine, event log and undo as the consultant board; the nurse
 * is available again when the treatment is done (治疗完成) or the visit ends.
 */
import type { BoardAssignmentView, BoardView } from '../../../core/api/rotation.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { memberServing, type BoardKind } from '../../../core/rotation/index.ts'
import { loadBoardState } from '../../../db/rotation.ts'
import { pluckStmt, stmt } from '../../../db/statements.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { boardView, runBoardCommand, staffName } from './board.ts'
import { requireVisit } from './visitGuards.ts'

type NurseMethods = 'rotation.handToNurse' | 'rotation.finish'

/** The board's view; boards other than the consultants' also list today's assignments. */
export function viewOf(db: ReadableDb, date: string, kind: BoardKind): BoardView {
  const view = boardView(db, date, kind)
  if (kind === 'consultant') return view
  const board = loadBoardState(db, date, kind).board
  const queueNoOf = pluckStmt(db, 'SELECT queue_no FROM visits WHERE id = ?')
  const assignments: BoardAssignmentView[] = (board?.assignments ?? []).map((a) => ({
    visitId: a.visitId,
    queueNo: (queueNoOf.get(a.visitId) as string | undefined) ?? null,
    memberId: a.memberId,
    memberName: board?.members.find((m) => m.id === a.memberId)?.name ?? staffName(db, a.memberId),
    at: a.at,
    finishedAt: a.finishedAt,
  }))
  return { ...view, assignments }
}

function hasPaidSheet(db: ReadableDb, visitId: number): boolean {
  return stmt(db, "SELECT 1 FROM fee_sheets WHERE visit_id = ? AND status = 'paid' LIMIT 1").get(visitId) !== undefined
}

/** Frees whoever serves the visit on today's nurse board, when the visit ends before 治疗完成 was clicked. */
export function finishOnNurseBoard(ctx: HandlerContext, visitId: number, date: string): void {
  const board = loadBoardState(ctx.db, date, 'nurse').board
  if (board && memberServing(board, visitId)) runBoardCommand(ctx, date, 'nurse', { type: 'finish', visitId })
}

export const nurseHandlers: PartialHandlerTable<NurseMethods> = {
  'rotation.handToNurse': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    const date = ctx.today()
    if (visit.visitDate !== date) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
    if (visit.status === 'left' || visit.status === 'cancelled') throw new DomainError('rule_violation', 'nurse.visitClosed', { queueNo: visit.queueNo })
    if (!hasPaidSheet(ctx.db, visit.id)) throw new DomainError('rule_violation', 'nurse.notPaid', { queueNo: visit.queueNo })
    const board = loadBoardState(ctx.db, date, 'nurse').board
    if (!board) throw new DomainError('rule_violation', 'nurse.boardNotOpen')
    const earlier = board.assignments.find((a) => a.visitId === visit.id)
    if (earlier) throw new DomainError('conflict', 'nurse.alreadyHanded', { queueNo: visit.queueNo, name: staffName(ctx.db, earlier.memberId) })
    let state
    try {
      state = runBoardCommand(ctx, date, 'nurse', { type: 'assignNext', visitId: visit.id, category: visit.intendedCategory })
    } catch (error) {
      if (error instanceof DomainError && error.messageKey === 'rotation.no_available_member') throw new DomainError('rule_violation', 'nurse.noneFree')
      throw error
    }
    const assignment = state.board?.assignments.find((a) => a.visitId === visit.id)
    if (!assignment) throw new Error(`nurse assignment of visit ${visit.id} missing after an accepted event`)
    const nurseName = staffName(ctx.db, assignment.memberId)
    ctx.emit({ topic: 'visits', ids: [visit.id] })
    ctx.audit(`交给护士 ${visit.queueNo} → ${nurseName}`)
    return { visitId: visit.id, queueNo: visit.queueNo, nurseId: assignment.memberId, nurseName, board: viewOf(ctx.db, date, 'nurse') }
  },

  'rotation.finish': (ctx, { kind, visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    const date = ctx.today()
    const board = loadBoardState(ctx.db, date, kind).board
    const member = board ? memberServing(board, visitId) : undefined
    runBoardCommand(ctx, date, kind, { type: 'finish', visitId })
    ctx.audit(`治疗完成 ${visit.queueNo}${member ? `（${member.name}）` : ''}`)
    return viewOf(ctx.db, date, kind)
  },
}
