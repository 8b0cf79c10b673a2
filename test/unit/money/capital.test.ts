import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_FEN, capitalAmount } from '../../../core/money/index.ts'

/**
 * Known amounts, written by hand from the PBOC rules (正确填写票据和结算凭证的基本规定) and their examples.
 * Where the rules allow two forms (rule 3: a 万 or 元 digit of 0 before a non-zero 仟 or 角), the chosen one is
 * that of the rules' first example: 壹拾万柒仟元零伍角叁分, 壹仟陆佰捌拾元零叁角贰分.
 */
const TABLE: [string, number, string][] = [
  ['0.00', 0, '零元整'],
  ['0.01', 1, '壹分'],
  ['0.05', 5, '伍分'],
  ['0.10', 10, '壹角'],
  ['0.50', 50, '伍角'],
  ['0.11', 11, '壹角壹分'],
  ['0.55', 55, '伍角伍分'],
  ['1.00', 100, '壹元整'],
  ['1.01', 101, '壹元零壹分'],
  ['1.10', 110, '壹元壹角'],
  ['1.11', 111, '壹元壹角壹分'],
  ['9.99', 999, '玖元玖角玖分'],
  ['10.00', 1000, '壹拾元整'],
  ['10.05', 1005, '壹拾元零伍分'],
  ['10.10', 1010, '壹拾元零壹角'],
  ['10.50', 1050, '壹拾元零伍角'],
  ['11.00', 1100, '壹拾壹元整'],
  // The brief lists 20.30 as 贰拾元叁角; the PBOC rules allow both, and this table follows the same choice as
  // its ¥107,000.53 → …元零伍角叁分 (a 元 digit of 0 before a non-zero 角 is written 元零).
  ['20.30', 2030, '贰拾元零叁角'],
  ['100.00', 10000, '壹佰元整'],
  ['101.00', 10100, '壹佰零壹元整'],
  ['110.00', 11000, '壹佰壹拾元整'],
  ['200.20', 20020, '贰佰元零贰角'],
  ['325.04', 32504, '叁佰贰拾伍元零肆分'], // PBOC rule 4 example
  ['1,000.50', 100050, '壹仟元零伍角'],
  ['1,001.00', 100100, '壹仟零壹元整'],
  ['1,010.00', 101000, '壹仟零壹拾元整'],
  ['1,100.00', 110000, '壹仟壹佰元整'],
  ['1,409.50', 140950, '壹仟肆佰零玖元伍角'], // PBOC rule 1 example
  ['1,680.32', 168032, '壹仟陆佰捌拾元零叁角贰分'], // PBOC rule 3 example (first form)
  ['6,007.14', 600714, '陆仟零柒元壹角肆分'], // PBOC rule 2 example
  ['10,000.00', 1000000, '壹万元整'],
  ['10,001.00', 1000100, '壹万零壹元整'],
  ['10,010.00', 1001000, '壹万零壹拾元整'],
  ['10,100.00', 1010000, '壹万零壹佰元整'],
  ['11,000.00', 1100000, '壹万壹仟元整'],
  ['12,345.67', 1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
  ['16,409.02', 1640902, '壹万陆仟肆佰零玖元零贰分'], // PBOC rule 4 example
  ['30,000.03', 3000003, '叁万元零叁分'],
  ['40,506.00', 4050600, '肆万零伍佰零陆元整'],
  ['100,000.00', 10000000, '壹拾万元整'],
  ['105,000.00', 10500000, '壹拾万伍仟元整'],
  ['107,000.53', 10700053, '壹拾万柒仟元零伍角叁分'], // PBOC rule 3 example (first form)
  ['110,000.00', 11000000, '壹拾壹万元整'],
  ['1,000,000.00', 100000000, '壹佰万元整'],
  ['1,000,000.01', 100000001, '壹佰万元零壹分'],
  ['1,000,100.00', 100010000, '壹佰万零壹佰元整'],
  ['10,000,000.00', 1000000000, '壹仟万元整'],
  ['10,005,000.00', 1000500000, '壹仟万伍仟元整'],
  ['100,000,000.00', 10000000000, '壹亿元整'],
  ['100,000,001.00', 10000000100, '壹亿零壹元整'],
  ['100,005,000.00', 10000500000, '壹亿零伍仟元整'],
  ['100,010,000.00', 10001000000, '壹亿零壹万元整'],
  ['102,030,405.06', 10203040506, '壹亿零贰佰零叁万零肆佰零伍元零陆分'],
  ['120,000,000.00', 12000000000, '壹亿贰仟万元整'],
  ['1,000,000,000.00', 100000000000, '壹拾亿元整'],
  ['1,010,000,000.00', 101000000000, '壹拾亿壹仟万元整'],
  ['10,000,100,000.00', 1000010000000, '壹佰亿零壹拾万元整'],
  ['100,000,000,000.00', 10000000000000, '壹仟亿元整'],
  ['100,100,000,000.00', 10010000000000, '壹仟零壹亿元整'],
  ['999,999,999,999.99', MAX_FEN, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
]

describe('capitalAmount: known amounts', () => {
  it('has at least 40 cases, each amount matching its label', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
    for (const [label, fen] of TABLE) expect(Math.round(Number(label.replaceAll(',', '')) * 100)).toBe(fen)
  })
  it.each(TABLE)('¥%s → %s', (_label, fen, expected) => {
    expect(capitalAmount(fen)).toBe(expected)
  })
  it('writes 人民币 in front only when asked', () => {
    expect(capitalAmount(140950, { prefix: true })).toBe('人民币壹仟肆佰零玖元伍角')
    expect(capitalAmount(0, { prefix: true })).toBe('人民币零元整')
    expect(capitalAmount(140950, { prefix: false })).toBe('壹仟肆佰零玖元伍角')
  })
  it('refuses negative, fractional, non-finite and too large amounts', () => {
    for (const bad of [-1, -100, 0.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, MAX_FEN + 1, Number.MAX_SAFE_INTEGER]) {
      expect(() => capitalAmount(bad), String(bad)).toThrow(RangeError)
    }
  })
})

// ---------------------------------------------------------------------------------------------------------
// An independent reader of capital amounts, and an independent statement of where 零 goes, for the properties.

const DIGIT_VALUE: Record<string, number> = { 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 }
const PLACE_VALUE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 }

