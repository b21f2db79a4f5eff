import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Input, List, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicWarranty } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { http } from '../../../api/http-client';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { warrantyStatusColor } from '../equipment-warranty.utils';
import '../equipment.css';

const check = (serial: string, signal?: AbortSignal) => http.get<PublicWarranty>(`/public/warranty/${encodeURIComponent(serial)}`, undefined, signal);

/**
 * 三包查询 for owners: the serial on the nameplate → the unit's warranty today, in words. No login;
 * the server rate-limits it and answers with the model only — no owner, site or contact.
 */
export function PublicWarrantyPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const serial = (params.get('serial') ?? '').trim();
  const [text, setText] = useState(serial);
  const query = useQuery({
    queryKey: ['public-warranty', serial, i18n.language],
    queryFn: ({ signal }) => check(serial, signal),
    enabled: serial.length >= 3,
    retry: false,
  });
  const error = query.isError ? toApiError(query.error, t('common.networkError')) : null;

  return (
    <div className="sht-public-warranty" data-testid="public-warranty-page">
      <div className="sht-public-warranty__lang"><LanguageSwitch /></div>
      <Card className="sht-public-warranty__card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <SafetyCertificateOutlined /> {t('equipment.public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('equipment.public.hint')}</Typography.Paragraph>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => setParams(value.trim() ? { serial: value.trim() } : {})}
          placeholder={t('equipment.public.placeholder')}
          enterButton={t('equipment.public.check')}
          size="large"
          autoFocus
          allowClear
          data-testid="public-warranty-serial"
        />
        {serial.length > 0 && serial.length < 3 && <Alert type="warning" showIcon title={t('equipment.public.tooShort')} style={{ marginTop: 16 }} />}
        {query.isFetching && <Spin style={{ display: 'block', margin: '24px auto' }} />}
        {error && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} data-testid="public-warranty-error"
            title={error.code === 'EQUIPMENT_NOT_FOUND' ? t('equipment.public.notFound', { serial }) : error.message} />
        )}
        {query.data && !query.isFetching && <Result warranty={query.data} />}
      </Card>
    </div>
  );
}

function Result({ warranty }: { warranty: PublicWarranty }) {
  const { t } = useTranslation();
  return (
    <div data-testid="public-warranty-result" style={{ marginTop: 16 }}>
      <Alert
        type={warrantyStatusColor(warranty.status)}
        showIcon
        title={`${warranty.serialNo} · ${warranty.modelName} · ${t(`equipment.warranty.status.${warranty.status}`)}`}
        description={warranty.summary}
      />
      <List
        style={{ marginTop: 12 }}
        dataSource={warranty.coverages}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {c.applies ? <Tag color="success" icon={<CheckCircleFilled />}>{t('equipment.warranty.yes')}</Tag> : <Tag icon={<CloseCircleFilled />}>{t('equipment.warranty.no')}</Tag>}
                  {t(`equipment.warranty.kind.${c.kind as 'return'}`, { label: c.label })}
                  {c.until && <Typography.Text type="secondary"> · {t('equipment.warranty.until')} {c.until}</Typography.Text>}
                </span>
              }
              description={c.explanation}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
