import { scopeFor, type CreateWorkOrderInput, type Role, type ServiceReportInput, type TransitionInput } from '@sht/domain';
import type { Db } from '../database.js';
import type { ServiceContext } from '../../context.js';
import { createWorkOrder, transitionWorkOrder } from '../../modules/workorders/workorders.service.js';
import { saveServiceReport } from '../../modules/workorders/workorders.report.service.js';
import { createComplaintRule, respondToComplaint } from '../../modules/workorders/workorders.complaints.service.js';

// Demo work orders, made through the same services the API uses (so their events, SLA rows and
// notifications are real), at instants in the past: a finished repair, orders on the way, one
// waiting for parts, a routed service-quality complaint, and one that has run out of time.

const HOUR = 3_600_000;

async function actorCtx(db: Db, username: string, now: Date): Promise<ServiceContext> {
  const u = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.name', 'users.org_id', 'orgs.name as org_name', 'orgs.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute()).map((r) => r.role as Role);
  return {
    actor: {
      userId: u.id, username: u.username, name: u.name, orgId: u.org_id, orgName: u.org_name, orgPath: u.path, roles, scope: scopeFor(roles, u.path),
      via: 'session', sessionId: null, tokenId: null, csrfToken: null, mustChangePassword: false,
    },
    requestId: 'demo-seed',
    ip: null,
    now,
  };
}

const id = async (db: Db, table: 'customers' | 'equipment_units' | 'users' | 'orgs' | 'spare_parts', column: 'name' | 'serial_no' | 'username' | 'code', value: string) =>
  (await db.selectFrom(table).select('id').where(column as never, '=', value as never).executeTakeFirstOrThrow() as { id: string }).id;

type Step = [username: string, hoursAgo: number, step: Omit<TransitionInput, 'version'> & Record<string, unknown>];

