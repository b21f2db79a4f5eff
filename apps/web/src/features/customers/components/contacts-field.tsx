import { Button, Card, Checkbox, Col, Form, Input, Row, Space, type FormInstance } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { contactInputSchema, phoneSchema } from '@sht/domain';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { emptyContact, type ContactFormValues, type CustomerFormValues } from '../customer-form.utils';

const MAX_CONTACTS = 20;
const MAX_PHONES = 5;
const shape = contactInputSchema.shape;

/** The contacts of a customer: each with a name, a title, several phones; one is the primary. */
export function ContactsField({ form }: { form: FormInstance<CustomerFormValues> }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  // Ticking one contact as primary unticks the others: the server keeps exactly one.
  const makePrimary = (index: number, checked: boolean) => {
    const contacts = (form.getFieldValue('contacts') as ContactFormValues[] | undefined) ?? [];
    form.setFieldValue(
      'contacts',
      contacts.map((c, i) => ({ ...c, isPrimary: i === index ? checked : checked ? false : c.isPrimary })),
    );
  };

  return (
    <Form.List name="contacts" rules={[{ validator: async (_, contacts: ContactFormValues[] | undefined) => {
      if (!(contacts ?? []).some((c) => (c?.phones ?? []).some((p) => p?.trim()))) throw new Error(t('customers.phoneRequired'));
    } }]}>
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" data-testid="customer-contact">
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('customers.fields.contactName')}
                    rules={[requiredRule(), schemaRule(shape.name)]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name={[field.name, 'title']} label={t('customers.fields.contactTitle')} rules={[schemaRule(shape.title)]}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6}>
                  {/* The blank label lines the box up with the inputs beside it; stacked on a phone it needs none. */}
                  <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked" label={isMobile ? undefined : ' '} colon={false}>
                    <Checkbox onChange={(e) => makePrimary(index, e.target.checked)}>{t('customers.fields.isPrimary')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <PhonesField listName={field.name} />
              {fields.length > 1 && (
                <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  {t('customers.removeContact')}
                </Button>
              )}
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_CONTACTS && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyContact())} data-testid="customer-add-contact">
              {t('customers.addContact')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}

function PhonesField({ listName }: { listName: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[listName, 'phones']}>
      {(phones, { add, remove }) => (
        <Form.Item label={t('customers.fields.phones')} style={{ marginBottom: 8 }}>
          {phones.map((phone) => (
            <Space.Compact key={phone.key} style={{ width: '100%', marginBottom: 8 }}>
              <Form.Item
                name={phone.name}
                noStyle
                rules={[schemaRule(phoneSchema, { message: t('validation.phone') })]}
              >
                <Input maxLength={30} inputMode="tel" data-testid="customer-phone" />
              </Form.Item>
              {phones.length > 1 && (
                <Button icon={<MinusCircleOutlined />} onClick={() => remove(phone.name)} aria-label={t('customers.removePhone')} />
              )}
            </Space.Compact>
          ))}
          {phones.length < MAX_PHONES && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
              {t('customers.addPhone')}
            </Button>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}
