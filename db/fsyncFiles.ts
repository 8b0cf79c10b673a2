import { open } from 'node:fs/promises'

/** fsync of a file (opened for writing: Windows flushes only a handle that can write). */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** fsync of a folder, so a rename in it survives power loss; Windows cannot open folders and needs none. */
export async function fsyncFolder(folder: string): Promise<void> {
  let handle
  try {
    handle = await open(folder, 'r')
  } catch {
    return
  }
  try {
    await handle.sync()
  } catch {
    // EISDIR / EPERM / EINVAL where folders cannot be synced.
  } finally {
    await handle.close()
  }
}
