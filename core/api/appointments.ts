import { z } from 'zod'
import { APPOINTMENT_TIME_PATTERN, CONFIRMATION_RESULTS, type AppointmentRow, type ConfirmationCall } from '../domain/appointment.ts'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import { CHANNELS } from '../domain/client.ts'
import { VISIT_TYPES } from '../domain/visit.ts'
import { clientFieldsSchema, idSchema } from './clients.ts'
import { method } from './method.ts'
import type { RegisterResult } from './visits.ts'

const isoDate = z.iso.date('validation.date')
const version = z.number().int().min(1)
const time = z.string().regex(APPOINTMENT_TIME_PATTERN, 'validation.appointmentTime')

/** What is booked: when, for how long, with whom, for what. Shared by booking and changing. */
const slotFields = {
  date: isoDate,
  time,
  durationMinutes: z.number().int('validation.range').min(15, 'validation.range').max(480, 'validation.range').default(60),
  consultantId: idSchema.nullable().default(null),
  category: z.enum(SERVICE_CATEGORIES).nullable().default(null),
  itemIds: z.array(idSchema).max(20, 'validation.tooMany').default([]),
  notes: z.string().trim().max(500, 'validation.tooLong').default(''),
  /** The desk was warned that the consultant is booked at that time and books anyway. */
  allowDoubleBooking: z.boolean().default(false),
}

export interface CheckInResult extends RegisterResult {
  appointment: AppointmentRow
}

/** One line of the day-before call list: the appointment, the text to read or send, the calls so far. */
export interface ConfirmationLine {
  appointment: AppointmentRow
  text: string
  calls: ConfirmationCall[]
}

export const appointmentMethods = {
  'appointments.book': method<AppointmentRow>()({
    input: z
      .object({
        clientId: idSchema.optional(),
        /** Filed at booking; the channel defaults to 'phone' (a client booked ahead did not walk in). */
        newClient: clientFieldsSchema.extend({ channel: z.enum(CHANNELS).default('phone'), allowSharedPhone: z.boolean().default(false) }).strict().optional(),
        type: z.enum(VISIT_TYPES).optional(),
        ...slotFields,
      })
      .strict()
      .refine((v) => (v.clientId === undefined) !== (v.newClient === undefined), { message: 'validation.clientOrNew', path: ['clientId'] }),
    writes: true,
    permission: 'desk',
  }),
  'appointments.change': method<AppointmentRow>()({
    input: z.object({ id: idSchema, expectedVersion: version, ...slotFields }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'appointments.cancel': method<AppointmentRow>()({
    input: z.object({ id: idSchema, expectedVersion: version, reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'appointments.markNoShow': method<AppointmentRow>()({
    input: z.object({ id: idSchema, expectedVersion: version }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Registers the arrival of a booked client in one action: same visit as a walk-in with that consultant designated. */
  'appointments.checkIn': method<CheckInResult>()({
    input: z.object({ id: idSchema, expectedVersion: version, assign: z.boolean().default(true) }).strict(),
    writes: true,
    permission: 'desk',
  }),
  /** Appointments from one day to another (at most 42 days), by time; optionally of one consultant. */
  'appointments.list': method<AppointmentRow[]>()({
    input: z
      .object({ from: isoDate, to: isoDate, consultantId: idSchema.optional(), includeClosed: z.boolean().default(true) })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'validation.range', path: ['to'] }),
    writes: false,
    permission: 'read',
  }),
  'appointments.ofClient': method<AppointmentRow[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** The call list of a day's open appointments (by default tomorrow's), with the text from settings. */
  'appointments.confirmations': method<ConfirmationLine[]>()({
    input: z.object({ date: isoDate.optional() }).strict(),
    writes: false,
    permission: 'read',
  }),
  'appointments.recordConfirmation': method<AppointmentRow>()({
    input: z
      .object({
        id: idSchema,
        expectedVersion: version,
        result: z.enum(CONFIRMATION_RESULTS),
        note: z.string().trim().max(200, 'validation.tooLong').default(''),
      })
      .strict(),
    writes: true,
    permission: 'desk',
  }),
}
