import type { z } from 'zod'
import en from 'zod/v4/locales/en.js'
import zhCN from 'zod/v4/locales/zh-CN.js'
import { translateError } from '../../core/i18n/errorMessages.ts'
import type { Locale } from '../../core/i18n/locales.ts'

const zodLocales = { 'zh-CN': zhCN().localeError, 'en-US': en().localeError }

/** zod's own messages in the operator's language, for issues our schemas give no message of their own. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return zodLocales[locale]
}

/**
 * Field messages for an invalid input: schemas name our own keys (`validation.phone`) where a plain
 * message matters to a receptionist; anything else keeps zod's message (already in the right language).
 */
export function describeZodError(locale: Locale, error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (path in fields) continue
    fields[path] = issue.message.startsWith('validation.') ? translateError(locale, issue.message) : issue.message
  }
  const first = Object.entries(fields)[0]
  const summary = translateError(locale, 'error.invalidInput')
  return { message: first ? `${summary}（${first[0]}：${first[1]}）` : summary, fields }
}
