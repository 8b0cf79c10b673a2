import '../../../core/i18n/consultationMessages.ts'
import '../../../core/i18n/feeMessages.ts'
import type { FeeLineInput } from '../../../core/api/fees.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { ConsultationSheet } from '../../../core/domain/consultation.ts'
import { ageOn } from '../../../core/domain/dates.ts'
import { canConfirmUnderFloor, canGiveSheetDiscount, canRoundDown, canVoidFeeSheet } from '../../../core/domain/feePermissions.ts'
import {
  formatFeeSheetNumber,
  type FeeDeposit,
  type FeeSheet,
  type SkippedPlanLine,
} from '../../../core/domain/feeSheet.ts'
import type { PriceItem } from '../../../core/domain/priceItem.ts'
import type { Visit } from '../../../core/domain/visit.ts'
import {
  sheetTotals,
  type Discount,
  type FeeError,
  type FeeLine,
  type FloorViolation,
  type PaymentMethod,
  type RoundDown,
  type SheetTotals,
} from '../../../core/fees/index.ts'
import { feeErrorMessageKey } from '../../../core/i18n/feeMessages.ts'
import { formatFen } from '../../../core/money/format.ts'
import { getClient } from '../../../db/clients.ts'
import { getSheet as getConsultationSheet, latestSheetOfVisit } from '../../../db/consultations.ts'
import { nextCounter } from '../../../db/counters.ts'
import {
  confirmFeeSheet,
  countFeeSheetPrint,
  deleteFeeDraft,
  draftOfConsultation,
  feeSheetsOfVisit,
  getFeeSheet,
  insertFeeSheet,
  listFeeSheetsOfDay,
  payFeeSheet,
  saveFeeDraft,
  voidFeeSheet,
  type FeeDraftContent,
  type NewFeeSheet,
} from '../../../db/feeSheets.ts'
import { getPriceItem } from '../../../db/priceItems.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb, WritableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { makeCardsOfPaid, refuseVoidOfUsedCards, voidCardsOf } from './cardBooking.ts'
import { dropOpenFollowUpsOf, planFollowUpsOf } from './followUps.ts'
import { bookRebatesOfPaid, reverseRebatesOf } from './rebateBooking.ts'
import { payFromStoredValue, reverseStoredValueOf } from './storedValueBooking.ts'
import { requireVisit } from './visitGuards.ts'

type FeeMethods =
  | 'fees.create'
  | 'fees.fromConsultation'
  | 'fees.get'
  | 'fees.ofVisit'
  | 'fees.list'
  | 'fees.saveDraft'
  | 'fees.confirm'
  | 'fees.pay'
  | 'fees.void'
  | 'fees.reissue'
  | 'fees.discardDraft'
  | 'fees.markPrinted'

// ---------------------------------------------------------------------------------------------------
// Lookups and refusals
// ---------------------------------------------------------------------------------------------------

function requireSheet(db: ReadableDb, id: number): FeeSheet {
  const sheet = getFeeSheet(db, id)
  if (!sheet) throw new DomainError('not_found', 'fees.notFound', { id })
  return sheet
}

/** A draft still at the revision the caller started from. */
function requireDraft(db: ReadableDb, id: number, expectedRevision: number): FeeSheet {
  const sheet = requireSheet(db, id)
  if (sheet.status !== 'draft') throw new DomainError('conflict', 'fees.locked', { sheetNo: sheet.sheetNo })
  if (sheet.revision !== expectedRevision) throw new DomainError('conflict', 'fees.changed', { sheetNo: sheet.sheetNo })
  return sheet
}

const changed = (sheet: FeeSheet) => new DomainError('conflict', 'fees.changed', { sheetNo: sheet.sheetNo })

/** A visit that can still be billed: not one that left unseen or was cancelled. */
function requireBillableVisit(db: ReadableDb, visitId: number): Visit {
  const visit = requireVisit(db, visitId)
  if (visit.status === 'left' || visit.status === 'cancelled') throw new DomainError('rule_violation', 'fees.visitClosed', { queueNo: visit.queueNo })
  return visit
}

