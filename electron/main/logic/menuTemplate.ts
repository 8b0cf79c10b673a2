import type { Locale } from '../../../core/i18n/locales.ts'

/** Menu actions the menu module binds to code (everything else is an Electron role). */
export type MenuAction = 'display.open' | 'display.close' | 'help.about'
export type MenuRole = 'appMenu' | 'quit' | 'reload' | 'togglefullscreen' | 'toggleDevTools' | 'minimize' | 'close'

/** A menu item as plain data; the menu module turns it into Electron's template. */
export interface MenuItemSpec {
  label?: string
  role?: MenuRole
  action?: MenuAction
  accelerator?: string
  type?: 'separator'
  enabled?: boolean
  submenu?: MenuItemSpec[]
}

const LABELS = {
  'zh-CN': {
    file: '文件',
    view: '视图',
    window: '窗口',
    help: '帮助',
    openDisplay: '打开候诊显示屏',
    closeDisplay: '关闭候诊显示屏',
    reload: '重新加载',
    fullScreen: '切换全屏',
    devTools: '开发者工具',
    minimize: '最小化',
    closeWindow: '关闭窗口',
    quit: '退出',
    about: '关于医美前台',
  },
  'en-US': {
    file: 'File',
    view: 'View',
    window: 'Window',
    help: 'Help',
    openDisplay: 'Open Queue Display',
    closeDisplay: 'Close Queue Display',
    reload: 'Reload',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Developer Tools',
    minimize: 'Minimize',
    closeWindow: 'Close Window',
    quit: 'Quit',
    about: 'About Front Desk',
  },
} satisfies Record<Locale, Record<string, string>>

export interface MenuOptions {
  language: Locale
  /** Developer tools appear only in an unpackaged (development) app. */
  packaged: boolean
  /** Whether the queue display window is open: enables "close" instead of "open". */
  displayOpen: boolean
  platform: NodeJS.Platform
}

/** The application menu: 文件/视图/窗口/帮助 (File/View/Window/Help) in the settings language. */
export function menuTemplate(options: MenuOptions): MenuItemSpec[] {
  const t = LABELS[options.language] ?? LABELS['zh-CN']
  const mac = options.platform === 'darwin'
  const view: MenuItemSpec[] = [
    { label: t.reload, role: 'reload' },
    { label: t.fullScreen, role: 'togglefullscreen' },
  ]
  if (!options.packaged) view.push({ type: 'separator' }, { label: t.devTools, role: 'toggleDevTools' })
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemSpec] : []),
    {
      label: t.file,
      submenu: [
        { label: t.openDisplay, action: 'display.open', enabled: !options.displayOpen },
        { label: t.closeDisplay, action: 'display.close', enabled: options.displayOpen },
        { type: 'separator' },
        { label: t.quit, role: 'quit', accelerator: mac ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.window,
      submenu: [
        { label: t.openDisplay, action: 'display.open', enabled: !options.displayOpen },
        { label: t.closeDisplay, action: 'display.close', enabled: options.displayOpen },
        { type: 'separator' },
        { label: t.minimize, role: 'minimize' },
        { label: t.closeWindow, role: 'close' },
      ],
    },
    { label: t.help, submenu: [{ label: t.about, action: 'help.about' }] },
  ]
}

/** The About box text in the settings language. */
export function aboutText(language: Locale, version: string): { title: string; message: string } {
  return language === 'en-US'
    ? { title: 'About', message: `Clinic Front Desk (医美前台)\nVersion ${version}` }
    : { title: '关于', message: `医美前台 (Clinic Front Desk)\n版本 ${version}` }
}
