import type { z } from 'zod'

/**
 * What an operator must be allowed to do to call a method. The dispatcher asks an authorisation hook;
 * until operators and roles exist (issue 6) the local desk operator holds every permission.
 */
export const PERMISSIONS = ['read', 'desk', 'consult', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I
  /** Writes run in one immediate transaction, leave an audit row and push change events. */
  writes: boolean
  permission: Permission
  /** Type-only marker of the result; never set at run time. */
  readonly result?: R
}

/** `method<Result>()({ input, writes, permission })`: the result type is given, the input inferred. */
export function method<R>() {
  return <I extends z.ZodType>(spec: { input: I; writes: boolean; permission: Permission }): MethodSpec<I, R> => spec
}
