import { isFen, type Fen } from './fen.ts'

export interface FormatFenOptions {
  /** Put ¥ in front (default true). */
  symbol?: boolean
  /** Group the yuan by thousands with commas (default true). */
  grouping?: boolean
}

/**
 * Fen in figures: 140950 → "¥1,409.50"; always two decimals; a negative amount as "-¥12.00".
 * With {symbol: false, grouping: false} it gives "1409.50", which parseYuan reads back.
 */
export function formatFen(fen: Fen, options: FormatFenOptions = {}): string {
  if (!isFen(fen)) throw new RangeError(`not a whole number of fen: ${fen}`)
  const { symbol = true, grouping = true } = options
  const abs = Math.abs(fen)
  const yuan = String(Math.floor(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = grouping ? yuan.replace(/\B(?=(\d{3})+$)/g, ',') : yuan
  return `${fen < 0 ? '-' : ''}${symbol ? '¥' : ''}${grouped}.${cents}`
}
