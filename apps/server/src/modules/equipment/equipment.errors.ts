import { defineErrors } from '../../http/errors.js';

export const equipmentErrors = defineErrors({
  EQUIPMENT_NOT_FOUND: { status: 404, 'zh-CN': '设备不存在', en: 'Equipment unit not found' },
  SERIAL_NO_TAKEN: { status: 409, 'zh-CN': '出厂编号 {serialNo} 已登记', en: 'Serial number {serialNo} is already registered' },
  EQUIPMENT_DATES_OUT_OF_ORDER: {
    status: 422,
    'zh-CN': '日期顺序不正确:{field} 不能早于 {previous}',
    en: 'Dates out of order: {field} must not be before {previous}',
  },
  METER_NOT_TRACKED: { status: 422, 'zh-CN': '该机型不记录使用量(小时/公里)', en: 'This model has no usage meter (hours/km)' },
  READING_DECREASES: {
    status: 422,
    'zh-CN': '读数 {value} 小于 {date} 已登记的读数 {previous},表读数不能倒退',
    en: 'Reading {value} is lower than {previous} recorded on {date}; meter readings cannot go backwards',
  },
  READING_EXCEEDS_LATER: {
    status: 422,
    'zh-CN': '读数 {value} 大于之后 {date} 已登记的读数 {next}',
    en: 'Reading {value} is higher than {next} recorded later on {date}',
  },
  READING_IN_FUTURE: { status: 422, 'zh-CN': '读数日期不能晚于今天', en: 'A reading cannot be dated in the future' },
  READING_BEFORE_SALE: { status: 422, 'zh-CN': '读数日期不能早于销售日期', en: 'A reading cannot be dated before the sale date' },
  TRANSFER_SAME_OWNER: { status: 422, 'zh-CN': '新机主与当前机主相同', en: 'The new owner is the current owner' },
  TRANSFER_BEFORE_SALE: { status: 422, 'zh-CN': '过户日期不能早于销售日期或上一次过户', en: 'A transfer cannot be dated before the sale or the previous transfer' },
  CONTRACT_PART_UNKNOWN: { status: 422, 'zh-CN': '{part} 不是该机型的主要部件', en: '{part} is not a main part of this model' },
  CONTRACT_USAGE_WITHOUT_METER: { status: 422, 'zh-CN': '该机型不计使用量,合同不能设置使用量上限', en: 'This model has no usage meter; a contract cannot limit usage' },
  WARRANTY_POLICY_MISSING: {
    status: 422,
    'zh-CN': '机型 {model} 及其类别未设置三包政策',
    en: 'Neither model {model} nor its category has a warranty policy',
  },
});
