import '../../../core/i18n/consentMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { TreatmentCard } from '../../../core/domain/treatmentCard.ts'
import { classificationOfCard } from '../../../db/consents.ts'
import type { ReadableDb } from '../../../db/types.ts'

/**
 * The gate of 划扣 (DOMAIN.md "After the deal"): a card of an invasive item (as the price list says now) is
 * not deducted until its consent form is marked signed. Called by 'cards.deduct' before anything is written.
 */
export function requireSignedConsent(db: ReadableDb, card: Pick<TreatmentCard, 'id' | 'name'>): void {
  const c = classificationOfCard(db, card.id)
  if (c && c.invasive && !c.signed) throw new DomainError('rule_violation', 'error.consentRequired', { name: card.name })
}
