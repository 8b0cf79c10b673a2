import type { ConsentTemplateKey } from '../domain/consent.ts'
import { addErrorMessages } from './errorMessages.ts'

/** Template names as the audit log writes them (kept in Chinese, as every summary). */
export const CONSENT_TEMPLATE_NAMES: Record<ConsentTemplateKey, string> = {
  general: '通用',
  skin: '皮肤',
  injection: '注射',
  laser: '激光',
  surgery: '手术',
  body: '形体',
  dental: '口腔',
  hair: '毛发',
}

/** Messages of the consent forms' refusals (electron/api/handlers/consents.ts, consentGuard.ts). */
addErrorMessages({
  'zh-CN': {
    'error.consentCardNotFound': '找不到该疗程卡（编号 {id}）',
    'error.consentCardVoid': '疗程卡「{name}」已作废，不能生成知情同意书',
    'error.consentClientNotFound': '找不到该客户（编号 {id}）',
    'error.consentNotFound': '找不到该知情同意书（编号 {id}）',
    'error.consentAlreadySigned': '「{name}」的知情同意书已于 {at} 由 {by} 标记为已签',
    'error.consentTemplateChanged': '「{name}」同意书模板刚被其他窗口修改，请看最新内容后再保存',
    'error.consentRequired': '「{name}」是侵入性治疗，须先签署知情同意书（客户记录 → 知情同意书 → 标记已签）',
  },
  'en-US': {
    'error.consentCardNotFound': 'Treatment card not found (id {id})',
    'error.consentCardVoid': 'The card “{name}” is void; no consent form is made for it',
    'error.consentClientNotFound': 'Client not found (id {id})',
    'error.consentNotFound': 'Consent form not found (id {id})',
    'error.consentAlreadySigned': 'The consent form for “{name}” was already marked signed on {at} by {by}',
    'error.consentTemplateChanged': 'The “{name}” consent template was just changed in another window; look at it again and save',
    'error.consentRequired': '“{name}” is an invasive treatment: its consent form must be signed first (client record → Consent forms → Mark signed)',
  },
})
