import { describe, expect, it } from 'vitest'
import { clinicSettingsSchema, DEFAULT_SETTINGS, settingsPatchSchema } from '../../../core/domain/settings.ts'
import { DEFAULT_CARD_VALID_DAYS } from '../../../core/domain/treatmentCard.ts'
import { cardExpiresOn } from '../../../electron/api/handlers/cardBooking.ts'

describe('the setting treatmentCardValidDays', () => {
  it('defaults to a year, and takes whole days from 1 to 3650', () => {
    expect(DEFAULT_CARD_VALID_DAYS).toBe(365)
    expect(DEFAULT_SETTINGS.treatmentCardValidDays).toBe(365)
    for (const days of [0, 3651, 1.5, -1]) expect(clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, treatmentCardValidDays: days }).success, String(days)).toBe(false)
    for (const days of [1, 3650]) expect(settingsPatchSchema.safeParse({ treatmentCardValidDays: days }).success, String(days)).toBe(true)
  })

  it('makes a card paid on a day usable through that many days later, as a partner report’s validity', () => {
    expect(cardExpiresOn('2026-11-23', 365)).toBe('2027-11-23')
    expect(cardExpiresOn('2026-12-31', 1)).toBe('2027-01-01')
    expect(cardExpiresOn('2028-02-28', 1)).toBe('2028-02-29')
  })
})