/** The price list's current snapshot of an item, for a line. */
function lineFromItem(item: PriceItem, quantity: number, discount: Discount | null): FeeLine {
  return {
    itemId: item.id,
    code: item.code,
    name: item.name,
    unit: item.unit,
    category: item.category,
    unitPrice: item.listPriceFen,
    floorPrice: item.floorPriceFen,
    quantity,
    discount,
  }
}

/** Turns the first error of the fee maths into a refusal naming the line, deposit or part of the sheet concerned. */
function feeRefusal(error: FeeError, lines: readonly FeeLine[]): DomainError {
  const key = feeErrorMessageKey(error)
  const i = error.index ?? 0
  const discountCode = error.code === 'invalid_discount_rate' || error.code === 'invalid_discount_amount' || error.code === 'discount_exceeds_amount'
  switch (error.scope) {
    case 'line':
      return new DomainError('invalid_input', key, { line: i + 1, name: lines[i]?.name ?? '' }, discountCode ? `lines.${i}.discount` : `lines.${i}.quantity`)
    case 'deposit':
      return new DomainError('invalid_input', key, { deposit: i + 1 }, `deposits.${i}.fen`)
    case 'payment':
      return new DomainError('invalid_input', key, { payment: i + 1 }, `payments.${i}`)
    case 'sheet':
      return new DomainError('invalid_input', key, {}, discountCode ? 'sheetDiscount' : error.code === 'deposits_exceed_total' ? 'deposits' : undefined)
  }
}

/** The figures of a draft's content, or a clear invalid-input refusal. */
function totalsOf(content: FeeDraftContent): SheetTotals {
  const result = sheetTotals({
    lines: content.lines,
    sheetDiscount: content.sheetDiscount,
    roundDown: content.roundDown,
    deposits: content.deposits.map((d) => d.fen),
    payments: [],
  })
  if (!result.ok) throw feeRefusal(result.errors[0] as FeeError, content.lines)
  return result.value
}

// ---------------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------------

type Header = Pick<NewFeeSheet, 'visitId' | 'clientId' | 'client' | 'consultantName' | 'doctorName' | 'visitDate' | 'queueNo'>

/**
 * The client, consultant and doctor as the records say now: the client from the client record, the
 * consultant and doctor from the consultation sheet (`source`, or else the visit's latest version), the
 * consultant from the visit when no sheet names one.
 */
function headerOf(db: ReadableDb, visit: Visit, source?: ConsultationSheet): Header {
  const client = getClient(db, visit.clientId)
  const consultation = source ?? latestSheetOfVisit(db, visit.id)
  const visitConsultant = visit.consultantId === null ? '' : (getStaff(db, visit.consultantId)?.name ?? '')
  return {
    visitId: visit.id,
    clientId: visit.clientId,
    client: {
      name: client?.name ?? '',
      archiveNo: client?.archiveNo ?? '',
      gender: client?.gender ?? 'unknown',
      age: client?.birthDate ? ageOn(client.birthDate, visit.visitDate) : null,
      phone: client?.phone ?? '',
    },
    consultantName: consultation?.payload.visit.consultantName || visitConsultant,
    doctorName: consultation?.payload.visit.doctorName ?? '',
    visitDate: visit.visitDate,
    queueNo: visit.queueNo,
  }
}

function nextSheetNumber(db: WritableDb, today: string): string {
  const year = today.slice(0, 4)
  return formatFeeSheetNumber(year, nextCounter(db, `fees:${year}`))
}

/**
 * The lines of a save: an item that already has a line in the stored draft keeps that line's snapshot (a later
 * price change does not reach a draft); a new item takes the price list's current snapshot and must be active.
 */
