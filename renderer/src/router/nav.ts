import { Calendar, DataAnalysis, Document, FolderChecked, Money, PriceTag, Service, Setting, Shop, User } from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { Permission } from '../../../core/api/method.ts'

export type NavKey = 'frontDesk' | 'appointments' | 'staff' | 'priceList' | 'reports' | 'marketing' | 'statements' | 'backups' | 'audit' | 'settings'

export interface NavItem {
  key: NavKey
  to: string
  icon: Component
  /** Shown only to an operator who holds this permission (the main process refuses the rest anyway). */
  permission: Permission
}

/** The left navigation, in order. Labels are `nav.<key>`; test ids are `nav-<to>`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'frontDesk', to: '/front-desk', icon: Service, permission: 'read' },
  { key: 'appointments', to: '/appointments', icon: Calendar, permission: 'read' },
  { key: 'staff', to: '/staff', icon: User, permission: 'admin' },
  { key: 'priceList', to: '/price-list', icon: PriceTag, permission: 'read' },
  { key: 'reports', to: '/reports', icon: DataAnalysis, permission: 'read' },
  { key: 'marketing', to: '/marketing', icon: Shop, permission: 'partners' },
  { key: 'statements', to: '/statements', icon: Money, permission: 'marketing' },
  { key: 'backups', to: '/backups', icon: FolderChecked, permission: 'admin' },
  { key: 'audit', to: '/audit', icon: Document, permission: 'admin' },
  { key: 'settings', to: '/settings', icon: Setting, permission: 'admin' },
]
