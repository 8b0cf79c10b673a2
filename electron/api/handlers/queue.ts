import type { DisplayCall, DisplayState } from '../../../core/api/queue.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { callSentence } from '../../../core/domain/callSentence.ts'
import { maskName } from '../../../core/domain/mask.ts'
import type { ClinicSettings } from '../../../core/domain/settings.ts'
import type { Visit, VisitRow, VisitType } from '../../../core/domain/visit.ts'
import { memberServing } from '../../../core/rotation/index.ts'
import { loadBoardState } from '../../../db/rotation.ts'
import { insertCall, recentCalls, type CallKind, type CallWithVisit } from '../../../db/calls.ts'
import { readSettings } from '../../../db/settings.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisitRow, updateVisitStatus } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireVisit } from './visitGuards.ts'
import { stmt } from '../../../db/statements.ts'

type QueueMethods = 'queue.call' | 'queue.callMember' | 'queue.recall' | 'queue.skip' | 'queue.display' | 'queue.ticket' | 'display.state' | 'display.setOpen'

const RECENT_CALLS = 5

/** Logs a call, recall or skip with the consultant's room, and tells the display. */
export function logCall(ctx: HandlerContext, visit: Visit, kind: CallKind): void {
  const room = visit.consultantId === null ? '' : (getStaff(ctx.db, visit.consultantId)?.room ?? '')
  insertCall(ctx.db, { visitId: visit.id, kind, at: ctx.now(), consultantId: visit.consultantId, room, actor: ctx.operator.name })
  ctx.emit({ topic: 'calls', ids: [visit.id] })
}

/** A board call names the room only: the settings' template says 咨询室, a nurse's or doctor's room has its own name. */
const MEMBER_CALL_TEMPLATE = '请 {number} 号 {name} 到 {room}'

function moveStatus(ctx: HandlerContext, visit: Visit, status: 'called' | 'waiting'): void {
  if (!updateVisitStatus(ctx.db, visit.id, visit.version, status, ctx.now(), ctx.operator.name)) {
    throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
  }
  ctx.emit({ topic: 'visits', ids: [visit.id] })
}

function toDisplayCall(call: CallWithVisit, settings: ClinicSettings): DisplayCall {
  const name = maskName(call.clientName)
  const callerKind = call.staffRole === 'nurse' || call.staffRole === 'doctor' ? call.staffRole : undefined
  const template = call.room === '' ? settings.callTemplateNoRoom : callerKind ? MEMBER_CALL_TEMPLATE : settings.callTemplate
  return {
    callId: call.id,
    kind: call.kind === 'recall' ? 'recall' : 'call',
    queueNo: call.queueNo,
    maskedName: name,
    consultantName: call.consultantName,
    ...(callerKind ? { callerKind } : {}),
    room: call.room,
    at: call.at,
    sentence: callSentence(template, { number: call.queueNo, name, consultant: call.consultantName ?? '', room: call.room }),
  }
}

/** Only what the waiting room may see: masked names, numbers, rooms. No phone, no full name, no id of a client. */
export function displayState(db: ReadableDb, today: string): DisplayState {
  const settings = readSettings(db)
  // A client called but not there (skipped) is waiting again: their call leaves the screen.
  const logged = recentCalls(db, today, RECENT_CALLS * 4)
  const latestKind = new Map<number, string>()
  for (const call of logged) if (!latestKind.has(call.visitId)) latestKind.set(call.visitId, call.kind)
  const calls = logged
    .filter((call) => call.kind !== 'skip' && latestKind.get(call.visitId) !== 'skip')
    .slice(0, RECENT_CALLS + 1)
    .map((call) => toDisplayCall(call, settings))
  const waiting = stmt(db, "SELECT queue_no AS queueNo, type FROM visits WHERE visit_date = ? AND status = 'waiting' ORDER BY registered_at, id")
    .all(today) as { queueNo: string; type: VisitType }[]
  return {
    clinicName: settings.clinicName,
    current: calls[0] ?? null,
    recent: calls.slice(1),
    waiting,
    speech: { voice: settings.callVoice, volume: settings.callVolume, repeat: settings.callRepeat, language: 'zh-CN' },
  }
}

export const queueHandlers: PartialHandlerTable<QueueMethods> = {
  'queue.call': (ctx, { visitId, expectedVersion }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (visit.status !== 'waiting') throw new DomainError('rule_violation', 'error.callNotWaiting', { queueNo: visit.queueNo })
    if (visit.visitDate !== ctx.today()) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
    if (visit.type !== 'review' && visit.consultantId === null) throw new DomainError('rule_violation', 'error.assignFirst', { queueNo: visit.queueNo })
    moveStatus(ctx, visit, 'called')
    logCall(ctx, visit, 'call')
    ctx.audit(`叫号 ${visit.queueNo}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'queue.callMember': (ctx, { kind, visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    if (visit.visitDate !== ctx.today()) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
    const board = loadBoardState(ctx.db, ctx.today(), kind).board
    const member = board ? memberServing(board, visitId) : undefined
    if (!member) throw new DomainError('rule_violation', 'rotation.visit_not_being_served')
    const room = getStaff(ctx.db, member.id)?.room ?? ''
    insertCall(ctx.db, { visitId: visit.id, kind: 'call', at: ctx.now(), consultantId: member.id, room, actor: ctx.operator.name })
    ctx.emit({ topic: 'calls', ids: [visit.id] })
    ctx.audit(`叫号 ${visit.queueNo}（${kind === 'nurse' ? '护士' : '医生'} ${member.name}）`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'queue.recall': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    if (visit.status !== 'called') throw new DomainError('rule_violation', 'error.recallNotCalled', { queueNo: visit.queueNo })
    logCall(ctx, visit, 'recall')
    ctx.audit(`重呼 ${visit.queueNo}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'queue.skip': (ctx, { visitId, expectedVersion }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (visit.status !== 'called') throw new DomainError('rule_violation', 'error.recallNotCalled', { queueNo: visit.queueNo })
    moveStatus(ctx, visit, 'waiting')
    logCall(ctx, visit, 'skip')
    ctx.audit(`过号保留 ${visit.queueNo}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'queue.display': (ctx) => displayState(ctx.db, ctx.today()),

  'queue.ticket': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    const ahead = stmt(ctx.db,
        `SELECT count(*) FROM visits WHERE visit_date = ? AND type = ? AND status IN ('waiting','called')
         AND (registered_at < ? OR (registered_at = ? AND id < ?))`,
      )
      .pluck()
      .get(visit.visitDate, visit.type, visit.registeredAt, visit.registeredAt, visit.id) as number
    return { clinicName: readSettings(ctx.db).clinicName, queueNo: visit.queueNo, type: visit.type, registeredAt: visit.registeredAt, waitingAhead: ahead }
  },

  'display.state': (ctx) => ({ available: ctx.host !== null, open: ctx.host?.isDisplayOpen() ?? false }),
  'display.setOpen': (ctx, { open }) => {
    ctx.host?.setDisplayOpen(open)
    return { available: ctx.host !== null, open: ctx.host?.isDisplayOpen() ?? false }
  },
}
