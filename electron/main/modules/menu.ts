import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import type { Locale } from '../../../core/i18n/locales.ts'
import { aboutText, menuTemplate, type MenuAction, type MenuItemSpec } from '../logic/menuTemplate.ts'
import type { Windows } from './windows.ts'

export interface MenuContext {
  /** The settings language, read from the database each time the menu is built. */
  language(): Locale
  packaged: boolean
  windows: Windows
}

/** The application menu in the settings language; `rebuild` after a settings change or a window toggle. */
export function enableMenu(ctx: MenuContext): { rebuild(): void } {
  const actions: Record<MenuAction, () => void> = {
    'display.open': () => ctx.windows.openDisplay(),
    'display.close': () => ctx.windows.closeDisplay(),
    'help.about': () => {
      const { title, message } = aboutText(ctx.language(), app.getVersion())
      void dialog.showMessageBox({ type: 'info', title, message, buttons: ['OK'] })
    },
  }
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    const { action, submenu, ...rest } = item
    return {
      ...rest,
      ...(action ? { click: () => actions[action]() } : {}),
      ...(submenu ? { submenu: submenu.map(toElectron) } : {}),
    }
  }
  const rebuild = () => {
    const spec = menuTemplate({ language: ctx.language(), packaged: ctx.packaged, displayOpen: ctx.windows.isDisplayOpen(), platform: process.platform })
    Menu.setApplicationMenu(Menu.buildFromTemplate(spec.map(toElectron)))
  }
  rebuild()
  return { rebuild }
}
