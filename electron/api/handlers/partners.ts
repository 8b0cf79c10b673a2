import '../../../core/i18n/partnerMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { Operator } from '../../../core/api/operator.ts'
import type { Client } from '../../../core/domain/client.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import {
  PHOTO_MAX_BYTES,
  photoMimeOf,
  reportMatchesOn,
  reportValidUntil,
  storeReminders,
  type PartnerArrival,
  type PartnerReport,
  type PartnerStore,
} from '../../../core/domain/partnerStore.ts'
import type { Visit, VisitRow } from '../../../core/domain/visit.ts'
import {
  activeStaffOfRole,
  closeReport,
  findStoreByName,
  getReport,
  getStore,
  getStorePhoto,
  insertAssignment,
  insertReport,
  insertStore,
  listAssignments,
  listReports,
  listStores,
  openReportOfPhone,
  reassignStore,
  storeFacts,
  updateStore,
  type PhotoChange,
} from '../../../db/partners.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { getVisitRow, setVisitPartner } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireVisit } from './visitGuards.ts'

type PartnerMethods =
  | 'partnerStores.list'
  | 'partnerStores.get'
  | 'partnerStores.photo'
  | 'partnerStores.save'
  | 'partnerStores.reassign'
  | 'partnerStores.reminders'
  | 'partnerReports.create'
  | 'partnerReports.list'
  | 'partnerReports.cancel'
  | 'visits.creditToStore'

const CLASS_NAMES = { A: 'A类', ordinary: '普通' } as const

const isAdmin = (operator: Operator) => operator.role === 'administrator'

/** The salesperson an operator is narrowed to: their own id for the marketing role (no id: nobody's), else undefined (all). */
function ownScope(operator: Operator): number | undefined {
  return operator.role === 'marketing' ? (operator.id ?? 0) : undefined
}

function requireStore(ctx: HandlerContext, id: number, expectedVersion?: number): PartnerStore {
  const store = getStore(ctx.db, id, isAdmin(ctx.operator))
  if (!store) throw new DomainError('not_found', 'error.partnerStoreNotFound', { id })
  const scope = ownScope(ctx.operator)
  if (scope !== undefined && store.salespersonId !== scope) throw new DomainError('forbidden', 'error.partnerStoreNotYours', { name: store.name })
  if (expectedVersion !== undefined && store.version !== expectedVersion) throw new DomainError('conflict', 'error.partnerStoreChanged', { name: store.name })
  return store
}

function requireSalesperson(db: ReadableDb, id: number): { id: number; name: string } {
  const salesperson = activeStaffOfRole(db, id, 'marketing')
  if (!salesperson) throw new DomainError('not_found', 'error.salespersonNotFound', { id }, 'salespersonId')
  return salesperson
}

/** The photo as stored: refused unless its first bytes are a JPEG, PNG or WebP, and at most 5 MB. */
function photoChange(base64: string | null | undefined): PhotoChange {
  if (base64 === undefined || base64 === null) return base64
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > PHOTO_MAX_BYTES) throw new DomainError('invalid_input', 'error.photoTooLarge', {}, 'photo')
  const mime = photoMimeOf(bytes)
  if (mime === null) throw new DomainError('invalid_input', 'error.photoNotImage', {}, 'photo')
  return { mime, bytes }
}

function requireReport(ctx: HandlerContext, id: number): PartnerReport {
  const report = getReport(ctx.db, id)
  const scope = ownScope(ctx.operator)
  if (!report) throw new DomainError('not_found', 'error.partnerReportNotFound', { id })
  if (scope !== undefined && report.salespersonId !== scope) throw new DomainError('forbidden', 'error.partnerStoreNotYours', { name: report.storeName })
  return report
}

/** An ISO time as the clinic reads it: local date and time of day. */
const localTime = (iso: string) => `${localDateOf(new Date(iso))} ${localTimeOf(new Date(iso))}`

/**
 * The arrival match (DOMAIN.md "Pre-registration"): a client whose phone has an open report still valid
 * today becomes the store's visit, and the report is closed as arrived with it; an open report past its last
 * day is closed as expired and matches nothing. Called by registerArrival for every arrival; null: no match.
 */
export function matchPartnerArrival(ctx: HandlerContext, visit: Visit, client: Client): PartnerArrival | null {
  const report = openReportOfPhone(ctx.db, client.phone)
  if (!report) return null
  if (!reportMatchesOn(report, ctx.today())) {
    closeReport(ctx.db, report.id, { status: 'expired' }, ctx.now())
    ctx.emit({ topic: 'partners', ids: [report.storeId] })
    return null
  }
  closeReport(ctx.db, report.id, { status: 'arrived', visitId: visit.id }, ctx.now())
  setVisitPartner(ctx.db, visit.id, report.storeId, report.id)
  ctx.emit({ topic: 'partners', ids: [report.storeId] })
  const store = getStore(ctx.db, report.storeId, false) as PartnerStore
  return {
    storeId: store.id,
    storeName: store.name,
    storeClass: store.storeClass,
    consultantId: store.consultantId,
    reportId: report.id,
    salespersonName: report.salespersonName,
    notes: report.notes,
  }
}

