import { FOLLOW_UP_CATEGORIES, MAX_FOLLOW_UP_STEPS, type FollowUpPlans, type FollowUpStep } from '../../../../core/domain/followUp.ts'

/** Limits of a plan (the main process checks them again when the settings are saved). */
export const PLAN_LIMITS = { label: 20, days: 365, months: 24, steps: MAX_FOLLOW_UP_STEPS } as const

type Translate = (key: string, params?: Record<string, unknown>) => string

/** The problems of one step, by field: a name, whole numbers in range, and a call at least a day later. */
export function stepErrors(step: FollowUpStep, t: Translate): Partial<Record<keyof FollowUpStep, string>> {
  const errors: Partial<Record<keyof FollowUpStep, string>> = {}
  if (step.label.trim() === '') errors.label = t('followUps.plans.labelRequired')
  else if (step.label.trim().length > PLAN_LIMITS.label) errors.label = t('validation.tooLong', { max: PLAN_LIMITS.label })
  const whole = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max
  if (!whole(step.days, PLAN_LIMITS.days)) errors.days = t('followUps.plans.daysRange', { max: PLAN_LIMITS.days })
  if (!whole(step.months, PLAN_LIMITS.months)) errors.months = t('followUps.plans.monthsRange', { max: PLAN_LIMITS.months })
  if (!errors.days && !errors.months && step.days === 0 && step.months === 0) errors.days = t('followUps.plans.notSameDay')
  return errors
}

/** Every problem of the plans, keyed `category.index.field` (as the API's paths under followUpPlans). */
export function planErrors(plans: FollowUpPlans, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const category of FOLLOW_UP_CATEGORIES) {
    const steps = plans[category] ?? []
    if (steps.length > PLAN_LIMITS.steps) errors[category] = t('followUps.plans.tooMany', { max: PLAN_LIMITS.steps })
    steps.forEach((step, index) => {
      for (const [field, message] of Object.entries(stepErrors(step, t))) errors[`${category}.${index}.${field}`] = message
    })
  }
  return errors
}
