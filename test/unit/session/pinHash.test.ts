import { describe, expect, it } from 'vitest'
import { hashPin, verifyPin } from '../../../electron/api/auth/pinHash.ts'
import { ROLE_PERMISSIONS, roleMay } from '../../../core/domain/permissions.ts'
import { PERMISSIONS } from '../../../core/api/method.ts'

describe('PIN hashes', () => {
  it('verify the right PIN only, with a fresh salt every time', () => {
    const first = hashPin('2468')
    const second = hashPin('2468')
    expect(first).not.toBe(second)
    expect(verifyPin('2468', first)).toBe(true)
    expect(verifyPin('2468', second)).toBe(true)
    expect(verifyPin('2469', first)).toBe(false)
    expect(verifyPin('', first)).toBe(false)
  })

  it('never match a malformed or tampered stored value', () => {
    const good = hashPin('1234')
    const parts = good.split('$')
    for (const bad of [
      '',
      '1234',
      'scrypt$',
      parts.slice(0, 5).join('$'),
      ['bcrypt', ...parts.slice(1)].join('$'),
      ['scrypt', 'x', ...parts.slice(2)].join('$'),
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), Buffer.from('short').toString('base64')].join('$'),
      [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$'),
    ]) {
      expect(verifyPin('1234', bad), bad).toBe(false)
    }
  })
})

describe('role permissions', () => {
  it('give nobody anything but public methods, and the administrator everything', () => {
    for (const permission of PERMISSIONS) {
      expect(roleMay(null, permission)).toBe(permission === 'public')
      expect(roleMay('administrator', permission)).toBe(true)
    }
    for (const permissions of Object.values(ROLE_PERMISSIONS)) expect(permissions).toContain('public')
  })
})
