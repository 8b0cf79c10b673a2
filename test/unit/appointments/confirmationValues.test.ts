import { describe, expect, it } from 'vitest'
import { APPOINTMENT_DAY, APPOINTMENT_STEP_MINUTES, endTime, isAppointmentTime, quarterOf } from '../../../core/domain/appointment.ts'
import { confirmationValues, NO_CONSULTANT_TEXT, salutation } from '../../../core/domain/confirmationText.ts'
import { addDays, daysBetween, localTimeOf } from '../../../core/domain/dates.ts'

describe('how the caller addresses the client', () => {
  it.each([
    ['张小丽', 'female', '张女士'],
    ['李华', 'male', '李先生'],
    ['欧阳娜娜', 'female', '欧阳女士'],
    ['司马光', 'male', '司马先生'],
    // Two characters: 欧阳 is the whole name then, so only the first character is the surname.
    ['欧阳', 'male', '欧先生'],
    ['王芳', 'unknown', '王芳'],
    ['Anna Lee', 'female', 'Anna Lee女士'],
    ['𠀋一', 'female', '𠀋女士'],
  ] as const)('%s (%s) -> %s', (name, gender, expected) => {
    expect(salutation(name, gender)).toBe(expected)
  })
})

describe('the values of one appointment\'s text', () => {
  const clinic = { clinicName: '丽颜医美', clinicPhone: '021-12345678', clinicAddress: '南京西路 1 号' }

  it('brackets the items and names the consultant', () => {
    expect(confirmationValues({ clientName: '张小丽', gender: 'female', date: '2026-12-04', time: '10:30', consultantName: '王静', itemNames: ['玻尿酸', '水光针'] }, clinic)).toEqual({
      name: '张女士',
      date: '12月4日（周五）',
      time: '10:30',
      consultant: '王静',
      items: '（玻尿酸、水光针）',
      clinic: '丽颜医美',
      clinicPhone: '021-12345678',
      clinicAddress: '南京西路 1 号',
    })
  })

  it('leaves the items out and says a consultant is assigned on arrival when none was booked', () => {
    const values = confirmationValues({ clientName: '李华', gender: 'male', date: '2026-12-05', time: '09:00', consultantName: null, itemNames: [] }, clinic)
    expect(values).toMatchObject({ items: '', consultant: NO_CONSULTANT_TEXT, date: '12月5日（周六）' })
  })
})

describe('times of appointments', () => {
  it('end after their duration, even past midnight', () => {
    expect(endTime('10:00', 60)).toBe('11:00')
    expect(endTime('10:45', 30)).toBe('11:15')
    expect(endTime('21:45', 480)).toBe('29:45')
  })

  it('fall in the quarter hour that holds them', () => {
    expect(['09:00', '09:07', '09:14', '09:15', '23:59'].map(quarterOf)).toEqual(['09:00', '09:00', '09:00', '09:15', '23:45'])
  })
})

describe('calendar days', () => {
  it('move by whole days across months and years, leap days included', () => {
    expect(addDays('2026-11-23', 1)).toBe('2026-11-24')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('count whole days between two days, the inverse of adding them, across summer time too', () => {
    expect(daysBetween('2026-11-23', '2026-11-24')).toBe(1)
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1)
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    for (const n of [-400, -31, -1, 0, 1, 29, 366]) expect(daysBetween('2026-03-29', addDays('2026-03-29', n))).toBe(n)
  })

  it('read the local time of day', () => {
    expect(localTimeOf(new Date(2026, 10, 23, 9, 5))).toBe('09:05')
  })
})

describe('the bookable times', () => {
  it('are exactly the quarter hours from the first to the last of APPOINTMENT_DAY', () => {
    const all = Array.from({ length: 24 * 60 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`)
    const expected = all.filter((t) => Number(t.slice(3)) % APPOINTMENT_STEP_MINUTES === 0 && t >= APPOINTMENT_DAY.first && t <= APPOINTMENT_DAY.last)
    expect(all.filter(isAppointmentTime)).toEqual(expected)
    expect(expected).toHaveLength(56)
  })
})
