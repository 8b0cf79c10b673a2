import { MAX_FEN, isFen, type Fen } from './fen.ts'

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const
const PLACE_UNITS = ['', '拾', '佰', '仟'] as const
const SECTION_UNITS = ['', '万', '亿'] as const

function digit(d: number): string {
  return DIGITS[d] ?? ''
}

/** One four-digit section (1..9999) without its 万/亿: zeros inside give one 零 per run, trailing zeros nothing. */
function sectionText(n: number): string {
  let out = ''
  let pendingZero = false
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10
    if (d === 0) {
      if (out !== '') pendingZero = true
      continue
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += digit(d) + PLACE_UNITS[place]
  }
  return out
}

export interface CapitalAmountOptions {
  /** Write 人民币 in front (default false). */
  prefix?: boolean
}

/**
 * The capital amount (中文大写金额) of a non-negative amount in fen, by the People's Bank of China rules for
 * writing amounts on bills and settlement vouchers (正确填写票据和结算凭证的基本规定):
 * - 整 after 元 when there are no jiao and no fen; nothing after 角 or 分 (¥1,409.50 → 壹仟肆佰零玖元伍角).
 * - Zeros between digits give one 零 per run (¥6,007.14 → 陆仟零柒元壹角肆分), also across the 万 and 亿
 *   sections (¥1,000,100 → 壹佰万零壹佰元整, ¥100,010,000 → 壹亿零壹万元整, ¥100,005,000 → 壹亿零伍仟元整).
 * - Where the rules allow either, a section that ends in zeros is closed by its 万/亿 and the next section
 *   starting with 仟 takes no 零 (¥107,000.53 → 壹拾万柒仟…, ¥10,005,000 → 壹仟万伍仟元整); and a 元 digit of
 *   0 before a non-zero 角 is written 元零 (¥107,000.53 → …柒仟元零伍角叁分, ¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分).
 * - A 角 of 0 before a non-zero 分 is written 元零 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
 * - 壹拾, never a bare 拾 (¥10 → 壹拾元整, ¥100,000 → 壹拾万元整).
 * - Under one yuan no 零元 is written (¥0.50 → 伍角, ¥0.05 → 伍分); zero is 零元整.
 * Refuses (RangeError) a negative amount, a non-whole one, and one over MAX_FEN (999,999,999,999.99 yuan).
 */
export function capitalAmount(fen: Fen, options: CapitalAmountOptions = {}): string {
  if (!isFen(fen)) throw new RangeError(`not a whole number of fen: ${fen}`)
  if (fen < 0) throw new RangeError(`a capital amount cannot be negative: ${fen}`)
  if (fen > MAX_FEN) throw new RangeError(`amount too large for a capital amount: ${fen}`)
  const prefix = options.prefix === true ? '人民币' : ''
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const fenDigit = fen % 10
  if (fen === 0) return `${prefix}零元整`

  let out = ''
  if (yuan > 0) {
    const sections = [yuan % 10_000, Math.floor(yuan / 10_000) % 10_000, Math.floor(yuan / 100_000_000)]
    let pendingZero = false
    for (let i = sections.length - 1; i >= 0; i--) {
      const s = sections[i] ?? 0
      if (s === 0) {
        if (out !== '') pendingZero = true
        continue
      }
      if (out !== '' && (pendingZero || s < 1000)) out += '零'
      pendingZero = false
      out += sectionText(s) + SECTION_UNITS[i]
    }
    out += '元'
  }

  if (jiao === 0 && fenDigit === 0) return `${prefix}${out}整`
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += '零'
  if (jiao > 0) out += `${digit(jiao)}角`
  if (fenDigit > 0) out += `${digit(fenDigit)}分`
  return prefix + out
}
