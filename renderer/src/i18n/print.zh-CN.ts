/** Messages of print preview and printing. en-US mirrors this shape. */
export const printZh = {
  preview: '打印预览',
  previewTitle: '打印预览 · {title}',
  printer: '打印机',
  systemDialog: '选择打印机（系统打印对话框）',
  paper: '纸张',
  copies: '份数',
  print: '打印',
  savePdf: '保存为 PDF',
  close: '关闭',
  printing: '正在打印…',
  printed: '已发送到打印机',
  savedPdf: '已保存 PDF：{path}',
  cancelled: '已取消打印',
  previewHint: '网页预览中由浏览器打印：在打印对话框中选择打印机，或选“另存为 PDF”。',
  previewNote: '预览按纸张排版；分页与页码以实际打印为准。',
}