function buildLines(db: ReadableDb, stored: readonly FeeLine[], input: readonly FeeLineInput[]): FeeLine[] {
  const kept = new Map<number, FeeLine>()
  for (const line of stored) if (!kept.has(line.itemId)) kept.set(line.itemId, line)
  return input.map((l, i) => {
    const discount = l.discount ?? null
    const snapshot = kept.get(l.itemId)
    if (snapshot) return { ...snapshot, quantity: l.quantity, discount }
    const item = getPriceItem(db, l.itemId)
    if (!item) throw new DomainError('not_found', 'fees.itemNotFound', { line: i + 1, itemId: l.itemId }, `lines.${i}.itemId`)
    if (!item.active) throw new DomainError('rule_violation', 'fees.itemInactive', { line: i + 1, code: item.code, name: item.name }, `lines.${i}.itemId`)
    return lineFromItem(item, l.quantity, discount)
  })
}

// ---------------------------------------------------------------------------------------------------
// Audit texts
// ---------------------------------------------------------------------------------------------------

const PAYMENT_NAMES_ZH: Record<PaymentMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡', stored_value: '储值' }

const ROUND_DOWN_ZH: Record<RoundDown, string> = { none: '不抹零', jiao: '抹零到角', yuan: '抹零到元' }

function discountText(discount: Discount | null): string {
  if (discount === null) return '无'
  return discount.kind === 'rate' ? `${discount.percent / 10}折` : `减${formatFen(discount.fen)}`
}

function sameDiscount(a: Discount | null, b: Discount | null): boolean {
  if (a === null || b === null) return a === b
  if (a.kind === 'rate') return b.kind === 'rate' && a.percent === b.percent
  return b.kind === 'amount' && a.fen === b.fen
}

const label = (sheet: FeeSheet) => `缴费单 ${sheet.sheetNo}（${sheet.client.name}，合计 ${formatFen(sheet.totals.total)}）`

/** What a save changed, briefly: lines added, removed or altered, the discount, 抹零, deposits, note. */
function changesOf(before: FeeSheet, after: FeeSheet): string {
  const parts: string[] = []
  const key = (l: FeeLine) => `${l.itemId}`
  const old = new Map(before.lines.map((l) => [key(l), l]))
  const now = new Map(after.lines.map((l) => [key(l), l]))
  for (const [k, l] of now) {
    const o = old.get(k)
    if (!o) parts.push(`加 ${l.code} ${l.name}×${l.quantity}`)
    else if (o.quantity !== l.quantity || !sameDiscount(o.discount, l.discount))
      parts.push(`改 ${l.code} ×${o.quantity}→×${l.quantity}${sameDiscount(o.discount, l.discount) ? '' : ` 折扣${discountText(o.discount)}→${discountText(l.discount)}`}`)
  }
  for (const [k, l] of old) if (!now.has(k)) parts.push(`删 ${l.code} ${l.name}`)
  if (!sameDiscount(before.sheetDiscount, after.sheetDiscount)) parts.push(`整单折扣 ${discountText(after.sheetDiscount)}`)
  if (before.roundDown !== after.roundDown) parts.push(ROUND_DOWN_ZH[after.roundDown])
  if (before.totals.deposits !== after.totals.deposits || before.deposits.length !== after.deposits.length) parts.push(`定金 ${formatFen(after.totals.deposits)}`)
  if (before.note !== after.note) parts.push('改备注')
  return parts.length === 0 ? '无改动' : parts.join('；')
}

/** The lines under their floor, named with how much each is short: "FA01 玻尿酸（¥120.00）、…". */
function floorItems(sheet: FeeSheet, violations: readonly FloorViolation[]): string {
  return violations.map((v) => `${v.code} ${sheet.lines[v.lineIndex]?.name ?? ''}（${formatFen(v.shortBy)}）`).join('、')
}

function emitChange(ctx: HandlerContext, sheet: { id: number; visitId: number }, ...more: number[]): void {
  ctx.emit({ topic: 'fees', ids: [sheet.id, ...more] })
  ctx.emit({ topic: 'visits', ids: [sheet.visitId] })
}

// ---------------------------------------------------------------------------------------------------
// Shared steps
// ---------------------------------------------------------------------------------------------------

