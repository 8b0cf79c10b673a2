import { z } from 'zod'
import type { RebateExclusion, RebateFigures, RebateLine } from '../domain/rebateTypes.ts'
import type { StatementTotals } from '../domain/rebateStatement.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

export type RebateEntryKind = 'store_rebate' | 'referral'

/** One booked entry of the rebate ledger; entries are never changed, a void books a negative twin. */
export interface RebateEntry extends RebateFigures {
  id: number
  /** YYYY-MM the entry is booked in (paid month, or the void month for a reversal). */
  period: string
  kind: RebateEntryKind
  /** true: the negative twin written when the sheet was voided. */
  reversal: boolean
  /** For a reversal, the YYYY-MM of the rebate it reverses; null otherwise. */
  reversesPeriod: string | null
  feeSheetId: number
  sheetNo: string
  clientName: string
  visitDate: string
  storeId: number | null
  storeName: string
  salespersonId: number
  salespersonName: string
  /** Staff referral: the employee who brought the client. */
  referrerId: number | null
  referrerName: string
  /** ISO time. */
  bookedAt: string
  /** Per line: base, exclusion, rule, share (empty for referral entries). */
  lines: RebateLine[]
  exclusions: RebateExclusion[]
  /** Referral entries: the referrer's + the salesperson's halves in referrerFen / salespersonFen. */
  commissionFen: number
  referrerFen: number
  salespersonFen: number
}

export interface RebatePeriod {
  period: string
  closed: boolean
  closedAt: string | null
  closedByName: string
  entryCount: number
  shareFen: number
  commissionFen: number
}

export interface RebateStatement {
  period: RebatePeriod
  scope: { storeId: number | null; salespersonId: number | null; title: string }
  entries: RebateEntry[]
  totals: StatementTotals
  commissionFen: number
}

export interface ClientReferral {
  clientId: number
  clientName: string
  referrerId: number
  referrerName: string
  salespersonId: number
  salespersonName: string
  assignedAt: string
  assignedByName: string
}

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.period')

const statementInput = z.object({ period: periodSchema, storeId: idSchema.optional(), salespersonId: idSchema.optional() }).strict()

/**
 * The rebate ledger (返款台账), month close and staff referrals (DOMAIN.md, "Partner stores and the marketing
 * department"). Entries are written by fees.pay / fees.void, never through this API. A salesperson (role
 * marketing) only sees their own stores' and referrals' entries: the handlers narrow it.
 */
export const rebateMethods = {
  /** Months that have entries, plus the current month, newest first. */
  'rebates.periods': method<RebatePeriod[]>()({ input: z.object({}).strict(), writes: false, permission: 'marketing' }),
  /** A month's entries and totals; no scope: the whole clinic. */
  'rebates.statement': method<RebateStatement>()({ input: statementInput, writes: false, permission: 'marketing' }),
  /** The statement as an XLSX workbook: one row per entry line, a totals row; money as yuan with 2 decimals. */
  'rebates.exportXlsx': method<{ fileName: string; base64: string }>()({ input: statementInput, writes: false, permission: 'marketing' }),
  /** Closes a month that has ended; refused twice. A void after closing books its reversal in the void month. */
  'rebates.closeMonth': method<RebatePeriod>()({ input: z.object({ period: periodSchema }).strict(), writes: true, permission: 'admin' }),
  'referrals.list': method<ClientReferral[]>()({ input: z.object({}).strict(), writes: false, permission: 'marketing' }),
  /**
   * Gives a client brought by an employee outside marketing to a salesperson: the referrer is active staff not
   * of role marketing, the salesperson active staff of role marketing. Re-assigning replaces it.
   */
  'referrals.assign': method<ClientReferral>()({
    input: z.object({ clientId: idSchema, referrerId: idSchema, salespersonId: idSchema }).strict(),
    writes: true,
    permission: 'marketing',
  }),
}
