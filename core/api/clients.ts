import { z } from 'zod'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import { CHANNELS, GENDERS, type Client, type ClientSummary } from '../domain/client.ts'
import { MARITAL_STATUSES } from '../domain/consultation.ts'
import { isValidPhone, normalizePhone } from '../domain/phone.ts'
import type { VisitRow } from '../domain/visit.ts'
import { method } from './method.ts'

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const isoDate = z.iso.date('validation.date')

export const clientPhoneSchema = z
  .string()
  .max(30, 'validation.tooLong')
  .transform(normalizePhone)
  .refine(isValidPhone, 'validation.phone')

/** Longest client address (住址) kept. */
export const CLIENT_ADDRESS_MAX = 200
const maritalStatusSchema = z.enum(MARITAL_STATUSES).nullable()
const addressSchema = z.string().trim().max(CLIENT_ADDRESS_MAX, 'validation.tooLong')

export const clientFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(30, 'validation.tooLong'),
    gender: z.enum(GENDERS).default('unknown'),
    birthDate: isoDate
      .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'validation.birthDate')
      .nullable()
      .default(null),
    phone: clientPhoneSchema,
    occupation: z.string().trim().max(30, 'validation.tooLong').default(''),
    ownConsultantId: idSchema.nullable().default(null),
    channel: z.enum(CHANNELS).default('walk_in'),
    intendedCategory: z.enum(SERVICE_CATEGORIES).nullable().default(null),
    allergies: z.string().trim().max(500, 'validation.tooLong').default(''),
    notes: z.string().trim().max(1000, 'validation.tooLong').default(''),
    maritalStatus: maritalStatusSchema.default(null),
    address: addressSchema.default(''),
  })
  .strict()

export interface ClientDetail {
  client: Client
  visits: VisitRow[]
}

export const clientMethods = {
  'clients.search': method<ClientSummary[]>()({
    input: z.object({ query: z.string().max(50, 'validation.tooLong'), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    writes: false,
    permission: 'read',
  }),
  'clients.findByPhone': method<Client[]>()({
    input: z.object({ phone: clientPhoneSchema }).strict(),
    writes: false,
    permission: 'read',
  }),
  'clients.get': method<ClientDetail>()({ input: z.object({ id: idSchema }).strict(), writes: false, permission: 'read' }),
  'clients.create': method<Client>()({
    input: clientFieldsSchema.extend({ allowSharedPhone: z.boolean().default(false) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'clients.update': method<Client>()({
    // Marital status and address left out keep what the client has (a caller that does not know them).
    input: clientFieldsSchema
      .extend({ id: idSchema, expectedUpdatedAt: z.string().max(40).optional(), maritalStatus: maritalStatusSchema.optional(), address: addressSchema.optional() })
      .strict(),
    writes: true,
    permission: 'desk',
  }),
}
