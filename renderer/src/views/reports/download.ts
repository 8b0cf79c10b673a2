export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Decodes base64 (as the API sends files) into bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Saves a file the API produced: a Blob behind a temporary <a download>. Electron shows its save dialog
 * (no navigation happens, so the navigation guard is not involved); a browser downloads it.
 */
export function downloadFile(fileName: string, base64: string, type = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
