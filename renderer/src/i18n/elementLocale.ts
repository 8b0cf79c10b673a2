import en from 'element-plus/es/locale/lang/en.mjs'
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs'
import type { Locale } from '../../../core/i18n/locales.ts'

/** Element Plus's own texts (pagination, empty states, dialogs) in the app's language. */
export const elementLocales = { 'zh-CN': zhCn, 'en-US': en } as const satisfies Record<Locale, unknown>
