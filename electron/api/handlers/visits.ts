import { DomainError } from '../../../core/api/errors.ts'
import type { RegisterResult } from '../../../core/api/visits.ts'
import type { ServiceCategory } from '../../../core/domain/categories.ts'
import type { Channel, Client } from '../../../core/domain/client.ts'
import { translateError } from '../../../core/i18n/errorMessages.ts'
import { VISIT_LABELS } from '../../../core/i18n/visitLabels.ts'
import { formatQueueNumber } from '../../../core/domain/queueNumber.ts'
import { canMove, isWaitingStatus, type Visit, type VisitRow, type VisitType } from '../../../core/domain/visit.ts'
import { memberServing, type BoardCommand } from '../../../core/rotation/index.ts'
import { setOwnConsultant } from '../../../db/clients.ts'
import { nextCounter } from '../../../db/counters.ts'
import { loadBoardState } from '../../../db/rotation.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb, WritableDb } from '../../../db/types.ts'
import { getVisitRow, hasOpenVisitOnDay, insertVisit, listVisitsOfDay, setVisitConsultant, setVisitOutcome, updateVisitStatus, visitStatusHistory } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireVisit } from './visitGuards.ts'
import { runBoardCommand } from './board.ts'
import { finishOnNurseBoard } from './rotationNurse.ts'
import { finishOnDoctorBoard } from './rotationDoctor.ts'
import { logCall } from './queue.ts'
import { createClient, requireClient } from './clients.ts'
import { matchPartnerArrival } from './partners.ts'
import { autoCommand, visitKindOf } from './visitRouting.ts'
import { stmt } from '../../../db/statements.ts'

type VisitMethods = 'visits.register' | 'visits.ofDay' | 'visits.assign' | 'visits.setStatus' | 'visits.setOutcome'

const TYPE_NAMES = VISIT_LABELS['zh-CN'].type

/** Status names for refusal messages, in the clinic's language (a receptionist never sees the codes). */
/**
 * The next queue number of the day for a type. A number already given today is skipped, never repeated:
 * after the prefixes were changed mid-day (e.g. swapped between two types) the type's running number
 * could otherwise land on a number another type already printed, and the UNIQUE key would fail the call.
 */
function nextQueueNumber(db: WritableDb, day: string, type: VisitType): { queueSeq: number; queueNo: string } {
  const prefix = readSettings(db).queuePrefixes[type]
  const taken = stmt(db, 'SELECT 1 FROM visits WHERE visit_date = ? AND queue_no = ?')
  for (;;) {
    const queueSeq = nextCounter(db, `queue:${day}:${type}`)
    const queueNo = formatQueueNumber(prefix, queueSeq)
    if (!taken.get(day, queueNo)) return { queueSeq, queueNo }
  }
}

/** Puts the visit on the consultant board and records who took it. */
function assignVisit(ctx: HandlerContext, visit: Visit, manual: { memberId: number; reason: string | null } | null): void {
  if (!isWaitingStatus(visit.status)) throw new DomainError('rule_violation', 'error.visitNotWaiting', { queueNo: visit.queueNo })
  const date = visit.visitDate
  if (date !== ctx.today()) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
  const command: BoardCommand | null = manual
    ? { type: 'assignManual', visitId: visit.id, memberId: manual.memberId, reason: manual.reason, visitKind: visitKindOf(ctx.db, visit) }
    : autoCommand(ctx.db, visit)
  if (command === null) throw new DomainError('rule_violation', 'error.reviewNoRotation', { queueNo: visit.queueNo })
  const state = runBoardCommand(ctx, date, 'consultant', command)
  const assignment = state.board?.assignments.find((a) => a.visitId === visit.id)
  if (!assignment) throw new Error(`assignment of visit ${visit.id} missing after an accepted event`)
  setVisitConsultant(ctx.db, visit.id, assignment.memberId, assignment.how)
  ctx.emit({ topic: 'visits', ids: [visit.id] })
}

/** Frees the board member serving a visit whose consultation is over. */
function finishOnBoard(ctx: HandlerContext, visit: Visit): void {
  const state = loadBoardState(ctx.db, visit.visitDate, 'consultant')
  if (state.board && memberServing(state.board, visit.id)) runBoardCommand(ctx, visit.visitDate, 'consultant', { type: 'finish', visitId: visit.id })
}

export interface Arrival {
  client: Client
  type: VisitType
  /** Omitted: the client's own channel. */
  channel?: Channel | undefined
  designatedConsultantId: number | null
  /** Null: the client's intended category. */
  intendedCategory: ServiceCategory | null
  /** Give the client a consultant now by the rules; otherwise they wait for the desk to assign. */
  assign: boolean
}

/**
 * Registers a client's arrival today: the queue number, the visit, and (if asked) the consultant by the
 * rotation rules. The one path of every arrival: a walk-in (visits.register) and a booked client checked in
 * (appointments.checkIn). The caller writes the audit summary.
 */
