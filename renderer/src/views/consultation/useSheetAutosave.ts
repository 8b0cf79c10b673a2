import { onBeforeUnmount, ref } from 'vue'
import { ApiCallError } from '../../api/client.ts'
import { describeError } from '../../api/notify.ts'

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1000

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict'

/**
 * Saves a draft about a second after the last change, one save at a time: a change made while a save
 * runs is saved right after it. `flush` saves at once (before printing, on leaving the page). A
 * conflict (another window saved first) is handed to `onConflict`, which loads the latest.
 */
export function useSheetAutosave(save: () => Promise<void>, onConflict: () => Promise<void>) {
  const state = ref<SaveState>('idle')
  const savedAt = ref<Date | null>(null)
  const error = ref('')
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  let dirty = false

  function stopTimer(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** The form changed: save it after the pause. */
  function touch(): void {
    dirty = true
    if (state.value !== 'saving') state.value = 'pending'
    stopTimer()
    timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
  }

  async function runSave(): Promise<void> {
    dirty = false
    state.value = 'saving'
    try {
      await save()
      savedAt.value = new Date()
      error.value = ''
      state.value = dirty ? 'pending' : 'saved'
    } catch (failure) {
      if (failure instanceof ApiCallError && failure.code === 'conflict') {
        dirty = false
        stopTimer()
        await onConflict()
        state.value = 'conflict'
      } else {
        // Kept dirty: the next change or flush tries again.
        dirty = true
        error.value = describeError(failure)
        state.value = 'error'
      }
    }
  }

  /** Saves now if anything is unsaved; true when everything typed is saved. */
  async function flush(): Promise<boolean> {
    stopTimer()
    while (running) await running
    if (dirty) {
      running = runSave()
      try {
        await running
      } finally {
        running = null
      }
    }
    return !dirty && state.value !== 'error' && state.value !== 'conflict'
  }

  /** The form cannot be saved as it is (its figures are wrong): the pending save waits for the next change. */
  function hold(): void {
    stopTimer()
    if (dirty && state.value !== 'saving') state.value = 'pending'
  }

  /** A sheet was (re)loaded: nothing is unsaved. */
  function reset(saved: boolean): void {
    stopTimer()
    dirty = false
    error.value = ''
    if (state.value !== 'conflict') state.value = saved ? 'saved' : 'idle'
  }

  onBeforeUnmount(() => {
    // Leaving the page saves what was typed in the last second.
    if (dirty) void flush()
    stopTimer()
  })

  return { state, savedAt, error, touch, hold, flush, reset }
}
