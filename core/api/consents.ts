import { z } from 'zod'
import { CONSENT_LIMITS, CONSENT_TEMPLATE_KEYS, type CardConsent, type Consent, type ConsentTemplate } from '../domain/consent.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

/**
 * Consent forms (知情同意书), core/domain/consent.ts. Everyone signed in reads them; the treatment room's
 * staff (and the desk) make and mark them signed; administrators edit the templates.
 */
export const consentMethods = {
  /** The client's cards not voided, newest first, each with its classification and its consent (or none yet). */
  'consents.ofClient': method<CardConsent[]>()({ input: z.object({ clientId: idSchema }).strict(), writes: false, permission: 'read' }),
  /** The card's consent: made now from its template when there is none yet, else the one made before (unchanged). */
  'consents.prepare': method<Consent>()({ input: z.object({ cardId: idSchema }).strict(), writes: true, permission: 'treat' }),
  /** Records that the client signed the printed consent; once. */
  'consents.markSigned': method<Consent>()({ input: z.object({ id: idSchema }).strict(), writes: true, permission: 'treat' }),
  /** Every template: 通用 first, then the service categories. */
  'consents.templates': method<ConsentTemplate[]>()({ input: z.object({}).strict(), writes: false, permission: 'read' }),
  /** Saves a template's title and body, if it is still at expectedVersion. Consents already made keep their text. */
  'consents.saveTemplate': method<ConsentTemplate>()({
    input: z
      .object({
        key: z.enum(CONSENT_TEMPLATE_KEYS),
        expectedVersion: z.number().int().min(1),
        title: text(CONSENT_LIMITS.title),
        body: text(CONSENT_LIMITS.body),
      })
      .strict(),
    writes: true,
    permission: 'admin',
  }),
}
