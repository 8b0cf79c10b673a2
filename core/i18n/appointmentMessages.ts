import type { AppointmentStatus, ConfirmationResult } from '../domain/appointment.ts'
import { addErrorMessages } from './errorMessages.ts'
import type { Locale } from './locales.ts'

/** Appointment statuses as a refusal names them, in the clinic's language. */
export const APPOINTMENT_STATUS_NAMES: Record<Locale, Record<AppointmentStatus, string>> = {
  'zh-CN': { booked: '已预约', confirmed: '已确认', checked_in: '已到店', cancelled: '已取消', no_show: '已爽约' },
  'en-US': { booked: 'booked', confirmed: 'confirmed', checked_in: 'checked in', cancelled: 'cancelled', no_show: 'a no-show' },
}

/** Confirmation results as the audit log says them (the log is written in Chinese, as every summary). */
export const CONFIRMATION_RESULT_NAMES: Record<ConfirmationResult, string> = {
  confirmed: '已确认',
  changed: '要求改约',
  cancelled: '取消',
  no_answer: '未接通',
}

/** Messages of the appointments' refusals (electron/api/handlers/appointments.ts). */
addErrorMessages({
  'zh-CN': {
    'error.appointmentNotFound': '找不到该预约（编号 {id}）',
    'error.appointmentChanged': '{name} {date} {time} 的预约刚被其他窗口修改，请看最新状态后再操作',
    'error.appointmentClosed': '{name} {date} {time} 的预约{status}，不能再修改',
    'error.appointmentDatePast': '{date} 已经过去，不能预约过去的日期',
    'error.appointmentTimePast': '今天的 {time} 已经过去，今天只能预约 {earliest} 及以后的时间',
    'error.appointmentDayOver': '今天的 {time} 已经过去，今天已没有可预约的时间，请约其他日期',
    'error.appointmentItemNotFound': '价目表中没有在用的项目（编号 {id}）',
    'error.consultantDoubleBooked': '{consultant} 在 {date} {time}–{end} 已有 {name} 的预约。确需同时预约，请再次确认',
    'error.clientDoubleBooked': '{name} 在 {date} {time} 已有一个预约，同一时间不能再约',
    'error.noShowTooEarly': '预约时间 {date} {time} 还没到，不能记为爽约',
    'error.checkInNotToday': '这是 {date} 的预约，只有当天的预约才能登记到店',
    'error.appointmentRangeTooLong': '一次最多查看 {max} 天的预约，请缩短日期范围',
    'validation.appointmentTime': '预约时间为 08:00～21:45 之间的整刻钟（如 09:15）',
    'validation.tooMany': '数量超出上限',
  },
  'en-US': {
    'error.appointmentNotFound': 'Appointment not found (id {id})',
    'error.appointmentChanged': 'The appointment of {name} on {date} at {time} was just changed in another window; look at its latest state and try again',
    'error.appointmentClosed': 'The appointment of {name} on {date} at {time} is {status}; it cannot be changed',
    'error.appointmentDatePast': '{date} is in the past; appointments are for today or later',
    'error.appointmentTimePast': '{time} today has passed; today, book {earliest} or later',
    'error.appointmentDayOver': '{time} today has passed, and no time is left today; book another day',
    'error.appointmentItemNotFound': 'No active price-list item with id {id}',
    'error.consultantDoubleBooked': '{consultant} already has {name} booked on {date} at {time}–{end}. Confirm to book both anyway',
    'error.clientDoubleBooked': '{name} already has an appointment on {date} at {time}; the same time cannot be booked twice',
    'error.noShowTooEarly': 'The appointment on {date} at {time} has not begun yet; it cannot be a no-show',
    'error.checkInNotToday': 'This appointment is for {date}; only today’s appointments can be checked in',
    'error.appointmentRangeTooLong': 'At most {max} days of appointments at a time; shorten the range',
    'validation.appointmentTime': 'Appointments start on a quarter hour between 08:00 and 21:45 (e.g. 09:15)',
    'validation.tooMany': 'Too many',
  },
})
