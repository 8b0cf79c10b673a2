import { describe, expect, it } from 'vitest'
import { DEFAULT_FOLLOW_UP_PLANS, FOLLOW_UP_CATEGORIES } from '../../core/domain/followUp.ts'
import { clinicSettingsSchema, DEFAULT_SETTINGS, isUpdateUrl, settingsPatchSchema } from '../../core/domain/settings.ts'
import '../../core/i18n/followUpMessages.ts'
import { hasErrorMessage, translateError } from '../../core/i18n/errorMessages.ts'

const withDefaults = (patch: Record<string, unknown>) => clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...patch })
const issueOf = (patch: Record<string, unknown>) => {
  const result = withDefaults(patch)
  return result.success ? null : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('settings: security and updates', () => {
  it('defaults: updates off with no URL, the desk locks after 10 minutes', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ updatesEnabled: false, updateUrl: '', idleLockMinutes: 10 })
    expect(clinicSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
  })

  it('accepts https update servers, and plain http only on this computer', () => {
    for (const url of ['https://updates.clinic.example/', 'https://10.0.0.5:8443/front-desk', 'http://localhost:8080/', 'http://127.0.0.1/u/', 'http://[::1]:9000/']) {
      expect(isUpdateUrl(url), url).toBe(true)
    }
    for (const url of ['', 'updates.clinic.example', 'http://updates.clinic.example/', 'http://192.168.1.10/', 'ftp://x.example/', 'file:///C:/u/', 'https://admin:secret@x.example/', 'javascript:alert(1)']) {
      expect(isUpdateUrl(url), url).toBe(false)
    }
  })

  it('requires a valid URL when updates are on, on the URL field, with its own message', () => {
    expect(issueOf({ updatesEnabled: true, updateUrl: '' })).toEqual([{ path: 'updateUrl', message: 'validation.updateUrl' }])
    expect(issueOf({ updatesEnabled: true, updateUrl: 'http://updates.clinic.example/' })).toEqual([{ path: 'updateUrl', message: 'validation.updateUrl' }])
    expect(issueOf({ updatesEnabled: true, updateUrl: '  https://updates.clinic.example/  ' })).toBeNull()
    expect(withDefaults({ updatesEnabled: true, updateUrl: '  https://updates.clinic.example/  ' }).data?.updateUrl).toBe('https://updates.clinic.example/')
  })

  it('with updates off, keeps an empty URL or a valid one, never an invalid one', () => {
    expect(issueOf({ updatesEnabled: false, updateUrl: '' })).toBeNull()
    expect(issueOf({ updatesEnabled: false, updateUrl: 'https://updates.clinic.example/' })).toBeNull()
    expect(issueOf({ updatesEnabled: false, updateUrl: 'ftp://x.example/' })).toEqual([{ path: 'updateUrl', message: 'validation.updateUrl' }])
  })

  it('locks after 1 to 240 whole minutes', () => {
    for (const idleLockMinutes of [1, 10, 240]) expect(issueOf({ idleLockMinutes })).toBeNull()
    for (const idleLockMinutes of [0, 241, 2.5, -1]) expect(issueOf({ idleLockMinutes })?.[0], String(idleLockMinutes)).toEqual({ path: 'idleLockMinutes', message: 'validation.range' })
  })

  it('a patch may carry any of the keys alone (the handler checks the merged whole)', () => {
    expect(settingsPatchSchema.parse({ updatesEnabled: true })).toEqual({ updatesEnabled: true })
    expect(settingsPatchSchema.parse({ idleLockMinutes: 30 })).toEqual({ idleLockMinutes: 30 })
    expect(settingsPatchSchema.safeParse({ idleLockMinutes: 0 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ updateChannel: 'beta' }).success).toBe(false)
  })

  it('has the message in both languages', () => {
    expect(hasErrorMessage('validation.updateUrl')).toBe(true)
    expect(translateError('zh-CN', 'validation.updateUrl')).toContain('https://')
    expect(translateError('en-US', 'validation.updateUrl')).toContain('https://')
  })
})

describe('settings: follow-up plans', () => {
  const plans = (patch: Record<string, unknown>) => ({ followUpPlans: { ...DEFAULT_FOLLOW_UP_PLANS, ...patch } })

  it('default to a plan for every category, the defaults valid', () => {
    expect(DEFAULT_SETTINGS.followUpPlans).toEqual(DEFAULT_FOLLOW_UP_PLANS)
    expect(Object.keys(DEFAULT_SETTINGS.followUpPlans).sort()).toEqual([...FOLLOW_UP_CATEGORIES].sort())
    expect(issueOf({})).toBeNull()
  })

  it('accept up to 8 calls a plan, an empty plan, and trim the labels', () => {
    expect(issueOf(plans({ skin: [] }))).toBeNull()
    expect(issueOf(plans({ skin: Array.from({ length: 8 }, (_, i) => ({ label: `第${i + 1}次`, days: i + 1, months: 0 })) }))).toBeNull()
    expect(withDefaults(plans({ hair: [{ label: '  半年复查  ', days: 0, months: 6 }] })).data?.followUpPlans.hair).toEqual([{ label: '半年复查', days: 0, months: 6 }])
  })

  it('refuse a missing or unknown category, a ninth call, and steps out of range', () => {
    const { dental: _dental, ...withoutDental } = DEFAULT_FOLLOW_UP_PLANS
    expect(withDefaults({ followUpPlans: withoutDental }).success).toBe(false)
    expect(withDefaults(plans({ massage: [] })).success).toBe(false)
    expect(issueOf(plans({ skin: Array.from({ length: 9 }, () => ({ label: '回访', days: 1, months: 0 })) }))).toEqual([{ path: 'followUpPlans.skin', message: 'validation.tooMany' }])
    const step = (s: Record<string, unknown>) => issueOf(plans({ laser: [{ label: '回访', days: 1, months: 0, ...s }] }))?.[0]
    expect(step({ label: '   ' })).toEqual({ path: 'followUpPlans.laser.0.label', message: 'validation.required' })
    expect(step({ label: '一二三四五六七八九十一二三四五六七八九十一' })).toEqual({ path: 'followUpPlans.laser.0.label', message: 'validation.tooLong' })
    for (const days of [-1, 366, 1.5]) expect(step({ days }), String(days)).toEqual({ path: 'followUpPlans.laser.0.days', message: 'validation.range' })
    for (const months of [-1, 25, 0.5]) expect(step({ months }), String(months)).toEqual({ path: 'followUpPlans.laser.0.months', message: 'validation.range' })
    expect(step({ days: 0, months: 0 })).toEqual({ path: 'followUpPlans.laser.0.days', message: 'validation.followUpDelay' })
    expect(step({ weeks: 1 })).toMatchObject({ path: 'followUpPlans.laser.0' })
  })

  it('a patch may carry the plans alone', () => {
    expect(settingsPatchSchema.parse(plans({ other: [] }))).toEqual(plans({ other: [] }))
  })

  it('have their messages in both languages', () => {
    for (const key of ['validation.followUpDelay', 'validation.tooMany', 'validation.followUpNotes']) expect(hasErrorMessage(key), key).toBe(true)
    expect(translateError('en-US', 'validation.followUpDelay')).toContain('cannot both be 0')
  })
})
