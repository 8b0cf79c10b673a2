import '../../../core/i18n/followUpMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import type { FeeSheet } from '../../../core/domain/feeSheet.ts'
import { completePlans, followUpCategoryOf, plannedCalls, type FollowUpResult, type FollowUpRow } from '../../../core/domain/followUp.ts'
import { satisfactionFigures, serviceFigures } from '../../../core/domain/serviceFigures.ts'
import { FOLLOW_UP_RESULT_NAMES } from '../../../core/i18n/followUpMessages.ts'
import { countOpenComplaints } from '../../../db/complaints.ts'
import { deleteOpenCallsOfSheet, getCallRow, insertPlannedCalls, listCallsOfClient, listDueCalls, recordCall, satisfactionFactsIn, type CallOutcome } from '../../../db/followUps.ts'
import { appointmentFactsIn, followUpFactsIn } from '../../../db/serviceFigures.ts'
import { readSettings } from '../../../db/settings.ts'
import { getVisit } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireClient } from './clients.ts'

type FollowUpMethods = 'followUps.due' | 'followUps.ofClient' | 'followUps.record' | 'reports.serviceFigures' | 'reports.satisfaction'

const localDateOfInstant = (iso: string) => localDateOf(new Date(iso))
const who = (call: FollowUpRow) => ({ name: call.clientName, label: call.label })

// ---------------------------------------------------------------------------------------------------
// Steps of the fee sheet's handlers (electron/api/handlers/fees.ts), inside their transaction
// ---------------------------------------------------------------------------------------------------

/**
 * The calls of the plan a paid sheet brings, counted from the clinic's local day of its payment, by the
 * plans in the settings now (a plan changed later does not move calls already made).
 */
export function planFollowUpsOf(ctx: HandlerContext, sheet: FeeSheet): void {
  if (sheet.status !== 'paid' || sheet.paidAt === null) return
  const visitCategory = getVisit(ctx.db, sheet.visitId)?.intendedCategory ?? null
  const category = followUpCategoryOf(sheet.lines, visitCategory)
  const calls = plannedCalls(localDateOfInstant(sheet.paidAt), [category], completePlans(readSettings(ctx.db).followUpPlans))
  const ids = insertPlannedCalls(ctx.db, { clientId: sheet.clientId, visitId: sheet.visitId, feeSheetId: sheet.id }, calls, ctx.now())
  if (ids.length > 0) ctx.emit({ topic: 'followUps', ids })
}

/** A voided sheet's calls nobody has made yet go; the calls already closed stay, as the record of what was said. */
export function dropOpenFollowUpsOf(ctx: HandlerContext, sheetId: number): void {
  const ids = deleteOpenCallsOfSheet(ctx.db, sheetId)
  if (ids.length > 0) ctx.emit({ topic: 'followUps', ids })
}

// ---------------------------------------------------------------------------------------------------
// Recording a call
// ---------------------------------------------------------------------------------------------------

/** An open call still at the version the caller holds: another window's record is a conflict, a closed call a refusal. */
function requireOpenCall(ctx: HandlerContext, id: number, expectedVersion: number): FollowUpRow {
  const call = getCallRow(ctx.db, id, ctx.today())
  if (!call) throw new DomainError('not_found', 'error.followUpNotFound', { id })
  if (call.version !== expectedVersion) throw new DomainError('conflict', 'error.followUpChanged', who(call))
  if (call.status !== 'open') throw new DomainError('rule_violation', 'error.followUpClosed', who(call))
  return call
}

/** "2026-12-04 10:30 小李 未接通：关机": the notes keep every call, dated in the clinic's time. */
function noteLine(at: string, by: string, result: FollowUpResult, notes: string): string {
  const when = new Date(at)
  return `${localDateOf(when)} ${localTimeOf(when)} ${by} ${FOLLOW_UP_RESULT_NAMES[result]}${notes ? `：${notes}` : ''}`
}

function outcomeOf(ctx: HandlerContext, result: FollowUpResult, notes: string, satisfaction: number | null): CallOutcome {
  const at = ctx.now()
  const { id, name } = ctx.operator
  return { result, satisfaction, noteLine: noteLine(at, name, result, notes), done: result === 'no_answer' ? null : { at, byStaffId: id, byName: name } }
}

export const followUpHandlers: PartialHandlerTable<FollowUpMethods> = {
  'followUps.due': (ctx, { date, overdue }) => listDueCalls(ctx.db, date ?? ctx.today(), overdue),

  'followUps.ofClient': (ctx, { clientId }) => (requireClient(ctx.db, clientId), listCallsOfClient(ctx.db, clientId, ctx.today())),

  'followUps.record': (ctx, { id, expectedVersion, result, notes, satisfaction }) => {
    const before = requireOpenCall(ctx, id, expectedVersion)
    if (!recordCall(ctx.db, id, expectedVersion, outcomeOf(ctx, result, notes, satisfaction))) throw new DomainError('conflict', 'error.followUpChanged', who(before))
    ctx.emit({ topic: 'followUps', ids: [id] })
    const score = satisfaction === null ? '' : `，满意度 ${satisfaction} 分`
    ctx.audit(`回访 ${before.clientName}「${before.label}」（应回访日 ${before.dueDate}）：${FOLLOW_UP_RESULT_NAMES[result]}${notes ? `，${notes}` : ''}${score}`)
    return getCallRow(ctx.db, id, ctx.today()) as FollowUpRow
  },

  'reports.serviceFigures': (ctx, { from, to }) =>
    serviceFigures({
      from,
      to,
      today: ctx.today(),
      appointments: appointmentFactsIn(ctx.db, from, to),
      followUps: followUpFactsIn(ctx.db, from, to),
      localDateOfInstant,
    }),

  'reports.satisfaction': (ctx, { from, to }) =>
    satisfactionFigures({ from, to, calls: satisfactionFactsIn(ctx.db, from, to), openComplaints: countOpenComplaints(ctx.db) }),
}
