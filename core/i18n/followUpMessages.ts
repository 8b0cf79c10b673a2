import type { FollowUpResult } from '../domain/followUp.ts'
import { addErrorMessages } from './errorMessages.ts'

/** Call results as the notes and the audit log write them (both are kept in Chinese, as every summary). */
export const FOLLOW_UP_RESULT_NAMES: Record<FollowUpResult, string> = {
  reached: '已回访',
  no_answer: '未接通',
  unreachable: '无法联系',
}

/** Messages of the follow-up calls' refusals (electron/api/handlers/followUps.ts) and of the plans in the settings. */
addErrorMessages({
  'zh-CN': {
    'error.followUpNotFound': '找不到该回访（编号 {id}）',
    'error.followUpChanged': '{name} 的“{label}”刚被其他窗口记录过，请看最新状态后再操作',
    'error.followUpClosed': '{name} 的“{label}”已经结束，不能再记录',
    'validation.followUpNotes': '已回访请填写回访内容',
    'validation.followUpDelay': '回访须在付款之后：天数和月数不能都为 0',
    'validation.tooMany': '数量超出上限',
  },
  'en-US': {
    'error.followUpNotFound': 'Follow-up call not found (id {id})',
    'error.followUpChanged': '“{label}” of {name} was just recorded in another window; look at its latest state and try again',
    'error.followUpClosed': '“{label}” of {name} is closed; nothing more can be recorded',
    'validation.followUpNotes': 'Write down what was said on the call',
    'validation.followUpDelay': 'A call comes after the payment: days and months cannot both be 0',
    'validation.tooMany': 'Too many',
  },
})
