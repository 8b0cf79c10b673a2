import type { Discount, FeeLine, PaymentMethod, RoundDown, SheetTotals } from '../fees/index.ts'
import type { Fen } from '../money/fen.ts'
import type { Gender } from './client.ts'

/**
 * The fee sheet (缴费明细单, DOMAIN.md "Fee sheet"): the itemised fees of a visit, explained line by line and
 * signed by the client before paying. A draft is edited freely; a confirmed sheet is locked (the database
 * refuses to change its lines); a correction voids it and issues a new draft that names the one it replaces.
 *
 *   draft ──confirm──▶ confirmed ──pay──▶ paid
 *     │                    │               │
 *  discard              void/reissue   void/reissue ──▶ void
 */
export const FEE_SHEET_STATUSES = ['draft', 'confirmed', 'paid', 'void'] as const
export type FeeSheetStatus = (typeof FEE_SHEET_STATUSES)[number]

/** The client as printed on the sheet: a snapshot taken when the sheet was made. */
export interface FeeSheetClient {
  name: string
  archiveNo: string
  gender: Gender
  /** Age on the visit day; null when the birth date is not known. */
  age: number | null
  phone: string
}

/** A deposit (定金) applied to the sheet: only the part used here, fen > 0; `note` says which (e.g. the receipt number). */
export interface FeeDeposit {
  fen: Fen
  note: string
}

/** A payment taken at the desk. */
export interface FeePayment {
  method: PaymentMethod
  fen: Fen
  /** ISO-8601 UTC. */
  at: string
  /** The operator's name. */
  by: string
}

/** An administrator's confirmation of a sheet with lines under their price floor. */
export interface FloorOverride {
  by: string
  at: string
  reason: string
}

export interface FeeSheet {
  id: number
  /** SF + year + running number of the year, e.g. SF2026-000001. */
  sheetNo: string
  visitId: number
  clientId: number
  /** The consultation sheet (that version) the lines were taken from; null for a sheet made by hand. */
  consultationSheetId: number | null
  /** The voided sheet this one corrects. */
  replacesId: number | null
  /** The sheet issued to correct this one (set only on a voided sheet). */
  replacedById: number | null
  status: FeeSheetStatus
  /** Bumped by every change: a save or a confirm names the revision it started from (optimistic concurrency). */
  revision: number
  client: FeeSheetClient
  consultantName: string
  doctorName: string
  /** YYYY-MM-DD, the visit's day. */
  visitDate: string
  queueNo: string
  /** The lines with the price-list snapshot (code, name, unit, category, unit and floor price) taken when each was added. */
  lines: FeeLine[]
  sheetDiscount: Discount | null
  roundDown: RoundDown
  deposits: FeeDeposit[]
  payments: FeePayment[]
  note: string
  /** Worked out by core/fees sheetTotals from the stored lines on every read; never taken from input. */
  totals: SheetTotals
  /** The total in capital figures with 人民币 in front, e.g. 人民币壹仟肆佰零玖元伍角. */
  capitalAmount: string
  floorOverride: FloorOverride | null
  confirmedAt: string | null
  confirmedBy: string | null
  paidAt: string | null
  paidBy: string | null
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
  /** Prints of the confirmed or paid sheet; the first is the original, every later one a copy (副本). */
  printCount: number
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** A light row of a day's list (desk, cashier, daily log). */
export interface FeeSheetSummary {
  id: number
  sheetNo: string
  visitId: number
  queueNo: string
  clientName: string
  consultantName: string
  status: FeeSheetStatus
  /** The sheet's total, fen. */
  totalFen: Fen
  /** Paid at the desk, fen (deposits not included). */
  paidFen: Fen
  createdAt: string
}

/** A plan line of the consultation sheet that did not become a fee line. */
export const SKIP_REASONS = ['hand_typed', 'item_missing', 'item_inactive'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

export interface SkippedPlanLine {
  /** Index of the line in the consultation sheet's plan. */
  index: number
  name: string
  reason: SkipReason
}

export interface FromConsultationResult {
  sheet: FeeSheet
  /** Plan lines not carried over; empty when an existing draft was returned. */
  skipped: SkippedPlanLine[]
  /** True when a draft of this consultation sheet already existed and is returned instead of a new one. */
  reused: boolean
}

export interface PrintResult {
  sheet: FeeSheet
  /** False for the original (the first print of a confirmed or paid sheet) and for a draft print (marked 草稿). */
  copy: boolean
}

export interface DiscardResult {
  id: number
  sheetNo: string
}

/** Limits shared by the API schema and the form. */
export const FEE_SHEET_LIMITS = {
  lines: 100,
  deposits: 10,
  payments: 10,
  note: 500,
  depositNote: 60,
  reasonMin: 2,
  reasonMax: 200,
  quantity: 9999,
} as const

/** The sheet number: SF, the year and a running number of six digits, e.g. SF2026-000001. */
export function formatFeeSheetNumber(year: string, seq: number): string {
  return `SF${year}-${String(seq).padStart(6, '0')}`
}
