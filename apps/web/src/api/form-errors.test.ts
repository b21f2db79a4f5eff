import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from './api-error';
import { applyServerErrors } from './form-errors';

// Just enough of antd's FormInstance: registered field values and a setFields recorder.
function fakeForm(fields: string[]) {
  const set: { name: unknown; errors: string[] }[] = [];
  const form = {
    getFieldsValue: () => Object.fromEntries(fields.map((f) => [f, undefined])),
    setFields: (entries: { name: unknown; errors: string[] }[]) => set.push(...entries),
  } as unknown as FormInstance;
  return { form, set };
}

const validation = (issues: { path: (string | number)[]; message: string }[]) =>
  new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '请求数据不合法', details: { issues } });

describe('applyServerErrors', () => {
  it('maps issues onto fields, dropping the request location prefix', () => {
    const { form, set } = fakeForm(['code', 'name']);
    const unmatched = applyServerErrors(
      form,
      validation([
        { path: ['body', 'code'], message: '太短' },
        { path: ['body', 'code'], message: '只能包含字母' },
        { path: ['name'], message: '必填' },
      ]),
    );
    expect(unmatched).toEqual([]);
    expect(set).toEqual([
      { name: ['code'], errors: ['太短', '只能包含字母'] },
      { name: ['name'], errors: ['必填'] },
    ]);
  });

  it('puts an array element error on the whole field', () => {
    const { form, set } = fakeForm(['roles']);
    applyServerErrors(form, validation([{ path: ['body', 'roles', 2], message: '无效角色' }]));
    expect(set).toEqual([{ name: ['roles'], errors: ['无效角色'] }]);
  });

  it('returns messages for paths that are not form fields', () => {
    const { form } = fakeForm(['name']);
    expect(applyServerErrors(form, validation([{ path: ['body', 'version'], message: '版本缺失' }]))).toEqual(['版本缺失']);
  });

  it('maps a module error code to its field', () => {
    const { form, set } = fakeForm(['code']);
    const err = new ApiError({ status: 409, code: 'ORG_CODE_TAKEN', message: '组织编码 X 已被使用' });
    expect(applyServerErrors(form, err, { ORG_CODE_TAKEN: 'code' })).toEqual([]);
    expect(set).toEqual([{ name: 'code', errors: ['组织编码 X 已被使用'] }]);
  });

  it('returns the message of any other error', () => {
    const { form } = fakeForm(['code']);
    const err = new ApiError({ status: 403, code: 'FORBIDDEN', message: '无权操作' });
    expect(applyServerErrors(form, err)).toEqual(['无权操作']);
  });
});
