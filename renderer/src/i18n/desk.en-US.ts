import type { deskZh } from './desk.zh-CN.ts'

export const deskEn: typeof deskZh = {}
