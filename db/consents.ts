import type { ServiceCategory } from '../core/domain/categories.ts'
import { consentStateOf, type CardConsent, type Consent, type ConsentTemplate, type ConsentTemplateKey } from '../core/domain/consent.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** Consent templates and consents (知情同意书): db/migrations/0170-consent-forms.ts. */

interface TemplateRow {
  key: ConsentTemplateKey
  title: string
  body: string
  version: number
  updated_at: string
  updated_by_name: string
}

interface ConsentRow {
  id: number
  client_id: number
  card_id: number
  template_key: ConsentTemplateKey
  template_version: number
  item_name: string
  title: string
  body: string
  created_at: string
  created_by_name: string
  signed_at: string | null
  signed_by_name: string
}

const toTemplate = (r: TemplateRow): ConsentTemplate => ({ key: r.key, title: r.title, body: r.body, version: r.version, updatedAt: r.updated_at, updatedByName: r.updated_by_name })

const toConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  clientId: r.client_id,
  cardId: r.card_id,
  templateKey: r.template_key,
  templateVersion: r.template_version,
  itemName: r.item_name,
  title: r.title,
  body: r.body,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  signedAt: r.signed_at,
  signedByName: r.signed_by_name,
})

/** Every template, 'general' first, then the service categories in their order. */
export function consentTemplates(db: ReadableDb): ConsentTemplate[] {
  const rows = stmt(db,
    `SELECT * FROM consent_templates
     ORDER BY CASE key WHEN 'general' THEN 0 WHEN 'skin' THEN 1 WHEN 'injection' THEN 2 WHEN 'laser' THEN 3 WHEN 'surgery' THEN 4
       WHEN 'body' THEN 5 WHEN 'dental' THEN 6 WHEN 'hair' THEN 7 ELSE 8 END`,
  ).all() as TemplateRow[]
  return rows.map(toTemplate)
}

export function getConsentTemplate(db: ReadableDb, key: ConsentTemplateKey): ConsentTemplate | undefined {
  const row = stmt(db, 'SELECT * FROM consent_templates WHERE key = ?').get(key) as TemplateRow | undefined
  return row && toTemplate(row)
}

/** Saves a template still at expectedVersion; false when it was changed meanwhile. */
export function saveConsentTemplate(db: WritableDb, t: { key: ConsentTemplateKey; title: string; body: string; expectedVersion: number; now: string; byName: string }): boolean {
  const result = stmt(db,
    `UPDATE consent_templates SET title = @title, body = @body, version = version + 1, updated_at = @now, updated_by_name = @byName
     WHERE key = @key AND version = @expectedVersion`,
  ).run(t)
  return result.changes === 1
}

export function getConsent(db: ReadableDb, id: number): Consent | undefined {
  const row = stmt(db, 'SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined
  return row && toConsent(row)
}

export function consentOfCard(db: ReadableDb, cardId: number): Consent | undefined {
  const row = stmt(db, 'SELECT * FROM consents WHERE card_id = ?').get(cardId) as ConsentRow | undefined
  return row && toConsent(row)
}

export interface NewConsent {
  clientId: number
  cardId: number
  templateKey: ConsentTemplateKey
  templateVersion: number
  itemName: string
  title: string
  body: string
  now: string
  byName: string
}

export function insertConsent(db: WritableDb, c: NewConsent): Consent {
  const result = stmt(db,
    `INSERT INTO consents (client_id, card_id, template_key, template_version, item_name, title, body, created_at, created_by_name)
     VALUES (@clientId, @cardId, @templateKey, @templateVersion, @itemName, @title, @body, @now, @byName)`,
  ).run(c)
  return getConsent(db, Number(result.lastInsertRowid)) as Consent
}

/** Marks a consent signed if it was not yet; false when it already was. */
export function markConsentSigned(db: WritableDb, id: number, now: string, byName: string): boolean {
  return stmt(db, 'UPDATE consents SET signed_at = ?, signed_by_name = ? WHERE id = ? AND signed_at IS NULL').run(now, byName, id).changes === 1
}

/** A card's price item classification (the item as it is now) and its consent's signature, for the gate. */
export interface CardClassification {
  cardId: number
  clientId: number
  itemName: string
  serviceCategory: ServiceCategory | null
  invasive: boolean
  signed: boolean
}

interface ClassRow {
  card_id: number
  client_id: number
  item_name: string
  service_category: ServiceCategory | null
  invasive: 0 | 1 | null
  signed: 0 | 1
}

const CLASSIFIED = `
  SELECT t.id AS card_id, t.client_id, t.name AS item_name, p.service_category, p.invasive,
         (c.signed_at IS NOT NULL) AS signed
  FROM treatment_cards t
  LEFT JOIN price_items p ON p.id = t.item_id
  LEFT JOIN consents c ON c.card_id = t.id`

const toClass = (r: ClassRow): CardClassification => ({
  cardId: r.card_id,
  clientId: r.client_id,
  itemName: r.item_name,
  serviceCategory: r.service_category,
  invasive: r.invasive === 1,
  signed: r.signed === 1,
})

export function classificationOfCard(db: ReadableDb, cardId: number): CardClassification | undefined {
  const row = stmt(db, `${CLASSIFIED} WHERE t.id = ?`).get(cardId) as ClassRow | undefined
  return row && toClass(row)
}

/** The client's cards not voided, newest first, each with its classification and consent. */
export function cardConsentsOfClient(db: ReadableDb, clientId: number): CardConsent[] {
  const rows = stmt(db,
    `SELECT t.id AS card_id, t.code, t.name, t.sessions_bought, t.bought_on, f.sheet_no, p.service_category, p.invasive, c.id AS consent_id
     FROM treatment_cards t
     JOIN fee_sheets f ON f.id = t.fee_sheet_id
     LEFT JOIN price_items p ON p.id = t.item_id
     LEFT JOIN consents c ON c.card_id = t.id
     WHERE t.client_id = ? AND t.voided = 0
     ORDER BY t.id DESC`,
  ).all(clientId) as { card_id: number; code: string; name: string; sessions_bought: number; bought_on: string; sheet_no: string; service_category: ServiceCategory | null; invasive: 0 | 1 | null; consent_id: number | null }[]
  return rows.map((r) => {
    const consent = r.consent_id === null ? null : (getConsent(db, r.consent_id) ?? null)
    return {
      cardId: r.card_id,
      code: r.code,
      itemName: r.name,
      sessionsBought: r.sessions_bought,
      sheetNo: r.sheet_no,
      boughtOn: r.bought_on,
      serviceCategory: r.service_category,
      invasive: r.invasive === 1,
      state: consentStateOf(consent),
      consent,
    }
  })
}
