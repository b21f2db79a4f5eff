import {
  airConditionerPolicy, companyStandardPolicy, tractorPolicy, warrantyDates, toShanghaiDate,
  type MainPart, type MeterKind, type WarrantyPolicy,
} from '@sht/domain';
import type { Db } from '../database.js';
import { newId } from '../ids.js';

// The demo catalogue and ~40 sold units of the demo customers: excavators for builders and
// plant-hire firms, harvesters and tractors for co-ops and grain farmers, air conditioners and a
// building low-voltage system for the group customer. Dates are relative to the seed day.

// Construction machinery is sold with a maker's promise (no statute): 12 months or 2,000 hours,
// main parts 24 months or 4,000 hours, from acceptance.
const excavatorPolicy: WarrantyPolicy = {
  name: '挖掘机整机保修(12 个月/2000 小时)',
  scope: { kind: 'category', code: 'EXCAVATOR' },
  source: '江淮重工工程机械保修承诺',
  startEvent: 'acceptance',
  usageUnit: 'hour',
  returnWindows: [],
  replaceWindows: [{ days: 30, condition: 'main_part_replacement' }],
  wholeUnit: { months: 12, usageLimit: 2000 },
  mainParts: [{ name: '发动机', months: 24, usageLimit: 4000 }, { name: '液压泵', months: 24, usageLimit: 4000 }],
  exclusions: { voidingKinds: ['misuse', 'unauthorised_repair', 'modification'], wearParts: ['斗齿', '滤芯', '履带板', '密封件'] },
  afterWarranty: 'paid',
};

const harvesterPolicy: WarrantyPolicy = {
  ...tractorPolicy,
  name: '联合收割机三包(农机 2010 规定)',
  scope: { kind: 'category', code: 'HARVESTER' },
  mainParts: [{ name: '内燃机机体', months: 24 }, { name: '变速箱箱体', months: 24 }, { name: '机架', months: 24 }],
  repeatedRepair: { rules: [{ kind: 'single_repair_days', moreThanDays: 42, remedy: 'replace' }] },
};

type DemoCategory = { code: string; name: string; policy: WarrantyPolicy | null };
const categories: DemoCategory[] = [
  { code: 'EXCAVATOR', name: '履带式液压挖掘机', policy: excavatorPolicy },
  { code: 'HARVESTER', name: '联合收割机', policy: harvesterPolicy },
  { code: 'TRACTOR', name: '拖拉机', policy: { ...tractorPolicy, scope: { kind: 'category', code: 'TRACTOR' } } },
  { code: 'AIRCON', name: '空调', policy: { ...airConditionerPolicy, scope: { kind: 'category', code: 'AIRCON' } } },
  { code: 'LOWVOLT', name: '弱电系统', policy: { ...companyStandardPolicy, scope: { kind: 'category', code: 'LOWVOLT' } } },
];

const part = (code: string, name: string): MainPart => ({ code, name });
type DemoModel = { code: string; name: string; category: string; meter: MeterKind; parts: MainPart[] };
const models: DemoModel[] = [
  { code: 'ZY210', name: 'ZY210 履带式液压挖掘机', category: 'EXCAVATOR', meter: 'hours', parts: [part('ZY-ENG', '发动机'), part('ZY-HP', '液压泵'), part('ZY-SM', '回转马达'), part('ZY-TM', '行走马达')] },
  { code: 'ZY360', name: 'ZY360 大型履带式液压挖掘机', category: 'EXCAVATOR', meter: 'hours', parts: [part('ZY-ENG', '发动机'), part('ZY-HP', '液压泵'), part('ZY-MV', '主控阀')] },
  { code: '4LZ-6', name: '4LZ-6 谷物联合收割机', category: 'HARVESTER', meter: 'hours', parts: [part('LZ-ENG', '内燃机机体'), part('LZ-GB', '变速箱箱体'), part('LZ-FR', '机架'), part('LZ-TH', '脱粒滚筒')] },
  { code: 'JH-1204', name: 'JH-1204 轮式拖拉机', category: 'TRACTOR', meter: 'hours', parts: [part('TR-ENG', '内燃机机体'), part('TR-HD', '汽缸盖'), part('TR-GB', '变速箱箱体'), part('TR-AX', '半轴壳体')] },
  { code: 'KFR-72LW', name: 'KFR-72LW 柜式空调', category: 'AIRCON', meter: 'none', parts: [part('AC-CP', '压缩机'), part('AC-MT', '电动机')] },
  { code: 'RD-BAS', name: 'RD-BAS 楼宇弱电集成系统', category: 'LOWVOLT', meter: 'none', parts: [part('RD-SW', '核心交换机'), part('RD-NVR', '监控存储主机')] },
];