export const partnerHandlers: PartialHandlerTable<PartnerMethods> = {
  'partnerStores.list': (ctx, { status }) => listStores(ctx.db, { status, salespersonId: ownScope(ctx.operator) }, isAdmin(ctx.operator)),

  'partnerStores.get': (ctx, { id }) => ({ store: requireStore(ctx, id), assignments: listAssignments(ctx.db, id) }),

  'partnerStores.photo': (ctx, { id }) => {
    requireStore(ctx, id)
    const photo = getStorePhoto(ctx.db, id)
    return photo && { mime: photo.mime, base64: photo.bytes.toString('base64') }
  },

  'partnerStores.save': (ctx, input) => {
    const { id, expectedVersion, salespersonId, photo, bank, ...fields } = input
    // Whose store it is comes first: nothing about another salesperson's store is told before that.
    const before = id === undefined ? undefined : requireStore(ctx, id, expectedVersion)
    const salesperson = before ? undefined : requireSalesperson(ctx.db, salespersonId)
    const scope = ownScope(ctx.operator)
    if (salesperson && scope !== undefined && salesperson.id !== scope) throw new DomainError('forbidden', 'error.partnerStoreNotYours', { name: fields.name }, 'salespersonId')
    if (before && salespersonId !== before.salespersonId) {
      throw new DomainError('rule_violation', 'error.partnerStoreSalespersonByReassign', { name: before.name, salesperson: before.salespersonName }, 'salespersonId')
    }
    if (bank !== undefined && !isAdmin(ctx.operator)) throw new DomainError('forbidden', 'error.bankAccountAdminOnly', {}, 'bank')
    if (fields.consultantId !== null && !activeStaffOfRole(ctx.db, fields.consultantId, 'consultant')) {
      throw new DomainError('not_found', 'error.partnerConsultantNotFound', { id: fields.consultantId }, 'consultantId')
    }
    const sameName = findStoreByName(ctx.db, fields.name)
    if (sameName && sameName.id !== id) throw new DomainError('conflict', 'error.partnerStoreNameTaken', { name: fields.name }, 'name')
    const change = photoChange(photo)
    let storeId: number
    if (salesperson) {
      storeId = insertStore(ctx.db, fields, salesperson.id, change, bank, ctx.now())
      insertAssignment(ctx.db, { storeId, fromSalespersonId: null, toSalespersonId: salesperson.id, reason: '新建店家' }, ctx.operator, ctx.now())
      ctx.audit(`新建店家 ${fields.name}（${CLASS_NAMES[fields.storeClass]}，业务员 ${salesperson.name}）${bank ? '，含银行账户' : ''}`)
    } else {
      const old = before as PartnerStore
      if (!updateStore(ctx.db, old.id, old.version, fields, change, bank, ctx.now())) throw new DomainError('conflict', 'error.partnerStoreChanged', { name: old.name })
      storeId = old.id
      const renamed = old.name === fields.name ? '' : `（原名 ${old.name}）`
      const what = [change !== undefined ? (change === null ? '删除门头照' : '更新门头照') : '', bank ? '修改银行账户' : ''].filter(Boolean).join('，')
      ctx.audit(`修改店家 ${fields.name}${renamed}（${CLASS_NAMES[fields.storeClass]}，${fields.status === 'active' ? '合作中' : '已停用'}）${what ? `：${what}` : ''}`)
    }
    ctx.emit({ topic: 'partners', ids: [storeId] })
    return getStore(ctx.db, storeId, isAdmin(ctx.operator)) as PartnerStore
  },

  'partnerStores.reassign': (ctx, { id, expectedVersion, toSalespersonId, reason }) => {
    const before = requireStore(ctx, id, expectedVersion)
    const to = requireSalesperson(ctx.db, toSalespersonId)
    if (to.id === before.salespersonId) throw new DomainError('rule_violation', 'error.partnerStoreSameSalesperson', { name: before.name, salesperson: to.name }, 'toSalespersonId')
    const assignment = { storeId: id, fromSalespersonId: before.salespersonId, toSalespersonId: to.id, reason }
    if (!reassignStore(ctx.db, expectedVersion, assignment, ctx.operator, ctx.now())) throw new DomainError('conflict', 'error.partnerStoreChanged', { name: before.name })
    ctx.emit({ topic: 'partners', ids: [id] })
    ctx.audit(`店家转交 ${before.name}：${before.salespersonName} → ${to.name}（${reason}）`)
    // Read directly: a salesperson who handed the store on may no longer read it through requireStore.
    return { store: getStore(ctx.db, id, isAdmin(ctx.operator)) as PartnerStore, assignments: listAssignments(ctx.db, id) }
  },

  'partnerStores.reminders': (ctx) => {
    const today = ctx.today()
    return listStores(ctx.db, { status: 'active', salespersonId: ownScope(ctx.operator) }, isAdmin(ctx.operator))
      .map((store) => {
        const hasPhoto = store.photoMime !== null
        // The filing check needs the real account, not the reader's masked one.
        const bank = (getStore(ctx.db, store.id, true) as PartnerStore).bank
        return { store, reminders: storeReminders({ ...store, bank, hasPhoto }, storeFacts(ctx.db, store.id), today) }
      })
      .filter((line) => line.reminders.length > 0)
  },

  'partnerReports.create': (ctx, { storeId, clientName, phone, notes }) => {
    const store = requireStore(ctx, storeId)
    if (store.status !== 'active') throw new DomainError('rule_violation', 'error.partnerStoreInactive', { name: store.name }, 'storeId')
    const earlier = openReportOfPhone(ctx.db, phone)
    if (earlier && reportMatchesOn(earlier, ctx.today())) {
      throw new DomainError('conflict', 'error.partnerReportDuplicate', { phone, salesperson: earlier.salespersonName, store: earlier.storeName, at: localTime(earlier.reportedAt) }, 'phone')
    }
    if (earlier) {
      closeReport(ctx.db, earlier.id, { status: 'expired' }, ctx.now())
      ctx.emit({ topic: 'partners', ids: [earlier.storeId] })
    }
    const validUntil = reportValidUntil(ctx.today(), readSettings(ctx.db).partnerReportValidDays)
    const id = insertReport(ctx.db, { storeId, salespersonId: store.salespersonId, clientName, phone, notes, validUntil }, ctx.operator, ctx.now())
    ctx.emit({ topic: 'partners', ids: [storeId] })
    ctx.audit(`报备 ${clientName} ${phone} → ${store.name}（业务员 ${store.salespersonName}，有效至 ${validUntil}）`)
    return getReport(ctx.db, id) as PartnerReport
  },

  'partnerReports.list': (ctx, { status, storeId, salespersonId }) => {
    if (ctx.operator.role === 'receptionist' && status !== 'open') throw new DomainError('forbidden', 'error.partnerReportsDeskOpenOnly')
    const scope = ownScope(ctx.operator)
    if (scope !== undefined && salespersonId !== undefined && salespersonId !== scope) throw new DomainError('forbidden', 'error.forbidden')
    return listReports(ctx.db, { status, storeId, salespersonId: scope ?? salespersonId, today: ctx.today() })
  },

  'partnerReports.cancel': (ctx, { id, reason }) => {
    const report = requireReport(ctx, id)
    // Past its last day it is expired already, as the list shows it: nothing is left to cancel.
    if (!reportMatchesOn(report, ctx.today())) throw new DomainError('rule_violation', 'error.partnerReportClosed', { name: report.clientName })
    if (!closeReport(ctx.db, id, { status: 'cancelled', reason }, ctx.now())) throw new DomainError('rule_violation', 'error.partnerReportClosed', { name: report.clientName })
    ctx.emit({ topic: 'partners', ids: [report.storeId] })
    ctx.audit(`取消报备 ${report.clientName} ${report.phone}（${report.storeName}）：${reason}`)
    return getReport(ctx.db, id) as PartnerReport
  },

  'visits.creditToStore': (ctx, { visitId, expectedVersion, storeId, reason }) => {
    const visit = requireVisit(ctx.db, visitId, expectedVersion)
    if (visit.partnerStoreId !== null) {
      const credited = getStore(ctx.db, visit.partnerStoreId, true) as PartnerStore
      throw new DomainError('rule_violation', 'error.visitAlreadyCredited', { queueNo: visit.queueNo, store: credited.name })
    }
    const store = requireStore(ctx, storeId)
    setVisitPartner(ctx.db, visitId, store.id, null)
    ctx.emit({ topic: 'visits', ids: [visitId] })
    ctx.emit({ topic: 'partners', ids: [store.id] })
    const row = getVisitRow(ctx.db, visitId) as VisitRow
    ctx.audit(`未报备到店计入店家 ${row.visitDate} ${row.queueNo} ${row.clientName} → ${store.name}：${reason}`)
    return row
  },
}
