import '../../../core/i18n/rebateMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { FeeSheet } from '../../../core/domain/feeSheet.ts'
import { REBATE_FIGURES, rebateOfFeeSheet, referralCommission, reversalOf, type RebateFigures, type RebateLineInput, type SheetRebate } from '../../../core/domain/rebate.ts'
import { formatFen } from '../../../core/money/format.ts'
import { getStore } from '../../../db/partners.ts'
import { getPriceItem } from '../../../db/priceItems.ts'
import { closedPeriod } from '../../../db/rebatePeriods.ts'
import { entriesOfSheet, insertRebateEntry, type NewRebateEntry, type StoredEntry } from '../../../db/rebates.ts'
import { getReferral } from '../../../db/referrals.ts'
import { readSettings } from '../../../db/settings.ts'
import { getVisit } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'

/**
 * The rebate ledger's bookings, called by fees.pay and by the void of a paid sheet inside their transaction
 * (DOMAIN.md "Partner stores"): a partner visit's paid sheet books the store's rebate, a referred client's
 * paid sheet books the referral commission, and a void books the negative twin of each in the void month.
 * Each returns a short Chinese note for the fee handler's audit line ('' when nothing was booked).
 */

const periodOf = (ctx: HandlerContext) => ctx.today().slice(0, 7)

function insertInOpenPeriod(ctx: HandlerContext, entry: NewRebateEntry): void {
  if (closedPeriod(ctx.db, entry.period)) throw new DomainError('rule_violation', 'error.rebatePeriodClosed', { period: entry.period })
  insertRebateEntry(ctx.db, entry)
}

/**
 * The sheet's lines as the rebate maths takes them. A line's own discount can leave an amount that is not a
 * whole multiple of its quantity, so every line goes in as one unit of its whole amount (list price and cost
 * times the quantity likewise, which gives the same figures); the real quantity is put back afterwards.
 */
function rebateLinesOf(ctx: HandlerContext, sheet: FeeSheet): RebateLineInput[] {
  return sheet.lines.map((line, i) => {
    const item = getPriceItem(ctx.db, line.itemId)
    const cost = item?.costFen ?? null
    return {
      code: line.code,
      name: line.name,
      category: line.category,
      quantity: 1,
      unitPriceFen: sheet.totals.lines[i]?.amount ?? 0,
      // The list price the sheet was made with (its snapshot), not a later change of the price list.
      listPriceFen: line.unitPrice * line.quantity,
      costFen: cost === null ? null : cost * line.quantity,
      specialPrice: item?.specialPrice ?? false,
    }
  })
}

const ZERO_COMMISSION = { commissionFen: 0, referrerFen: 0, salespersonFen: 0 }

function baseEntry(ctx: HandlerContext, sheet: FeeSheet, period: string) {
  return { period, reversal: false, reversesPeriod: null, feeSheetId: sheet.id, clientId: sheet.clientId, bookedAt: ctx.now(), bookedByName: ctx.operator.name }
}

/** The figures of a rebate or an entry, every other field left out. */
const figuresOf = (from: RebateFigures): RebateFigures => Object.fromEntries(REBATE_FIGURES.map((f) => [f, from[f]])) as RebateFigures
const NO_FIGURES = Object.fromEntries(REBATE_FIGURES.map((f) => [f, 0])) as RebateFigures

