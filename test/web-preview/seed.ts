import type { Dispatch } from '../../electron/api/dispatcher.ts'
import { LOCAL_DESK_OPERATOR } from '../../core/api/operator.ts'

/** A demo clinic for the web preview, written through the same API a receptionist uses. */
export async function seedDemoClinic(dispatch: Dispatch): Promise<void> {
  const call = async (method: string, input: unknown): Promise<void> => {
    const result = await dispatch(method, input, LOCAL_DESK_OPERATOR)
    if (!result.ok) throw new Error(`seed ${method}: ${result.error.message}`)
  }
  await call('settings.update', {
    clinicName: '丽颜医疗美容门诊部（演示）',
    clinicAddress: '上海市静安区南京西路 1266 号 5 楼',
    clinicPhone: '021-61234567',
  })
  const staff = [
    { name: '王静', role: 'consultant', phone: '13800000001', room: '1', skills: [] },
    { name: '李娜', role: 'consultant', phone: '13800000002', room: '2', skills: ['skin', 'injection', 'laser'] },
    { name: '陈晓', role: 'consultant', phone: '13800000003', room: '3', skills: [] },
    { name: '赵敏', role: 'consultant', phone: '13800000004', room: '4', skills: ['surgery', 'body'] },
    { name: '刘洋', role: 'consultant', phone: '13800000005', room: '5', skills: [] },
    { name: '周建国', role: 'doctor', phone: '13900000001', room: '专家 1', skills: ['surgery'] },
    { name: '孙丽', role: 'doctor', phone: '13900000002', room: '专家 2', skills: ['injection', 'laser', 'skin'] },
    { name: '吴婷', role: 'nurse', phone: '13700000001', room: '治疗室', skills: [] },
    { name: '郑佳', role: 'receptionist', phone: '13600000001', room: '前台', skills: [] },
  ]
  for (const member of staff) await call('staff.create', member)
}
