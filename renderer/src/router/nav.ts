import { DataAnalysis, FolderChecked, PriceTag, Service, Setting, User } from '@element-plus/icons-vue'
import type { Component } from 'vue'

export type NavKey = 'frontDesk' | 'staff' | 'priceList' | 'reports' | 'backups' | 'settings'

export interface NavItem {
  key: NavKey
  to: string
  icon: Component
}

/** The left navigation, in order. Labels are `nav.<key>`; test ids are `nav-<to>`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'frontDesk', to: '/front-desk', icon: Service },
  { key: 'staff', to: '/staff', icon: User },
  { key: 'priceList', to: '/price-list', icon: PriceTag },
  { key: 'reports', to: '/reports', icon: DataAnalysis },
  { key: 'backups', to: '/backups', icon: FolderChecked },
  { key: 'settings', to: '/settings', icon: Setting },
]
