import { DomainError } from '../../../core/api/errors.ts'
import { isWaitingStatus } from '../../../core/domain/visit.ts'
import type { BoardEvent, BoardKind } from '../../../core/rotation/index.ts'
import { loadBoardEvent, loadBoardState } from '../../../db/rotation.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisit, setVisitConsultant } from '../../../db/visits.ts'
import { fairness } from './figures.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { boardMemberInput, continuationFor, runBoardCommand, staffName } from './board.ts'
import { nurseHandlers, viewOf } from './rotationNurse.ts'
import { doctorHandlers, undoDoctorHandOver } from './rotationDoctor.ts'

type RotationMethods =
  | 'rotation.board'
  | 'rotation.open'
  | 'rotation.signIn'
  | 'rotation.signOut'
  | 'rotation.breakStart'
  | 'rotation.breakEnd'
  | 'rotation.pass'
  | 'rotation.reorder'
  | 'rotation.undo'
  | 'rotation.figures'
  | 'rotation.handToNurse'
  | 'rotation.handToDoctor'
  | 'rotation.finish'

const KIND_NAMES = { consultant: '咨询师', doctor: '医生', nurse: '护理师' } as const

export const rotationHandlers: PartialHandlerTable<RotationMethods> = {
  'rotation.board': (ctx, { kind, date }) => viewOf(ctx.db, date ?? ctx.today(), kind),

  'rotation.open': (ctx, { kind, memberIds }) => {
    if (new Set(memberIds).size !== memberIds.length) throw new DomainError('invalid_input', 'rotation.invalid_order')
    const date = ctx.today()
    const members = memberIds.map((id) => boardMemberInput(ctx.db, id, kind))
    const continueFrom = readSettings(ctx.db).rotationOpenMode === 'continue' ? continuationFor(ctx.db, date, kind) : null
    runBoardCommand(ctx, date, kind, { type: 'open', date, kind, members, continueFrom })
    ctx.audit(`开牌（${KIND_NAMES[kind]}）：${members.map((m) => m.name).join('、')}${continueFrom ? '，接上一工作日' : ''}`)
    return viewOf(ctx.db, date, kind)
  },

  'rotation.signIn': (ctx, { kind, memberId }) => {
    const member = boardMemberInput(ctx.db, memberId, kind)
    runBoardCommand(ctx, ctx.today(), kind, { type: 'signIn', member })
    ctx.audit(`签到上牌 ${member.name}`)
    return viewOf(ctx.db, ctx.today(), kind)
  },

  'rotation.signOut': (ctx, { kind, memberId }) => memberAction(ctx, kind, memberId, 'signOut', '下牌'),
  'rotation.breakStart': (ctx, { kind, memberId }) => memberAction(ctx, kind, memberId, 'breakStart', '暂离'),
  'rotation.breakEnd': (ctx, { kind, memberId }) => memberAction(ctx, kind, memberId, 'breakEnd', '回岗'),

  'rotation.pass': (ctx, { kind, memberId, reason }) => {
    runBoardCommand(ctx, ctx.today(), kind, { type: 'pass', memberId, reason: reason ?? null })
    ctx.audit(`过牌 ${staffName(ctx.db, memberId)}${reason ? `：${reason}` : ''}`)
    return viewOf(ctx.db, ctx.today(), kind)
  },

  'rotation.reorder': (ctx, { kind, order, reason }) => {
    runBoardCommand(ctx, ctx.today(), kind, { type: 'reorder', order, reason })
    ctx.audit(`调整顺序 ${order.map((id) => staffName(ctx.db, id)).join('、')}：${reason}`)
    return viewOf(ctx.db, ctx.today(), kind)
  },

  'rotation.undo': (ctx, { kind }) => {
    const date = ctx.today()
    const target = undoTarget(ctx.db, date, kind)
    if (target?.type === 'finished') throw new DomainError('rule_violation', 'rotation.undo_finished')
    // Only the consultant board writes its member onto the visit; a nurse's hand-over leaves the visit as it was.
    if (target?.type === 'assigned' && kind === 'consultant') {
      const visit = getVisit(ctx.db, target.visitId)
      if (visit && !isWaitingStatus(visit.status)) throw new DomainError('rule_violation', 'rotation.undo_started', { queueNo: visit.queueNo })
      if (visit) {
        setVisitConsultant(ctx.db, visit.id, null, null)
        ctx.emit({ topic: 'visits', ids: [visit.id] })
      }
    }
    // The doctor's hand-over made the visit 专家面诊: taking it back returns the visit to 咨询中.
    if (target?.type === 'assigned' && kind === 'doctor') undoDoctorHandOver(ctx, target.visitId)
    runBoardCommand(ctx, date, kind, { type: 'undo' })
    ctx.audit(`撤销上一步（第 ${target?.seq ?? '?'} 步 ${target?.type ?? ''}）`)
    return viewOf(ctx.db, date, kind)
  },

  'rotation.figures': (ctx, { kind, from, to }) => fairness(ctx.db, kind, from, to),
  ...nurseHandlers,
  // After the nurse's: the doctor's rotation.finish handles kind doctor and passes kind nurse on to hers.
  ...doctorHandlers,
}

function memberAction(
  ctx: Parameters<PartialHandlerTable<'rotation.signOut'>['rotation.signOut']>[0],
  kind: 'consultant' | 'doctor' | 'nurse',
  memberId: number,
  type: 'signOut' | 'breakStart' | 'breakEnd',
  label: string,
) {
  runBoardCommand(ctx, ctx.today(), kind, { type, memberId })
  ctx.audit(`${label} ${staffName(ctx.db, memberId)}`)
  return viewOf(ctx.db, ctx.today(), kind)
}

/** The event that undo would take back. */
function undoTarget(db: ReadableDb, date: string, kind: BoardKind): BoardEvent | undefined {
  const entry = loadBoardState(db, date, kind).undo.at(-1)
  return entry && loadBoardEvent(db, date, kind, entry.seq)
}
