import { MAX_FEN, type Fen } from './fen.ts'

/** Why a typed amount was refused. */
export type YuanParseErrorCode =
  | 'empty' // nothing but blanks
  | 'negative' // a minus sign: amounts typed at the desk are never negative
  | 'invalid_format' // not digits with an optional point, or thousands separators in the wrong places
  | 'too_many_decimals' // more than two digits after the point: refused rather than silently rounded
  | 'too_large' // over MAX_FEN

export type YuanParseResult = { ok: true; value: Fen } | { ok: false; error: { code: YuanParseErrorCode } }

const FULL_WIDTH: Record<string, string> = { '．': '.', '，': ',', '￥': '¥', '－': '-', '−': '-', '　': ' ' }

function toHalfWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCodePoint(code - 0xff10 + 0x30)
    else out += FULL_WIDTH[ch] ?? ch
  }
  return out
}

// Either plain digits or digits grouped by commas in threes; then an optional point with optional decimals.
// A bare point with decimals (".5") is taken too.
const AMOUNT = /^(?:(\d+)|([1-9]\d{0,2}(?:,\d{3})+))?(?:\.(\d*))?$/

/**
 * Reads an amount in yuan as a person types it ("1,409.5", "¥1409.50", "￥１４０９．５", "12.", ".5", "3元")
 * into whole fen. Accepted: blanks around, a leading ¥ or ￥ (then optional blanks), a trailing 元, full-width
 * digits and punctuation, thousands separators only in groups of three. Refused with a code: empty input,
 * any minus sign, more than two decimals, anything else, and amounts over MAX_FEN.
 */
export function parseYuan(text: string): YuanParseResult {
  let s = toHalfWidth(text).trim()
  if (s === '') return { ok: false, error: { code: 'empty' } }
  if (s.includes('-')) return { ok: false, error: { code: 'negative' } }
  if (s.startsWith('¥')) s = s.slice(1).trimStart()
  if (s.endsWith('元')) s = s.slice(0, -1).trimEnd()
  const m = AMOUNT.exec(s)
  if (m === null || s === '' || s === '.') return { ok: false, error: { code: 'invalid_format' } }
  const whole = (m[1] ?? m[2] ?? '').replaceAll(',', '')
  const decimals = m[3] ?? ''
  if (whole === '' && decimals === '') return { ok: false, error: { code: 'invalid_format' } }
  if (decimals.length > 2) return { ok: false, error: { code: 'too_many_decimals' } }
  const fen = BigInt(whole === '' ? '0' : whole) * 100n + BigInt(decimals.padEnd(2, '0'))
  if (fen > BigInt(MAX_FEN)) return { ok: false, error: { code: 'too_large' } }
  return { ok: true, value: Number(fen) }
}
