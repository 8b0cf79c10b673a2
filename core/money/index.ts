export {
  type Fen,
  MAX_FEN,
  BASIS_POINTS_PER_WHOLE,
  isFen,
  isNonNegativeFen,
  roundHalfUpDiv,
  percentToBasisPoints,
  isPercent,
  mulBasisPoints,
  mulPercent,
  sumFen,
} from './fen.ts'
export { parseYuan, type YuanParseResult, type YuanParseErrorCode } from './parse.ts'
export { formatFen, type FormatFenOptions } from './format.ts'
export { capitalAmount, type CapitalAmountOptions } from './capital.ts'
export { allocateProportionally } from './allocate.ts'
