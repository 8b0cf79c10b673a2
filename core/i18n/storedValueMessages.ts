import { addErrorMessages } from './errorMessages.ts'

/** Messages of the stored value's refusals (electron/api/handlers/storedValue.ts, storedValueBooking.ts). */
addErrorMessages({
  'zh-CN': {
    'error.storedValueClientNotFound': '找不到该顾客（编号 {id}）',
    'error.storedValueRefundOver': '储值余额 {balance}，不能退 {amount}',
    'error.storedValueInsufficient': '储值余额 {balance}，不足以支付 {amount}',
  },
  'en-US': {
    'error.storedValueClientNotFound': 'Client not found (id {id})',
    'error.storedValueRefundOver': 'The stored value balance is {balance}; {amount} cannot be refunded',
    'error.storedValueInsufficient': 'The stored value balance is {balance}, not enough to pay {amount}',
  },
})