export async function seedDemoWorkOrders(db: Db, now: Date, repeatRepairDays = 30): Promise<number> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const rates = { labourFenPerHour: 12_000, travelFenPerKm: 300 };
  const admin = await actorCtx(db, 'admin', at(24 * 30));
  await createComplaintRule(db, admin, {
    name: '大客户投诉 → 客户服务部', position: 1, category: null, regionOrgId: null, customerGrade: null, customerTag: '大客户', targetOrgId: await id(db, 'orgs', 'code', 'HQ'), active: true,
  });
  await createComplaintRule(db, admin, {
    name: '技术类投诉 → 客户服务部技术组', position: 10, category: 'technical', regionOrgId: null, customerGrade: null, customerTag: null, targetOrgId: await id(db, 'orgs', 'code', 'HQ'), active: true,
  });
  for (const region of ['R-EAST', 'R-NORTH', 'R-SW']) {
    const orgId = await id(db, 'orgs', 'code', region);
    await createComplaintRule(db, admin, {
      name: `服务质量投诉 → ${region === 'R-EAST' ? '华东' : region === 'R-NORTH' ? '华北' : '西南'}服务中心`, position: 20, category: 'service_quality',
      regionOrgId: orgId, customerGrade: null, customerTag: null, targetOrgId: orgId, active: true,
    });
  }

  async function order(agent: string, hoursAgo: number, input: CreateWorkOrderInput, steps: Step[], report?: { by: string; hoursAgo: number; input: Omit<ServiceReportInput, 'version'> }) {
    let current = await createWorkOrder(db, await actorCtx(db, agent, at(hoursAgo)), input, { repeatRepairDays });
    for (const [username, ago, step] of steps) {
      if (report && ago <= report.hoursAgo && step.action === 'resolve') {
        await saveServiceReport(db, await actorCtx(db, report.by, at(report.hoursAgo)), current.id, { ...report.input, version: current.version }, { rates }, 'zh-CN');
        current = { ...current, version: current.version + 1 };
      }
      current = await transitionWorkOrder(db, await actorCtx(db, username, at(ago)), current.id, { ...step, version: current.version } as TransitionInput);
    }
    return current;
  }

  const customer = (name: string) => id(db, 'customers', 'name', name);
  const unit = (serial: string) => id(db, 'equipment_units', 'serial_no', serial);
  const user = (username: string) => id(db, 'users', 'username', username);
  const defaults = { priority: 'normal', channel: 'hotline' } as const;

  // 1. A harvester repair from last month, out of warranty (paid), done and closed.
  await order('lixiuying', 24 * 20, {
    ...defaults, type: 'repair', customerId: await customer('沈金根'), equipmentId: await unit('JH1204-2024-00502'),
    title: '收割机离合器打滑', description: '麦收作业中离合器打滑,动力传不到割台', faultCategory: '离合器', callerName: '沈金根', callerPhone: '13914030031',
  }, [
    ['lixiuying', 24 * 20 - 0.2, { action: 'accept' }],
    ['wuhaitao', 24 * 20 - 0.5, { action: 'dispatch', assigneeId: await user('huanglei') }],
    ['huanglei', 24 * 20 - 1, { action: 'start_travel', position: { lat: 31.26, lng: 120.63 } }],
    ['huanglei', 24 * 20 - 2.5, { action: 'arrive', position: { lat: 31.39, lng: 120.98 } }],
    ['huanglei', 24 * 20 - 5, { action: 'resolve', diagnosis: { symptom: '离合器打滑', cause: '离合器摩擦片烧蚀', action: '更换离合器总成并调整分离间隙' } }],
    ['huanglei', 24 * 20 - 5.2, { action: 'confirm', method: 'signature' }],
    ['lixiuying', 24 * 19, { action: 'close' }],
  ], {
    by: 'huanglei', hoursAgo: 24 * 20 - 4.8,
    input: {
      parts: [{ partId: await id(db, 'spare_parts', 'code', 'SP-TR-CL01'), quantity: 1, oldPartReturned: true }], mainPartReplaced: null, faultCode: 'CLUTCH-SLIP',
      isSeriousFault: false, labourHours: 2.5, travelKm: 36, testRun: { passed: true, note: '试割 20 分钟正常' }, liability: 'quality_defect', compensationFen: 0,
    },
  });

  // 2. An excavator that will not start: the technician is on the way.
  await order('zhangli', 3, {
    ...defaults, type: 'repair', priority: 'high', customerId: await customer('南京宁建工程机械租赁有限公司'), equipmentId: await unit('ZY210-2025-00219'),
    title: '挖掘机无法启动', description: '早上冷车启动无反应,仪表报警', faultCategory: '发动机', callerName: '周立新', callerPhone: '13851730041',
  }, [
    ['zhangli', 2.9, { action: 'accept' }],
    ['qianguoping', 2.5, { action: 'dispatch', assigneeId: await user('qianguoping') }],
    ['qianguoping', 2, { action: 'start_travel', position: { lat: 31.93, lng: 118.84 } }],
  ]);

  // 3. New from the hotline, not yet taken up.
  await order('lixiuying', 0.3, {
    ...defaults, type: 'repair', customerId: await customer('单国强'), equipmentId: await unit('ZY210-2025-00301'),
    title: '回转时有异响', description: '回转时底盘有金属摩擦声,越来越响', faultCategory: '回转', callerName: '单国强', callerPhone: '13813930061',
  }, []);

  // 4. Waiting for a hydraulic pump from the regional warehouse.
  await order('zhangli', 30, {
    ...defaults, type: 'repair', customerId: await customer('江苏长江路桥建设集团有限公司'), equipmentId: await unit('ZY360-2024-00008'),
    title: '动臂提升无力', description: '满载时动臂提升缓慢,油温偏高', faultCategory: '液压系统', callerName: '孙海峰', callerPhone: '13905150051',
  }, [
    ['zhangli', 29.8, { action: 'accept' }],
    ['qianguoping', 29, { action: 'dispatch', assigneeId: await user('qianguoping') }],
    ['qianguoping', 27, { action: 'arrive', position: { lat: 32.1, lng: 118.9 } }],
    ['qianguoping', 26, { action: 'wait_parts', reason: '主液压泵内泄,已向华东服务中心调拨泵总成' }],
  ]);

  // 5. A service-quality complaint about an outlet, routed to its regional centre and answered.
  const complaint = await order('lixiuying', 20, {
    ...defaults, type: 'complaint', customerId: await customer('陆建明'), title: '维修人员迟到且态度差', description: '约定上午到场,下午三点才到,未作解释',
    callerName: '陆建明', callerPhone: '13962130011', complaint: { category: 'service_quality', atFaultOrgId: await id(db, 'orgs', 'code', 'O-SZWZ') },
  }, [['chenzhigang', 19, { action: 'accept' }]]);
  await respondToComplaint(db, await actorCtx(db, 'chenzhigang', at(18)), complaint.id, {
    explanation: '当日站内两名工程师均在外抢修,派工顺延未通知机主', apology: '已由站长电话致歉并上门回访', improvement: '派工顺延须在 30 分钟内电话告知客户,并纳入网点考核', version: complaint.version,
  });

  // 6. A consultation settled on the phone.
  await order('zhangli', 6, {
    ...defaults, type: 'consultation', customerId: await customer('曾庆丰'), title: '新机磨合期保养咨询', description: '询问新收割机磨合期多少小时换机油',
    callerName: '曾庆丰', callerPhone: '13867410091',
  }, [
    ['zhangli', 5.9, { action: 'accept' }],
    ['zhangli', 5.8, { action: 'resolve', diagnosis: { symptom: '磨合期保养咨询', cause: '新机用户不了解磨合期要求', action: '告知磨合 50 小时后更换机油机滤,并寄送保养手册' } }],
  ]);

  // 7. A northern order nobody took up in time: its response promise is breached.
  await order('lixiuying', 60, {
    ...defaults, type: 'repair', customerId: await customer('藁城区丰收农机服务专业合作社'), equipmentId: await unit('4LZ6-2024-00044'),
    title: '割台搅龙卡滞', description: '割台搅龙转动卡顿,有异响', faultCategory: '割台', callerName: '李强', callerPhone: '13833110112',
  }, []);

  // 8. Maintenance in the south-west, dispatched to 马超.
  await order('lixiuying', 10, {
    ...defaults, type: 'maintenance', priority: 'low', customerId: await customer('成都天府建工机械有限公司'), equipmentId: await unit('ZY210-2025-00012'),
    title: '2000 小时保养', description: '到达 2000 小时保养节点,需更换液压油滤芯', callerName: '罗明', callerPhone: '13880210221',
  }, [
    ['jiangtao', 9, { action: 'dispatch', assigneeId: await user('machao') }],
  ]);
  return 8;
}
