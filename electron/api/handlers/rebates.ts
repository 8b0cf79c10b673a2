import '../../../core/i18n/partnerMessages.ts'
import '../../../core/i18n/rebateMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { ClientReferral } from '../../../core/api/rebates.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import { formatFen } from '../../../core/money/format.ts'
import { getClient } from '../../../db/clients.ts'
import { activeStaffOfRole } from '../../../db/partners.ts'
import { closedPeriod, closePeriod } from '../../../db/rebatePeriods.ts'
import { getReferral, listReferrals, upsertReferral } from '../../../db/referrals.ts'
import { readSettings } from '../../../db/settings.ts'
import { getStaff } from '../../../db/staff.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { ownSalesperson, rebatePeriods, rebateStatement } from '../rebates/rebateStatement.ts'
import { rebateWorkbook } from '../rebates/rebateWorkbook.ts'

type RebateMethods = 'rebates.periods' | 'rebates.statement' | 'rebates.exportXlsx' | 'rebates.closeMonth' | 'referrals.list' | 'referrals.assign'

const localTime = (iso: string) => `${localDateOf(new Date(iso))} ${localTimeOf(new Date(iso))}`

export const rebateHandlers: PartialHandlerTable<RebateMethods> = {
  'rebates.periods': (ctx) => rebatePeriods(ctx.db, ctx.operator, ctx.today().slice(0, 7)),

  'rebates.statement': (ctx, query) => rebateStatement(ctx.db, ctx.operator, query),

  'rebates.exportXlsx': async (ctx, query) => {
    const statement = rebateStatement(ctx.db, ctx.operator, query)
    const buffer = await rebateWorkbook(statement, readSettings(ctx.db).clinicName)
    const scope = statement.scope.title.replace(/[\\/:*?"<>|\s]+/g, '')
    return { fileName: `返款月结单-${scope}-${query.period}.xlsx`, base64: buffer.toString('base64') }
  },

  'rebates.closeMonth': (ctx, { period }) => {
    if (period >= ctx.today().slice(0, 7)) throw new DomainError('rule_violation', 'error.rebatePeriodNotEnded', { period }, 'period')
    const closed = closedPeriod(ctx.db, period)
    if (closed) throw new DomainError('conflict', 'error.rebatePeriodAlreadyClosed', { period, at: localTime(closed.closedAt), by: closed.closedByName })
    closePeriod(ctx.db, period, ctx.operator, ctx.now())
    // The month as the whole clinic sees it, whoever closes it (closing is an administrator's).
    const summary = rebateStatement(ctx.db, { ...ctx.operator, role: 'administrator' }, { period }).period
    ctx.audit(`返款月结 ${period} 结账：${summary.entryCount} 条，店家返款 ${formatFen(summary.shareFen)}，介绍提成 ${formatFen(summary.commissionFen)}`)
    ctx.emit({ topic: 'rebates' })
    return summary
  },

  'referrals.list': (ctx) => listReferrals(ctx.db, ownSalesperson(ctx.operator)),

  'referrals.assign': (ctx, { clientId, referrerId, salespersonId }) => {
    const client = getClient(ctx.db, clientId)
    if (!client) throw new DomainError('not_found', 'error.referralClientNotFound', { id: clientId }, 'clientId')
    const referrer = getStaff(ctx.db, referrerId)
    if (!referrer || !referrer.active || referrer.role === 'marketing') throw new DomainError('invalid_input', 'error.referralReferrerInvalid', { id: referrerId }, 'referrerId')
    const salesperson = activeStaffOfRole(ctx.db, salespersonId, 'marketing')
    if (!salesperson) throw new DomainError('invalid_input', 'error.referralSalespersonInvalid', { id: salespersonId }, 'salespersonId')
    const before = getReferral(ctx.db, clientId)
    upsertReferral(ctx.db, { clientId, referrerId, salespersonId }, ctx.operator, ctx.now())
    const replaced = before ? `（原介绍人 ${before.referrerName}，原业务员 ${before.salespersonName}）` : ''
    ctx.audit(`员工介绍顾客 ${client.name}（${client.archiveNo}）：介绍人 ${referrer.name}，分给业务员 ${salesperson.name}${replaced}`)
    ctx.emit({ topic: 'rebates', ids: [clientId] })
    return getReferral(ctx.db, clientId) as ClientReferral
  },
}
