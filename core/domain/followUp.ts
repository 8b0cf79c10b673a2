import { z } from 'zod'
import { SERVICE_CATEGORIES, type ServiceCategory } from './categories.ts'

/** One call of a follow-up plan (回访计划): "the next day", "after 7 days", "after a month" … */
export interface FollowUpStep {
  /** What the call is for, read on the call list: 次日回访, 拆线, 复查 … */
  label: string
  days: number
  months: number
}

/** The service categories, and 'other' for what was bought outside them (or with no category known). */
export type FollowUpCategory = ServiceCategory | 'other'

/** A plan per item category, and one for items with no category. */
export type FollowUpPlans = Record<FollowUpCategory, FollowUpStep[]>

const step = (label: string, days: number, months = 0): FollowUpStep => ({ label, days, months })

export const DEFAULT_FOLLOW_UP_PLANS: FollowUpPlans = {
  skin: [step('次日回访', 1), step('7天回访', 7)],
  injection: [step('次日回访', 1), step('7天回访', 7), step('1个月回访', 0, 1)],
  laser: [step('次日回访', 1), step('7天回访', 7), step('1个月回访', 0, 1)],
  surgery: [step('次日回访', 1), step('拆线', 7), step('1个月复查', 0, 1), step('3个月复查', 0, 3)],
  body: [step('次日回访', 1), step('7天回访', 7), step('1个月复查', 0, 1)],
  dental: [step('次日回访', 1), step('7天回访', 7)],
  hair: [step('次日回访', 1), step('1个月回访', 0, 1)],
  other: [step('次日回访', 1)],
}

export const FOLLOW_UP_CATEGORIES = [...SERVICE_CATEGORIES, 'other'] as const

/** The most calls one plan may have. */
export const MAX_FOLLOW_UP_STEPS = 8

const followUpStepSchema = z
  .object({
    label: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong'),
    days: z.number().int('validation.range').min(0, 'validation.range').max(365, 'validation.range'),
    months: z.number().int('validation.range').min(0, 'validation.range').max(24, 'validation.range'),
  })
  .strict()
  .refine((s) => s.days + s.months > 0, { message: 'validation.followUpDelay', path: ['days'] })

const followUpStepsSchema = z.array(followUpStepSchema).max(MAX_FOLLOW_UP_STEPS, 'validation.tooMany')

/** The settings' plans: one for every category (no more, no fewer), each of at most MAX_FOLLOW_UP_STEPS calls. */
export const followUpPlansSchema = z
  .object(Object.fromEntries(FOLLOW_UP_CATEGORIES.map((c) => [c, followUpStepsSchema])) as Record<FollowUpCategory, typeof followUpStepsSchema>)
  .strict()

/**
 * The plans as stored, completed from the defaults for a category the stored value does not know (one
 * added after the clinic saved its plans), so every category always has a plan.
 */
export function completePlans(stored: Partial<FollowUpPlans>): FollowUpPlans {
  return { ...DEFAULT_FOLLOW_UP_PLANS, ...stored }
}

const isServiceCategory = (value: string | null): value is ServiceCategory => (SERVICE_CATEGORIES as readonly string[]).includes(value ?? '')

/**
 * The category whose plan a paid fee sheet brings. Price-list categories say what kind of charge a line is
 * (treatment, consumable, anaesthesia …), not the service, so the service is the visit's intended category
 * (set at registration or from the appointment); a sheet with no treatment line (medicines, lab tests
 * alone) or of a visit with no intended category brings the 'other' plan.
 */
export function followUpCategoryOf(lines: readonly { category: string }[], visitCategory: string | null): FollowUpCategory {
  const treated = lines.some((l) => l.category === 'treatment')
  return treated && isServiceCategory(visitCategory) ? visitCategory : 'other'
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A calendar date (YYYY-MM-DD) plus months, then days. A month later than the 31st is the last day of the
 * shorter month (01-31 + 1 month = 02-28, or 02-29 in a leap year), as people count "a month after".
 * Works on the calendar date alone: no time zone or daylight-saving change can shift it.
 */
export function addToDate(date: string, months: number, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const monthIndex = y * 12 + (m - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const shifted = new Date(Date.UTC(year, month, Math.min(d, lastDay) + days))
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`
}

export interface PlannedCall {
  category: FollowUpCategory
  label: string
  dueDate: string
}

/**
 * The calls a paid fee sheet brings: every step of the plan of each category on the sheet, counted from the
 * day it was paid (the clinic's local date). A category bought twice on one sheet gives its calls once.
 */
export function plannedCalls(paidOn: string, categories: readonly FollowUpCategory[], plans: FollowUpPlans): PlannedCall[] {
  const calls: PlannedCall[] = []
  for (const category of new Set(categories)) {
    for (const s of plans[category]) calls.push({ category, label: s.label, dueDate: addToDate(paidOn, s.months, s.days) })
  }
  return calls.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.category.localeCompare(b.category))
}

/**
 * reached 已回访 closes the call; no_answer 未接通 keeps it open (and counts the attempt);
 * unreachable 无法联系 (wrong number, asks not to be called) closes it without a talk.
 */
export const FOLLOW_UP_RESULTS = ['reached', 'no_answer', 'unreachable'] as const
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number]

export interface FollowUpCall {
  id: number
  clientId: number
  visitId: number | null
  feeSheetId: number | null
  category: FollowUpCategory
  label: string
  dueDate: string
  /** open until reached or unreachable. */
  status: 'open' | 'done'
  result: FollowUpResult | null
  attempts: number
  notes: string
  doneAt: string | null
  doneByName: string
  /** 1–5, recorded only on a call that reached the client (满意度); null when none was given. */
  satisfaction?: number | null
  version: number
  createdAt: string
}

export interface FollowUpRow extends FollowUpCall {
  clientName: string
  clientPhone: string
  archiveNo: string
  consultantName: string | null
  /** Open and due before the day asked about. */
  overdue: boolean
}

/** A call was done on time when it was closed on or before its due date (the clinic's local date). */
export function doneOnTime(call: { status: string; doneAt: string | null; dueDate: string }, localDateOfInstant: (iso: string) => string): boolean {
  return call.status === 'done' && call.doneAt !== null && localDateOfInstant(call.doneAt) <= call.dueDate
}
