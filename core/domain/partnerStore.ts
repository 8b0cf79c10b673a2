import { addDays } from './dates.ts'

/**
 * Partner stores (店家), their pre-registrations (报备) and the lifecycle rules of DOMAIN.md "Partner stores
 * and the marketing department". Pure: the db and the handlers bring the facts, this says what they mean.
 */

export const STORE_CLASSES = ['A', 'ordinary'] as const
export type StoreClass = (typeof STORE_CLASSES)[number]

export const STORE_STATUSES = ['active', 'inactive'] as const
export type StoreStatus = (typeof STORE_STATUSES)[number]

export const REPORT_STATUSES = ['open', 'arrived', 'expired', 'cancelled'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** Shop-front photos are kept as they come, of these types only (told by their first bytes, not their name). */
export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoMime = (typeof PHOTO_MIMES)[number]
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/** The default days a pre-registration stays open for the arrival (setting `partnerReportValidDays`). */
export const DEFAULT_REPORT_VALID_DAYS = 30

/** The account rebates are paid to: administrator-only, masked in every read by anyone else. */
export interface BankAccount {
  bankName: string
  accountName: string
  accountNo: string
}

export interface PartnerStore {
  id: number
  name: string
  storeClass: StoreClass
  /** The consultant who maintains an A-class store (rotation rule 13); null for an ordinary store. */
  consultantId: number | null
  consultantName: string | null
  salespersonId: number
  salespersonName: string
  agreementNo: string
  agreementText: string
  photoMime: PhotoMime | null
  bank: BankAccount
  /** True when `bank` is shown masked (the reader is not an administrator). */
  bankMasked: boolean
  startDate: string
  status: StoreStatus
  version: number
  createdAt: string
  updatedAt: string
}

export interface StoreAssignment {
  id: number
  storeId: number
  fromSalespersonId: number | null
  fromName: string | null
  toSalespersonId: number
  toName: string
  reason: string
  at: string
  byName: string
}

/**
 * The salesperson's hand-over notes (交接信息), kept as four named fields and a free note so the consultant
 * reads them in the same order every time: income, work, family, wanted items.
 */
export interface HandoverNotes {
  income: string
  work: string
  family: string
  wanted: string
  other: string
}

export interface PartnerReport {
  id: number
  storeId: number
  storeName: string
  salespersonId: number
  salespersonName: string
  clientName: string
  phone: string
  notes: HandoverNotes
  reportedAt: string
  /** The last day (local, YYYY-MM-DD) an arrival still matches this report. */
  validUntil: string
  reportedByName: string
  status: ReportStatus
  visitId: number | null
  cancelReason: string
}

/** What a visit carries when it counts for a partner store: shown to the desk and the consultant. */
export interface PartnerArrival {
  storeId: number
  storeName: string
  storeClass: StoreClass
  consultantId: number | null
  /** Null when an administrator credited an unreported arrival. */
  reportId: number | null
  salespersonName: string
  notes: HandoverNotes | null
}

/** The first bytes of each accepted type: JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; WebP RIFF….WEBP. */
export function photoMimeOf(bytes: Uint8Array): PhotoMime | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b)
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return null
}

/** An account number as a non-administrator sees it: the last four digits only (6222 0212 3456 7890 -> ****7890). */
export function maskAccountNo(accountNo: string): string {
  const digits = accountNo.replace(/\s/g, '')
  if (digits === '') return ''
  return `****${digits.slice(-4)}`
}

/** The bank account for a reader: whole for an administrator; the names kept and the number masked otherwise. */
export function bankFor(bank: BankAccount, admin: boolean): BankAccount {
  return admin ? bank : { ...bank, accountNo: maskAccountNo(bank.accountNo) }
}

/** The last day a report made on `reportedOn` matches an arrival: `validDays` days later, that day included. */
export function reportValidUntil(reportedOn: string, validDays: number): string {
  return addDays(reportedOn, validDays)
}

/** Whether a report still matches an arrival on `today`: open, and not past its last day. */
export function reportMatchesOn(report: Pick<PartnerReport, 'status' | 'validUntil'>, today: string): boolean {
  return report.status === 'open' && today <= report.validUntil
}

/**
 * A calendar day moved by whole months; a day the target month does not have becomes its last day
 * (01-31 + 1 month = 02-28, or 02-29 in a leap year), as a month is counted on a contract.
 */
export function addMonths(day: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10)
}

/** The filing period of a new store: one month and five days from its start date (its last day). */
export function filingDeadline(startDate: string): string {
  return addDays(addMonths(startDate, 1), 5)
}

export const FILING_PARTS = ['photo', 'agreement', 'bankAccount'] as const
export type FilingPart = (typeof FILING_PARTS)[number]

/** What a store's filing still lacks: a new store's report is valid only with all three. */
export function missingFiling(store: { hasPhoto: boolean; agreementNo: string; agreementText: string; bank: BankAccount }): FilingPart[] {
  const missing: FilingPart[] = []
  if (!store.hasPhoto) missing.push('photo')
  if (store.agreementNo.trim() === '' && store.agreementText.trim() === '') missing.push('agreement')
  if (store.bank.accountNo.trim() === '' || store.bank.accountName.trim() === '') missing.push('bankAccount')
  return missing
}

export interface StoreFacts {
  /** The last day a client of the store was consulted (a visit of it reached the consultation); null: never. */
  lastConsultationDate: string | null
  /** The day of the store's first deal; null: none yet. */
  firstDealDate: string | null
  /** The day the store was last handed to another salesperson (its filing not counted); null: never. */
  reassignedDate: string | null
}

export const REMINDER_KINDS = ['filingIncomplete', 'filingOverdue', 'noConsultation', 'noFirstDeal'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export interface StoreReminder {
  kind: ReminderKind
  /** The day the rule applies from (the filing deadline, or the day three or six months ran out). */
  since: string
  /** For the filing reminders: what is missing. */
  missing: FilingPart[]
}

export type ReminderStore = Pick<PartnerStore, 'startDate' | 'status' | 'agreementNo' | 'agreementText' | 'bank'> & { hasPhoto: boolean }

/**
 * The lifecycle reminders of a store on `today` (DOMAIN.md "Store lifecycle"); an inactive store has none:
 * - filing: photo, agreement and bank account are due within one month and five days of the start date
 *   (`filingIncomplete` while the period runs, `filingOverdue` once it is over);
 * - three months without a consultation (counted from the last one, the last reassignment or the start,
 *   whichever is latest: whoever takes the store over gets three months of their own): reassign it;
 * - six months from the start without a first deal: it goes to whoever closes its first deal.
 */
export function storeReminders(store: ReminderStore, facts: StoreFacts, today: string): StoreReminder[] {
  if (store.status !== 'active') return []
  const reminders: StoreReminder[] = []
  const missing = missingFiling(store)
  if (missing.length > 0) {
    const deadline = filingDeadline(store.startDate)
    reminders.push(today <= deadline ? { kind: 'filingIncomplete', since: store.startDate, missing } : { kind: 'filingOverdue', since: addDays(deadline, 1), missing })
  }
  const quietFrom = [facts.lastConsultationDate, facts.reassignedDate].reduce<string>((latest, day) => (day !== null && day > latest ? day : latest), store.startDate)
  const quietSince = addMonths(quietFrom, 3)
  if (today >= quietSince) reminders.push({ kind: 'noConsultation', since: quietSince, missing: [] })
  const dealDue = addMonths(store.startDate, 6)
  if (facts.firstDealDate === null && today >= dealDue) reminders.push({ kind: 'noFirstDeal', since: dealDue, missing: [] })
  return reminders
}
