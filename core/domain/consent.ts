import { SERVICE_CATEGORIES, type ServiceCategory } from './categories.ts'

/**
 * Consent forms (知情同意书), DOMAIN.md "After the deal": a template per service category of the price list,
 * plus 'general' (通用) for an item without a category or whose category has no template; administrators
 * edit them. A consent is made per treatment card from its template (title and body kept as they were then),
 * printed with the client's details, signed on paper and marked signed at the desk. An invasive item's card
 * cannot be deducted (划扣) until its consent is marked signed.
 */

export const CONSENT_TEMPLATE_KEYS = ['general', ...SERVICE_CATEGORIES] as const
export type ConsentTemplateKey = (typeof CONSENT_TEMPLATE_KEYS)[number]

/** Limits shared by the table's CHECKs, the API schema and the settings form. */
export const CONSENT_LIMITS = { title: 60, body: 5000 } as const

export interface ConsentTemplate {
  key: ConsentTemplateKey
  title: string
  /** Plain text; paragraphs separated by blank lines (or single line breaks). */
  body: string
  version: number
  updatedAt: string
  updatedByName: string
}

export interface Consent {
  id: number
  clientId: number
  cardId: number
  /** The template it was made from, and its version then. */
  templateKey: ConsentTemplateKey
  templateVersion: number
  /** The card's item as it was on the fee sheet. */
  itemName: string
  title: string
  body: string
  createdAt: string
  createdByName: string
  /** When the desk marked that the client signed the printed paper; null while waiting. */
  signedAt: string | null
  signedByName: string
}

export type ConsentState = 'none' | 'pending' | 'signed'

/** One treatment card of a client with what its consent needs and where it stands. */
export interface CardConsent {
  cardId: number
  code: string
  itemName: string
  sessionsBought: number
  sheetNo: string
  boughtOn: string
  serviceCategory: ServiceCategory | null
  /** The price item is an invasive treatment (侵入性治疗): no 划扣 before the consent is signed. */
  invasive: boolean
  state: ConsentState
  consent: Consent | null
}

export const consentStateOf = (consent: Consent | null): ConsentState => (consent === null ? 'none' : consent.signedAt === null ? 'pending' : 'signed')

/** The template a card's consent is made from: its category's when there is one, else the general one. */
export function templateKeyFor(category: ServiceCategory | null, available: ReadonlySet<string>): ConsentTemplateKey {
  return category !== null && available.has(category) ? category : 'general'
}

/** Categories whose items are usually invasive: the price form suggests 侵入性治疗 for them. */
export const USUALLY_INVASIVE: readonly ServiceCategory[] = ['injection', 'surgery']

/** The body's paragraphs, for printing: split on line breaks, empty lines dropped. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
