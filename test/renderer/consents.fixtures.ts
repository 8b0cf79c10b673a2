import type { CardConsent, Consent, ConsentTemplate } from '../../core/domain/consent.ts'

/** A consent, a card's consent row and a template as the main process returns them. */
export function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 7,
    clientId: 42,
    cardId: 11,
    templateKey: 'injection',
    templateVersion: 1,
    itemName: '玻尿酸填充',
    title: '注射美容治疗知情同意书',
    body: '一、治疗目的与方法：注射透明质酸。\n\n二、可能出现的风险：淤青、栓塞。\n六、顾客声明：我已知情并自愿接受。',
    createdAt: '2026-12-04T02:00:00.000Z',
    createdByName: '前台小周',
    signedAt: null,
    signedByName: '',
    ...overrides,
  }
}

export function cardConsent(overrides: Partial<CardConsent> = {}): CardConsent {
  return {
    cardId: 11,
    code: 'BN01',
    itemName: '玻尿酸填充',
    sessionsBought: 1,
    sheetNo: 'F20261204-001',
    boughtOn: '2026-12-04',
    serviceCategory: 'injection',
    invasive: true,
    state: 'none',
    consent: null,
    ...overrides,
  }
}

export function template(overrides: Partial<ConsentTemplate> = {}): ConsentTemplate {
  return { key: 'general', title: '治疗知情同意书', body: '通用正文', version: 1, updatedAt: '2026-12-01T01:00:00.000Z', updatedByName: '系统默认', ...overrides }
}