type DemoSpare = { code: string; name: string; unit: string; priceFen: number; isWear: boolean; models: string[] };
const spares: DemoSpare[] = [
  { code: 'SP-ZY-BT01', name: '斗齿(标准型)', unit: '个', priceFen: 18_500, isWear: true, models: ['ZY210', 'ZY360'] },
  { code: 'SP-ZY-FL02', name: '液压油滤芯', unit: '个', priceFen: 26_000, isWear: true, models: ['ZY210', 'ZY360'] },
  { code: 'SP-ZY-HP10', name: '主液压泵总成', unit: '台', priceFen: 3_860_000, isWear: false, models: ['ZY210'] },
  { code: 'SP-LZ-BL01', name: '割刀动刀片', unit: '片', priceFen: 1_200, isWear: true, models: ['4LZ-6'] },
  { code: 'SP-LZ-VB02', name: '脱粒三角带', unit: '条', priceFen: 9_800, isWear: true, models: ['4LZ-6', 'JH-1204'] },
  { code: 'SP-TR-CL01', name: '离合器总成', unit: '套', priceFen: 168_000, isWear: false, models: ['JH-1204'] },
  { code: 'SP-AC-CP01', name: '涡旋压缩机', unit: '台', priceFen: 126_000, isWear: false, models: ['KFR-72LW'] },
];

// [customer name, model, serial, sale days ago, hours on the meter today (0: none)]
type DemoUnit = [string, string, string, number, number];
const units: DemoUnit[] = [
  ['张三农业合作社', '4LZ-6', '4LZ6-2024-00312', 520, 610], ['张三农业合作社', 'JH-1204', 'JH1204-2025-00041', 120, 260],
  ['陆建明', '4LZ-6', '4LZ6-2025-00088', 200, 180], ['常熟市虞丰家庭农场', 'JH-1204', 'JH1204-2023-00977', 900, 2100],
  ['常熟市虞丰家庭农场', '4LZ-6', '4LZ6-2025-00131', 60, 40], ['沈金根', 'JH-1204', 'JH1204-2024-00502', 400, 720],
  ['南京宁建工程机械租赁有限公司', 'ZY210', 'ZY210-2024-00123', 430, 2350], ['南京宁建工程机械租赁有限公司', 'ZY210', 'ZY210-2025-00219', 150, 980],
  ['南京宁建工程机械租赁有限公司', 'ZY360', 'ZY360-2025-00017', 90, 520], ['江苏长江路桥建设集团有限公司', 'ZY360', 'ZY360-2024-00008', 610, 3100],
  ['单国强', 'ZY210', 'ZY210-2025-00301', 45, 210], ['杭州萧山红垦农机专业合作社', '4LZ-6', '4LZ6-2024-00207', 560, 690],
  ['杭州萧山红垦农机专业合作社', 'JH-1204', 'JH1204-2025-00102', 240, 330], ['浙江钱塘建设工程有限公司', 'ZY210', 'ZY210-2023-00456', 800, 4200],
  ['曾庆丰', 'JH-1204', 'JH1204-2025-00188', 30, 25], ['桐乡市乌镇粮油合作社', '4LZ-6', '4LZ6-2025-00160', 100, 90],
  ['藁城区丰收农机服务专业合作社', '4LZ-6', '4LZ6-2024-00044', 480, 900], ['藁城区丰收农机服务专业合作社', '4LZ-6', '4LZ6-2024-00045', 480, 870],
  ['藁城区丰收农机服务专业合作社', 'JH-1204', 'JH1204-2024-00390', 300, 510], ['赵铁柱', 'JH-1204', 'JH1204-2025-00215', 20, 12],
  ['辛集市冀中建筑工程有限公司', 'ZY210', 'ZY210-2024-00388', 350, 1650], ['张永利', '4LZ-6', '4LZ6-2023-00711', 760, 1300],
  ['清苑区绿源种植专业合作社', '4LZ-6', '4LZ6-2025-00059', 180, 160], ['清苑区绿源种植专业合作社', 'JH-1204', 'JH1204-2023-00620', 1000, 2600],
  ['涿州市京南土石方工程有限公司', 'ZY360', 'ZY360-2025-00033', 200, 1400], ['涿州市京南土石方工程有限公司', 'ZY210', 'ZY210-2024-00177', 500, 2900],
  ['王二小', 'JH-1204', 'JH1204-2024-00833', 380, 640], ['解长青', '4LZ-6', '4LZ6-2025-00176', 75, 70],
  ['天津武清津北建设工程有限公司', 'ZY210', 'ZY210-2025-00240', 160, 1100], ['天津武清津北建设工程有限公司', 'ZY360', 'ZY360-2024-00021', 420, 2200],
  ['宝坻区潮白河农机合作社', '4LZ-6', '4LZ6-2024-00266', 450, 620], ['孟庆海', 'JH-1204', 'JH1204-2025-00007', 330, 450],
  ['成都天府建工机械有限公司', 'ZY210', 'ZY210-2025-00012', 300, 1900], ['成都天府建工机械有限公司', 'ZY360', 'ZY360-2025-00041', 40, 160],
  ['郫都区岷江农机专业合作社', 'JH-1204', 'JH1204-2024-00711', 530, 800], ['绵阳涪江水利工程有限公司', 'ZY210', 'ZY210-2024-00499', 390, 1750],
  ['何长贵', '4LZ-6', '4LZ6-2025-00201', 140, 150], ['三台县丰谷粮食种植专业合作社', '4LZ-6', '4LZ6-2024-00350', 600, 880],
  ['安徽江淮建工集团有限公司', 'RD-BAS', 'RDBAS-2024-0003', 650, 0], ['安徽江淮建工集团有限公司', 'KFR-72LW', 'KFR72LW-2025-118830', 210, 0],
  ['许家富', 'KFR-72LW', 'KFR72LW-2024-097215', 700, 0],
];

