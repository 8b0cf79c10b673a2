import type { displayZh } from './display.zh-CN.ts'

export const displayEn: typeof displayZh = {}
