import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { AppointmentRow } from '../../../core/domain/appointment.ts'
import type { FollowUpRow } from '../../../core/domain/followUp.ts'
import { api } from '../api/client.ts'
import { paramResource } from './paramResource.ts'

/** One client's appointments and follow-up calls, for the client's page; fresh while the page shows them. */
export const useClientScheduleStore = defineStore('clientSchedule', () => {
  const appointments = paramResource<number, AppointmentRow[]>([], (clientId) => api.call('appointments.ofClient', { clientId }), ['appointments', 'staff'])
  const followUps = paramResource<number, FollowUpRow[]>([], (clientId) => api.call('followUps.ofClient', { clientId }), ['followUps', 'staff'])
  const loading = computed(() => appointments.loading.value || followUps.loading.value)

  /** Shows one client's schedule; the lists of another client are not kept on screen meanwhile. */
  async function open(clientId: number): Promise<void> {
    if (appointments.params.value !== clientId) {
      appointments.value.value = []
      followUps.value.value = []
    }
    await Promise.all([appointments.load(clientId), followUps.load(clientId)])
  }

  /** The client page is shown: keep its lists fresh until the returned function is called. */
  function attach(): () => void {
    const detachAppointments = appointments.attach()
    const detachFollowUps = followUps.attach()
    return () => {
      detachAppointments()
      detachFollowUps()
    }
  }

  return { appointments: appointments.value, followUps: followUps.value, loading, open, attach }
})
