import { describe, expect, it } from 'vitest'
import { isAppointmentTime, isOpenAppointment, overlaps } from '../../../core/domain/appointment.ts'
import { confirmationText, DEFAULT_CONFIRMATION_TEMPLATE, spokenDate } from '../../../core/domain/confirmationText.ts'
import { nextSlot, TIME_OPTIONS } from '../../../renderer/src/views/appointments/slots.ts'

describe('appointment times', () => {
  it.each([
    ['08:00', true],
    ['09:15', true],
    ['21:45', true],
    ['07:45', false],
    ['22:00', false],
    ['09:10', false],
    ['9:00', false],
    ['25:00', false],
    ['ab:cd', false],
  ])('%s is a bookable time: %s', (time, ok) => {
    expect(isAppointmentTime(time)).toBe(ok)
  })

  it('overlap is by the minute: back to back is no overlap', () => {
    expect(overlaps({ time: '10:00', durationMinutes: 60 }, { time: '11:00', durationMinutes: 30 })).toBe(false)
    expect(overlaps({ time: '10:00', durationMinutes: 60 }, { time: '10:45', durationMinutes: 30 })).toBe(true)
    expect(overlaps({ time: '10:30', durationMinutes: 15 }, { time: '10:00', durationMinutes: 120 })).toBe(true)
  })

  it('only booked and confirmed appointments are open', () => {
    expect(['booked', 'confirmed', 'checked_in', 'cancelled', 'no_show'].filter((s) => isOpenAppointment(s as never))).toEqual(['booked', 'confirmed'])
  })
})

describe('the confirmation text', () => {
  it('fills every placeholder and says the date as on the phone', () => {
    const text = confirmationText(DEFAULT_CONFIRMATION_TEMPLATE, {
      name: '张女士',
      date: spokenDate('2026-12-04'),
      time: '10:30',
      consultant: '王静',
      items: '（玻尿酸）',
      clinic: '丽颜医美',
      clinicPhone: '021-12345678',
      clinicAddress: '',
    })
    expect(text).toBe('张女士您好，这里是丽颜医美。您预约了12月4日（周五） 10:30到店（玻尿酸），接待咨询师王静。请问是否按时到店？如需改期请致电021-12345678。')
  })

  it('leaves unknown placeholders as written', () => {
    expect(confirmationText('{name} {room}', { name: '李', date: '', time: '', consultant: '', items: '', clinic: '', clinicPhone: '', clinicAddress: '' })).toBe('李 {room}')
  })
})

describe('the booking dialog\'s times', () => {
  it('offer exactly the times the API books, in order, and the next one still to come', () => {
    const all = Array.from({ length: 24 * 4 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`)
    expect(TIME_OPTIONS).toEqual(all.filter(isAppointmentTime))
    expect(TIME_OPTIONS.every(isAppointmentTime)).toBe(true)
    expect(TIME_OPTIONS[0]).toBe('08:00')
    expect(TIME_OPTIONS.at(-1)).toBe('21:45')
    expect([nextSlot('07:10'), nextSlot('09:00'), nextSlot('09:01'), nextSlot('21:45'), nextSlot('21:46')]).toEqual(['08:00', '09:00', '09:15', '21:45', null])
  })
})
