import { ElMessageBox } from 'element-plus'
import { h, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import type { ConsultationSheet } from '../../../../core/domain/consultation.ts'
import { api } from '../../api/client.ts'
import { showError, showSuccess } from '../../api/notify.ts'

/**
 * "Turn the plan into a fee sheet" in one action: the typed plan is saved first, the main process makes
 * the draft from the price list (or returns the draft already made from this sheet), and the fee sheet opens.
 * Plan lines that could not be carried over (typed by hand, item gone or inactive) are named to the consultant.
 */
export function useFeeSheetFromPlan(sheet: Ref<ConsultationSheet | null>, saveFirst: () => Promise<boolean>) {
  const { t } = useI18n()
  const router = useRouter()
  const busy = ref(false)

  async function make(): Promise<void> {
    const current = sheet.value
    if (busy.value || !current) return
    busy.value = true
    try {
      if (!(await saveFirst())) return
      const result = await api.call('fees.fromConsultation', { consultationSheetId: current.id })
      if (result.skipped.length > 0) {
        const lines = result.skipped.map((s) => t('fees.fromPlan.skippedLine', { n: s.index + 1, name: s.name || '—', reason: t(`fees.fromPlan.reason.${s.reason}`) }))
        const list = h('ul', { class: 'fee-skipped', 'data-testid': 'fee-skipped' }, lines.map((line) => h('li', line)))
        await ElMessageBox.alert(list, t('fees.fromPlan.skippedTitle', { n: result.skipped.length }), { type: 'warning', confirmButtonText: t('common.confirm') }).catch(() => undefined)
      } else {
        showSuccess(result.reused ? t('fees.fromPlan.reused', { no: result.sheet.sheetNo }) : t('fees.fromPlan.made', { no: result.sheet.sheetNo }))
      }
      await router.push({ name: 'fee-sheet', params: { id: String(result.sheet.id) } })
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  return { busy, make }
}
