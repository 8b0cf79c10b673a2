import { z } from 'zod'
import {
  PHOTO_MAX_BYTES,
  REPORT_STATUSES,
  STORE_CLASSES,
  STORE_STATUSES,
  type PartnerReport,
  type PartnerStore,
  type PhotoMime,
  type StoreAssignment,
  type StoreReminder,
} from '../domain/partnerStore.ts'
import type { VisitRow } from '../domain/visit.ts'
import { clientPhoneSchema, idSchema } from './clients.ts'
import { method } from './method.ts'

const isoDate = z.iso.date('validation.date')
const version = z.number().int().min(1)
const reason = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong')
const note = z.string().trim().max(200, 'validation.tooLong').default('')
/** Base64 of at most PHOTO_MAX_BYTES bytes (4 characters per 3 bytes); what it holds is checked by its first bytes. */
const PHOTO_MAX_BASE64 = Math.ceil(PHOTO_MAX_BYTES / 3) * 4
const photoSchema = z
  .string()
  .min(1, 'validation.required')
  .max(PHOTO_MAX_BASE64, 'validation.photoTooLarge')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.photo')

/** The bank account for rebates: written by an administrator only (the handler refuses anyone else). */
export const bankAccountSchema = z
  .object({
    bankName: z.string().trim().max(60, 'validation.tooLong'),
    accountName: z.string().trim().max(60, 'validation.tooLong'),
    accountNo: z
      .string()
      .transform((s) => s.replace(/\s/g, ''))
      .pipe(z.string().regex(/^[0-9]{0,32}$/, 'validation.bankAccount')),
  })
  .strict()

export const handoverNotesSchema = z
  .object({ income: note, work: note, family: note, wanted: note, other: z.string().trim().max(1000, 'validation.tooLong').default('') })
  .strict()

export interface PartnerStoreDetail {
  store: PartnerStore
  assignments: StoreAssignment[]
}

export interface StorePhoto {
  mime: PhotoMime
  base64: string
}

/** A store and the lifecycle reminders it raises today (core/domain/partnerStore.ts storeReminders). */
export interface StoreReminderLine {
  store: PartnerStore
  reminders: StoreReminder[]
}

/**
 * Partner stores (店家) and pre-registrations (报备), DOMAIN.md "Partner stores". Permission 'partners' is the
 * desk's and the marketing department's; 'marketing' keeps stores. The handlers narrow a salesperson to their
 * own stores and reports and the desk to open reports; only an administrator reads or writes bank accounts.
 */
export const partnerMethods = {
  /** The stores, by name; a salesperson gets only their own. Bank accounts are masked for all but an administrator. */
  'partnerStores.list': method<PartnerStore[]>()({
    input: z.object({ status: z.enum([...STORE_STATUSES, 'all']).default('active') }).strict(),
    writes: false,
    permission: 'partners',
  }),
  'partnerStores.get': method<PartnerStoreDetail>()({ input: z.object({ id: idSchema }).strict(), writes: false, permission: 'marketing' }),
  'partnerStores.photo': method<StorePhoto | null>()({ input: z.object({ id: idSchema }).strict(), writes: false, permission: 'marketing' }),
  /**
   * Files a store (no id) or changes one (id and expectedVersion). `photo`: omitted keeps it, null removes
   * it, base64 of a JPEG, PNG or WebP up to 5 MB sets it. `bank`: omitted keeps it; an administrator only.
   * The salesperson is set at filing; a change of salesperson is partnerStores.reassign.
   */
  'partnerStores.save': method<PartnerStore>()({
    input: z
      .object({
        id: idSchema.optional(),
        expectedVersion: version.optional(),
        name: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
        storeClass: z.enum(STORE_CLASSES),
        consultantId: idSchema.nullable().default(null),
        salespersonId: idSchema,
        agreementNo: z.string().trim().max(40, 'validation.tooLong').default(''),
        agreementText: z.string().trim().max(5000, 'validation.tooLong').default(''),
        photo: photoSchema.nullable().optional(),
        bank: bankAccountSchema.optional(),
        startDate: isoDate,
        status: z.enum(STORE_STATUSES).default('active'),
      })
      .strict()
      .refine((v) => (v.id === undefined) === (v.expectedVersion === undefined), { message: 'validation.required', path: ['expectedVersion'] })
      .refine((v) => (v.storeClass === 'A') === (v.consultantId !== null), { message: 'validation.storeConsultant', path: ['consultantId'] }),
    writes: true,
    permission: 'marketing',
  }),
  /** Hands a store to another salesperson, with a reason; the history keeps every hand-over. */
  'partnerStores.reassign': method<PartnerStoreDetail>()({
    input: z.object({ id: idSchema, expectedVersion: version, toSalespersonId: idSchema, reason }).strict(),
    writes: true,
    permission: 'marketing',
  }),
  /** Today's lifecycle reminders of the active stores (a salesperson's own), stores without any left out. */
  'partnerStores.reminders': method<StoreReminderLine[]>()({ input: z.object({}).strict(), writes: false, permission: 'marketing' }),

  /**
   * Reports a partner's client before she arrives. Refused while another report of the phone is open and
   * valid: the first report wins, and the refusal names its salesperson, store and time.
   */
  'partnerReports.create': method<PartnerReport>()({
    input: z
      .object({
        storeId: idSchema,
        clientName: z.string().trim().min(1, 'validation.required').max(30, 'validation.tooLong'),
        phone: clientPhoneSchema,
        notes: handoverNotesSchema.default({ income: '', work: '', family: '', wanted: '', other: '' }),
      })
      .strict(),
    writes: true,
    permission: 'partners',
  }),
  /** Reports newest first: by default the open ones; of one store or one salesperson. The desk reads open ones only. */
  'partnerReports.list': method<PartnerReport[]>()({
    input: z
      .object({ status: z.enum([...REPORT_STATUSES, 'all']).default('open'), storeId: idSchema.optional(), salespersonId: idSchema.optional() })
      .strict(),
    writes: false,
    permission: 'partners',
  }),
  'partnerReports.cancel': method<PartnerReport>()({ input: z.object({ id: idSchema, reason }).strict(), writes: true, permission: 'marketing' }),

  /** Credits a visit that arrived unreported to a store: an administrator's decision, with a reason, in the audit log. */
  'visits.creditToStore': method<VisitRow>()({
    input: z.object({ visitId: idSchema, expectedVersion: version, storeId: idSchema, reason }).strict(),
    writes: true,
    permission: 'admin',
  }),
}
