import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Equipment } from '@sht/domain';
import { buildHistory, type HistoryEvent } from '../equipment-history.utils';
import { useContracts, useReadings, useTransfers } from '../hooks/use-equipment';
import { RecordWorkOrders } from '../../workorders/components/record-work-orders';

const colors: Record<HistoryEvent['kind'], string> = {
  sale: 'blue',
  delivery: 'blue',
  installation: 'blue',
  acceptance: 'green',
  reading: 'gray',
  transfer: 'orange',
  contract: 'purple',
};

/** 设备履历: the unit's life in one line per event, newest first. */
export function HistoryCard({ unit }: { unit: Equipment }) {
  const { t } = useTranslation();
  const readings = useReadings(unit.id);
  const transfers = useTransfers(unit.id);
  const contracts = useContracts(unit.id);
  const events = buildHistory(unit, readings.data?.items ?? [], transfers.data?.items ?? [], contracts.data?.items ?? []);
  const meterUnit = t(`equipment.meterUnit.${unit.meterKind}`);

  const text = (e: HistoryEvent): string => {
    switch (e.kind) {
      case 'sale':
      case 'delivery':
      case 'installation':
      case 'acceptance':
        return t(`equipment.history.${e.kind}`);
      case 'reading':
        return t('equipment.history.reading', { value: `${e.value} ${meterUnit}` });
      case 'transfer':
        return t('equipment.history.transfer', { from: e.from, to: e.to });
      case 'contract':
        return t('equipment.history.contract', { kind: t(`equipment.contracts.kind.${e.contractKind}`), name: e.name, until: e.until });
      default: {
        const unhandled: never = e;
        return String(unhandled);
      }
    }
  };

  return (
    <Card size="small" title={t('equipment.sections.history')} data-testid="equipment-history">
      <Timeline
        items={events.map((e) => ({
          key: e.key,
          color: colors[e.kind],
          content: (
            <>
              <Typography.Text type="secondary" className="sht-history__date">{e.date}</Typography.Text>
              <span>{text(e)}</span>
              {'note' in e && e.note && <Typography.Text type="secondary"> · {e.note}</Typography.Text>}
            </>
          ),
        }))}
      />
    </Card>
  );
}

/** Work orders hang off the unit once that module exists; until then the section says so. */
/** The unit's work orders, newest first (repairs also feed its warranty card). */
export function OrdersCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('equipment.sections.orders')} data-testid="equipment-orders">
      <RecordWorkOrders equipmentId={unitId} />
    </Card>
  );
}