export function registerArrival(ctx: HandlerContext, arrival: Arrival): RegisterResult {
  const { client } = arrival
  const today = ctx.today()
  const open = hasOpenVisitOnDay(ctx.db, client.id, today)
  if (open) throw new DomainError('conflict', 'error.alreadyHere', { name: client.name, queueNo: open.queueNo })
  if (arrival.designatedConsultantId !== null) requireVisitConsultant(ctx.db, arrival.designatedConsultantId)

  const { queueSeq, queueNo } = nextQueueNumber(ctx.db, today, arrival.type)
  const visit = insertVisit(
    ctx.db,
    {
      clientId: client.id,
      visitDate: today,
      type: arrival.type,
      queueSeq,
      queueNo,
      channel: arrival.channel ?? client.channel,
      designatedConsultantId: arrival.designatedConsultantId,
      intendedCategory: arrival.intendedCategory ?? client.intendedCategory,
    },
    ctx.now(),
    ctx.operator.name,
  )
  ctx.emit({ topic: 'visits', ids: [visit.id] })
  const partner = matchPartnerArrival(ctx, visit, client)
  // Read again: the match may have made it the store's visit, which routes it by rule 13.
  const registered = requireVisit(ctx.db, visit.id)

  let assignRefusal: string | null = null
  if (arrival.assign && autoCommand(ctx.db, registered) !== null) {
    try {
      assignVisit(ctx, registered, null)
    } catch (error) {
      // The client is registered and waits; the desk is told why nobody took them yet.
      if (!(error instanceof DomainError)) throw error
      assignRefusal = translateError(readSettings(ctx.db).language, error.messageKey, error.params)
    }
  }
  return { visit: getVisitRow(ctx.db, visit.id) as VisitRow, client, assignRefusal, partner }
}

export const visitHandlers: PartialHandlerTable<VisitMethods> = {
  'visits.register': (ctx, input) => {
    const client = input.newClient
      ? (() => {
          const { allowSharedPhone, ...fields } = input.newClient
          return createClient(ctx, { ...fields, channel: input.channel ?? fields.channel }, allowSharedPhone)
        })()
      : requireClient(ctx.db, input.clientId as number)
    const { type, channel, designatedConsultantId, intendedCategory, assign } = input
    const result = registerArrival(ctx, { client, type, channel, designatedConsultantId, intendedCategory, assign })
    const row = result.visit
    const partner = result.partner ? `，报备店家 ${result.partner.storeName}` : ''
    ctx.audit(`登记到店 ${row.queueNo} ${client.name}（${TYPE_NAMES[input.type]}${partner}）${row.consultantName ? ` → ${row.consultantName}` : ''}`)
    return result
  },

  'visits.ofDay': (ctx, { date }) => listVisitsOfDay(ctx.db, date ?? ctx.today()),

  'visits.assign': (ctx, { visitId, expectedVersion, memberId, reason }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (visit.consultantId !== null) throw new DomainError('conflict', 'rotation.visit_already_assigned', { queueNo: visit.queueNo })
    assignVisit(ctx, visit, memberId === undefined ? null : { memberId, reason: reason ?? null })
    const row = getVisitRow(ctx.db, visitId) as VisitRow
    ctx.audit(`分配 ${row.queueNo} → ${row.consultantName ?? ''}${memberId !== undefined ? `（手动：${reason ?? ''}）` : ''}`)
    return row
  },

  'visits.setStatus': (ctx, { visitId, expectedVersion, status }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (!canMove(visit.status, status)) {
      const names = VISIT_LABELS[readSettings(ctx.db).language].status
      throw new DomainError('rule_violation', 'error.statusMove', { queueNo: visit.queueNo, from: names[visit.status], to: names[status] })
    }
    // A consultation visit is called to someone: the desk assigns a consultant first (review visits need none).
    if ((status === 'called' || status === 'consulting') && visit.type !== 'review' && visit.consultantId === null) {
      throw new DomainError('rule_violation', 'error.assignFirst', { queueNo: visit.queueNo })
    }
    if (!updateVisitStatus(ctx.db, visitId, visit.version, status, ctx.now(), ctx.operator.name)) throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
    // However a client is called, the call is logged and reaches the display.
    if (status === 'called') logCall(ctx, visit, 'call')
    if (status === 'consulting' && visit.consultantId !== null && visit.type === 'first') setOwnConsultant(ctx.db, visit.clientId, visit.consultantId, ctx.now())
    if (!isWaitingStatus(status) && status !== 'consulting' && status !== 'with_doctor') finishOnBoard(ctx, visit)
    // A client who leaves frees the nurse she was handed to (交给护士), if 治疗完成 was not clicked.
    if (status === 'done' || status === 'left') finishOnNurseBoard(ctx, visitId, visit.visitDate)
    // Moving on from 专家面诊 (请医生) frees the doctor, if 完成 was not clicked on the doctor board.
    if (visit.status === 'with_doctor') finishOnDoctorBoard(ctx, visitId, visit.visitDate)
    ctx.emit({ topic: 'visits', ids: [visitId] })
    ctx.audit(`就诊状态 ${visit.queueNo}：${visit.status} → ${status}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'visits.setOutcome': (ctx, { visitId, expectedVersion, outcome, reason }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    // Only a consultation has an outcome: a visit that never reached 'consulting' (still waiting, cancelled,
    // or left without being seen) is refused; 'left' alone does not say whether it was consulted.
    const consulted = visitStatusHistory(ctx.db, visitId).some((change) => change.status === 'consulting')
    if (!consulted) throw new DomainError('rule_violation', 'error.outcomeBeforeConsult', { queueNo: visit.queueNo })
    setVisitOutcome(ctx.db, visitId, outcome, outcome === 'deal' ? '' : reason)
    ctx.emit({ topic: 'visits', ids: [visitId] })
    ctx.audit(`咨询结果 ${visit.queueNo}：${outcome === 'deal' ? '成交' : `未成交（${reason}）`}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },
}

function requireVisitConsultant(db: ReadableDb, id: number): void {
  const row = stmt(db, "SELECT 1 FROM staff WHERE id = ? AND role = 'consultant' AND active = 1").get(id)
  if (!row) throw new DomainError('not_found', 'error.consultantNotFound', { id })
}
