import { pinyin } from 'pinyin-pro'

export interface NameKeys {
  /** Full pinyin without tones or spaces, lower case: 张小丽 -> zhangxiaoli. */
  full: string
  /** First letters: 张小丽 -> zxl; Latin words give their first letter: Anna Li -> al. */
  initials: string
}

/** Search keys for a person's name, so a receptionist can type "zxl" or "zhangxl" to find 张小丽. */
export function nameSearchKeys(name: string): NameKeys {
  const pieces = pinyin(name, { toneType: 'none', type: 'all', surname: 'head', nonZh: 'consecutive' })
  let full = ''
  let initials = ''
  for (const piece of pieces) {
    if (piece.isZh) {
      full += piece.pinyin.toLowerCase()
      initials += piece.pinyin.charAt(0).toLowerCase()
      continue
    }
    for (const word of piece.origin.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
      full += word
      initials += word.charAt(0)
    }
  }
  return { full, initials }
}
