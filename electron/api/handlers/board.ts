import type { BoardView } from '../../../core/api/rotation.ts'
import { DomainError } from '../../../core/api/errors.ts'
import {
  applyEvent,
  continuationFrom,
  decide,
  membersInOrder,
  nextInTurn,
  withDefaults,
  type BoardCommand,
  type BoardKind,
  type BoardState,
  type MemberInput,
  type RotationPolicies,
} from '../../../core/rotation/index.ts'
import { appendBoardEvent, lastBoardEvent, loadBoardState, previousBoardDate } from '../../../db/rotation.ts'
import { readSettings } from '../../../db/settings.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'
import { pluckStmt } from '../../../db/statements.ts'

/** Board kind -> the staff role that may sit on it. */
const ROLE_OF_KIND = { consultant: 'consultant', doctor: 'doctor', nurse: 'nurse' } as const

export function policiesFor(db: ReadableDb, _kind: BoardKind): RotationPolicies {
  return withDefaults(readSettings(db).rotationPolicies)
}

/** A staff member as the board needs them, refusing anyone who cannot sit on this kind of board. */
export function boardMemberInput(db: ReadableDb, staffId: number, kind: BoardKind): MemberInput {
  const staff = getStaff(db, staffId)
  if (!staff) throw new DomainError('not_found', 'error.staffNotFound', { id: staffId })
  if (!staff.active || staff.role !== ROLE_OF_KIND[kind]) throw new DomainError('rule_violation', 'rotation.not_eligible', { name: staff.name })
  return { id: staff.id, name: staff.name, skills: staff.skills }
}

/**
 * Decides a command against the stored board, appends the event and returns the new state. A refusal
 * becomes a DomainError whose message names the people involved; nothing is written then.
 */
export function runBoardCommand(ctx: HandlerContext, date: string, kind: BoardKind, command: BoardCommand): BoardState {
  const state = loadBoardState(ctx.db, date, kind)
  const decision = decide(state, { actor: ctx.operator.name, ...command }, policiesFor(ctx.db, kind), ctx.now())
  if (!decision.ok) throw new DomainError('rule_violation', `rotation.${decision.error.code}`, withNames(ctx.db, decision.error.params))
  appendBoardEvent(ctx.db, date, kind, decision.event)
  ctx.emit({ topic: 'rotation' })
  return applyEvent(state, decision.event)
}

/** The person a refusal is about: the expected member for a wrong pass, else the member or owner named. */
const PERSON_KEYS = ['expectedMemberId', 'memberId', 'ownerId', 'maintainerId'] as const

function withNames(db: ReadableDb, params: Record<string, string | number | boolean | null>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value
  }
  const personId = PERSON_KEYS.map((key) => params[key]).find((value) => typeof value === 'number')
  if (typeof personId === 'number') out.name = staffName(db, personId)
  if (typeof params.status === 'string') out.status = statusName(params.status)
  return out
}

export function staffName(db: ReadableDb, id: number): string {
  return getStaff(db, id)?.name ?? `#${id}`
}

function statusName(status: string): string {
  return { available: '空闲', serving: '接待中', break: '暂离', off: '下班' }[status] ?? status
}

/** The previous working day's order and last turn, when the clinic continues from it (rule 1). */
export function continuationFor(db: ReadableDb, date: string, kind: BoardKind) {
  const previous = previousBoardDate(db, date, kind)
  return previous === null ? null : continuationFrom(loadBoardState(db, previous, kind))
}

export function boardView(db: ReadableDb, date: string, kind: BoardKind): BoardView {
  const state = loadBoardState(db, date, kind)
  const board = state.board
  const queueNoOf = pluckStmt(db, 'SELECT queue_no FROM visits WHERE id = ?')
  const roomOf = pluckStmt(db, 'SELECT room FROM staff WHERE id = ?')
  const inOrder = membersInOrder(state)
  const offToday = (board?.members ?? []).filter((m) => !board?.order.includes(m.id))
  const members = [...inOrder, ...offToday].map((m) => ({
    id: m.id,
    name: m.name,
    room: (roomOf.get(m.id) as string | undefined) ?? '',
    status: m.status,
    position: board?.order.indexOf(m.id) ?? -1,
    visitId: m.visitId,
    visitQueueNo: m.visitId === null ? null : ((queueNoOf.get(m.visitId) as string | undefined) ?? null),
    since: m.since,
    counts: m.counts,
  }))
  const last = lastBoardEvent(db, date, kind) ?? null
  const undoable = state.undo.at(-1) ?? null
  return {
    date,
    kind,
    opened: board !== null,
    mode: board?.mode ?? null,
    members: members.map((m) => ({ ...m, position: m.position < 0 ? null : m.position })),
    nextMemberId: board ? nextInTurn(state, policiesFor(db, kind)) : null,
    undoable: undoable ? { seq: undoable.seq, type: undoable.type } : null,
    lastEvent: last ? { seq: last.seq, type: last.type, at: last.at, actor: last.actor, reason: last.reason } : null,
  }
}
