import type { PartnerArrival } from '../../../core/domain/partnerStore.ts'
import type { Visit } from '../../../core/domain/visit.ts'
import type { BoardCommand, VisitKind } from '../../../core/rotation/index.ts'
import { getClient } from '../../../db/clients.ts'
import { getReport, getStore } from '../../../db/partners.ts'
import type { ReadableDb } from '../../../db/types.ts'

/**
 * The partner store a visit counts for, with the report it matched and the salesperson's hand-over notes;
 * null when it counts for none. A visit credited by an administrator without a report has no notes.
 */
export function partnerOfVisit(db: ReadableDb, visit: Pick<Visit, 'partnerStoreId' | 'partnerReportId'>): PartnerArrival | null {
  if (visit.partnerStoreId === null) return null
  const store = getStore(db, visit.partnerStoreId, false)
  if (!store) return null
  const report = visit.partnerReportId === null ? undefined : getReport(db, visit.partnerReportId)
  return {
    storeId: store.id,
    storeName: store.name,
    storeClass: store.storeClass,
    consultantId: store.consultantId,
    reportId: report?.id ?? null,
    salespersonName: report?.salespersonName ?? store.salespersonName,
    notes: report?.notes ?? null,
  }
}

/** Rule 13 binds only a reported client (a matched report) of an A-class store: its maintainer, else null. */
function partnerMaintainer(db: ReadableDb, visit: Visit): { storeId: number; maintainerId: number } | null {
  if (visit.partnerStoreId === null || visit.partnerReportId === null) return null
  const store = getStore(db, visit.partnerStoreId, false)
  if (store?.storeClass !== 'A' || store.consultantId === null) return null
  return { storeId: store.id, maintainerId: store.consultantId }
}

/**
 * The rotation command for a visit, by rules 4, 13, 5 and 2 in that order: a designated consultant, then
 * an A-class store's maintainer, then the client's own consultant, then rotation. A reported client of an
 * ordinary store goes by rotation with the store recorded in the event. Review visits without a
 * designation take no turn (null).
 */
export function autoCommand(db: ReadableDb, visit: Visit): BoardCommand | null {
  const category = visit.intendedCategory
  if (visit.designatedConsultantId !== null) return { type: 'assignDesignated', visitId: visit.id, memberId: visit.designatedConsultantId, category }
  if (visit.type === 'review') return null
  const partner = partnerMaintainer(db, visit)
  if (partner !== null) return { type: 'assignPartner', visitId: visit.id, ...partner, category }
  const owner = getClient(db, visit.clientId)?.ownConsultantId ?? null
  if (visit.type === 'returning' && owner !== null) return { type: 'assignReturning', visitId: visit.id, ownerId: owner, category }
  if (visit.partnerStoreId !== null) return { type: 'assignPartner', visitId: visit.id, storeId: visit.partnerStoreId, maintainerId: null, category }
  return { type: 'assignNext', visitId: visit.id, category }
}

/** The kind of client a manual assignment is for (it picks the counting policy), in the order of autoCommand. */
export function visitKindOf(db: ReadableDb, visit: Visit): VisitKind {
  if (visit.designatedConsultantId !== null) return 'designated'
  if (partnerMaintainer(db, visit) !== null) return 'partner'
  const owner = getClient(db, visit.clientId)?.ownConsultantId ?? null
  if (visit.type === 'returning' && owner !== null) return 'returning'
  return 'first'
}
