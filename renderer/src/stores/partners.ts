import { defineStore } from 'pinia'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { PartnerStoreDetail, StorePhoto, StoreReminderLine } from '../../../core/api/partners.ts'
import type { PartnerReport, PartnerStore, ReportStatus } from '../../../core/domain/partnerStore.ts'
import { api } from '../api/client.ts'
import { liveResource } from './liveResource.ts'
import { paramResource } from './paramResource.ts'

export type ReportInput = MethodInput<'partnerReports.create'>
export type StoreInput = MethodInput<'partnerStores.save'>
export type ReportFilter = ReportStatus | 'all'

const TOPICS = ['partners', 'staff'] as const

/**
 * The marketing department's data (市场部): the partner stores, the reports of the status a page picks and
 * today's lifecycle reminders, each re-read on every 'partners' change once a page has asked for it. The main
 * process narrows a salesperson to their own stores and masks bank accounts for all but an administrator.
 * Writes throw ApiCallError, for the caller to put on its fields; what they return is shown at once.
 */
export const usePartnersStore = defineStore('partners', () => {
  const stores = liveResource<PartnerStore[]>([], () => api.call('partnerStores.list', { status: 'all' }), TOPICS)
  const reports = paramResource<ReportFilter, PartnerReport[]>([], (status) => api.call('partnerReports.list', { status }), ['partners'])
  const reminders = liveResource<StoreReminderLine[]>([], () => api.call('partnerStores.reminders', {}), TOPICS)

  function putStore(store: PartnerStore): void {
    const others = stores.value.value.filter((s) => s.id !== store.id)
    stores.value.value = [...others, store].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
  }

  function putReport(report: PartnerReport): void {
    const status = reports.params.value
    const others = reports.value.value.filter((r) => r.id !== report.id)
    reports.value.value = status === 'all' || status === report.status ? [report, ...others] : others
  }

  async function createReport(input: ReportInput): Promise<PartnerReport> {
    const report = await api.call('partnerReports.create', input)
    putReport(report)
    return report
  }

  async function cancelReport(id: number, reason: string): Promise<PartnerReport> {
    const report = await api.call('partnerReports.cancel', { id, reason })
    putReport(report)
    return report
  }

  async function saveStore(input: StoreInput): Promise<PartnerStore> {
    const store = await api.call('partnerStores.save', input)
    putStore(store)
    return store
  }

  async function reassign(store: PartnerStore, toSalespersonId: number, reason: string): Promise<PartnerStoreDetail> {
    const detail = await api.call('partnerStores.reassign', { id: store.id, expectedVersion: store.version, toSalespersonId, reason })
    putStore(detail.store)
    return detail
  }

  function detail(id: number): Promise<PartnerStoreDetail> {
    return api.call('partnerStores.get', { id })
  }

  function photo(id: number): Promise<StorePhoto | null> {
    return api.call('partnerStores.photo', { id })
  }

  function init(): void {
    stores.init()
    reports.init()
    reminders.init()
  }

  return {
    stores: stores.value,
    storesLoaded: stores.loaded,
    storesLoading: stores.loading,
    ensureStores: stores.ensureLoaded,
    reports: reports.value,
    reportsFor: reports.loadedFor,
    reportsLoading: reports.loading,
    loadReports: reports.load,
    attachReports: reports.attach,
    reminders: reminders.value,
    remindersLoading: reminders.loading,
    ensureReminders: reminders.ensureLoaded,
    init,
    createReport,
    cancelReport,
    saveStore,
    reassign,
    detail,
    photo,
  }
})
