import { describe, expect, it } from 'vitest';
import { divisionPath, pathsToCodes } from './technicians.format';

describe('coverage codes', () => {
  it('turns a province, city or county code into its tree path', () => {
    expect(divisionPath('41')).toEqual(['41']);
    expect(divisionPath('4101')).toEqual(['41', '4101']);
    expect(divisionPath('410105')).toEqual(['41', '4101', '410105']);
  });

  it('keeps the deepest node of each chosen path, once', () => {
    expect(pathsToCodes([['41'], ['37', '3701'], ['37', '3701'], ['32', '3201', '320102']])).toEqual(['41', '3701', '320102']);
    expect(pathsToCodes([[]])).toEqual([]);
  });
});
