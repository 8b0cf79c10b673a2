import { z } from 'zod'
import { MAX_FEN, isPercent } from '../money/fen.ts'
import { FEE_CATEGORIES, PAYMENT_METHODS, ROUND_DOWN_MODES } from './types.ts'

/**
 * Shapes of fee-sheet input for the API contract. They check types and ranges only; the relations between
 * figures (a discount larger than its line, payments over what is payable, ...) are sheetTotals' errors.
 */
export const fenSchema = z.number().int().min(0).max(MAX_FEN)
const positiveFen = z.number().int().min(1).max(MAX_FEN)

export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), percent: z.number().min(0).max(100).refine(isPercent, 'validation.percent') }).strict(),
  z.object({ kind: z.literal('amount'), fen: fenSchema }).strict(),
])

export const feeLineSchema = z
  .object({
    itemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    code: z.string().trim().max(40),
    name: z.string().trim().min(1).max(100),
    unit: z.string().trim().max(20),
    category: z.enum(FEE_CATEGORIES),
    unitPrice: fenSchema,
    floorPrice: fenSchema.nullable(),
    quantity: z.number().int().min(1).max(100_000),
    discount: discountSchema.nullable(),
  })
  .strict()

export const paymentSchema = z.object({ method: z.enum(PAYMENT_METHODS), fen: positiveFen }).strict()

export const feeSheetInputSchema = z
  .object({
    lines: z.array(feeLineSchema).max(500),
    sheetDiscount: discountSchema.nullable(),
    roundDown: z.enum(ROUND_DOWN_MODES),
    deposits: z.array(positiveFen).max(50),
    payments: z.array(paymentSchema).max(50),
  })
  .strict()
