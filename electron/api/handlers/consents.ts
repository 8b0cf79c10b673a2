import '../../../core/i18n/consentMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { templateKeyFor, type Consent } from '../../../core/domain/consent.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import { CONSENT_TEMPLATE_NAMES } from '../../../core/i18n/consentMessages.ts'
import { getCard } from '../../../db/cards.ts'
import { getClient } from '../../../db/clients.ts'
import {
  cardConsentsOfClient,
  classificationOfCard,
  consentOfCard,
  consentTemplates,
  getConsent,
  getConsentTemplate,
  insertConsent,
  markConsentSigned,
  saveConsentTemplate,
} from '../../../db/consents.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

type ConsentMethods = 'consents.ofClient' | 'consents.prepare' | 'consents.markSigned' | 'consents.templates' | 'consents.saveTemplate'

const localTime = (iso: string) => `${localDateOf(new Date(iso))} ${localTimeOf(new Date(iso))}`

function requireConsent(ctx: HandlerContext, id: number): Consent {
  const consent = getConsent(ctx.db, id)
  if (!consent) throw new DomainError('not_found', 'error.consentNotFound', { id }, 'id')
  return consent
}

export const consentHandlers: PartialHandlerTable<ConsentMethods> = {
  'consents.ofClient': (ctx, { clientId }) => {
    if (!getClient(ctx.db, clientId)) throw new DomainError('not_found', 'error.consentClientNotFound', { id: clientId }, 'clientId')
    return cardConsentsOfClient(ctx.db, clientId)
  },

  'consents.prepare': (ctx, { cardId }) => {
    const card = getCard(ctx.db, cardId, ctx.today())
    if (!card) throw new DomainError('not_found', 'error.consentCardNotFound', { id: cardId }, 'cardId')
    const existing = consentOfCard(ctx.db, cardId)
    if (existing) return existing
    if (card.voided) throw new DomainError('rule_violation', 'error.consentCardVoid', { name: card.name }, 'cardId')
    const templates = consentTemplates(ctx.db)
    const key = templateKeyFor(classificationOfCard(ctx.db, cardId)?.serviceCategory ?? null, new Set(templates.map((t) => t.key)))
    const template = templates.find((t) => t.key === key) ?? getConsentTemplate(ctx.db, 'general')
    if (!template) throw new DomainError('not_found', 'error.consentNotFound', { id: cardId }, 'cardId')
    const consent = insertConsent(ctx.db, {
      clientId: card.clientId,
      cardId,
      templateKey: template.key,
      templateVersion: template.version,
      itemName: card.name,
      title: template.title,
      body: template.body,
      now: ctx.now(),
      byName: ctx.operator.name,
    })
    ctx.audit(`生成 ${card.clientName} 的知情同意书「${template.title}」：疗程卡 ${card.name}（${CONSENT_TEMPLATE_NAMES[template.key]}模板第 ${template.version} 版）`)
    ctx.emit({ topic: 'cards', ids: [cardId] })
    return consent
  },

  'consents.markSigned': (ctx, { id }) => {
    const consent = requireConsent(ctx, id)
    if (!markConsentSigned(ctx.db, id, ctx.now(), ctx.operator.name)) {
      throw new DomainError('conflict', 'error.consentAlreadySigned', { name: consent.itemName, at: localTime(consent.signedAt ?? ''), by: consent.signedByName })
    }
    const client = getClient(ctx.db, consent.clientId)
    ctx.audit(`标记 ${client?.name ?? ''} 的知情同意书已签：${consent.itemName}（${consent.title}）`)
    ctx.emit({ topic: 'cards', ids: [consent.cardId] })
    return requireConsent(ctx, id)
  },

  'consents.templates': (ctx) => consentTemplates(ctx.db),

  'consents.saveTemplate': (ctx, { key, expectedVersion, title, body }) => {
    const name = CONSENT_TEMPLATE_NAMES[key]
    if (!saveConsentTemplate(ctx.db, { key, title, body, expectedVersion, now: ctx.now(), byName: ctx.operator.name })) {
      throw new DomainError('conflict', 'error.consentTemplateChanged', { name })
    }
    const saved = getConsentTemplate(ctx.db, key)
    if (!saved) throw new DomainError('not_found', 'error.consentNotFound', { id: 0 })
    ctx.audit(`修改知情同意书模板（${name}）「${title}」：第 ${saved.version} 版，${body.length} 字`)
    ctx.emit({ topic: 'settings' })
    return saved
  },
}
