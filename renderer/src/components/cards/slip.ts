import type { CardDeduction, TreatmentCard } from '../../../../core/domain/treatmentCard.ts'

/** What the 划扣确认单 prints: one deduction of one card, for one client. */
export interface DeductionSlip {
  clientName: string
  archiveNo: string
  card: TreatmentCard
  deduction: CardDeduction
  /** Sessions left once this deduction was made (the undone ones not counted). */
  sessionsLeft: number
}

/** The slip of a deduction just made: the card as the server answered. */
export function freshSlip(card: TreatmentCard, deduction: CardDeduction, archiveNo: string): DeductionSlip {
  return { clientName: card.clientName, archiveNo, card, deduction, sessionsLeft: card.sessionsLeft }
}

/** A reprint from the history: what was left right after it, counting the deductions still standing up to it. */
export function reprintSlip(card: TreatmentCard, deduction: CardDeduction, all: readonly CardDeduction[], archiveNo: string): DeductionSlip {
  const usedThen = all.filter((d) => !d.undone && d.sessionNo <= deduction.sessionNo).length
  return { clientName: card.clientName, archiveNo, card, deduction, sessionsLeft: Math.max(0, card.sessionsBought - usedThen) }
}
