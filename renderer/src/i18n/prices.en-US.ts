import type { pricesZh } from './prices.zh-CN.ts'

export const pricesEn: typeof pricesZh = {}
