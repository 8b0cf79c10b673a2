import { z } from 'zod'
import '../../../core/i18n/consultationMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import {
  CONSULTATION_AREAS,
  emptyPayload,
  formatSheetNumber,
  printableIssues,
  type ConsultationPayload,
  type ConsultationSheet,
} from '../../../core/domain/consultation.ts'
import { ageOn } from '../../../core/domain/dates.ts'
import type { StaffRole } from '../../../core/domain/staff.ts'
import type { Visit } from '../../../core/domain/visit.ts'
import { getClient } from '../../../db/clients.ts'
import { getSheet, insertSheet, latestSheetOfVisit, listSheetVersions, markSheetPrinted, updateDraft } from '../../../db/consultations.ts'
import { nextCounter } from '../../../db/counters.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb, WritableDb } from '../../../db/types.ts'
import { getVisit } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

type ConsultationMethods = 'consultations.get' | 'consultations.versions' | 'consultations.saveDraft' | 'consultations.markPrinted' | 'consultations.newVersion'

function requireVisit(db: ReadableDb, id: number): Visit {
  const visit = getVisit(db, id)
  if (!visit) throw new DomainError('not_found', 'error.visitNotFound', { id })
  return visit
}

function requireSheet(db: ReadableDb, id: number): ConsultationSheet {
  const sheet = getSheet(db, id)
  if (!sheet) throw new DomainError('not_found', 'consultation.notFound', { id })
  return sheet
}

const label = (sheet: ConsultationSheet) => `${sheet.sheetNo} 第${sheet.version}版`

/** A new draft prefilled from the client's record and the visit (a snapshot: later edits of the record do not change it). */
function prefill(db: ReadableDb, visit: Visit): ConsultationPayload {
  const payload = emptyPayload()
  const client = getClient(db, visit.clientId)
  if (client) {
    payload.client = {
      ...payload.client,
      name: client.name,
      gender: client.gender,
      age: client.birthDate ? ageOn(client.birthDate, visit.visitDate) : null,
      phone: client.phone,
      occupation: client.occupation,
      maritalStatus: client.maritalStatus,
      // The sheet keeps 120 characters of the address (the record keeps 200).
      address: client.address.slice(0, 120),
      archiveNo: client.archiveNo,
    }
    if (client.allergies.trim() !== '') payload.health.allergies = { answer: 'yes', details: client.allergies }
  }
  const consultant = visit.consultantId === null ? undefined : getStaff(db, visit.consultantId)
  payload.visit = {
    ...payload.visit,
    date: visit.visitDate,
    queueNo: visit.queueNo,
    channel: visit.channel,
    consultantId: consultant?.id ?? null,
    consultantName: consultant?.name ?? '',
  }
  return payload
}

/** The name of a consultant or doctor on the sheet, from the staff record (the sheet keeps it as printed). */
function staffName(db: ReadableDb, id: number | null, role: StaffRole, key: string, field: string): string {
  if (id === null) return ''
  const staff = getStaff(db, id)
  if (!staff || staff.role !== role) throw new DomainError('not_found', key, { id }, field)
  return staff.name
}

/** What is stored of a form: staff names from their records, areas once each in their usual order. */
function normalise(db: ReadableDb, payload: ConsultationPayload): ConsultationPayload {
  return {
    ...payload,
    visit: {
      ...payload.visit,
      consultantName: staffName(db, payload.visit.consultantId, 'consultant', 'error.consultantNotFound', 'payload.visit.consultantId'),
      doctorName: staffName(db, payload.visit.doctorId, 'doctor', 'consultation.doctorNotFound', 'payload.visit.doctorId'),
    },
    concerns: { ...payload.concerns, areas: CONSULTATION_AREAS.filter((a) => payload.concerns.areas.includes(a)) },
  }
}

/** Refuses to print an incomplete sheet, with every missing field named (as a form shows them). */
function requirePrintable(payload: ConsultationPayload): void {
  const issues = Object.entries(printableIssues(payload))
  if (issues.length === 0) return
  throw new z.ZodError(issues.map(([path, message]) => ({ code: 'custom' as const, path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message, input: undefined })))
}

