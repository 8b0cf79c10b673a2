import { z } from 'zod'
import {
  FEE_SHEET_LIMITS,
  type DiscardResult,
  type FeeSheet,
  type FeeSheetSummary,
  type FromConsultationResult,
  type PrintResult,
} from '../domain/feeSheet.ts'
import { discountSchema } from '../fees/schema.ts'
import { PAYMENT_METHODS, ROUND_DOWN_MODES } from '../fees/types.ts'
import { MAX_FEN } from '../money/fen.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const revision = z.number().int().min(1)
const positiveFen = z.number().int('validation.wholeFen').min(1, 'validation.range').max(MAX_FEN, 'validation.range')
const reason = z
  .string()
  .trim()
  .min(FEE_SHEET_LIMITS.reasonMin, 'validation.reasonLength')
  .max(FEE_SHEET_LIMITS.reasonMax, 'validation.reasonLength')

/**
 * A line as the form sends it: the item and how many, with an optional discount. Never a price: the server
 * takes code, name, unit, category, unit and floor price from the price list (or keeps the draft's snapshot).
 */
export const feeLineInputSchema = z
  .object({
    itemId: idSchema,
    quantity: z.number().int('validation.range').min(1, 'validation.range').max(FEE_SHEET_LIMITS.quantity, 'validation.range'),
    discount: discountSchema.nullable().default(null),
  })
  .strict()
export type FeeLineInput = z.input<typeof feeLineInputSchema>

export const feeDepositInputSchema = z
  .object({ fen: positiveFen, note: z.string().trim().max(FEE_SHEET_LIMITS.depositNote, 'validation.tooLong').default('') })
  .strict()

export const feePaymentInputSchema = z.object({ method: z.enum(PAYMENT_METHODS), fen: positiveFen }).strict()

/** Fee sheets (缴费明细单): drafts made from a visit or its consultation plan, confirmed (locked), paid, voided. */
export const feeMethods = {
  /** An empty draft for the visit, with the client, consultant and doctor as they are now (a snapshot). */
  'fees.create': method<FeeSheet>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /**
   * A draft from the consultation sheet's recommended plan: each plan line with an active price-list item becomes
   * a line at today's price; hand-typed lines and lines of missing or inactive items are returned in `skipped`.
   * While a draft made from this sheet exists, that draft is returned (`reused`), not a second one.
   */
  'fees.fromConsultation': method<FromConsultationResult>()({
    input: z.object({ consultationSheetId: idSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
  'fees.get': method<FeeSheet>()({
    input: z.object({ id: idSchema }).strict(),
    writes: false,
    permission: 'read',
  }),
  /** The visit's sheets, oldest first (voided ones included). */
  'fees.ofVisit': method<FeeSheet[]>()({
    input: z.object({ visitId: idSchema }).strict(),
    writes: false,
    permission: 'read',
  }),
  /** The sheets of the visits of a day (default today), in order of sheet number. */
  'fees.list': method<FeeSheetSummary[]>()({
    input: z.object({ date: z.iso.date('validation.date').optional() }).strict(),
    writes: false,
    permission: 'read',
  }),
  /**
   * Saves a draft if it is still at `expectedRevision`. A line whose item already has a line in the stored draft
   * keeps that line's snapshot; a new item takes the price list's current one (the item must exist and be active).
   * Lines under their floor may be saved (they are shown in `totals.floorViolations`); confirm decides.
   * A whole-sheet discount or 抹零 may be set only by an administrator or a consultant.
   */
  'fees.saveDraft': method<FeeSheet>()({
    input: z
      .object({
        id: idSchema,
        expectedRevision: revision,
        lines: z.array(feeLineInputSchema).max(FEE_SHEET_LIMITS.lines),
        sheetDiscount: discountSchema.nullable().default(null),
        roundDown: z.enum(ROUND_DOWN_MODES).default('none'),
        deposits: z.array(feeDepositInputSchema).max(FEE_SHEET_LIMITS.deposits).default([]),
        note: z.string().trim().max(FEE_SHEET_LIMITS.note, 'validation.tooLong').default(''),
      })
      .strict(),
    writes: true,
    permission: 'consult',
  }),
  /**
   * Locks the draft (status confirmed). An empty sheet is refused. Lines under their price floor: only an
   * administrator may confirm, and only with `floorOverrideReason` (recorded on the sheet).
   */
  'fees.confirm': method<FeeSheet>()({
    input: z.object({ id: idSchema, expectedRevision: revision, floorOverrideReason: reason.optional() }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /** Takes payment of a confirmed sheet, split across methods; the payments must add up to the payable amount exactly. */
  'fees.pay': method<FeeSheet>()({
    input: z.object({ id: idSchema, payments: z.array(feePaymentInputSchema).max(FEE_SHEET_LIMITS.payments) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Voids a confirmed or paid sheet (administrator), with a reason. */
  'fees.void': method<FeeSheet>()({
    input: z.object({ id: idSchema, reason }).strict(),
    writes: true,
    permission: 'admin',
  }),
  /** Voids a confirmed or paid sheet (same rules as void) and returns a new draft copy of it that names it in `replacesId`. */
  'fees.reissue': method<FeeSheet>()({
    input: z.object({ id: idSchema, reason }).strict(),
    writes: true,
    permission: 'admin',
  }),
  /** Deletes a draft (its number stays used; the audit log keeps it). A confirmed sheet is never deleted: void it. */
  'fees.discardDraft': method<DiscardResult>()({
    input: z.object({ id: idSchema, expectedRevision: revision }).strict(),
    writes: true,
    permission: 'consult',
  }),
  /**
   * Records a print. The first print of a confirmed or paid sheet is the original, every later one a copy (副本);
   * a draft's print is marked 草稿, is not counted and is never a copy. A void sheet is not printed.
   */
  'fees.markPrinted': method<PrintResult>()({
    input: z.object({ id: idSchema }).strict(),
    writes: true,
    permission: 'consult',
  }),
}
