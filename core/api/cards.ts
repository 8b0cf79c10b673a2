import { z } from 'zod'
import { BODY_AREA_MAX, type CardDeduction, type CardDetail, type TreatmentCard, type TreatmentRecordRow } from '../domain/treatmentCard.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const version = z.number().int().min(1)

/** What a deduction returns: the card as it is now and the deduction, for the slip. */
export interface DeductionResult {
  card: TreatmentCard
  deduction: CardDeduction
}

/**
 * Treatment cards (疗程卡) and their deductions (划扣), core/domain/treatmentCard.ts. Cards are made by the
 * payment of a fee sheet (fees.pay) and voided with it (fees.void refuses a sheet whose cards have sessions
 * used); there is no method to make one by hand.
 */
export const cardMethods = {
  /** A client's cards, the usable ones first, then newest first. */
  'cards.ofClient': method<TreatmentCard[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** A card with every deduction, undone ones included. */
  'cards.get': method<CardDetail>()({ input: z.object({ id: idSchema }).strict(), writes: false, permission: 'read' }),
  /**
   * The client's treatment record (病历档案): every deduction of their cards, undone ones too, newest first,
   * with the item, body area, session n of N, doctor, assistant, nurse and note.
   */
  'cards.treatmentRecord': method<TreatmentRecordRow[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /**
   * Deducts one session: the nurse (active, role nurse) who treated, the body area treated (部位), the doctor
   * (active, role doctor) if one did, the doctor's assistant (an active nurse or doctor, not the doctor) if
   * one helped, a note. Refused, with the reason in words, for a card used up, expired or void, and for a card
   * changed since it was read (expectedVersion): two windows never deduct the last session twice.
   */
  'cards.deduct': method<DeductionResult>()({
    input: z
      .object({
        cardId: idSchema,
        expectedVersion: version,
        nurseId: idSchema,
        doctorId: idSchema.nullable().default(null),
        bodyArea: z.string().trim().min(1, 'validation.required').max(BODY_AREA_MAX, 'validation.tooLong'),
        assistantId: idSchema.nullable().default(null),
        note: z.string().trim().max(200, 'validation.tooLong').default(''),
      })
      .strict(),
    writes: true,
    permission: 'treat',
  }),
  /** Undoes a deduction (an administrator, with a reason): the session is back on the card; the record stays. */
  'cards.undoDeduction': method<CardDetail>()({
    input: z.object({ deductionId: idSchema, reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict(),
    writes: true,
    permission: 'admin',
  }),
}
