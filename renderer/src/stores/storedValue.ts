import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { StoredValueAccount } from '../../../core/domain/storedValue.ts'
import { api, isConnected } from '../api/client.ts'
import { describeError } from '../api/notify.ts'

export type TopUpInput = MethodInput<'storedValue.topUp'>
export type RefundInput = MethodInput<'storedValue.refund'>

/**
 * One client's stored value (储值) for their page: the account with its ledger, fresh while the page shows
 * it. A payment or a void of a fee sheet moves the balance too, hence 'fees' besides 'storedValue'. A failed
 * read is kept as `error` and shown in the section itself (the page has other parts that still work).
 */
export const useStoredValueStore = defineStore('storedValue', () => {
  const account = ref<StoredValueAccount | null>(null)
  const loading = ref(false)
  const error = ref('')
  const clientId = ref<number | null>(null)
  let request = 0
  let viewers = 0
  let initialised = false

  async function load(id: number): Promise<void> {
    const mine = ++request
    if (clientId.value !== id) account.value = null
    clientId.value = id
    loading.value = true
    try {
      const next = await api.call('storedValue.account', { clientId: id })
      if (mine === request) {
        account.value = next
        error.value = ''
      }
    } catch (e) {
      if (mine === request) error.value = describeError(e)
    } finally {
      if (mine === request) loading.value = false
    }
  }

  const reload = () => (clientId.value === null ? Promise.resolve() : load(clientId.value))

  function keep(next: StoredValueAccount): StoredValueAccount {
    if (next.clientId === clientId.value) account.value = next
    return next
  }

  /** Throws ApiCallError (the dialog shows it on its field). */
  async function topUp(input: TopUpInput): Promise<StoredValueAccount> {
    return keep(await api.call('storedValue.topUp', input))
  }

  /** An administrator's refund, with a reason; throws ApiCallError. */
  async function refund(input: RefundInput): Promise<StoredValueAccount> {
    return keep(await api.call('storedValue.refund', input))
  }

  /** The client page is shown: keep the account fresh until the returned function is called. */
  function attach(): () => void {
    if (!initialised && isConnected()) {
      initialised = true
      for (const topic of ['storedValue', 'fees'] as const) {
        api.onChange(topic, () => {
          if (viewers > 0) void reload()
        })
      }
    }
    viewers += 1
    let attached = true
    return () => {
      if (attached) viewers -= 1
      attached = false
    }
  }

  return { account, loading, error, load, reload, topUp, refund, attach }
})

/** A client's balance read on its own (the payment dialog's 储值余额), not kept in the store. */
export async function balanceOf(clientId: number): Promise<number> {
  return (await api.call('storedValue.account', { clientId })).balanceFen
}
