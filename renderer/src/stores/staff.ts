import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { Staff } from '../../../core/domain/staff.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

export type StaffInput = MethodInput<'staff.create'>
export type StaffUpdate = MethodInput<'staff.update'>

/**
 * Every staff member, active or not (a clinic has tens, not thousands); pages filter what they show.
 * Re-reads on each 'staff' change once something has asked for the list.
 */
export const useStaffStore = defineStore('staff', () => {
  const all = ref<Staff[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const active = computed(() => all.value.filter((s) => s.active))
  let initialised = false
  let wanted = false

  async function load(): Promise<void> {
    loading.value = true
    try {
      all.value = await api.call('staff.list', { includeInactive: true })
      loaded.value = true
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('staff', () => {
      if (wanted) void load()
    })
  }

  /** Loads the list the first time a page needs it. */
  async function ensureLoaded(): Promise<void> {
    init()
    wanted = true
    if (!loaded.value && !loading.value) await load()
  }

  function replace(staff: Staff): void {
    const index = all.value.findIndex((s) => s.id === staff.id)
    if (index === -1) all.value = [...all.value, staff]
    else all.value = all.value.with(index, staff)
  }

  /** Writes throw ApiCallError so the caller can show field errors; the list is updated at once. */
  async function create(input: StaffInput): Promise<Staff> {
    const staff = await api.call('staff.create', input)
    replace(staff)
    return staff
  }

  async function update(input: StaffUpdate): Promise<Staff> {
    const staff = await api.call('staff.update', input)
    replace(staff)
    return staff
  }

  async function setActive(id: number, isActive: boolean): Promise<Staff> {
    const staff = await api.call('staff.setActive', { id, active: isActive })
    replace(staff)
    return staff
  }

  return { all, active, loaded, loading, init, load, ensureLoaded, create, update, setActive }
})
