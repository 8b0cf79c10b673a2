import type { reportsZh } from './reports.zh-CN.ts'

export const reportsEn: typeof reportsZh = {}
