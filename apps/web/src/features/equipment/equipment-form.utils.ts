import dayjs, { type Dayjs } from 'dayjs';
import {
  equipmentDateIssues,
  type CreateEquipmentInput,
  type Equipment,
  type EquipmentStatus,
  type UpdateEquipmentInput,
  type WarrantyStartEvent,
} from '@sht/domain';

/** The unit form as antd holds it: dates as dayjs, the site as one address line. */
export type EquipmentFormValues = {
  serialNo?: string;
  modelId?: string;
  customerId?: string;
  outletOrgId?: string | null;
  siteAddress?: string;
  saleDate?: Dayjs | null;
  deliveryDate?: Dayjs | null;
  installationDate?: Dayjs | null;
  acceptanceDate?: Dayjs | null;
  warrantyStartEvent?: WarrantyStartEvent | null;
  status?: EquipmentStatus;
  notes?: string;
};

export const dateFields = ['saleDate', 'deliveryDate', 'installationDate', 'acceptanceDate'] as const;
type DateField = (typeof dateFields)[number];

/** A picked day as the API's calendar date (YYYY-MM-DD); nothing picked → null. */
export function toLocalDate(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format('YYYY-MM-DD') : null;
}

export function fromLocalDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}

export function toFormValues(unit: Equipment): EquipmentFormValues {
  return {
    serialNo: unit.serialNo,
    modelId: unit.modelId,
    customerId: unit.customerId,
    outletOrgId: unit.outletOrgId,
    siteAddress: unit.site?.address ?? '',
    saleDate: fromLocalDate(unit.saleDate),
    deliveryDate: fromLocalDate(unit.deliveryDate),
    installationDate: fromLocalDate(unit.installationDate),
    acceptanceDate: fromLocalDate(unit.acceptanceDate),
    warrantyStartEvent: unit.warrantyStartEvent,
    status: unit.status,
    notes: unit.notes ?? '',
  };
}

/** Which date of the form breaks "sale ≤ delivery ≤ installation ≤ acceptance" (the server's rule). */
export function dateOrderIssue(values: EquipmentFormValues, field: DateField): boolean {
  const dates = Object.fromEntries(dateFields.map((f) => [f, toLocalDate(values[f])])) as Record<DateField, string | null>;
  return equipmentDateIssues({ ...dates, saleDate: dates.saleDate ?? undefined }).some((issue) => issue.path[0] === field);
}

export function toCreateInput(values: EquipmentFormValues): CreateEquipmentInput {
  const address = values.siteAddress?.trim();
  const notes = values.notes?.trim();
  return {
    serialNo: (values.serialNo ?? '').trim(),
    modelId: values.modelId ?? '',
    customerId: values.customerId ?? '',
    outletOrgId: values.outletOrgId ?? null,
    site: address ? { address } : null,
    saleDate: toLocalDate(values.saleDate) ?? '',
    deliveryDate: toLocalDate(values.deliveryDate),
    installationDate: toLocalDate(values.installationDate),
    acceptanceDate: toLocalDate(values.acceptanceDate),
    warrantyStartEvent: values.warrantyStartEvent ?? null,
    status: values.status ?? 'in_service',
    ...(notes ? { notes } : {}),
  };
}

/** Only what changed, plus the version the edit was based on (the owner changes by transfer only). */
export function toUpdateInput(current: Equipment, values: EquipmentFormValues): UpdateEquipmentInput {
  const next = toCreateInput(values);
  const input: UpdateEquipmentInput = { version: current.version };
  if (next.modelId !== current.modelId) input.modelId = next.modelId;
  if (next.outletOrgId !== current.outletOrgId) input.outletOrgId = next.outletOrgId;
  if ((next.site?.address ?? null) !== (current.site?.address ?? null)) {
    // Keep the division codes of an address that was only re-worded.
    input.site = next.site && current.site
      ? {
          address: next.site.address,
          ...(current.site.provinceCode ? { provinceCode: current.site.provinceCode } : {}),
          ...(current.site.cityCode ? { cityCode: current.site.cityCode } : {}),
          ...(current.site.countyCode ? { countyCode: current.site.countyCode } : {}),
        }
      : next.site;
  }
  if (next.saleDate !== current.saleDate) input.saleDate = next.saleDate;
  if (next.deliveryDate !== current.deliveryDate) input.deliveryDate = next.deliveryDate;
  if (next.installationDate !== current.installationDate) input.installationDate = next.installationDate;
  if (next.acceptanceDate !== current.acceptanceDate) input.acceptanceDate = next.acceptanceDate;
  if (next.warrantyStartEvent !== current.warrantyStartEvent) input.warrantyStartEvent = next.warrantyStartEvent;
  if (next.status !== current.status) input.status = next.status;
  const notes = next.notes ?? null;
  if (notes !== current.notes) input.notes = notes;
  return input;
}
