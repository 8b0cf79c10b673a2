import type { Gender } from './client.ts'

/** Placeholders of the confirmation message (二次确认话术) in settings. */
export const CONFIRMATION_PLACEHOLDERS = ['name', 'date', 'time', 'consultant', 'items', 'clinic', 'clinicPhone', 'clinicAddress'] as const
type Placeholder = (typeof CONFIRMATION_PLACEHOLDERS)[number]
export type ConfirmationValues = Record<Placeholder, string>

export const DEFAULT_CONFIRMATION_TEMPLATE =
  '{name}您好，这里是{clinic}。您预约了{date} {time}到店{items}，接待咨询师{consultant}。请问是否按时到店？如需改期请致电{clinicPhone}。'

const PATTERN = new RegExp(`\\{(${CONFIRMATION_PLACEHOLDERS.join('|')})\\}`, 'g')

/** The text to read or send for one appointment; unknown placeholders stay as written. */
export function confirmationText(template: string, values: ConfirmationValues): string {
  return template.replace(PATTERN, (_whole, key: Placeholder) => values[key])
}

/** 2026-12-04 -> 12月4日（周五）: how a date is said on the phone. */
export function spokenDate(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''
  return `${m}月${d}日（周${weekday}）`
}

/** Two-character surnames common enough to meet at a desk; any other name's surname is its first character. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '申屠', '闻人', '赫连', '澹台', '百里', '呼延'])
const HAN = /^\p{Script=Han}/u

/**
 * How the caller addresses the client: 张女士 / 欧阳先生 by gender. With the gender unknown the full name is
 * said (no guess at 女士 or 先生); a name not in Chinese characters keeps its whole form before the title.
 */
export function salutation(name: string, gender: Gender): string {
  if (gender === 'unknown') return name
  const title = gender === 'female' ? '女士' : '先生'
  if (!HAN.test(name)) return `${name}${title}`
  const surname = name.length > 2 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : [...name][0] ?? ''
  return `${surname}${title}`
}

/** Said in {consultant} when nobody was booked: the desk assigns one on arrival. */
export const NO_CONSULTANT_TEXT = '将在到店时安排'

export interface ConfirmationSubject {
  clientName: string
  gender: Gender
  date: string
  time: string
  consultantName: string | null
  itemNames: string[]
}

/**
 * The values of one appointment's text: {items} is the item names in full-width brackets, joined by 、
 * (empty when none, so the template reads on without them); {consultant} says the desk will assign one
 * when nobody was booked; the clinic's name, phone and address come from settings.
 */
export function confirmationValues(subject: ConfirmationSubject, clinic: { clinicName: string; clinicPhone: string; clinicAddress: string }): ConfirmationValues {
  return {
    name: salutation(subject.clientName, subject.gender),
    date: spokenDate(subject.date),
    time: subject.time,
    consultant: subject.consultantName ?? NO_CONSULTANT_TEXT,
    items: subject.itemNames.length > 0 ? `（${subject.itemNames.join('、')}）` : '',
    clinic: clinic.clinicName,
    clinicPhone: clinic.clinicPhone,
    clinicAddress: clinic.clinicAddress,
  }
}
