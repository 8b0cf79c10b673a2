import { ElMessageBox } from 'element-plus'
import { ref, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { FEE_SHEET_LIMITS, type FeeSheet } from '../../../../core/domain/feeSheet.ts'
import type { Payment, SheetTotals } from '../../../../core/fees/types.ts'
import { formatFen } from '../../../../core/money/index.ts'
import { ApiCallError } from '../../api/client.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { useFeeSheetStore } from '../../stores/feeSheet.ts'

/**
 * Confirm, pay, void, reissue and discard, each asked once in a dialog. The main process checks every
 * permission again (price floors, voiding); a refusal shows its message and changes nothing.
 */
export function useFeeActions(sheet: ComputedRef<FeeSheet | null>, totals: ComputedRef<SheetTotals | null>, totalsError: ComputedRef<string>, flush: () => Promise<boolean>) {
  const { t } = useI18n()
  const router = useRouter()
  const store = useFeeSheetStore()
  const busy = ref(false)
  const payOpen = ref(false)

  async function run(job: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      await job()
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  /** A reason in a prompt, 2–200 characters; null when the operator cancelled. */
  async function askReason(title: string, body: string): Promise<string | null> {
    try {
      const { value } = await ElMessageBox.prompt(body, title, {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputValidator: (v: string) => (v.trim().length >= FEE_SHEET_LIMITS.reasonMin && v.trim().length <= FEE_SHEET_LIMITS.reasonMax) || t('fees.actions.reasonInvalid'),
      })
      return value.trim()
    } catch {
      return null
    }
  }

  async function sure(title: string, body: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(body, title, { type: 'warning', confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel') })
      return true
    } catch {
      return false
    }
  }

  const confirm = () =>
    run(async () => {
      const current = sheet.value
      const figures = totals.value
      if (totalsError.value) throw new ApiCallError('invalid_input', t('fees.totals.invalid', { message: totalsError.value }))
      if (!current || !figures || !(await flush())) return
      let reason: string | undefined
      if (figures.floorViolations.length > 0) {
        reason = (await askReason(t('fees.actions.floorReasonTitle'), t('fees.actions.floorReasonBody'))) ?? undefined
        if (!reason) return
      } else if (!(await sure(t('fees.actions.confirmTitle'), t('fees.actions.confirmBody', { total: formatFen(figures.total) })))) return
      const done = await store.confirm(reason)
      showSuccess(t('fees.actions.confirmed', { no: done.sheetNo }))
    })

  const pay = (payments: Payment[]) =>
    run(async () => {
      const done = await store.pay(payments)
      payOpen.value = false
      showSuccess(t('fees.actions.paid', { no: done.sheetNo, amount: formatFen(done.totals.paid) }))
    })

  const voidSheet = () =>
    run(async () => {
      const current = sheet.value
      if (!current) return
      const reason = await askReason(t('fees.actions.reasonTitle', { action: t('fees.actions.void'), no: current.sheetNo }), t('fees.actions.reasonBody'))
      if (!reason) return
      const done = await store.voidSheet(reason)
      showSuccess(t('fees.actions.voidedDone', { no: done.sheetNo }))
    })

  const reissue = () =>
    run(async () => {
      const current = sheet.value
      if (!current) return
      const reason = await askReason(t('fees.actions.reasonTitle', { action: t('fees.actions.reissue'), no: current.sheetNo }), t('fees.actions.reasonBody'))
      if (!reason) return
      const next = await store.reissue(reason)
      showSuccess(t('fees.actions.reissued', { old: current.sheetNo, no: next.sheetNo }))
      await router.push({ name: 'fee-sheet', params: { id: String(next.id) } })
    })

  const discard = () =>
    run(async () => {
      const current = sheet.value
      if (!current || !(await sure(t('fees.actions.discard'), t('fees.actions.discardBody', { no: current.sheetNo })))) return
      const done = await store.discard()
      showSuccess(t('fees.actions.discarded', { no: done.sheetNo }))
      await router.push({ name: 'consultation', params: { visitId: String(current.visitId) } })
    })

  return { busy, payOpen, confirm, pay, voidSheet, reissue, discard }
}