/** Reads a capital amount back into fen; throws on anything out of place. */
function readCapital(text: string): number {
  const m = /^(?:(.*)元)?(?:(.)角)?(?:(.)分)?(整)?$/u.exec(text.replaceAll('零', ''))
  if (m === null) throw new Error(`unreadable: ${text}`)
  const [, whole = '', jiaoCh, fenCh] = m
  let yi = 0
  let wan = 0
  let section = 0
  let digit: number | null = null
  for (const ch of whole) {
    if (ch in DIGIT_VALUE) {
      if (digit !== null) throw new Error(`two digits in a row: ${text}`)
      digit = DIGIT_VALUE[ch] ?? 0
    } else if (ch in PLACE_VALUE) {
      if (digit === null) throw new Error(`a place without its digit (bare 拾?): ${text}`)
      section += digit * (PLACE_VALUE[ch] ?? 0)
      digit = null
    } else if (ch === '万') {
      wan = section + (digit ?? 0)
      section = 0
      digit = null
    } else if (ch === '亿') {
      yi = section + (digit ?? 0)
      section = 0
      digit = null
    } else throw new Error(`unexpected ${ch} in ${text}`)
  }
  const yuan = yi * 1e8 + wan * 1e4 + section + (digit ?? 0)
  const jiao = jiaoCh === undefined ? 0 : (DIGIT_VALUE[jiaoCh] ?? Number.NaN)
  const fen = fenCh === undefined ? 0 : (DIGIT_VALUE[fenCh] ?? Number.NaN)
  return yuan * 100 + jiao * 10 + fen
}

/**
 * How many 零 the rules call for, from the digits alone: one per run of zeros between two non-zero digits of
 * the yuan, except a run that stops at the 万 or 亿 digit (the next digit, a 仟, is non-zero) without filling
 * that whole section; plus one after 元 when there is yuan, some jiao or fen, and the 元 digit or the 角 is 0.
 */
