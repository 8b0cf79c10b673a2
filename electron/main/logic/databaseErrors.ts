/**
 * What the app tells the user when the database cannot be opened. Every message is in Chinese and English
 * (settings live in the database, so the language is not known yet), says that nothing was changed, and
 * never offers to delete, reset or recreate data.
 */
export interface StartupDialog {
  title: string
  message: string
  detail: string
}

export function databaseErrorDialog(error: unknown, databasePath: string): StartupDialog {
  const name = error instanceof Error ? error.name : ''
  const technical = error instanceof Error ? error.message : String(error)
  const where = `数据库文件 / Database file:\n${databasePath}`
  const untouched = '文件未被修改。 / The file has not been changed.'
  switch (name) {
    case 'DatabaseTooNewError':
      return {
        title: '需要更新版本 / Newer version needed',
        message:
          '此数据库由更新版本的医美前台创建，请安装更新版本后再打开。\n' +
          'The database was made by a newer version of the app. Please install the newer version.',
        detail: `${untouched}\n\n${where}\n\n${technical}`,
      }
    case 'MigrationFailedError':
      return {
        title: '数据库升级失败 / Database upgrade failed',
        message:
          '升级数据库时出错，数据库已保持升级前的状态。请联系技术支持。\n' +
          'Upgrading the database failed; it was left as it was before the upgrade. Please contact support.',
        detail: `${untouched}\n\n${where}\n\n${technical}`,
      }
    case 'DatabaseCorruptError':
      return {
        title: '数据库检查未通过 / Database check failed',
        message:
          '数据库完整性检查未通过。请勿继续使用此文件，请联系技术支持并准备最近的备份。\n' +
          'The database failed its integrity check. Do not keep using this file; contact support and have your latest backup ready.',
        detail: `${untouched}\n\n${where}\n\n${technical}`,
      }
    case 'NotOurDatabaseError':
      return {
        title: '无法识别的数据库 / Unrecognised database',
        message:
          '该文件不是医美前台的数据库。请确认文件位置，或联系技术支持。\n' +
          'This file is not a database of this app. Check the file location or contact support.',
        detail: `${untouched}\n\n${where}\n\n${technical}`,
      }
    default:
      return {
        title: '无法打开数据库 / Cannot open the database',
        message:
          '打开数据库时出错，程序将退出。请联系技术支持。\n' +
          'The database could not be opened and the app will quit. Please contact support.',
        detail: `${where}\n\n${technical}`,
      }
  }
}
