import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { Staff } from '../../../core/domain/staff.ts'
import { api } from '../api/client.ts'
import { liveResource } from './liveResource.ts'

export type StaffInput = MethodInput<'staff.create'>
export type StaffUpdate = MethodInput<'staff.update'>

/**
 * Every staff member, active or not (a clinic has tens, not thousands); pages filter what they show.
 * Re-reads on each 'staff' change once something has asked for the list.
 */
export const useStaffStore = defineStore('staff', () => {
  const { value: all, loaded, loading, load, init, ensureLoaded } = liveResource<Staff[]>([], () => api.call('staff.list', { includeInactive: true }), ['staff'])
  const active = computed(() => all.value.filter((s) => s.active))

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

  async function setPin(id: number, pin: string, repeatPin: string): Promise<Staff> {
    const staff = await api.call('staff.setPin', { id, pin, repeatPin })
    replace(staff)
    return staff
  }

  async function clearPin(id: number): Promise<Staff> {
    const staff = await api.call('staff.clearPin', { id })
    replace(staff)
    return staff
  }

  return { all, active, loaded, loading, init, load, ensureLoaded, create, update, setActive, setPin, clearPin }
})
