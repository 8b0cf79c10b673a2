import { parseYuan, type YuanParseErrorCode } from '../../../../core/money/index.ts'

/** An amount typed in yuan for stored value: whole fen above 0, or the key of what is wrong with it. */
export type AmountReading = { ok: true; fen: number } | { ok: false; reason: YuanParseErrorCode | 'zero' }

export function readAmount(text: string): AmountReading {
  const parsed = parseYuan(text)
  if (!parsed.ok) return { ok: false, reason: parsed.error.code }
  if (parsed.value <= 0) return { ok: false, reason: 'zero' }
  return { ok: true, fen: parsed.value }
}
