/**
 * Complaints (投诉), DOMAIN.md "After the deal": logged against a visit, with who handles it, the steps taken
 * (an append-only list of dated notes, each with who wrote it), the resolution and the closing date. An open
 * complaint stands out on the client's record and in the reports until it is closed with a resolution.
 */

/** How the complaint came in: 电话 / 到店 / 网络 / 其他. */
export const COMPLAINT_CHANNELS = ['phone', 'visit', 'online', 'other'] as const
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]

export const COMPLAINT_STATUSES = ['open', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

/** A step taken on a complaint; steps are only ever added. */
export interface ComplaintStep {
  id: number
  at: string
  byName: string
  note: string
}

export interface Complaint {
  id: number
  clientId: number
  clientName: string
  visitId: number
  /** The visit's day, YYYY-MM-DD: how the desk tells the visits apart. */
  visitDate: string
  /** When the clinic received it (ISO-8601 UTC). */
  receivedAt: string
  channel: ComplaintChannel
  content: string
  handlerId: number
  handlerName: string
  status: ComplaintStatus
  resolution: string
  closedAt: string | null
  closedByName: string
  createdByName: string
  version: number
  /** Oldest first. */
  steps: ComplaintStep[]
}

/** The satisfaction score a reached follow-up call may record: 1 (very unhappy) to 5 (very happy). */
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const
