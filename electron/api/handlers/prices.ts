import '../../../core/i18n/priceMessages.ts'
import type { ImportPreview } from '../../../core/api/prices.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { PRICE_CATEGORIES, PRICE_CATEGORY_NAMES_EN, PRICE_CATEGORY_NAMES_ZH, formatFen, type PriceClassification, type PriceItem, type PriceItemFields } from '../../../core/domain/priceItem.ts'
import { translateError } from '../../../core/i18n/errorMessages.ts'
import type { Locale } from '../../../core/i18n/locales.ts'
import { allPriceItems, findPriceItemByCode, getPriceItem, insertPriceItem, listPriceItems, setPriceItemActive, updatePriceItem } from '../../../db/priceItems.ts'
import { readSettings } from '../../../db/settings.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { planImport, SheetError, XlsxReadError, type ImportPlan } from '../prices/importPlan.ts'
import type { Reason } from '../prices/priceSheet.ts'
import { priceListWorkbook } from '../prices/priceWorkbook.ts'
import { DEFAULT_XLSX_LIMITS } from '../prices/xlsxReader.ts'

function requireItem(db: ReadableDb, id: number): PriceItem {
  const item = getPriceItem(db, id)
  if (!item) throw new DomainError('not_found', 'error.priceItemNotFound', { id })
  return item
}

function refuseTakenCode(db: ReadableDb, code: string, selfId: number | null): void {
  const other = findPriceItemByCode(db, code)
  if (other && other.id !== selfId) throw new DomainError('conflict', 'error.priceCodeTaken', { code: other.code, name: other.name }, 'code')
}

const describe = (item: Pick<PriceItem, 'code' | 'name' | 'listPriceFen'>) => `${item.code} ${item.name} ${formatFen(item.listPriceFen)}`

/** A reason of the import in the operator's language: its column and the category names translated too. */
function reasonText(locale: Locale, reason: Reason): string {
  const params = { ...reason.params }
  if (reason.column) params.column = translateError(locale, `prices.column.${reason.column}`)
  const names = locale === 'en-US' ? PRICE_CATEGORY_NAMES_EN : PRICE_CATEGORY_NAMES_ZH
  params.known = PRICE_CATEGORIES.map((c) => names[c]).join(locale === 'en-US' ? ', ' : '、')
  if (typeof params.rows === 'string') params.rows = params.rows.split(',').join(locale === 'en-US' ? ', ' : '、')
  return translateError(locale, reason.key, params)
}

/** Reads and plans an import; a file that cannot be used at all is a refusal with a plain reason. */
function plan(db: ReadableDb, base64: string): ImportPlan {
  const file = Buffer.from(base64, 'base64')
  try {
    return planImport(db, file)
  } catch (error) {
    if (error instanceof XlsxReadError) {
      const params: Record<string, number> = error.problem === 'tooManyRows' ? { max: DEFAULT_XLSX_LIMITS.maxRows } : {}
      throw new DomainError('invalid_input', `prices.import.${error.problem}`, params, 'base64')
    }
    if (error instanceof SheetError) throw new DomainError('invalid_input', error.reason.key, error.reason.params, 'base64')
    throw error
  }
}

export const priceHandlers: PartialHandlerTable<
  'prices.list' | 'prices.create' | 'prices.update' | 'prices.setActive' | 'prices.exportXlsx' | 'prices.previewImport' | 'prices.applyImport'
> = {
  'prices.list': (ctx, input) => listPriceItems(ctx.db, input),

  'prices.create': (ctx, fields) => {
    refuseTakenCode(ctx.db, fields.code, null)
    const item = insertPriceItem(ctx.db, fields, true, ctx.now())
    ctx.audit(`添加价目 ${describe(item)} #${item.id}`)
    ctx.emit({ topic: 'prices', ids: [item.id] })
    return item
  },

  'prices.update': (ctx, { id, expectedUpdatedAt, ...fields }) => {
    const before = requireItem(ctx.db, id)
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new DomainError('conflict', 'error.priceItemChanged')
    refuseTakenCode(ctx.db, fields.code, id)
    const after = updatePriceItem(ctx.db, id, fields, before.active, ctx.now()) as PriceItem
    const changed = (Object.keys(fields) as (keyof (PriceItemFields & PriceClassification))[]).filter((key) => before[key] !== after[key])
    ctx.audit(`修改价目 ${describe(after)} #${id}：${changed.join(', ') || '无变化'}`)
    ctx.emit({ topic: 'prices', ids: [id] })
    return after
  },

  'prices.setActive': (ctx, { id, active }) => {
    requireItem(ctx.db, id)
    const item = setPriceItemActive(ctx.db, id, active, ctx.now()) as PriceItem
    ctx.audit(`${active ? '启用' : '停用'}价目 ${describe(item)} #${id}`)
    ctx.emit({ topic: 'prices', ids: [id] })
    return item
  },

  'prices.exportXlsx': async (ctx) => {
    const buffer = await priceListWorkbook(allPriceItems(ctx.db), readSettings(ctx.db).clinicName)
    return { fileName: `价目表-${ctx.today()}.xlsx`, base64: buffer.toString('base64') }
  },

  'prices.previewImport': (ctx, { base64 }): ImportPreview => {
    const result = plan(ctx.db, base64)
    const locale = readSettings(ctx.db).language
    return {
      sheetName: result.sheetName,
      previewHash: result.hash,
      add: result.add,
      change: result.change,
      unchanged: result.unchanged,
      reject: result.reject.map((r) => ({ row: r.row, code: r.code, reason: reasonText(locale, r.reason) })),
    }
  },

  // Read, compared and written inside the one write transaction: what was previewed, or nothing.
  'prices.applyImport': (ctx, { base64, expectedPreviewHash }) => {
    const result = plan(ctx.db, base64)
    if (result.hash !== expectedPreviewHash) throw new DomainError('conflict', 'prices.import.changed')
    const now = ctx.now()
    const ids: number[] = []
    for (const { item } of result.add) {
      const { active, ...fields } = item
      ids.push(insertPriceItem(ctx.db, fields, active, now).id)
    }
    for (const { id, after } of result.change) {
      const { active, ...fields } = after
      updatePriceItem(ctx.db, id, fields, active, now)
      ids.push(id)
    }
    const counts = { added: result.add.length, changed: result.change.length, unchanged: result.unchanged, rejected: result.reject.length }
    ctx.audit(`导入价目表（${result.sheetName}）：新增 ${counts.added}，修改 ${counts.changed}，未变 ${counts.unchanged}，拒绝 ${counts.rejected}`)
    if (ids.length > 0) ctx.emit({ topic: 'prices', ids })
    return counts
  },
}
