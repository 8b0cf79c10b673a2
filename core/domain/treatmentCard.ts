/**
 * Treatment cards (疗程卡 / 治疗卡), DOMAIN.md "After the deal": every treatment line of a paid fee sheet
 * becomes a card of that item with as many sessions as the line's quantity (5 × 光子嫩肤 = a card of five
 * sessions), valid for the settings' `treatmentCardValidDays` from the day of payment. Each treatment deducts
 * one session (划扣) with the nurse and the doctor, confirmed by the client's signature on a printed slip. A
 * deduction is undone only by an administrator with a reason; the deduction stays in the record, marked undone.
 * Sessions used and left are derived from the deductions, never stored apart.
 */

export const CARD_STATUSES = ['active', 'used_up', 'expired', 'void'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

/** The default days a card is valid from the day it was paid (setting `treatmentCardValidDays`). */
export const DEFAULT_CARD_VALID_DAYS = 365

export interface TreatmentCard {
  id: number
  clientId: number
  clientName: string
  feeSheetId: number
  sheetNo: string
  /** The fee sheet's line it was made from (0-based), with the item as it was on the sheet. */
  lineIndex: number
  itemId: number
  code: string
  name: string
  sessionsBought: number
  /** Deductions not undone. */
  sessionsUsed: number
  /** sessionsBought − sessionsUsed, never negative. */
  sessionsLeft: number
  /** YYYY-MM-DD, the day it was paid. */
  boughtOn: string
  /** YYYY-MM-DD, the last day a session can be deducted. */
  expiresOn: string
  /** Set when its fee sheet was voided before any session was used. */
  voided: boolean
  status: CardStatus
  version: number
}

export interface CardDeduction {
  id: number
  cardId: number
  /** 1 for the first session deducted, counting undone ones too (the slip's number never repeats). */
  sessionNo: number
  at: string
  nurseId: number
  nurseName: string
  doctorId: number | null
  doctorName: string
  /** 部位: where the treatment was given (全脸、额头、双下眼睑); '' on deductions made before it was asked. */
  bodyArea: string
  /** The doctor's assistant (助手), a nurse or a doctor other than the doctor; null when none. */
  assistantId: number | null
  assistantName: string
  note: string
  byName: string
  undone: boolean
  undoneAt: string | null
  undoneByName: string
  undoReason: string
}

/** Longest body area (部位) a deduction keeps. */
export const BODY_AREA_MAX = 60

/**
 * A line of the client's treatment record (病历档案): one deduction with its card's item and session count.
 * The record's header (archive number, name, age, marital status, phone, address) is the client's.
 */
export interface TreatmentRecordRow extends CardDeduction {
  code: string
  name: string
  sessionsBought: number
}

export interface CardDetail {
  card: TreatmentCard
  /** Newest first. */
  deductions: CardDeduction[]
}

/** The card's state on `today`: void wins, then used up, then expired. */
export function cardStatus(card: Pick<TreatmentCard, 'voided' | 'sessionsBought' | 'sessionsUsed' | 'expiresOn'>, today: string): CardStatus {
  if (card.voided) return 'void'
  if (card.sessionsUsed >= card.sessionsBought) return 'used_up'
  if (today > card.expiresOn) return 'expired'
  return 'active'
}
