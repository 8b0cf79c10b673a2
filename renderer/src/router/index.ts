import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import DeskLayout from '../layouts/DeskLayout.vue'
import AppointmentsView from '../views/appointments/index.vue'
import AuditView from '../views/audit/index.vue'
import BackupsView from '../views/backups/index.vue'
import ClientView from '../views/client/index.vue'
import ConsultationView from '../views/consultation/index.vue'
import DeskView from '../views/desk/index.vue'
import DisplayView from '../views/display/index.vue'
import FeeSheetView from '../views/fees/index.vue'
import MarketingView from '../views/marketing/index.vue'
import PricesView from '../views/prices/index.vue'
import ReportsView from '../views/reports/index.vue'
import SettingsView from '../views/settings/index.vue'
import StaffView from '../views/staff/index.vue'
import StatementsView from '../views/statements/index.vue'
import type { NavKey } from './nav.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** The navigation item this page belongs to (and its title key `nav.<key>`). */
    nav?: NavKey
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: DeskLayout,
    redirect: '/front-desk',
    children: [
      { path: 'front-desk', name: 'front-desk', component: DeskView, meta: { nav: 'frontDesk' } },
      { path: 'appointments', name: 'appointments', component: AppointmentsView, meta: { nav: 'appointments' } },
      { path: 'clients/:id', name: 'client', component: ClientView, props: true, meta: { nav: 'frontDesk' } },
      { path: 'staff', name: 'staff', component: StaffView, meta: { nav: 'staff' } },
      { path: 'price-list', name: 'price-list', component: PricesView, meta: { nav: 'priceList' } },
      { path: 'visits/:visitId/consultation', name: 'consultation', component: ConsultationView, props: true, meta: { nav: 'frontDesk' } },
      { path: 'fee-sheets/:id', name: 'fee-sheet', component: FeeSheetView, props: true, meta: { nav: 'frontDesk' } },
      { path: 'reports', name: 'reports', component: ReportsView, meta: { nav: 'reports' } },
      { path: 'marketing', name: 'marketing', component: MarketingView, meta: { nav: 'marketing' } },
      { path: 'statements', name: 'statements', component: StatementsView, meta: { nav: 'statements' } },
      { path: 'backups', name: 'backups', component: BackupsView, meta: { nav: 'backups' } },
      { path: 'audit', name: 'audit', component: AuditView, meta: { nav: 'audit' } },
      { path: 'settings', name: 'settings', component: SettingsView, meta: { nav: 'settings' } },
    ],
  },
  // The waiting-room display window: no desk layout, read-only.
  { path: '/display', name: 'display', component: DisplayView },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the app runs under app:// in Electron and from a plain HTTP server in the web preview. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
