import { describe, expect, it } from 'vitest'
import { ALLOWED_EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../electron/main/logic/externalLinks.ts'

const allow = ['help.example.cn']

describe('isAllowedExternalUrl', () => {
  it('allows https links to an allow-listed host', () => {
    expect(isAllowedExternalUrl('https://help.example.cn/guide?x=1#a', allow)).toBe(true)
    expect(isAllowedExternalUrl('https://HELP.example.cn/', allow)).toBe(true)
  })

  it.each([
    'http://help.example.cn/',
    'https://evil.help.example.cn/',
    'https://help.example.cn.evil.com/',
    'https://help.example.cn:8443/',
    'https://user:pw@help.example.cn/',
    'https://user@help.example.cn/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://desk/index.html',
    'smb://help.example.cn/share',
    'ms-msdt:/id',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedExternalUrl(url, allow)).toBe(false)
  })

  it('denies everything with the shipped (empty) allow-list', () => {
    expect(ALLOWED_EXTERNAL_HOSTS).toEqual([])
    expect(isAllowedExternalUrl('https://help.example.cn/')).toBe(false)
  })
})