function nextSheetNumber(db: WritableDb, today: string): string {
  const year = today.slice(0, 4)
  return formatSheetNumber(year, nextCounter(db, `consultation:${year}`))
}

function emitVisit(ctx: HandlerContext, sheet: ConsultationSheet): void {
  ctx.emit({ topic: 'visits', ids: [sheet.visitId] })
}

export const consultationHandlers: PartialHandlerTable<ConsultationMethods> = {
  'consultations.get': (ctx, { visitId }) => {
    const visit = requireVisit(ctx.db, visitId)
    const current = latestSheetOfVisit(ctx.db, visitId)
    if (current) {
      ctx.audit(`查看咨询单 ${label(current)}（${visit.queueNo}）`)
      return current
    }
    const sheet = insertSheet(ctx.db, { visitId, sheetNo: nextSheetNumber(ctx.db, ctx.today()), version: 1, payload: prefill(ctx.db, visit) }, ctx.now(), ctx.operator.name)
    ctx.audit(`新建咨询单 ${sheet.sheetNo}（${visit.queueNo} ${sheet.payload.client.name}）`)
    return sheet
  },

  'consultations.versions': (ctx, { visitId }) => (requireVisit(ctx.db, visitId), listSheetVersions(ctx.db, visitId)),

  'consultations.saveDraft': (ctx, { sheetId, expectedRevision, payload }) => {
    const sheet = requireSheet(ctx.db, sheetId)
    if (sheet.status === 'printed') throw new DomainError('conflict', 'consultation.frozen', { sheetNo: sheet.sheetNo, version: sheet.version })
    if (sheet.revision !== expectedRevision) throw new DomainError('conflict', 'consultation.changed', { sheetNo: sheet.sheetNo })
    if (!updateDraft(ctx.db, sheetId, expectedRevision, normalise(ctx.db, payload), ctx.now(), ctx.operator.name)) {
      throw new DomainError('conflict', 'consultation.changed', { sheetNo: sheet.sheetNo })
    }
    ctx.audit(`保存咨询单草稿 ${label(sheet)}`)
    return getSheet(ctx.db, sheetId) as ConsultationSheet
  },

  'consultations.markPrinted': (ctx, { sheetId, expectedRevision }) => {
    const sheet = requireSheet(ctx.db, sheetId)
    if (sheet.status === 'printed') {
      // A reprint of a frozen version: the same content again, nothing changes but the audit trail.
      ctx.audit(`重印咨询单 ${label(sheet)}`)
      return sheet
    }
    if (sheet.revision !== expectedRevision) throw new DomainError('conflict', 'consultation.changed', { sheetNo: sheet.sheetNo })
    requirePrintable(sheet.payload)
    if (!markSheetPrinted(ctx.db, sheetId, expectedRevision, ctx.now(), ctx.operator.name)) throw new DomainError('conflict', 'consultation.changed', { sheetNo: sheet.sheetNo })
    const printed = getSheet(ctx.db, sheetId) as ConsultationSheet
    ctx.audit(`打印咨询单 ${label(printed)}（${printed.payload.client.name}）`)
    emitVisit(ctx, printed)
    return printed
  },

  'consultations.newVersion': (ctx, { sheetId }) => {
    const sheet = requireSheet(ctx.db, sheetId)
    if (sheet.status !== 'printed') throw new DomainError('rule_violation', 'consultation.notPrinted', { sheetNo: sheet.sheetNo, version: sheet.version })
    const latest = latestSheetOfVisit(ctx.db, sheet.visitId) as ConsultationSheet
    if (latest.id !== sheet.id) throw new DomainError('conflict', 'consultation.notLatest', { sheetNo: sheet.sheetNo, latest: latest.version })
    const next = insertSheet(ctx.db, { visitId: sheet.visitId, sheetNo: sheet.sheetNo, version: sheet.version + 1, payload: sheet.payload }, ctx.now(), ctx.operator.name)
    ctx.audit(`咨询单新版本 ${label(next)}（自第${sheet.version}版）`)
    emitVisit(ctx, next)
    return next
  },
}
