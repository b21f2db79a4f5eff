import { defineErrors } from '../../http/errors.js';

export const catalogueErrors = defineErrors({
  CATEGORY_NOT_FOUND: { status: 404, 'zh-CN': '产品类别不存在', en: 'Product category not found' },
  MODEL_NOT_FOUND: { status: 404, 'zh-CN': '机型不存在', en: 'Product model not found' },
  SPARE_PART_NOT_FOUND: { status: 404, 'zh-CN': '配件不存在', en: 'Spare part not found' },
  CATALOGUE_CODE_TAKEN: { status: 409, 'zh-CN': '编码 {code} 已被使用', en: 'The code {code} is already in use' },
  CATEGORY_INACTIVE: { status: 422, 'zh-CN': '产品类别已停用', en: 'The product category is inactive' },
  POLICY_USAGE_UNIT_MISMATCH: {
    status: 422,
    'zh-CN': '保修政策按{policyUnit}计算使用量,但机型的计量方式是{meterKind}',
    en: 'The policy counts usage in {policyUnit} but the model meters {meterKind}',
  },
});
