import '../../../core/i18n/assistMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { Visit, VisitHistoryEntry, VisitRow } from '../../../core/domain/visit.ts'
import { activeStaffOfRole } from '../../../db/partners.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisitRow, setVisitAssistant, visitStatusHistory } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireVisit } from './visitGuards.ts'
import { partnerOfVisit } from './visitRouting.ts'

type AssistanceMethods = 'visits.history' | 'visits.detail' | 'visits.requestAssistance'

const wasConsulted = (db: ReadableDb, visitId: number) => visitStatusHistory(db, visitId).some((change) => change.status === 'consulting')

/**
 * DOMAIN.md: "A partner client's first visit without a deal can be handed to the consultation supervisor".
 * Without a deal means consulted and not a deal: asked during the consultation (to help close it) or after
 * the consultant recorded no deal; never before the consultation, never after a deal, and only once.
 */
function requireAssistable(ctx: HandlerContext, visit: Visit): { id: number; name: string } {
  const { queueNo } = visit
  if (visit.partnerStoreId === null || visit.type !== 'first') throw new DomainError('rule_violation', 'error.assistNotPartner', { queueNo })
  if (visit.outcome === 'deal') throw new DomainError('rule_violation', 'error.assistAfterDeal', { queueNo })
  if (visit.consultantId === null || !wasConsulted(ctx.db, visit.id)) throw new DomainError('rule_violation', 'error.assistNotConsulted', { queueNo })
  if (visit.assistConsultantId !== null) {
    const row = getVisitRow(ctx.db, visit.id) as VisitRow
    throw new DomainError('conflict', 'error.assistAlready', { queueNo, name: row.assistConsultantName ?? `#${visit.assistConsultantId}` })
  }
  const supervisorId = readSettings(ctx.db).consultationSupervisorId
  if (supervisorId === null) throw new DomainError('rule_violation', 'error.assistNoSupervisor')
  const supervisor = activeStaffOfRole(ctx.db, supervisorId, 'consultant')
  if (!supervisor) throw new DomainError('rule_violation', 'error.assistSupervisorNotConsultant', { id: supervisorId })
  if (supervisor.id === visit.consultantId) throw new DomainError('rule_violation', 'error.assistSelf', { name: supervisor.name })
  return supervisor
}

/** The status log, with the assistance put in at its time. */
function historyOf(db: ReadableDb, visit: Visit): VisitHistoryEntry[] {
  const entries: VisitHistoryEntry[] = visitStatusHistory(db, visit.id)
  const assistedAt = visit.assistedAt
  if (assistedAt === null) return entries
  const row = getVisitRow(db, visit.id) as VisitRow
  const assisted: VisitHistoryEntry = { kind: 'assisted', at: assistedAt, consultantName: row.consultantName, assistantName: row.assistConsultantName ?? '' }
  const at = entries.findIndex((entry) => entry.at > assistedAt)
  return at < 0 ? [...entries, assisted] : [...entries.slice(0, at), assisted, ...entries.slice(at)]
}

export const assistanceHandlers: PartialHandlerTable<AssistanceMethods> = {
  'visits.history': (ctx, { visitId }) => historyOf(ctx.db, requireVisit(ctx.db, visitId)),

  'visits.detail': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    return { visit: getVisitRow(ctx.db, visitId) as VisitRow, partner: partnerOfVisit(ctx.db, visit) }
  },

  'visits.requestAssistance': (ctx, { visitId, expectedVersion }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    const supervisor = requireAssistable(ctx, visit)
    if (!setVisitAssistant(ctx.db, visitId, expectedVersion, supervisor.id, ctx.now())) throw new DomainError('conflict', 'error.visitChanged', { queueNo: visit.queueNo })
    ctx.emit({ topic: 'visits', ids: [visitId] })
    const row = getVisitRow(ctx.db, visitId) as VisitRow
    ctx.audit(`协助过单 ${row.visitDate} ${row.queueNo} ${row.clientName}：${row.consultantName ?? ''} 请 ${supervisor.name} 协助`)
    return row
  },
}
