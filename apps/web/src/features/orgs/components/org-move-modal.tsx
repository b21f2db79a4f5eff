import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { canBeChildOf, type Org, type OrgTreeNode } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule } from '../../../shared/schema-rule';
import { useOrgMutations, useOrgTree } from '../hooks/use-orgs';
import { findNode, subtreeIds } from '../org-tree.utils';
import { OrgTreeSelect } from './org-tree-select';

type Props = { org: Org | undefined; onClose: () => void };

export function OrgMoveModal({ org, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const tree = useOrgTree();
  const { move } = useOrgMutations();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!org) return;
    setFormError(null);
    form.resetFields();
  }, [org, form]);

  // Not under itself or its own descendants, not where it already is, only under allowed kinds.
  const blocked = useMemo(() => {
    const node = org && tree.data ? findNode(tree.data, org.id) : undefined;
    return node ? subtreeIds(node) : new Set<string>();
  }, [org, tree.data]);
  const disable = useMemo(
    () => (node: OrgTreeNode) =>
      !org || blocked.has(node.id) || node.id === org.parentId || !canBeChildOf(org.kind, node.kind),
    [org, blocked],
  );

  const onFinish = ({ parentId }: { parentId: string }) => {
    if (!org) return;
    setFormError(null);
    move.mutate(
      { id: org.id, parentId },
      {
        onSuccess: () => {
          message.success(t('orgs.moved'));
          onClose();
        },
        onError: (err) => {
          const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')), {
            ORG_INVALID_PARENT: 'parentId',
            ORG_MOVE_CYCLE: 'parentId',
            ORG_PARENT_INACTIVE: 'parentId',
            ORG_PARENT_NOT_FOUND: 'parentId',
          });
          if (unmatched.length > 0) setFormError(unmatched.join('；'));
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(org)}
      title={t('orgs.moveTitle', { name: org?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={move.isPending}
      forceRender
      data-testid="org-move-modal"
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="org-move-form" layout="vertical" onFinish={onFinish}>
        <Form.Item name="parentId" label={t('orgs.newParent')} extra={t('orgs.parentHint')} rules={[requiredRule()]}>
          <OrgTreeSelect disable={disable} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