/** Inserts the demo catalogue and units (called inside the demo seed's transaction, after the customers). */
export async function seedDemoEquipment(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  const today = toShanghaiDate(at);
  const categoryIds = new Map<string, string>();
  for (const c of categories) {
    const id = newId();
    categoryIds.set(c.code, id);
    await db.insertInto('product_categories').values({
      id, code: c.code, name: c.name, policy_json: c.policy ? JSON.stringify(c.policy) : null, is_active: 1, version: 1, created_at: at, updated_at: at,
    }).execute();
  }
  const modelIds = new Map<string, string>();
  for (const m of models) {
    const id = newId();
    modelIds.set(m.code, id);
    await db.insertInto('product_models').values({
      id, code: m.code, name: m.name, category_id: categoryIds.get(m.category) ?? '', meter_kind: m.meter, main_parts_json: JSON.stringify(m.parts),
      policy_json: null, is_active: 1, version: 1, created_at: at, updated_at: at,
    }).execute();
  }
  for (const s of spares) {
    const id = newId();
    await db.insertInto('spare_parts').values({
      id, code: s.code, name: s.name, unit: s.unit, price_fen: s.priceFen, is_wear_part: s.isWear ? 1 : 0, is_active: 1, version: 1, created_at: at, updated_at: at,
    }).execute();
    await db.insertInto('spare_part_models').values(s.models.map((code) => ({ part_id: id, model_id: modelIds.get(code) ?? '' }))).execute();
  }
  const customers = await db.selectFrom('customers').innerJoin('orgs', 'orgs.id', 'customers.org_id')
    .select(['customers.id', 'customers.name', 'customers.address', 'orgs.id as org_id', 'orgs.kind as org_kind']).execute();
  const byName = new Map(customers.map((c) => [c.name, c]));
  for (const [name, modelCode, serial, daysAgo, hours] of units) {
    const customer = byName.get(name);
    const model = models.find((m) => m.code === modelCode);
    if (!customer || !model) throw new Error(`demo unit ${serial}: unknown customer or model`);
    const id = newId();
    const saleDate = warrantyDates.addDays(today, -daysAgo);
    const installed = warrantyDates.addDays(saleDate, 3);
    await db.insertInto('equipment_units').values({
      id, serial_no: serial, model_id: modelIds.get(modelCode) ?? '', customer_id: customer.id,
      outlet_org_id: customer.org_kind === 'outlet' ? customer.org_id : null,
      site_address: customer.address, site_province_code: null, site_city_code: null, site_county_code: null,
      sale_date: saleDate, delivery_date: warrantyDates.addDays(saleDate, 2), installation_date: installed,
      acceptance_date: warrantyDates.addDays(installed, model.category === 'LOWVOLT' ? 30 : 1), warranty_start_event: null,
      status: daysAgo > 800 ? 'idle' : 'in_service', notes: null, version: 1, created_at: at, updated_at: at,
    }).execute();
    if (hours > 0) {
      // Two readings: half-way through and a week ago.
      const readings = [[Math.floor(daysAgo / 2), Math.round(hours / 2)], [7, hours]] as const;
      for (const [ago, value] of readings) {
        await db.insertInto('equipment_readings').values({
          id: newId(), unit_id: id, reading_date: warrantyDates.addDays(today, -ago), value, note: null, recorded_by: null, created_at: at,
        }).execute();
      }
    }
    if (serial === 'ZY210-2024-00123') {
      await db.insertInto('equipment_contracts').values({
        id: newId(), unit_id: id, kind: 'extended_warranty', contract_no: 'YB-2025-0017', name: '液压系统延保 1 年',
        start_date: warrantyDates.addDays(saleDate, 365), end_date: warrantyDates.addDays(saleDate, 729),
        covered_parts_json: JSON.stringify(['液压泵']), usage_limit: 5000, price_fen: 1_280_000, created_at: at,
      }).execute();
    }
  }
}
