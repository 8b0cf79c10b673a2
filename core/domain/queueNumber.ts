import type { VisitType } from './visit.ts'

export type QueuePrefixes = Record<VisitType, string>

/** A012: the type's prefix and the day's sequence, zero-padded to three digits (1000 and up keep all digits). */
export function formatQueueNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`
}
