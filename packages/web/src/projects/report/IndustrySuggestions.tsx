import { useMemo } from 'react';
import { Button, List, Typography } from 'antd';
import { suggestIndustryCodes, type CatalogView } from '@pgs/domain';
import { useAllIndustries } from '../../industries/industries.api.ts';

/**
 * Up to three industry codes suggested from the Chinese description (Intl.Segmenter('zh') in the domain function),
 * matched against the industry names and this platform's catalog keywords, each with the reason; one click fills it.
 */
export function IndustrySuggestions({
  description,
  catalog,
  onPick,
}: {
  description: string;
  catalog: CatalogView | undefined;
  onPick: (code: string) => void;
}) {
  const industries = useAllIndustries();
  const suggestions = useMemo(
    () =>
      industries.data && description.trim()
        ? suggestIndustryCodes(description, { industries: industries.data, catalogItems: catalog?.items ?? [] })
        : [],
    [industries.data, description, catalog],
  );
  if (!description.trim()) return null;
  if (industries.isPending) return <Typography.Text type="secondary">正在载入行业分类表…</Typography.Text>;
  if (suggestions.length === 0)
    return <Typography.Text type="secondary">未能从简介中推荐行业代码，请直接输入。</Typography.Text>;
  return (
    <List
      size="small"
      header="根据项目简介推荐的行业代码"
      bordered
      data-testid="industry-suggestions"
      dataSource={suggestions}
      renderItem={(s) => (
        <List.Item
          actions={[
            <Button
              key="use"
              size="small"
              onClick={() => {
                onPick(s.code);
              }}
              data-testid={`suggestion-${s.code}`}
            >
              采用
            </Button>,
          ]}
        >
          <List.Item.Meta title={`${s.code} ${s.name}`} description={s.reason} />
        </List.Item>
      )}
    />
  );
}
