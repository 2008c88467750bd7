import { Tag } from 'antd';
import { CATEGORY_LABELS, type ClassifyCategory } from '@pgs/domain';

/** 鼓励类 green, 限制类 orange, 淘汰类 red; 未列入目录 grey. */
export const CATEGORY_COLORS: Record<ClassifyCategory, string> = {
  encouraged: 'green',
  restricted: 'orange',
  eliminated: 'red',
  unlisted: 'default',
};

export function CategoryTag({ category, testId }: { category: ClassifyCategory; testId?: string }) {
  return (
    <Tag color={CATEGORY_COLORS[category]} data-testid={testId} data-category={category}>
      {CATEGORY_LABELS[category]}
    </Tag>
  );
}
