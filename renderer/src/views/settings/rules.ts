import type { FormItemRule, FormRules } from 'element-plus'
import type { ClinicSettings } from '../../../../core/domain/settings.ts'

/** The part of the settings this page edits (other settings have pages of their own). */
export type SettingsForm = Pick<ClinicSettings, 'clinicName' | 'clinicAddress' | 'clinicPhone' | 'queuePrefixes'>
export type PrefixKey = keyof SettingsForm['queuePrefixes']
export const PREFIX_KEYS: readonly PrefixKey[] = ['first', 'returning', 'review']
export const PREFIX_PATHS = PREFIX_KEYS.map((key) => `queuePrefixes.${key}`)

/** Limits shared with core/domain/settings.ts (the server checks them again). */
export const SETTINGS_LIMITS = { clinicName: 60, clinicAddress: 120, clinicPhone: 40, prefix: 2 } as const
const PREFIX = /^[A-Z]{1,2}$/
const CLINIC_PHONE = /^[0-9+\-() ]*$/

type Translate = (key: string, params?: Record<string, unknown>) => string
type Validator = NonNullable<FormItemRule['validator']>

function check(test: (value: string) => boolean, message: () => string, trigger: string | string[] = 'blur'): FormItemRule {
  const validator: Validator = (_rule, value, callback) =>
    test(typeof value === 'string' ? value.trim() : '') ? callback() : callback(new Error(message()))
  return { validator, trigger }
}

/** Rules with messages looked up when they run (so they follow the language); `form` is read for "must differ". */
export function settingsRules(t: Translate, form: SettingsForm): FormRules {
  const tooLong = (max: number) => check((v) => v.length <= max, () => t('validation.tooLong', { max }))
  const prefixRules = (key: PrefixKey): FormItemRule[] => [
    check((v) => v !== '', () => t('validation.prefixRequired'), ['blur', 'change']),
    check((v) => PREFIX.test(v), () => t('validation.prefixFormat'), ['blur', 'change']),
    check(
      (v) => PREFIX_KEYS.every((other) => other === key || form.queuePrefixes[other].trim() !== v),
      () => t('validation.prefixesDistinct'),
      ['blur', 'change'],
    ),
  ]
  return {
    clinicName: [check((v) => v !== '', () => t('validation.clinicNameRequired')), tooLong(SETTINGS_LIMITS.clinicName)],
    clinicAddress: [tooLong(SETTINGS_LIMITS.clinicAddress)],
    clinicPhone: [check((v) => CLINIC_PHONE.test(v), () => t('validation.clinicPhone')), tooLong(SETTINGS_LIMITS.clinicPhone)],
    'queuePrefixes.first': prefixRules('first'),
    'queuePrefixes.returning': prefixRules('returning'),
    'queuePrefixes.review': prefixRules('review'),
  }
}
