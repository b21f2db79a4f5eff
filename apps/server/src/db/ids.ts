import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const bool = (v: boolean): number => (v ? 1 : 0);
