import type { ServiceCategory } from './categories.ts'
import type { Channel } from './client.ts'

/** first 初诊, returning 复诊, review 复查/治疗. */
export const VISIT_TYPES = ['first', 'returning', 'review'] as const
export type VisitType = (typeof VISIT_TYPES)[number]

export const VISIT_STATUSES = ['waiting', 'called', 'consulting', 'with_doctor', 'billing', 'treatment', 'done', 'left', 'cancelled'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

export const OUTCOMES = ['deal', 'no_deal'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** The visit flow of DOMAIN.md; `left` and `cancelled` end a visit from any open state. */
const NEXT: Record<VisitStatus, readonly VisitStatus[]> = {
  waiting: ['called', 'consulting', 'left', 'cancelled'],
  called: ['waiting', 'consulting', 'left', 'cancelled'],
  consulting: ['with_doctor', 'billing', 'treatment', 'done', 'left'],
  with_doctor: ['consulting', 'billing', 'treatment', 'done', 'left'],
  billing: ['treatment', 'done', 'left'],
  treatment: ['done', 'left'],
  done: [],
  left: [],
  cancelled: [],
}

export function canMove(from: VisitStatus, to: VisitStatus): boolean {
  return NEXT[from].includes(to)
}

export function isOpenStatus(status: VisitStatus): boolean {
  return NEXT[status].length > 0
}

/** Waiting in the room: not yet with a consultant. */
export function isWaitingStatus(status: VisitStatus): boolean {
  return status === 'waiting' || status === 'called'
}

export interface Visit {
  id: number
  clientId: number
  visitDate: string
  type: VisitType
  queueNo: string
  channel: Channel
  designatedConsultantId: number | null
  intendedCategory: ServiceCategory | null
  consultantId: number | null
  /** How the consultant was chosen, from the rotation board ('partner': rule 13, an A-class store's maintainer). */
  assignedBy: 'rotation' | 'designated' | 'returning' | 'manual' | 'partner' | null
  status: VisitStatus
  statusAt: string
  outcome: Outcome | null
  noDealReason: string
  registeredAt: string
  version: number
  /** The partner store (店家) the visit counts for: by a matched pre-registration, or credited by an administrator. */
  partnerStoreId: number | null
  /** The pre-registration (报备) the arrival matched; null when none (or credited without one). */
  partnerReportId: number | null
  /** The consultation supervisor who assisted a partner visit without a deal (协助过单), and when; null: not asked. */
  assistConsultantId: number | null
  assistedAt: string | null
}

export interface VisitStatusChange {
  status: VisitStatus
  at: string
  actor: string
}

/** The consultation supervisor's assistance (协助过单) as it shows in a visit's history, next to its status changes. */
export interface VisitAssistedChange {
  kind: 'assisted'
  at: string
  /** The visit's own consultant, who asked. */
  consultantName: string | null
  assistantName: string
}

/** A status change has no `kind`; the assistance has kind 'assisted'. */
export type VisitHistoryEntry = VisitStatusChange | VisitAssistedChange

/** A row of the desk's waiting list and of the daily log. */
export interface VisitRow extends Visit {
  clientName: string
  clientPhone: string
  archiveNo: string
  consultantName: string | null
  designatedName: string | null
  assistConsultantName: string | null
}
