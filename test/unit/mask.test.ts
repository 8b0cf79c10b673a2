import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskName } from '../../core/domain/mask.ts'

describe('maskName', () => {
  it.each([
    ['张小丽', '张*丽'],
    ['王五', '王*'],
    ['欧阳娜娜', '欧*娜'],
    ['李', '李*'],
    ['Anna Li', 'A*i'],
    ['  陈晓  ', '陈*'],
    ['', ''],
  ])('%s -> %s', (name, masked) => expect(maskName(name)).toBe(masked))

  it('never shows more than two characters of a name and never cuts a character in half', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 3, maxLength: 20 }), (name) => {
        const masked = maskName(name)
        const chars = [...masked]
        expect(chars.length).toBeLessThanOrEqual(3)
        expect(masked.includes('\uFFFD')).toBe(false)
        if (name.trim().length >= 3) expect(chars[1]).toBe('*')
      }),
    )
  })
})
