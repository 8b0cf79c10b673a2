import { z } from 'zod'
import type { VisitRow, VisitType } from '../domain/visit.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const version = z.number().int().min(1)

/** One call as the waiting room sees it: masked name, never a phone. */
export interface DisplayCall {
  callId: number
  kind: 'call' | 'recall'
  queueNo: string
  maskedName: string
  /** Who calls them in: the consultant, or the nurse or doctor of a board call (see callerKind). */
  consultantName: string | null
  /** Set when a nurse or doctor called them from their board (叫号 on 护士轮牌 / 医生轮牌). */
  callerKind?: 'nurse' | 'doctor'
  room: string
  at: string
  /** The sentence shown and spoken, from the settings' template. */
  sentence: string
}

export interface DisplaySpeech {
  /** A voice's name or voiceURI; empty = the first Chinese voice found. */
  voice: string
  volume: number
  /** How many times a call is spoken. */
  repeat: number
  language: 'zh-CN'
}

/** Everything the read-only queue display shows. */
export interface DisplayState {
  clinicName: string
  current: DisplayCall | null
  recent: DisplayCall[]
  waiting: { queueNo: string; type: VisitType }[]
  speech: DisplaySpeech
}

export interface QueueTicket {
  clinicName: string
  queueNo: string
  type: VisitType
  registeredAt: string
  /** Clients of the same type still waiting who came before. */
  waitingAhead: number
}

export interface DisplayWindowState {
  /** False where the host cannot open windows (the web preview opens a browser tab instead). */
  available: boolean
  open: boolean
}

export const queueMethods = {
  'queue.call': method<VisitRow>()({ input: z.object({ visitId: idSchema, expectedVersion: version }).strict(), writes: true, permission: 'desk' }),
  'queue.recall': method<VisitRow>()({ input: z.object({ visitId: idSchema }).strict(), writes: true, permission: 'desk' }),
  /** The client is not there: back to waiting (keeping their place and consultant); the call is logged. */
  'queue.skip': method<VisitRow>()({ input: z.object({ visitId: idSchema, expectedVersion: version }).strict(), writes: true, permission: 'desk' }),
  /** 叫号 from the nurse or doctor board: the visit the member serves is called to the member's room; its status stays. */
  'queue.callMember': method<VisitRow>()({
    input: z.object({ kind: z.enum(['nurse', 'doctor']), visitId: idSchema }).strict(),
    writes: true,
    permission: 'desk',
  }),
  'queue.display': method<DisplayState>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
  'queue.ticket': method<QueueTicket>()({ input: z.object({ visitId: idSchema }).strict(), writes: false, permission: 'read' }),
  'display.state': method<DisplayWindowState>()({ input: z.object({}).strict(), writes: false, permission: 'public' }),
  'display.setOpen': method<DisplayWindowState>()({ input: z.object({ open: z.boolean() }).strict(), writes: false, permission: 'desk' }),
}
