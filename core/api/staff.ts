import { z } from 'zod'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import { isValidPhone, normalizePhone } from '../domain/phone.ts'
import { STAFF_ROLES, type Staff } from '../domain/staff.ts'
import { method } from './method.ts'
import { pinSchema } from './session.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const staffFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(30, 'validation.tooLong'),
    role: z.enum(STAFF_ROLES),
    phone: z
      .string()
      .max(30, 'validation.tooLong')
      .transform(normalizePhone)
      .refine((p) => p === '' || isValidPhone(p), 'validation.phone'),
    room: z.string().trim().max(20, 'validation.tooLong'),
    skills: z
      .array(z.enum(SERVICE_CATEGORIES))
      .max(SERVICE_CATEGORIES.length)
      .transform((s) => [...new Set(s)]),
  })
  .strict()

export const staffMethods = {
  'staff.list': method<Staff[]>()({
    input: z.object({ includeInactive: z.boolean().default(false), role: z.enum(STAFF_ROLES).optional() }).strict(),
    writes: false,
    permission: 'read',
  }),
  'staff.create': method<Staff>()({ input: staffFieldsSchema, writes: true, permission: 'admin' }),
  'staff.update': method<Staff>()({
    input: staffFieldsSchema.extend({ id, expectedUpdatedAt: z.string().max(40).optional() }).strict(),
    writes: true,
    permission: 'admin',
  }),
  'staff.setActive': method<Staff>()({
    input: z.object({ id, active: z.boolean() }).strict(),
    writes: true,
    permission: 'admin',
  }),
  /** Sets (or replaces) a member's PIN, so they can sign in; clears their failed attempts. */
  'staff.setPin': method<Staff>()({
    input: z
      .object({ id, pin: pinSchema, repeatPin: z.string().max(12) })
      .strict()
      .refine((v) => v.pin === v.repeatPin, { message: 'validation.pinRepeat', path: ['repeatPin'] }),
    writes: true,
    permission: 'admin',
  }),
  /** Removes a member's PIN: they can no longer sign in (their sessions end at their next call). */
  'staff.clearPin': method<Staff>()({ input: z.object({ id }).strict(), writes: true, permission: 'admin' }),
}
