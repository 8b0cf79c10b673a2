import '../../../core/i18n/storedValueMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { bonusFor, type StoredValueAccount, type TopUpMethod } from '../../../core/domain/storedValue.ts'
import { formatFen } from '../../../core/money/format.ts'
import { getClient } from '../../../db/clients.ts'
import { readSettings } from '../../../db/settings.ts'
import { balanceOf, entriesOf, insertEntry } from '../../../db/storedValue.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

type StoredValueMethods = 'storedValue.account' | 'storedValue.topUp' | 'storedValue.refund'

export const TOP_UP_METHOD_NAMES_ZH: Record<TopUpMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡' }

function requireClient(db: ReadableDb, clientId: number): { id: number; name: string } {
  const client = getClient(db, clientId)
  if (!client) throw new DomainError('not_found', 'error.storedValueClientNotFound', { id: clientId }, 'clientId')
  return client
}

/** The account as the ledger says now: totals by kind, entries newest first with their running balance. */
export function accountOf(db: ReadableDb, clientId: number): StoredValueAccount {
  const client = requireClient(db, clientId)
  const entries = entriesOf(db, clientId)
  const sum = (kinds: readonly string[]) => entries.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + e.amountFen, 0)
  return {
    clientId,
    clientName: client.name,
    balanceFen: entries.at(-1)?.balanceFen ?? 0,
    toppedUpFen: sum(['top_up']),
    bonusFen: sum(['bonus']),
    spentFen: 0 - sum(['payment', 'payment_reversal']),
    refundedFen: 0 - sum(['refund']),
    entries: entries.reverse(),
  }
}

const by = (ctx: HandlerContext) => ({ at: ctx.now(), byId: ctx.operator.id, byName: ctx.operator.name })

export const storedValueHandlers: PartialHandlerTable<StoredValueMethods> = {
  'storedValue.account': (ctx, { clientId }) => accountOf(ctx.db, clientId),

  'storedValue.topUp': (ctx, { clientId, amountFen, method, note }) => {
    const client = requireClient(ctx.db, clientId)
    const bonus = bonusFor(amountFen, readSettings(ctx.db).storedValueBonusRules)
    insertEntry(ctx.db, { clientId, kind: 'top_up', amountFen, method, feeSheetId: null, note, ...by(ctx) })
    if (bonus > 0) insertEntry(ctx.db, { clientId, kind: 'bonus', amountFen: bonus, method: null, feeSheetId: null, note: '', ...by(ctx) })
    const balance = balanceOf(ctx.db, clientId)
    ctx.audit(
      `储值充值 ${client.name}：${formatFen(amountFen)}（${TOP_UP_METHOD_NAMES_ZH[method]}）` +
        (bonus > 0 ? `，赠送 ${formatFen(bonus)}` : '') +
        `，余额 ${formatFen(balance)}` +
        (note === '' ? '' : `，备注：${note}`),
    )
    ctx.emit({ topic: 'storedValue', ids: [clientId] })
    return accountOf(ctx.db, clientId)
  },

  'storedValue.refund': (ctx, { clientId, amountFen, reason }) => {
    const client = requireClient(ctx.db, clientId)
    const before = balanceOf(ctx.db, clientId)
    if (amountFen > before) throw new DomainError('rule_violation', 'error.storedValueRefundOver', { balance: formatFen(before), amount: formatFen(amountFen) }, 'amountFen')
    insertEntry(ctx.db, { clientId, kind: 'refund', amountFen: 0 - amountFen, method: null, feeSheetId: null, note: reason, ...by(ctx) })
    ctx.audit(`储值退款 ${client.name}：${formatFen(amountFen)}，理由：${reason}，余额 ${formatFen(before - amountFen)}`)
    ctx.emit({ topic: 'storedValue', ids: [clientId] })
    return accountOf(ctx.db, clientId)
  },
}
