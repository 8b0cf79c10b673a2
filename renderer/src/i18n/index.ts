import { createI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../core/i18n/locales.ts'
import enUS from './en-US.ts'
import zhCN, { type MessageSchema } from './zh-CN.ts'

/**
 * The app's one i18n instance (Composition API mode). Messages are plain objects; vue-i18n 11 compiles
 * them "just in time" into an AST it interprets, without `new Function`, so the strict CSP holds.
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  missingWarn: false,
  fallbackWarn: false,
})

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** Switches every text at once: vue-i18n, `<html lang>` and the window title (Element Plus follows App.vue). */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
    document.title = i18n.global.t('app.title')
  }
}

/** `t` outside components (stores, helpers). */
export const t = i18n.global.t