function expectedZeros(fen: number): number {
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const f = fen % 10
  if (fen === 0) return 1 // 零元整
  let count = 0
  const digits = yuan === 0 ? '' : String(yuan)
  const n = digits.length
  let i = 0
  while (i < n) {
    if (digits[i] !== '0') {
      i++
      continue
    }
    let j = i
    while (j < n && digits[j] === '0') j++
    // zeros at string indexes i..j-1, i.e. positions (from the 元 digit, 0) n-1-i down to n-j
    const high = n - 1 - i
    const low = n - j
    const internal = i > 0 && j < n
    const endsAtSection = low === 4 || low === 8
    const fillsSection = endsAtSection && high >= low + 3
    if (internal && !(endsAtSection && !fillsSection)) count++
    i = j
  }
  if (yuan > 0 && (jiao > 0 || f > 0) && (yuan % 10 === 0 || jiao === 0)) count++
  return count
}

/** Amounts with many zero digits, where the rules bite; and plain uniform amounts. */
const zeroHeavyFen = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 14 })
  .map((ds) => ds.reduce((acc, d) => acc * 10 + d, 0))
const anyFen = fc.oneof(zeroHeavyFen, fc.integer({ min: 0, max: MAX_FEN }), fc.integer({ min: 0, max: 1_000_000 }))

const ALLOWED = /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/u

describe('capitalAmount: properties against the rules', () => {
  it('reads back to the same fen', () => {
    fc.assert(fc.property(anyFen, (fen) => readCapital(capitalAmount(fen)) === fen), { numRuns: 3000 })
  })
  it('writes 零 exactly where the rules call for it, never twice in a row', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const s = capitalAmount(fen)
        expect(s).not.toContain('零零')
        expect([...s].filter((c) => c === '零').length).toBe(expectedZeros(fen))
      }),
      { numRuns: 3000 },
    )
  })
  it('uses only capital characters, and never starts with 零 except 零元整', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const s = capitalAmount(fen)
        expect(s).toMatch(ALLOWED)
        expect(s.startsWith('零')).toBe(fen === 0)
        expect(s.startsWith('拾')).toBe(false) // 壹拾, never a bare 拾
        expect(/(^|[零万亿元])拾/u.test(s)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
  it('ends with 整 iff there are no jiao and no fen, with 角 iff only fen are 0, with 分 iff fen are not 0', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const s = capitalAmount(fen)
        const jiao = Math.floor(fen / 10) % 10
        const f = fen % 10
        expect(s.endsWith('元整')).toBe(jiao === 0 && f === 0)
        expect(s.includes('整')).toBe(jiao === 0 && f === 0)
        expect(s.endsWith('角')).toBe(jiao !== 0 && f === 0)
        expect(s.endsWith('分')).toBe(f !== 0)
      }),
      { numRuns: 2000 },
    )
  })
  it('writes 元 iff there is at least one yuan (or the amount is zero); under a yuan no 零元', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const s = capitalAmount(fen)
        expect(s.includes('元')).toBe(fen >= 100 || fen === 0)
      }),
      { numRuns: 1000 },
    )
  })
  it('writes each of 万 and 亿 once at most, 亿 before 万, and the section units only for non-zero sections', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const s = capitalAmount(fen)
        const yuan = Math.floor(fen / 100)
        const wanSection = Math.floor(yuan / 1e4) % 1e4
        const yiSection = Math.floor(yuan / 1e8)
        expect(s.split('万').length - 1).toBe(wanSection > 0 ? 1 : 0)
        expect(s.split('亿').length - 1).toBe(yiSection > 0 ? 1 : 0)
        if (wanSection > 0 && yiSection > 0) expect(s.indexOf('亿')).toBeLessThan(s.indexOf('万'))
      }),
      { numRuns: 1000 },
    )
  })
  it('prefix adds exactly 人民币', () => {
    fc.assert(fc.property(anyFen, (fen) => capitalAmount(fen, { prefix: true }) === `人民币${capitalAmount(fen)}`))
  })
  it('the reader in this test refuses what it should (so the round trip can fail)', () => {
    expect(() => readCapital('拾元整')).toThrow()
    expect(() => readCapital('壹壹元整')).toThrow()
    expect(readCapital('壹拾万柒仟元零伍角叁分')).toBe(10700053)
    expect(readCapital('壹亿零壹万元整')).toBe(10001000000)
    expect(expectedZeros(10700053)).toBe(1)
    expect(expectedZeros(10000500000)).toBe(1)
    expect(expectedZeros(1000500000)).toBe(0)
  })
})
