import { reactive, ref, watch } from 'vue'
import { ApiCallError } from '../api/client.ts'
import { describeError } from '../api/notify.ts'

/**
 * A form's refusals from the main process: each field's message shown on that field (an API field name may
 * map to another form field, e.g. `listPriceFen` → `listPrice`), anything else as one message for the form.
 * Editing a field drops the server's complaint about it.
 */
export function useServerErrors<F extends string>(form: Record<F, unknown>, fields: readonly F[], aliases: Partial<Record<string, F>> = {}) {
  const serverErrors = reactive<Partial<Record<F, string>>>({}) as Partial<Record<F, string>>
  const formError = ref('')

  function clear(): void {
    for (const field of fields) delete serverErrors[field]
    formError.value = ''
  }

  /** Puts an error on its fields; one that names none of them becomes the form's message. */
  function show(error: unknown): void {
    let placed = false
    if (error instanceof ApiCallError) {
      for (const [path, message] of Object.entries(error.fields)) {
        const key = path.split('.')[0] ?? ''
        const field = aliases[key] ?? fields.find((f) => f === key)
        if (field) {
          serverErrors[field] = message
          placed = true
        }
      }
    }
    if (!placed) formError.value = describeError(error)
  }

  for (const field of fields) {
    watch(
      () => form[field],
      () => {
        delete serverErrors[field]
      },
    )
  }

  return { serverErrors, formError, clear, show }
}
