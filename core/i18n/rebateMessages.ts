import { addErrorMessages } from './errorMessages.ts'

/** Messages of the rebate ledger's, month close's and referrals' refusals (electron/api/handlers/rebates.ts). */
addErrorMessages({
  'zh-CN': {
    'validation.period': '月份格式应为 YYYY-MM（如 2026-03）',
    'error.rebatePeriodNotEnded': '{period} 还没有结束，只能结账已经过去的月份',
    'error.rebatePeriodAlreadyClosed': '{period} 已于 {at} 由 {by} 结账，不能重复结账',
    'error.rebatePeriodClosed': '{period} 已结账，不能再记入返款；作废的冲回记在作废当月',
    'error.rebateNotYours': '只能查看自己负责的店家和客户的返款与提成',
    'error.referralClientNotFound': '找不到该顾客（编号 {id}）',
    'error.referralReferrerInvalid': '介绍人须为在职的非市场部员工（编号 {id}）',
    'error.referralSalespersonInvalid': '找不到在职的市场部业务员（编号 {id}）',
    'error.referralSamePerson': '介绍人和业务员不能是同一人',
  },
  'en-US': {
    'validation.period': 'A month is written YYYY-MM (e.g. 2026-03)',
    'error.rebatePeriodNotEnded': '{period} has not ended yet; only a past month can be closed',
    'error.rebatePeriodAlreadyClosed': '{period} was closed by {by} at {at}; it cannot be closed again',
    'error.rebatePeriodClosed': '{period} is closed and takes no more rebate entries; a void books its reversal in the month of the void',
    'error.rebateNotYours': 'You see the rebates and commissions of your own stores and clients only',
    'error.referralClientNotFound': 'Client not found (id {id})',
    'error.referralReferrerInvalid': 'The referrer must be an active employee outside marketing (id {id})',
    'error.referralSalespersonInvalid': 'No active marketing salesperson with id {id}',
    'error.referralSamePerson': 'The referrer and the salesperson cannot be the same person',
  },
})
