import { DomainError } from '../../../core/api/errors.ts'
import { translateError } from '../../../core/i18n/errorMessages.ts'
import { formatQueueNumber } from '../../../core/domain/queueNumber.ts'
import { canMove, isWaitingStatus, type Visit, type VisitRow, type VisitType } from '../../../core/domain/visit.ts'
import { memberServing, type BoardCommand } from '../../../core/rotation/index.ts'
import { getClient, setOwnConsultant } from '../../../db/clients.ts'
import { nextCounter } from '../../../db/counters.ts'
import { loadBoardState } from '../../../db/rotation.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisit, getVisitRow, hasOpenVisitOnDay, insertVisit, listVisitsOfDay, setVisitConsultant, setVisitOutcome, updateVisitStatus, visitStatusHistory } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { runBoardCommand } from './board.ts'
import { createClient, requireClient } from './clients.ts'

type VisitMethods = 'visits.register' | 'visits.ofDay' | 'visits.history' | 'visits.assign' | 'visits.setStatus' | 'visits.setOutcome'

const TYPE_NAMES: Record<VisitType, string> = { first: '初诊', returning: '复诊', review: '复查/治疗' }

function requireVisit(db: ReadableDb, id: number, expectedVersion?: number): Visit {
  const visit = getVisit(db, id)
  if (!visit) throw new DomainError('not_found', 'error.visitNotFound', { id })
  if (expectedVersion !== undefined && visit.version !== expectedVersion) throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
  return visit
}

/** The rotation command for a visit by rules 2, 4 and 5; review visits without a designation take no turn. */
function autoCommand(db: ReadableDb, visit: Visit): BoardCommand | null {
  const category = visit.intendedCategory
  if (visit.designatedConsultantId !== null) return { type: 'assignDesignated', visitId: visit.id, memberId: visit.designatedConsultantId, category }
  if (visit.type === 'review') return null
  const owner = getClient(db, visit.clientId)?.ownConsultantId ?? null
  if (visit.type === 'returning' && owner !== null) return { type: 'assignReturning', visitId: visit.id, ownerId: owner, category }
  return { type: 'assignNext', visitId: visit.id, category }
}

function visitKindOf(visit: Visit, ownerId: number | null): 'first' | 'designated' | 'returning' {
  if (visit.designatedConsultantId !== null) return 'designated'
  if (visit.type === 'returning' && ownerId !== null) return 'returning'
  return 'first'
}

/** Puts the visit on the consultant board and records who took it. */
function assignVisit(ctx: HandlerContext, visit: Visit, manual: { memberId: number; reason: string | null } | null): void {
  if (!isWaitingStatus(visit.status)) throw new DomainError('rule_violation', 'error.visitNotWaiting', { queueNo: visit.queueNo })
  const date = visit.visitDate
  if (date !== ctx.today()) throw new DomainError('rule_violation', 'error.visitNotToday', { queueNo: visit.queueNo })
  const owner = getClient(ctx.db, visit.clientId)?.ownConsultantId ?? null
  const command: BoardCommand | null = manual
    ? { type: 'assignManual', visitId: visit.id, memberId: manual.memberId, reason: manual.reason, visitKind: visitKindOf(visit, owner) }
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

export const visitHandlers: PartialHandlerTable<VisitMethods> = {
  'visits.register': (ctx, input) => {
    const today = ctx.today()
    const client = input.newClient
      ? (() => {
          const { allowSharedPhone, ...fields } = input.newClient
          return createClient(ctx, { ...fields, channel: input.channel ?? fields.channel }, allowSharedPhone)
        })()
      : requireClient(ctx.db, input.clientId as number)
    const open = hasOpenVisitOnDay(ctx.db, client.id, today)
    if (open) throw new DomainError('conflict', 'error.alreadyHere', { name: client.name, queueNo: open.queueNo })
    if (input.designatedConsultantId !== null) requireVisitConsultant(ctx.db, input.designatedConsultantId)

    const prefix = readSettings(ctx.db).queuePrefixes[input.type]
    const queueSeq = nextCounter(ctx.db, `queue:${today}:${input.type}`)
    const visit = insertVisit(
      ctx.db,
      {
        clientId: client.id,
        visitDate: today,
        type: input.type,
        queueSeq,
        queueNo: formatQueueNumber(prefix, queueSeq),
        channel: input.channel ?? client.channel,
        designatedConsultantId: input.designatedConsultantId,
        intendedCategory: input.intendedCategory ?? client.intendedCategory,
      },
      ctx.now(),
      ctx.operator.name,
    )
    ctx.emit({ topic: 'visits', ids: [visit.id] })

    let assignRefusal: string | null = null
    if (input.assign && autoCommand(ctx.db, visit) !== null) {
      try {
        assignVisit(ctx, visit, null)
      } catch (error) {
        // The client is registered and waits; the desk is told why nobody took them yet.
        if (!(error instanceof DomainError)) throw error
        assignRefusal = translateError(readSettings(ctx.db).language, error.messageKey, error.params)
      }
    }
    const row = getVisitRow(ctx.db, visit.id) as VisitRow
    ctx.audit(`登记到店 ${row.queueNo} ${client.name}（${TYPE_NAMES[input.type]}）${row.consultantName ? ` → ${row.consultantName}` : ''}`)
    return { visit: row, client, assignRefusal }
  },

  'visits.ofDay': (ctx, { date }) => listVisitsOfDay(ctx.db, date ?? ctx.today()),
  'visits.history': (ctx, { visitId }) => (requireVisit(ctx.db, visitId), visitStatusHistory(ctx.db, visitId)),

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
    if (!canMove(visit.status, status)) throw new DomainError('rule_violation', 'error.statusMove', { queueNo: visit.queueNo, from: visit.status, to: status })
    if (!updateVisitStatus(ctx.db, visitId, visit.version, status, ctx.now(), ctx.operator.name)) throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
    if (status === 'consulting' && visit.consultantId !== null && visit.type === 'first') setOwnConsultant(ctx.db, visit.clientId, visit.consultantId, ctx.now())
    if (!isWaitingStatus(status) && status !== 'consulting' && status !== 'with_doctor') finishOnBoard(ctx, visit)
    ctx.emit({ topic: 'visits', ids: [visitId] })
    ctx.audit(`就诊状态 ${visit.queueNo}：${visit.status} → ${status}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },

  'visits.setOutcome': (ctx, { visitId, expectedVersion, outcome, reason }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (visit.status === 'waiting' || visit.status === 'called' || visit.status === 'cancelled') {
      throw new DomainError('rule_violation', 'error.outcomeBeforeConsult', { queueNo: visit.queueNo })
    }
    setVisitOutcome(ctx.db, visitId, outcome, outcome === 'deal' ? '' : reason)
    ctx.emit({ topic: 'visits', ids: [visitId] })
    ctx.audit(`咨询结果 ${visit.queueNo}：${outcome === 'deal' ? '成交' : `未成交（${reason}）`}`)
    return getVisitRow(ctx.db, visitId) as VisitRow
  },
}

function requireVisitConsultant(db: ReadableDb, id: number): void {
  const row = db.prepare("SELECT 1 FROM staff WHERE id = ? AND role = 'consultant' AND active = 1").get(id)
  if (!row) throw new DomainError('not_found', 'error.consultantNotFound', { id })
}
