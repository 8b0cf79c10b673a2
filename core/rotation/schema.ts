/** zod schema of stored events: the db layer parses payloads read back with it before replaying. */
import { z } from 'zod'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import type { BoardEvent } from './events.ts'
import { ASSIGN_HOWS, BOARD_KINDS, VISIT_KINDS } from './types.ts'

const id = z.number().int().positive()
const base = {
  seq: id,
  at: z.string().min(1),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
}
const member = z.object({ id, name: z.string(), skills: z.array(z.enum(SERVICE_CATEGORIES)) })

export const boardEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('opened'),
    date: z.string().min(1),
    kind: z.enum(BOARD_KINDS),
    mode: z.enum(['signIn', 'continue']),
    members: z.array(member),
  }),
  z.object({ ...base, type: z.literal('signedIn'), member }),
  z.object({ ...base, type: z.literal('signedOut'), memberId: id }),
  z.object({ ...base, type: z.literal('breakStarted'), memberId: id }),
  z.object({ ...base, type: z.literal('breakEnded'), memberId: id }),
  z.object({
    ...base,
    type: z.literal('assigned'),
    visitId: id,
    memberId: id,
    how: z.enum(ASSIGN_HOWS),
    countsAsTurn: z.boolean(),
    category: z.enum(SERVICE_CATEGORIES).nullable(),
    visitKind: z.enum(VISIT_KINDS).nullable(),
    absentOwnerId: id.nullable(),
    storeId: id.nullable().default(null),
  }),
  z.object({ ...base, type: z.literal('passed'), memberId: id }),
  z.object({ ...base, type: z.literal('reordered'), order: z.array(id) }),
  z.object({ ...base, type: z.literal('finished'), visitId: id, memberId: id }),
  z.object({ ...base, type: z.literal('undone'), undoneSeq: id }),
]) satisfies z.ZodType<BoardEvent>

/** Parses one stored event (e.g. JSON.parse of a payload merged with its seq and type); throws ZodError. */
export function parseBoardEvent(value: unknown): BoardEvent {
  return boardEventSchema.parse(value)
}