/** Books what a paid sheet earns: the store's rebate of a partner visit, the commission of a referred client. */
export function bookRebatesOfPaid(ctx: HandlerContext, sheet: FeeSheet): string {
  const period = periodOf(ctx)
  const rates = readSettings(ctx.db).rebateRates
  const notes: string[] = []
  const visit = getVisit(ctx.db, sheet.visitId)
  const store = visit?.partnerStoreId == null ? undefined : getStore(ctx.db, visit.partnerStoreId, false)
  if (store) {
    const rebate = rebateOfFeeSheet({ sheetNo: sheet.sheetNo, period, lines: rebateLinesOf(ctx, sheet), paidFen: sheet.totals.total }, rates)
    rebate.lines.forEach((line, i) => (line.quantity = sheet.lines[i]?.quantity ?? line.quantity))
    insertInOpenPeriod(ctx, {
      ...baseEntry(ctx, sheet, period),
      kind: 'store_rebate',
      storeId: store.id,
      salespersonId: store.salespersonId,
      referrerId: null,
      figures: figuresOf(rebate),
      commission: ZERO_COMMISSION,
      lines: rebate.lines,
      exclusions: rebate.exclusions,
      specialPriceLines: rebate.specialPriceLines,
      rates: rebate.rates,
    })
    notes.push(`店家返款 ${store.name} ${formatFen(rebate.storeShareFen)}（${period}）`)
  }
  const referral = getReferral(ctx.db, sheet.clientId)
  if (referral) {
    const deal = sheet.totals.total
    const commission = referralCommission(deal, rates)
    // A referral entry's figures are the deal's: paid = base = the deal; no store share.
    const figures: RebateFigures = { ...NO_FIGURES, linesFen: deal, paidFen: deal, baseFen: deal }
    insertInOpenPeriod(ctx, {
      ...baseEntry(ctx, sheet, period),
      kind: 'referral',
      storeId: null,
      salespersonId: referral.salespersonId,
      referrerId: referral.referrerId,
      figures,
      commission,
      lines: [],
      exclusions: [],
      specialPriceLines: [],
      rates,
    })
    notes.push(`介绍提成 ${formatFen(commission.commissionFen)}（介绍人 ${referral.referrerName} ${formatFen(commission.referrerFen)}，业务员 ${referral.salespersonName} ${formatFen(commission.salespersonFen)}）`)
  }
  if (notes.length > 0) ctx.emit({ topic: 'rebates', ids: [sheet.id] })
  return notes.join('；')
}

/** The rebate an entry was booked from, for reversalOf. */
function asSheetRebate(entry: StoredEntry): SheetRebate {
  const { lines, exclusions, specialPriceLines, rates, sheetNo, period } = entry
  return { ...figuresOf(entry), kind: 'rebate', sheetNo, period, reversesPeriod: null, lines, exclusions, specialPriceLines, rates }
}

/** Books the negative twin of every entry of a voided sheet that has none yet, in the month of the void. */
export function reverseRebatesOf(ctx: HandlerContext, sheet: FeeSheet): string {
  const period = periodOf(ctx)
  const entries = entriesOfSheet(ctx.db, sheet.id)
  const reversed = new Set(entries.filter((e) => e.reversal).map((e) => e.kind))
  const notes: string[] = []
  for (const entry of entries.filter((e) => !e.reversal && !reversed.has(e.kind))) {
    const twin = reversalOf(asSheetRebate(entry), period)
    insertInOpenPeriod(ctx, {
      ...baseEntry(ctx, sheet, period),
      reversal: true,
      reversesPeriod: entry.period,
      kind: entry.kind,
      storeId: entry.storeId,
      salespersonId: entry.salespersonId,
      referrerId: entry.referrerId,
      figures: figuresOf(twin),
      commission: { commissionFen: 0 - entry.commissionFen, referrerFen: 0 - entry.referrerFen, salespersonFen: 0 - entry.salespersonFen },
      lines: twin.lines,
      exclusions: twin.exclusions,
      specialPriceLines: twin.specialPriceLines,
      rates: twin.rates,
    })
    notes.push(
      entry.kind === 'store_rebate'
        ? `冲回店家返款 ${entry.storeName} ${formatFen(twin.storeShareFen)}（原 ${entry.period}，记入 ${period}）`
        : `冲回介绍提成 ${formatFen(0 - entry.commissionFen)}（原 ${entry.period}，记入 ${period}）`,
    )
  }
  if (notes.length > 0) ctx.emit({ topic: 'rebates', ids: [sheet.id] })
  return notes.join('；')
}
