import { formatFen, parseYuan, type YuanParseErrorCode } from '../money/index.ts'
import type { ServiceCategory } from './categories.ts'

/**
 * The price list (价目表): items the clinic charges for, with a code, a category, a unit and prices in
 * integer fen. Fee sheets will snapshot code, name, unit and price from here.
 */

/** Item categories of a fee sheet (DOMAIN.md, "Fee sheet"). The order is the order shown on screens. */
export const PRICE_CATEGORIES = ['treatment', 'consumable', 'anaesthesia', 'lab_test', 'inpatient', 'infusion', 'medicine'] as const
export type PriceCategory = (typeof PRICE_CATEGORIES)[number]

/** Chinese names, as written in the exported workbook and printed sheets. */
export const PRICE_CATEGORY_NAMES_ZH: Record<PriceCategory, string> = {
  treatment: '治疗项目',
  consumable: '耗材/假体',
  anaesthesia: '麻醉',
  lab_test: '化验',
  inpatient: '住院',
  infusion: '输液',
  medicine: '药品',
}

export const PRICE_CATEGORY_NAMES_EN: Record<PriceCategory, string> = {
  treatment: 'Treatment / procedure',
  consumable: 'Consumable / implant',
  anaesthesia: 'Anaesthesia',
  lab_test: 'Lab test',
  inpatient: 'Inpatient stay',
  infusion: 'Infusion',
  medicine: 'Medicine',
}

/** Other names clinics write in their own sheets, folded to lower case without spaces. */
const CATEGORY_ALIASES: Record<string, PriceCategory> = {
  治疗: 'treatment',
  项目: 'treatment',
  治疗费: 'treatment',
  手术: 'treatment',
  手术费: 'treatment',
  '治疗/手术': 'treatment',
  治疗或手术: 'treatment',
  treatment: 'treatment',
  procedure: 'treatment',
  耗材: 'consumable',
  假体: 'consumable',
  '耗材/假体': 'consumable',
  耗材假体: 'consumable',
  consumable: 'consumable',
  implant: 'consumable',
  麻醉费: 'anaesthesia',
  anesthesia: 'anaesthesia',
  化验费: 'lab_test',
  检验: 'lab_test',
  lab: 'lab_test',
  labtest: 'lab_test',
  住院费: 'inpatient',
  inpatient: 'inpatient',
  inpatientstay: 'inpatient',
  输液费: 'infusion',
  药: 'medicine',
  药费: 'medicine',
  西药: 'medicine',
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '')

/** A category from what a person typed: its code, its Chinese or English name, or a common alias. */
export function parsePriceCategory(text: string): PriceCategory | undefined {
  const key = fold(text)
  if (key === '') return undefined
  for (const category of PRICE_CATEGORIES) {
    if (key === fold(category) || key === fold(PRICE_CATEGORY_NAMES_ZH[category]) || key === fold(PRICE_CATEGORY_NAMES_EN[category])) return category
  }
  return CATEGORY_ALIASES[key]
}

export interface PriceItem {
  id: number
  /** Unique without regard to letter case; kept as typed. */
  code: string
  name: string
  category: PriceCategory
  unit: string
  listPriceFen: number
  /** The lowest price a non-administrator may charge; null when there is none. */
  floorPriceFen: number | null
  /** What a high-cost consumable costs the clinic (for partner rebates); null when not recorded. */
  costFen: number | null
  /** A special-price injection item (特价微整): under 80% of list price it earns the store 10% of its price, not 50% of the base. */
  specialPrice: boolean
  /** The service category (皮肤, 注射 …): picks the item's consent form template; null when none. */
  serviceCategory: ServiceCategory | null
  /** 侵入性治疗: a card of this item is not deducted before its consent form is marked signed. */
  invasive: boolean
  active: boolean
  createdAt: string
  updatedAt: string
}

export type PriceItemFields = Pick<PriceItem, 'code' | 'name' | 'category' | 'unit' | 'listPriceFen' | 'floorPriceFen' | 'costFen' | 'specialPrice'>
/** The treatment classification, kept apart from the fields the workbook import reads and writes (it leaves these alone). */
export type PriceClassification = Pick<PriceItem, 'serviceCategory' | 'invasive'>

/** Limits shared by the API schema, the import and the form. */
export const PRICE_LIMITS = { code: 30, name: 60, unit: 10 } as const
/** 99,999,999.99 yuan: far above any item, well inside a safe integer. */
export const MAX_PRICE_FEN = 9_999_999_999

/**
 * SQLite's length() stops at a NUL character, so the table's CHECK on the name would see a shorter name, or
 * none (`\u0000玻尿酸` is 0 long to it): a name with a NUL is refused, by the form and by the import alike.
 */
export function hasNul(text: string): boolean {
  return text.includes('\u0000')
}

/** Codes: letters, digits and - _ . / (no spaces), so they are typed and matched without doubt. */
export const PRICE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/

// ---------------------------------------------------------------------------------------------------
// Yuan <-> fen for the price list, on core/money's parser and formatter.
// ---------------------------------------------------------------------------------------------------

export type YuanParse = { ok: true; fen: number } | { ok: false; reason: YuanParseErrorCode }

/**
 * Integer fen from an amount in yuan as people type it ("1280", "1,280.00", "¥1280", "１２８０元"), by
 * core/money's rules (more than two decimals or a minus sign are refused, not rounded), within MAX_PRICE_FEN.
 */
export function parseYuanToFen(text: string): YuanParse {
  const parsed = parseYuan(text)
  if (!parsed.ok) return { ok: false, reason: parsed.error.code }
  if (parsed.value > MAX_PRICE_FEN) return { ok: false, reason: 'too_large' }
  return { ok: true, fen: parsed.value }
}

/**
 * A spreadsheet number (a double) in yuan to fen, half-up: first rid of binary noise at 15 significant
 * digits (as Excel shows it), then rounded on the decimal digits, never through a float multiplication.
 * A formula's 12.345 becomes 1235 fen.
 */
export function yuanNumberToFen(value: number): YuanParse {
  if (!Number.isFinite(value)) return { ok: false, reason: 'invalid_format' }
  if (value < 0) return { ok: false, reason: 'negative' }
  if (value >= (MAX_PRICE_FEN + 1) / 100) return { ok: false, reason: 'too_large' }
  const [whole = '0', decimals = ''] = Number(value.toPrecision(15)).toFixed(6).split('.')
  let fen = Number(whole) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'))
  if (Number(decimals.charAt(2) || '0') >= 5) fen += 1
  return fen > MAX_PRICE_FEN ? { ok: false, reason: 'too_large' } : { ok: true, fen }
}

/** "1280.00": plain yuan with two decimals, for inputs (parseYuanToFen reads it back). */
export function fenToYuanText(fen: number): string {
  return formatFen(fen, { symbol: false, grouping: false })
}

export { formatFen }
