import { defineStore } from 'pinia'
import type { SatisfactionFigures, ServiceFigures } from '../../../core/api/followUps.ts'
import { api } from '../api/client.ts'
import { paramResource } from './paramResource.ts'
import type { DateRange } from './reports.ts'

/**
 * The service figures of a range (confirmation, no-show and follow-up rates) and its satisfaction (per
 * consultant and nurse, with the open complaints), fresh while the reports page shows them.
 */
export const useServiceFiguresStore = defineStore('serviceFigures', () => {
  const figures = paramResource<DateRange, ServiceFigures | null>(null, (range) => api.call('reports.serviceFigures', { from: range.from, to: range.to }), [
    'appointments',
    'followUps',
    'visits',
  ])
  const satisfaction = paramResource<DateRange, SatisfactionFigures | null>(
    null,
    (range) => api.call('reports.satisfaction', { from: range.from, to: range.to }),
    ['followUps', 'complaints', 'cards', 'staff'],
  )

  async function load(range: DateRange): Promise<void> {
    await Promise.all([figures.load(range), satisfaction.load(range)])
  }

  function attach(): () => void {
    const detachFigures = figures.attach()
    const detachSatisfaction = satisfaction.attach()
    return () => {
      detachFigures()
      detachSatisfaction()
    }
  }

  return {
    figures: figures.value,
    loadedFor: figures.loadedFor,
    loading: figures.loading,
    satisfaction: satisfaction.value,
    satisfactionFor: satisfaction.loadedFor,
    load,
    attach,
  }
})
