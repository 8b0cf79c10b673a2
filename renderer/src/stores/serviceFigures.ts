import { defineStore } from 'pinia'
import type { ServiceFigures } from '../../../core/api/followUps.ts'
import { api } from '../api/client.ts'
import { paramResource } from './paramResource.ts'
import type { DateRange } from './reports.ts'

/** The service figures of a range (confirmation, no-show and follow-up rates), fresh while the reports page shows them. */
export const useServiceFiguresStore = defineStore('serviceFigures', () => {
  const figures = paramResource<DateRange, ServiceFigures | null>(null, (range) => api.call('reports.serviceFigures', { from: range.from, to: range.to }), [
    'appointments',
    'followUps',
    'visits',
  ])
  return { figures: figures.value, loadedFor: figures.loadedFor, loading: figures.loading, load: figures.load, attach: figures.attach }
})
