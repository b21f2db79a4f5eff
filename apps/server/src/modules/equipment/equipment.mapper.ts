import type { Contract, Equipment, Reading, Transfer } from '@sht/domain';
import type { EquipmentContractsTable, EquipmentReadingsTable } from '../../db/schema.js';
import type { UnitRow, listTransfers } from './equipment.repository.js';

// Rows (snake_case) → API shapes (camelCase), mapped in one visible place.

export function toEquipment(r: UnitRow, latest: { date: string; value: number } | null): Equipment {
  return {
    id: r.id,
    serialNo: r.serial_no,
    modelId: r.model_id,
    modelCode: r.model_code,
    modelName: r.model_name,
    categoryName: r.category_name,
    meterKind: r.meter_kind,
    customerId: r.customer_id,
    customerName: r.customer_name,
    orgId: r.org_id,
    orgName: r.org_name,
    outletOrgId: r.outlet_org_id,
    outletOrgName: r.outlet_org_name,
    site: r.site_address === null ? null : {
      address: r.site_address, provinceCode: r.site_province_code, cityCode: r.site_city_code, countyCode: r.site_county_code,
    },
    saleDate: r.sale_date,
    deliveryDate: r.delivery_date,
    installationDate: r.installation_date,
    acceptanceDate: r.acceptance_date,
    warrantyStartEvent: r.warranty_start_event,
    status: r.status,
    latestReading: latest,
    notes: r.notes,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toReading(r: EquipmentReadingsTable): Reading {
  return { id: r.id, date: r.reading_date, value: Number(r.value), note: r.note, recordedBy: r.recorded_by, createdAt: r.created_at };
}

export function toTransfer(r: Awaited<ReturnType<typeof listTransfers>>[number]): Transfer {
  return {
    id: r.id, date: r.transfer_date, fromCustomerId: r.from_customer_id, fromCustomerName: r.from_name, toCustomerId: r.to_customer_id,
    toCustomerName: r.to_name, note: r.note, recordedBy: r.recorded_by, createdAt: r.created_at,
  };
}

export function toContract(r: EquipmentContractsTable): Contract {
  return {
    id: r.id, kind: r.kind, contractNo: r.contract_no, name: r.name, startDate: r.start_date, endDate: r.end_date,
    coveredParts: r.covered_parts_json === null ? null : (JSON.parse(r.covered_parts_json) as string[]),
    usageLimit: r.usage_limit === null ? null : Number(r.usage_limit), priceFen: r.price_fen === null ? null : Number(r.price_fen), createdAt: r.created_at,
  };
}
