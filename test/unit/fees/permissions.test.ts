import { describe, expect, it } from 'vitest'
import { canConfirmUnderFloor, canGiveSheetDiscount, canRoundDown, canVoidFeeSheet } from '../../../core/domain/feePermissions.ts'
import { STAFF_ROLES, type StaffRole } from '../../../core/domain/staff.ts'
import { FEE_ERROR_SCOPES, feeErrorMessageKey } from '../../../core/i18n/feeMessages.ts'
import { hasErrorMessage } from '../../../core/i18n/errorMessages.ts'
import type { FeeErrorCode } from '../../../core/fees/index.ts'

const allowed = (check: (role: StaffRole) => boolean) => STAFF_ROLES.filter(check)

describe('fee sheet permissions by role', () => {
  it('whole-sheet discount and 抹零: administrator and consultant', () => {
    expect(allowed(canGiveSheetDiscount)).toEqual(['consultant', 'administrator'])
    expect(allowed(canRoundDown)).toEqual(['consultant', 'administrator'])
  })

  it('crossing a price floor and voiding: administrator only', () => {
    expect(allowed(canConfirmUnderFloor)).toEqual(['administrator'])
    expect(allowed(canVoidFeeSheet)).toEqual(['administrator'])
  })
})

describe('fee maths messages', () => {
  it('every error code of core/fees, in every scope it comes with, has a message in zh-CN and en-US', () => {
    for (const [code, scopes] of Object.entries(FEE_ERROR_SCOPES)) {
      for (const scope of scopes) {
        const key = feeErrorMessageKey({ code: code as FeeErrorCode, scope, index: 0 })
        expect(hasErrorMessage(key), key).toBe(true)
      }
    }
  })
})
