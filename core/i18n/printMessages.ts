import { addErrorMessages } from './errorMessages.ts'

/** Messages of printing through the desktop app. */
addErrorMessages({
  'zh-CN': {
    'print.unavailable': '网页预览中无法直接打印，请用浏览器的打印对话框（可选“另存为 PDF”）',
    'print.failed': '打印失败：{reason}',
    'print.noPrinter': '找不到打印机“{name}”，请重新选择',
    'validation.fileName': '文件名须以 .pdf 结尾，且不能含 \\ / : * ? " < > |',
  },
  'en-US': {
    'print.unavailable': 'The web preview cannot print by itself; use the browser’s print dialog (it can save as PDF)',
    'print.failed': 'Printing failed: {reason}',
    'print.noPrinter': 'Printer "{name}" was not found; choose another',
    'validation.fileName': 'A file name ends in .pdf and has none of \\ / : * ? " < > |',
  },
})
