import type { Locale } from './locales.ts'

type Messages = Record<string, string>

/** Messages of API errors. Keys are stable; handlers throw DomainError with one of them. */
const zh: Messages = {
  'error.invalidInput': '输入有误，请检查标红的项目',
  'error.unknownMethod': '未知的操作：{method}',
  'error.forbidden': '当前操作员没有权限执行此操作',
  'error.internal': '系统内部错误，操作未保存。请重试，若仍失败请联系管理员',
  'error.staffNotFound': '找不到该员工（编号 {id}）',
  'error.staffPhoneTaken': '手机号 {phone} 已属于员工“{name}”',
  'error.staffNameTaken': '已有同名员工“{name}”，请加以区分（如“{name}B”）',
  'error.staffChanged': '该员工资料已被其他窗口修改，请刷新后再试',
}

const en: Messages = {
  'error.invalidInput': 'Some input is not valid; please check the marked fields',
  'error.unknownMethod': 'Unknown action: {method}',
  'error.forbidden': 'The current operator is not allowed to do this',
  'error.internal': 'Internal error; nothing was saved. Try again, and tell the administrator if it persists',
  'error.staffNotFound': 'Staff member not found (id {id})',
  'error.staffPhoneTaken': 'Phone {phone} already belongs to staff member "{name}"',
  'error.staffNameTaken': 'A staff member named "{name}" already exists; tell them apart (e.g. "{name} B")',
  'error.staffChanged': 'This staff record was changed in another window; reload and try again',
}

const tables: Record<Locale, Messages> = { 'zh-CN': zh, 'en-US': en }

/** Registers more messages (each feature area keeps its own file). */
export function addErrorMessages(more: Record<Locale, Messages>): void {
  Object.assign(zh, more['zh-CN'])
  Object.assign(en, more['en-US'])
}

export function translateError(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables['zh-CN'][key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export function hasErrorMessage(key: string): boolean {
  return key in zh && key in en
}

addErrorMessages({
  'zh-CN': {
    'validation.required': '必填',
    'validation.tooLong': '太长',
    'validation.phone': '请输入正确的手机号（11 位）或座机号（如 021-61234567）',
    'validation.prefix': '前缀为 1～2 个大写字母',
    'validation.prefixesDistinct': '三种就诊类型的号码前缀不能相同',
    'validation.archiveTemplate': '档案号格式须含且仅含一个 {SEQ:n}，其余为字母、数字、- 或 _，如 DA{YYYY}{SEQ:5}',
    'validation.range': '超出允许范围',
    'validation.date': '日期格式应为 YYYY-MM-DD',
    'validation.birthDate': '出生日期不合理',
    'validation.updateUrl': '更新服务器地址须以 https:// 开头（本机测试可用 http://localhost），开启自动更新时必填',
  },
  'en-US': {
    'validation.required': 'Required',
    'validation.tooLong': 'Too long',
    'validation.phone': 'Enter a valid mobile (11 digits) or landline number (e.g. 021-61234567)',
    'validation.prefix': 'A prefix is one or two capital letters',
    'validation.prefixesDistinct': 'The three visit types need different number prefixes',
    'validation.archiveTemplate': 'The archive number format needs exactly one {SEQ:n}; the rest letters, digits, - or _, e.g. DA{YYYY}{SEQ:5}',
    'validation.range': 'Out of the allowed range',
    'validation.date': 'Dates are written YYYY-MM-DD',
    'validation.birthDate': 'This birth date is not plausible',
    'validation.updateUrl': 'The update server is an https:// address (http://localhost for a test on this computer), required when automatic updates are on',
  },
})
