import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Permission } from '../../../core/api/method.ts'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { SessionState, SignInCandidate, SignInResult } from '../../../core/api/session.ts'
import { roleMay } from '../../../core/domain/permissions.ts'
import { api, isConnected, setUnauthenticatedHandler } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * Who is signed in at this desk, as the main process says: it holds the session, this store only mirrors
 * it. A call refused as unauthenticated (the main process locked the desk) shows the sign-in screen at once.
 */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState | null>(null)
  const candidates = ref<SignInCandidate[]>([])
  /** Who was signed in before the last lock, so unlocking is only the PIN. */
  const lastOperatorId = ref<number | null>(null)
  const loaded = computed(() => state.value !== null)
  const operator = computed(() => state.value?.operator ?? null)
  const setupNeeded = computed(() => state.value?.setupNeeded ?? false)
  const demo = computed(() => state.value?.demo ?? false)
  const idleLockMinutes = computed(() => state.value?.idleLockMinutes ?? 10)
  let initialised = false

  function may(permission: Permission): boolean {
    return roleMay(operator.value?.role ?? null, permission)
  }

  function apply(next: SessionState): void {
    if (state.value?.operator && !next.operator) lastOperatorId.value = state.value.operator.id
    state.value = next
  }

  async function load(): Promise<void> {
    try {
      apply(await api.call('session.current', {}))
    } catch (error) {
      showError(error)
    }
  }

  async function loadCandidates(): Promise<void> {
    try {
      candidates.value = await api.call('session.operators', {})
    } catch (error) {
      showError(error)
    }
  }

  /** Signs in; a wrong PIN or a locked name is the answer, not an exception. Throws ApiCallError otherwise. */
  async function signIn(staffId: number, pin: string): Promise<SignInResult> {
    const result = await api.call('session.signIn', { staffId, pin })
    if (result.signedIn) await load()
    return result
  }

  async function signOut(reason: 'lock' | 'idle' | 'signOut'): Promise<void> {
    const leaving = operator.value
    try {
      await api.call('session.signOut', { reason })
    } catch (error) {
      showError(error)
    }
    if (leaving) lastOperatorId.value = reason === 'signOut' ? null : leaving.id
    if (state.value) state.value = { ...state.value, operator: null }
    void loadCandidates()
  }

  async function completeSetup(input: MethodInput<'setup.complete'>): Promise<void> {
    apply(await api.call('setup.complete', input))
  }

  async function loadDemo(): Promise<void> {
    apply(await api.call('setup.loadDemo', {}))
  }

  /** Loads once; a staff change re-reads (a role or a PIN may have changed). */
  async function init(): Promise<void> {
    if (initialised || !isConnected()) return
    initialised = true
    setUnauthenticatedHandler(() => {
      if (state.value?.operator) apply({ ...state.value, operator: null })
      void loadCandidates()
    })
    api.onChange('staff', () => {
      void load()
      void loadCandidates()
    })
    api.onChange('settings', () => void load())
    await Promise.all([load(), loadCandidates()])
  }

  return { state, candidates, lastOperatorId, loaded, operator, setupNeeded, demo, idleLockMinutes, may, init, load, loadCandidates, signIn, signOut, completeSetup, loadDemo }
})
