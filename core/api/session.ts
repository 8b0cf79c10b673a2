import { z } from 'zod'
import type { StaffRole } from '../domain/staff.ts'
import { method } from './method.ts'
import { PIN_PATTERN, type Operator } from './operator.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const pinSchema = z.string().regex(PIN_PATTERN, 'validation.pin')

/** What a desk knows before anything else: who is signed in, and whether the clinic still has to be set up. */
export interface SessionState {
  operator: Operator | null
  /** No active administrator can sign in yet: the first-run setup is all the app offers. */
  setupNeeded: boolean
  /** The database holds the demo clinic, not real patients. */
  demo: boolean
  /** Minutes without keyboard or mouse after which the desk locks itself. */
  idleLockMinutes: number
}

/** A staff member who may sign in, as the sign-in screen lists them (no phone, nothing else). */
export interface SignInCandidate {
  id: number
  name: string
  role: StaffRole
}

export type SignInResult =
  | { signedIn: true; operator: Operator }
  | { signedIn: false; reason: 'wrong_pin'; attemptsLeft: number }
  | { signedIn: false; reason: 'locked'; until: string }

export const sessionMethods = {
  'session.current': method<SessionState>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
  'session.operators': method<SignInCandidate[]>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
  /** A wrong PIN is an answer, not an error: the failed attempt is counted (and audited) in the same commit. */
  'session.signIn': method<SignInResult>()({
    input: z.object({ staffId: id, pin: z.string().max(12, 'validation.pin') }).strict(),
    writes: true,
    permission: 'public',
  }),
  /** Ends the desk's session: a lock (the idle timer or the button; the same operator usually returns) or a sign-out. */
  'session.signOut': method<{ signedOut: boolean }>()({
    input: z.object({ reason: z.enum(['lock', 'idle', 'signOut']).default('signOut') }).strict(),
    writes: true,
    permission: 'public',
  }),
  'session.changePin': method<{ changed: true }>()({
    input: z
      .object({ currentPin: z.string().max(12, 'validation.pin'), newPin: pinSchema, repeatPin: z.string().max(12) })
      .strict()
      .refine((v) => v.newPin === v.repeatPin, { message: 'validation.pinRepeat', path: ['repeatPin'] }),
    writes: true,
    permission: 'read',
  }),
  /** First run: the clinic's name and its first administrator, who is signed in at once. */
  'setup.complete': method<SessionState>()({
    input: z
      .object({
        clinicName: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
        adminName: z.string().trim().min(1, 'validation.required').max(30, 'validation.tooLong'),
        pin: pinSchema,
        repeatPin: z.string().max(12),
      })
      .strict()
      .refine((v) => v.pin === v.repeatPin, { message: 'validation.pinRepeat', path: ['repeatPin'] }),
    writes: true,
    permission: 'public',
  }),
  /** First run, instead: a demo clinic (staff, price list), clearly marked, signed in as its administrator. */
  'setup.loadDemo': method<SessionState>()({ input: z.object({}).strict(), writes: true, permission: 'public' }),
}
