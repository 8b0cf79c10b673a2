import { z } from 'zod'
import {
  hasNul,
  MAX_PRICE_FEN,
  PRICE_CATEGORIES,
  PRICE_CODE_PATTERN,
  PRICE_LIMITS,
  type PriceItem,
  type PriceItemFields,
} from '../domain/priceItem.ts'
import { SERVICE_CATEGORIES } from '../domain/categories.ts'
import { method } from './method.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const fen = z.number().int().min(0, 'validation.priceNegative').max(MAX_PRICE_FEN, 'validation.priceTooLarge')

/** An imported workbook may be at most this big (the renderer checks first; the schema again). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4

export const priceFieldsSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(PRICE_LIMITS.code, 'validation.tooLong')
      .regex(PRICE_CODE_PATTERN, 'validation.priceCode'),
    name: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(PRICE_LIMITS.name, 'validation.tooLong')
      .refine((name) => !hasNul(name), 'validation.nulCharacter'),
    category: z.enum(PRICE_CATEGORIES),
    unit: z.string().trim().max(PRICE_LIMITS.unit, 'validation.tooLong').default(''),
    listPriceFen: fen,
    floorPriceFen: fen.nullable().default(null),
    costFen: fen.nullable().default(null),
    specialPrice: z.boolean().default(false),
    serviceCategory: z.enum(SERVICE_CATEGORIES).nullable().default(null),
    invasive: z.boolean().default(false),
  })
  .strict()

const floorWithinList = (fields: PriceItemFields) => fields.floorPriceFen === null || fields.floorPriceFen <= fields.listPriceFen
const floorIssue = { message: 'validation.floorAboveList', path: ['floorPriceFen'] }

const base64File = z
  .string()
  .min(1, 'validation.required')
  .max(MAX_IMPORT_BASE64, 'validation.fileTooLarge')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.notBase64')

/** One row of an imported workbook, as it would be written. */
/** The import reads and writes these; the classification (serviceCategory, invasive) stays as it is. */
export interface ImportedItem extends PriceItemFields {
  active: boolean
}

export interface ImportAdd {
  /** The row number in Excel (1-based, header included). */
  row: number
  item: ImportedItem
}

export interface ImportChange {
  row: number
  id: number
  before: ImportedItem
  after: ImportedItem
  changed: (keyof ImportedItem)[]
}

export interface ImportReject {
  row: number
  /** What the row's code cell said (may be empty). */
  code: string
  /** Why, in the operator's language. */
  reason: string
}

export interface ImportPreview {
  sheetName: string
  /** Names the file and the plan; applyImport refuses if either has changed since. */
  previewHash: string
  add: ImportAdd[]
  change: ImportChange[]
  unchanged: number
  reject: ImportReject[]
}

export interface ImportResult {
  added: number
  changed: number
  unchanged: number
  rejected: number
}

export const priceMethods = {
  'prices.list': method<PriceItem[]>()({
    input: z
      .object({
        query: z.string().max(50, 'validation.tooLong').optional(),
        category: z.enum(PRICE_CATEGORIES).optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    writes: false,
    permission: 'read',
  }),
  'prices.create': method<PriceItem>()({
    input: priceFieldsSchema.refine(floorWithinList, floorIssue),
    writes: true,
    permission: 'admin',
  }),
  'prices.update': method<PriceItem>()({
    input: priceFieldsSchema
      .extend({ id, expectedUpdatedAt: z.string().max(40).optional() })
      .strict()
      .refine(floorWithinList, floorIssue),
    writes: true,
    permission: 'admin',
  }),
  'prices.setActive': method<PriceItem>()({
    input: z.object({ id, active: z.boolean() }).strict(),
    writes: true,
    permission: 'admin',
  }),
  'prices.exportXlsx': method<{ fileName: string; base64: string }>()({
    input: z.object({}).strict(),
    writes: false,
    permission: 'admin',
  }),
  /** Reads the workbook and says what an import would do; writes nothing. */
  'prices.previewImport': method<ImportPreview>()({
    input: z.object({ base64: base64File }).strict(),
    writes: false,
    permission: 'admin',
  }),
  /** Writes every accepted row of the previewed workbook in one transaction, or nothing. */
  'prices.applyImport': method<ImportResult>()({
    input: z.object({ base64: base64File, expectedPreviewHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    writes: true,
    permission: 'admin',
  }),
}
