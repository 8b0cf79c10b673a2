import type { ComplaintChannel } from '../domain/complaint.ts'
import { addErrorMessages } from './errorMessages.ts'

/** Channels as the audit log writes them (kept in Chinese, as every summary). */
export const COMPLAINT_CHANNEL_NAMES: Record<ComplaintChannel, string> = {
  phone: '电话',
  visit: '到店',
  online: '网络',
  other: '其他',
}

/** Messages of the complaints' refusals (electron/api/handlers/complaints.ts) and of the satisfaction score. */
addErrorMessages({
  'zh-CN': {
    'error.complaintNotFound': '找不到该投诉（编号 {id}）',
    'error.complaintVisitNotFound': '找不到该到访记录（编号 {id}）',
    'error.complaintHandlerInvalid': '找不到在职的员工（编号 {id}），请选择处理投诉的员工',
    'error.complaintReceivedFuture': '受理时间不能晚于现在',
    'error.complaintChanged': '{name} 的投诉刚被其他窗口修改，请看最新记录后再操作',
    'error.complaintClosed': '{name} 的投诉已于 {date} 结案，不能再修改',
    'validation.satisfaction': '满意度须为 1 到 5 分',
    'validation.satisfactionReached': '只有已回访的电话才能记录满意度',
  },
  'en-US': {
    'error.complaintNotFound': 'Complaint not found (id {id})',
    'error.complaintVisitNotFound': 'Visit not found (id {id})',
    'error.complaintHandlerInvalid': 'No active staff member with id {id}; choose who handles the complaint',
    'error.complaintReceivedFuture': 'The time received cannot be later than now',
    'error.complaintChanged': 'The complaint of {name} was just changed in another window; look at it again and retry',
    'error.complaintClosed': 'The complaint of {name} was closed on {date}; it can no longer be changed',
    'validation.satisfaction': 'Satisfaction is a score from 1 to 5',
    'validation.satisfactionReached': 'Only a call that reached the client can record a satisfaction score',
  },
})
