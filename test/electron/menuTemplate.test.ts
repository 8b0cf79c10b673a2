import { describe, expect, it } from 'vitest'
import { aboutText, menuTemplate, type MenuItemSpec } from '../../electron/main/logic/menuTemplate.ts'

const flatten = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])])
const roles = (items: MenuItemSpec[]) => flatten(items).map((i) => i.role).filter(Boolean)
const actions = (items: MenuItemSpec[]) => flatten(items).map((i) => i.action).filter(Boolean)

describe('menuTemplate', () => {
  it('is 文件/视图/窗口/帮助 in Chinese', () => {
    const menu = menuTemplate({ language: 'zh-CN', packaged: true, displayOpen: false, platform: 'win32' })
    expect(menu.map((m) => m.label)).toEqual(['文件', '视图', '窗口', '帮助'])
    const labels = flatten(menu).map((i) => i.label)
    expect(labels).toEqual(expect.arrayContaining(['打开候诊显示屏', '关闭候诊显示屏', '重新加载', '切换全屏', '退出']))
  })

  it('is File/View/Window/Help in English', () => {
    const menu = menuTemplate({ language: 'en-US', packaged: true, displayOpen: false, platform: 'linux' })
    expect(menu.map((m) => m.label)).toEqual(['File', 'View', 'Window', 'Help'])
    const labels = flatten(menu).map((i) => i.label)
    expect(labels).toEqual(expect.arrayContaining(['Open Queue Display', 'Close Queue Display', 'Reload', 'Toggle Full Screen', 'Quit']))
    expect(labels.join(' ')).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('has every item and no Chinese/English mixing in either language', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const menu = menuTemplate({ language, packaged: false, displayOpen: false, platform: 'win32' })
      expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'reload', 'togglefullscreen', 'toggleDevTools']))
      expect(actions(menu)).toEqual(expect.arrayContaining(['display.open', 'display.close', 'help.about']))
      for (const item of flatten(menu)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy()
    }
  })

  it('offers developer tools only when not packaged', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      expect(roles(menuTemplate({ language, packaged: true, displayOpen: false, platform: 'win32' }))).not.toContain('toggleDevTools')
      expect(roles(menuTemplate({ language, packaged: false, displayOpen: false, platform: 'win32' }))).toContain('toggleDevTools')
    }
  })

  it('enables open or close of the queue display by its state', () => {
    const items = (displayOpen: boolean) => flatten(menuTemplate({ language: 'zh-CN', packaged: true, displayOpen, platform: 'win32' }))
    expect(items(false).filter((i) => i.action === 'display.open').every((i) => i.enabled === true)).toBe(true)
    expect(items(false).filter((i) => i.action === 'display.close').every((i) => i.enabled === false)).toBe(true)
    expect(items(true).filter((i) => i.action === 'display.close').every((i) => i.enabled === true)).toBe(true)
  })

  it('adds the macOS app menu on macOS only', () => {
    expect(menuTemplate({ language: 'zh-CN', packaged: true, displayOpen: false, platform: 'darwin' })[0]?.role).toBe('appMenu')
    expect(roles(menuTemplate({ language: 'zh-CN', packaged: true, displayOpen: false, platform: 'win32' }))).not.toContain('appMenu')
  })

  it('writes the About box in the language', () => {
    expect(aboutText('zh-CN', '1.2.3').message).toContain('版本 1.2.3')
    expect(aboutText('en-US', '1.2.3').message).toContain('Version 1.2.3')
  })
})
