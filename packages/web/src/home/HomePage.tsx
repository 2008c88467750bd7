import { Suspense } from 'react';
import { Card, Col, Row } from 'antd';
import { useMe } from '../auth/session.ts';
import { useI18n } from '../i18n/index.tsx';
import { PartBoundary } from '../shared/PartBoundary.tsx';
import { HOME_CARDS } from './home-cards.tsx';
import { Paragraph } from '../shared/TextStyles.tsx';

/** 工作台: the first page after signing in, with what waits for this user, each card a way to where it is done. */
export function HomePage() {
  const { data: user } = useMe();
  const { roleLabel, platformLabel } = useI18n();
  if (!user) return null;
  const who = [roleLabel(user.role), platformLabel(user.platformKey)].filter(Boolean).join(' · ');
  return (
    <div data-testid="home-page">
      <Paragraph type="secondary" data-testid="home-greeting">
        {user.displayName}，您好（{who}）。以下是等待您处理的事项。
      </Paragraph>
      <Row gutter={[16, 16]}>
        {HOME_CARDS[user.role].map(({ key, name, card, wide }) => (
          <Col key={key} xs={24} lg={wide ? 24 : 12} xxl={wide ? 24 : 8} data-testid={`home-slot-${key}`}>
            {/* A card whose data cannot be drawn fails alone; the other cards stay. */}
            <PartBoundary name={name}>
              {/* The card's code arrives on its own (home-cards.tsx): a loading card holds its place. */}
              <Suspense fallback={<Card loading />}>{card}</Suspense>
            </PartBoundary>
          </Col>
        ))}
      </Row>
    </div>
  );
}
