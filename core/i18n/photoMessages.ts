import type { PhotoKind } from '../domain/clientPhoto.ts'
import { addErrorMessages } from './errorMessages.ts'

/** Kinds as the audit log writes them (kept in Chinese, as every summary). */
export const PHOTO_KIND_NAMES: Record<PhotoKind, string> = { before: '术前', after: '术后', other: '其他' }

/** Messages of the clinical photos' refusals (electron/api/handlers/photos.ts). */
addErrorMessages({
  'zh-CN': {
    'error.photos.unavailable': '照片文件夹不可用，无法保存或读取照片（请在诊所电脑上的桌面程序中操作）',
    'error.photos.notImage': '「{name}」不是图片文件（只接受 JPEG、PNG、WebP）',
    'error.photos.heic': '「{name}」是 iPhone 的 HEIC 照片，请先导出为 JPEG 再导入（只接受 JPEG、PNG、WebP）',
    'error.photos.tooLarge': '「{name}」超过 25 MB，不能导入',
    'error.photos.duplicate': '「{name}」已导入过（{date} {kind}），已跳过',
    'error.photos.takenFuture': '拍摄日期不能晚于今天',
    'error.photos.cardNotOfClient': '所选疗程卡不属于该顾客',
    'error.photos.notFound': '找不到该照片（编号 {id}）',
    'error.photos.fileMissing': '照片文件不见了（{date} {kind}，编号 {id}），请从备份中恢复照片文件夹',
    'error.photos.fileDamaged': '照片文件已损坏，与导入时不一致（{date} {kind}，编号 {id}），请从备份中恢复',
    'error.photos.writeFailed': '照片「{name}」未能保存到磁盘（{reason}），未导入',
    'error.photos.alreadyHidden': '该照片已于 {date} 隐藏',
    'validation.clinicalPhoto': '照片数据无效',
    'validation.clinicalPhotoTooLarge': '照片不能超过 25 MB',
  },
  'en-US': {
    'error.photos.unavailable': 'The photos folder is not available; photos cannot be saved or read (use the desk app on the clinic PC)',
    'error.photos.notImage': '"{name}" is not an image file (only JPEG, PNG and WebP are accepted)',
    'error.photos.heic': '"{name}" is an iPhone HEIC photo; export it as JPEG first (only JPEG, PNG and WebP are accepted)',
    'error.photos.tooLarge': '"{name}" is larger than 25 MB and cannot be imported',
    'error.photos.duplicate': '"{name}" was already imported ({date} {kind}); skipped',
    'error.photos.takenFuture': 'The date taken cannot be after today',
    'error.photos.cardNotOfClient': 'The chosen treatment card is not this client’s',
    'error.photos.notFound': 'Photo not found (id {id})',
    'error.photos.fileMissing': 'The photo file is missing ({date} {kind}, id {id}); restore the photos folder from a backup',
    'error.photos.fileDamaged': 'The photo file is damaged and differs from the one imported ({date} {kind}, id {id}); restore it from a backup',
    'error.photos.writeFailed': 'The photo "{name}" could not be saved to disk ({reason}); it was not imported',
    'error.photos.alreadyHidden': 'This photo was hidden on {date}',
    'validation.clinicalPhoto': 'The photo data is not valid',
    'validation.clinicalPhotoTooLarge': 'A photo may be at most 25 MB',
  },
})
