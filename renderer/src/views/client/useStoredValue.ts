import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { StoredValueAccount } from '../../../../core/domain/storedValue.ts'
import { formatFen } from '../../../../core/money/index.ts'
import { showSuccess } from '../../api/notify.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useStoredValueStore } from '../../stores/storedValue.ts'

/**
 * The client page's stored value (会员储值): the account, kept fresh while shown; 充值 for the desk, with
 * the settings' bonus rules; 退款 for an administrator.
 */
export function useStoredValue(clientId: Ref<number | null>) {
  const { t } = useI18n()
  const store = useStoredValueStore()
  const session = useSessionStore()
  const settings = useSettingsStore()
  const canTopUp = computed(() => session.may('desk'))
  const canRefund = computed(() => session.may('admin'))
  const rules = computed(() => settings.settings.storedValueBonusRules)
  const topUpOpen = ref(false)
  const refundOpen = ref(false)
  // An answer for another client (the page moved on) is not shown.
  const account = computed(() => (store.account && store.account.clientId === clientId.value ? store.account : null))

  function toppedUp(next: StoredValueAccount): void {
    const top = next.entries.find((e) => e.kind === 'top_up')
    showSuccess(t('storedValue.topUpDialog.done', { amount: formatFen(top?.amountFen ?? 0), balance: formatFen(next.balanceFen) }))
  }

  function refunded(next: StoredValueAccount): void {
    const last = next.entries[0]
    showSuccess(t('storedValue.refundDialog.done', { amount: formatFen(Math.abs(last?.amountFen ?? 0)), balance: formatFen(next.balanceFen) }))
  }

  function open(id: number | null): void {
    if (id !== null) void store.load(id)
  }
  watch(clientId, open)

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    open(clientId.value)
  })
  onBeforeUnmount(() => detach?.())

  return { store, account, canTopUp, canRefund, rules, topUpOpen, refundOpen, toppedUp, refunded }
}