function createDraft(ctx: HandlerContext, header: Header, extra: Pick<NewFeeSheet, 'consultationSheetId' | 'replacesId'>, content: FeeDraftContent): FeeSheet {
  totalsOf(content)
  const id = insertFeeSheet(ctx.db, { ...header, ...extra, ...content, sheetNo: nextSheetNumber(ctx.db, ctx.today()) }, ctx.now(), ctx.operator.name)
  return getFeeSheet(ctx.db, id) as FeeSheet
}

/**
 * Voids a confirmed or paid sheet by an administrator, with the reason, drops its open follow-up calls, books
 * the reversal of its rebates in this month and voids its treatment cards (refused while one has a session
 * deducted); the caller audits, with `notes` (what was reversed and voided, or '').
 */
function voidSheet(ctx: HandlerContext, id: number, reason: string): { voided: FeeSheet; notes: string } {
  const sheet = requireSheet(ctx.db, id)
  if (!canVoidFeeSheet(ctx.operator.role)) throw new DomainError('forbidden', 'fees.voidForbidden')
  if (sheet.status === 'draft') throw new DomainError('rule_violation', 'fees.voidDraft', { sheetNo: sheet.sheetNo })
  if (sheet.status === 'void') throw new DomainError('conflict', 'fees.isVoid', { sheetNo: sheet.sheetNo })
  refuseVoidOfUsedCards(ctx, sheet)
  if (!voidFeeSheet(ctx.db, id, reason, ctx.now(), ctx.operator.name)) throw changed(sheet)
  dropOpenFollowUpsOf(ctx, id)
  const voided = getFeeSheet(ctx.db, id) as FeeSheet
  const rebates = reverseRebatesOf(ctx, voided)
  return { voided, notes: rebateNote(rebates) + rebateNote(voidCardsOf(ctx, voided)) + rebateNote(reverseStoredValueOf(ctx, voided)) }
}

/** An audit line's tail naming what the ledger booked (or what else the payment or void did). */
const rebateNote = (note: string) => (note === '' ? '' : `；${note}`)

const EMPTY_CONTENT: FeeDraftContent = { lines: [], sheetDiscount: null, roundDown: 'none', deposits: [], note: '' }

// ---------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------

