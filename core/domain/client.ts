import type { ServiceCategory } from './categories.ts'
import type { MaritalStatus } from './consultation.ts'

export const GENDERS = ['female', 'male', 'unknown'] as const
export type Gender = (typeof GENDERS)[number]

export const CHANNELS = ['walk_in', 'phone', 'online', 'referral', 'partner', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

export interface Client {
  id: number
  archiveNo: string
  name: string
  gender: Gender
  /** ISO date (YYYY-MM-DD) or null when unknown; age is derived from it. */
  birthDate: string | null
  phone: string
  occupation: string
  ownConsultantId: number | null
  channel: Channel
  intendedCategory: ServiceCategory | null
  allergies: string
  notes: string
  /** 婚姻状况, for the treatment record (病历档案); the consultation sheet's values; null when not asked. */
  maritalStatus: MaritalStatus | null
  /** 住址, for the treatment record; '' when not given. */
  address: string
  createdAt: string
  updatedAt: string
}

/** What a search list shows: enough to recognise the person at the desk. */
export interface ClientSummary {
  id: number
  archiveNo: string
  name: string
  gender: Gender
  phone: string
  ownConsultantId: number | null
  lastVisitDate: string | null
}