export const feeHandlers: PartialHandlerTable<FeeMethods> = {
  'fees.create': (ctx, { visitId }) => {
    const visit = requireBillableVisit(ctx.db, visitId)
    const sheet = createDraft(ctx, headerOf(ctx.db, visit), { consultationSheetId: null, replacesId: null }, EMPTY_CONTENT)
    ctx.audit(`新建缴费单 ${sheet.sheetNo}（${visit.queueNo} ${sheet.client.name}）`)
    emitChange(ctx, sheet)
    return sheet
  },

  'fees.fromConsultation': (ctx, { consultationSheetId }) => {
    const consultation = getConsultationSheet(ctx.db, consultationSheetId)
    if (!consultation) throw new DomainError('not_found', 'consultation.notFound', { id: consultationSheetId })
    const existing = draftOfConsultation(ctx.db, consultationSheetId)
    if (existing !== undefined) {
      const sheet = getFeeSheet(ctx.db, existing) as FeeSheet
      ctx.audit(`打开咨询单 ${consultation.sheetNo} 的缴费单草稿 ${sheet.sheetNo}`)
      return { sheet, skipped: [], reused: true }
    }
    const visit = requireBillableVisit(ctx.db, consultation.visitId)
    const skipped: SkippedPlanLine[] = []
    const lines: FeeLine[] = []
    consultation.payload.plan.forEach((planLine, index) => {
      const name = planLine.name
      if (planLine.itemId === null) return void skipped.push({ index, name, reason: 'hand_typed' })
      const item = getPriceItem(ctx.db, planLine.itemId)
      if (!item) return void skipped.push({ index, name, reason: 'item_missing' })
      if (!item.active) return void skipped.push({ index, name: name || item.name, reason: 'item_inactive' })
      lines.push(lineFromItem(item, planLine.quantity, null))
    })
    const sheet = createDraft(ctx, headerOf(ctx.db, visit, consultation), { consultationSheetId, replacesId: null }, { ...EMPTY_CONTENT, lines })
    ctx.audit(
      `由咨询单 ${consultation.sheetNo} 第${consultation.version}版新建${label(sheet)}，${lines.length} 项` +
        (skipped.length > 0 ? `，未带入 ${skipped.length} 项：${skipped.map((s) => s.name || `第${s.index + 1}行`).join('、')}` : ''),
    )
    emitChange(ctx, sheet)
    return { sheet, skipped, reused: false }
  },

  'fees.get': (ctx, { id }) => requireSheet(ctx.db, id),

  'fees.ofVisit': (ctx, { visitId }) => (requireVisit(ctx.db, visitId), feeSheetsOfVisit(ctx.db, visitId)),

  'fees.list': (ctx, { date }) => listFeeSheetsOfDay(ctx.db, date ?? ctx.today()),

  'fees.saveDraft': (ctx, input) => {
    const before = requireDraft(ctx.db, input.id, input.expectedRevision)
    const role = ctx.operator.role
    if (input.sheetDiscount !== null && !sameDiscount(input.sheetDiscount, before.sheetDiscount) && !canGiveSheetDiscount(role)) {
      throw new DomainError('forbidden', 'fees.sheetDiscountForbidden', {}, 'sheetDiscount')
    }
    if (input.roundDown !== 'none' && input.roundDown !== before.roundDown && !canRoundDown(role)) {
      throw new DomainError('forbidden', 'fees.roundDownForbidden', {}, 'roundDown')
    }
    const deposits: FeeDeposit[] = input.deposits.map((d) => ({ fen: d.fen, note: d.note }))
    const content: FeeDraftContent = {
      lines: buildLines(ctx.db, before.lines, input.lines),
      sheetDiscount: input.sheetDiscount,
      roundDown: input.roundDown,
      deposits,
      note: input.note,
    }
    totalsOf(content)
    if (!saveFeeDraft(ctx.db, before.id, input.expectedRevision, content, ctx.now(), ctx.operator.name)) throw changed(before)
    const after = getFeeSheet(ctx.db, before.id) as FeeSheet
    ctx.audit(`保存${label(after)}草稿：${changesOf(before, after)}`)
    emitChange(ctx, after)
    return after
  },

  'fees.confirm': (ctx, { id, expectedRevision, floorOverrideReason }) => {
    const sheet = requireDraft(ctx.db, id, expectedRevision)
    if (sheet.lines.length === 0) throw new DomainError('rule_violation', 'fees.empty', { sheetNo: sheet.sheetNo })
    const totals = sheet.totals
    const violations = totals.floorViolations
    let floorOverride: FeeSheet['floorOverride'] = null
    if (violations.length > 0) {
      const items = floorItems(sheet, violations)
      if (!canConfirmUnderFloor(ctx.operator.role)) throw new DomainError('forbidden', 'fees.floorForbidden', { items })
      if (floorOverrideReason === undefined) throw new DomainError('invalid_input', 'fees.floorReasonRequired', { items }, 'floorOverrideReason')
      floorOverride = { by: ctx.operator.name, at: ctx.now(), reason: floorOverrideReason }
    }
    const ok = confirmFeeSheet(
      ctx.db,
      id,
      expectedRevision,
      { nets: totals.lines.map((l) => l.net), totalFen: totals.total, payableFen: totals.payable, floorOverride },
      ctx.now(),
      ctx.operator.name,
    )
    if (!ok) throw changed(sheet)
    const confirmed = getFeeSheet(ctx.db, id) as FeeSheet
    ctx.audit(
      `确认${label(confirmed)}，应付 ${formatFen(totals.payable)}` +
        (floorOverride ? `；低于最低价经管理员确认：${floorItems(sheet, violations)}，理由：${floorOverride.reason}` : ''),
    )
    emitChange(ctx, confirmed)
    return confirmed
  },

  'fees.pay': (ctx, { id, payments }) => {
    const sheet = requireSheet(ctx.db, id)
    if (sheet.status === 'draft') throw new DomainError('rule_violation', 'fees.notConfirmed', { sheetNo: sheet.sheetNo })
    if (sheet.status === 'paid') throw new DomainError('conflict', 'fees.alreadyPaid', { sheetNo: sheet.sheetNo })
    if (sheet.status === 'void') throw new DomainError('conflict', 'fees.isVoid', { sheetNo: sheet.sheetNo })
    const payable = sheet.totals.payable
    const given = payments.reduce((s, p) => s + p.fen, 0)
    if (given !== payable) {
      const params = { payable: formatFen(payable), given: formatFen(given), diff: formatFen(Math.abs(payable - given)) }
      throw new DomainError('invalid_input', given < payable ? 'fees.paymentShort' : 'fees.paymentOver', params, 'payments')
    }
    const storedValue = payFromStoredValue(ctx, sheet, payments)
    if (!payFeeSheet(ctx.db, id, payments, ctx.now(), ctx.operator.name)) throw changed(sheet)
    const paid = getFeeSheet(ctx.db, id) as FeeSheet
    const split = payments.map((p) => `${PAYMENT_NAMES_ZH[p.method]} ${formatFen(p.fen)}`).join('、')
    const rebates = bookRebatesOfPaid(ctx, paid)
    const cards = makeCardsOfPaid(ctx, paid)
    ctx.audit(`收费${label(paid)}：${split || '定金已抵全款'}${rebateNote(rebates)}${rebateNote(cards)}${rebateNote(storedValue)}`)
    emitChange(ctx, paid)
    planFollowUpsOf(ctx, paid)
    return paid
  },

  'fees.void': (ctx, { id, reason }) => {
    const { voided, notes } = voidSheet(ctx, id, reason)
    ctx.audit(`作废${label(voided)}，理由：${reason}${notes}`)
    emitChange(ctx, voided)
    return voided
  },

  'fees.reissue': (ctx, { id, reason }) => {
    const { voided, notes } = voidSheet(ctx, id, reason)
    const visit = requireVisit(ctx.db, voided.visitId)
    const content: FeeDraftContent = {
      lines: voided.lines,
      sheetDiscount: voided.sheetDiscount,
      roundDown: voided.roundDown,
      deposits: voided.deposits,
      note: voided.note,
    }
    const draft = createDraft(ctx, headerOf(ctx.db, visit), { consultationSheetId: voided.consultationSheetId, replacesId: voided.id }, content)
    ctx.audit(`作废${label(voided)}并重开为 ${draft.sheetNo}，理由：${reason}${notes}`)
    emitChange(ctx, draft, voided.id)
    return draft
  },

  'fees.discardDraft': (ctx, { id, expectedRevision }) => {
    const sheet = requireSheet(ctx.db, id)
    if (sheet.status !== 'draft') throw new DomainError('rule_violation', 'fees.discardLocked', { sheetNo: sheet.sheetNo })
    if (sheet.revision !== expectedRevision || !deleteFeeDraft(ctx.db, id, expectedRevision)) throw changed(sheet)
    ctx.audit(`删除${label(sheet)}草稿`)
    emitChange(ctx, sheet)
    return { id: sheet.id, sheetNo: sheet.sheetNo }
  },

  'fees.markPrinted': (ctx, { id }) => {
    const sheet = requireSheet(ctx.db, id)
    if (sheet.status === 'void') throw new DomainError('rule_violation', 'fees.printVoid', { sheetNo: sheet.sheetNo })
    if (sheet.status === 'draft') {
      ctx.audit(`打印${label(sheet)}（草稿）`)
      emitChange(ctx, sheet)
      return { sheet, copy: false }
    }
    const before = countFeeSheetPrint(ctx.db, id)
    if (before === undefined) throw changed(sheet)
    const printed = getFeeSheet(ctx.db, id) as FeeSheet
    const copy = before > 0
    ctx.audit(`打印${label(printed)}${copy ? `（副本，第${printed.printCount}次打印）` : '（原件）'}`)
    emitChange(ctx, printed)
    return { sheet: printed, copy }
  },
}
