import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { queryClient } from '../api/queryClient.ts';

type Props = {
  children: ReactNode;
  /** What failed, in the user's words ("本页面", "待确认项目"): named in the message. */
  name?: string;
};
type State = { failed: boolean };

/**
 * No input may ever throw a page away (issue 9): a part that fails to render shows a Chinese message with 重试 in
 * its own place, while the rest of the page and the menu stay usable. 重试 fetches the data on screen again and
 * draws the part anew. The error's own text is a developer's (a property of undefined…), so it goes to the console,
 * not to the user. Give it a `key` (the page's path, the run's id) so that showing something else starts afresh.
 */
export class PartBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('页面部分显示出错', error, info.componentStack);
  }

  /**
   * The failed part's queries went inactive when it was replaced by this message: they are dropped (not the
   * session), so the part fetches afresh when drawn again instead of drawing the same bad answer from the cache.
   */
  private retrying = false;

  /**
   * A second press while the first is still fetching is ignored: it would cancel the first refetch, whose promise
   * then settles with the old, bad answer still in the cache and draws the part (and its error) again.
   */
  private retry = () => {
    if (this.retrying) return;
    this.retrying = true;
    queryClient.removeQueries({ type: 'inactive', predicate: (query) => query.queryKey[0] !== 'auth' });
    void queryClient.refetchQueries({ type: 'active' }, { cancelRefetch: false }).finally(() => {
      this.retrying = false;
      this.setState({ failed: false });
    });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="part-error"
        title={`${this.props.name ?? '这部分内容'}暂时无法显示`}
        description="收到的数据不完整，其余内容不受影响。请点击“重试”；如仍无法显示，请稍后再试或联系系统管理员。"
        action={
          <Button size="small" onClick={this.retry} data-testid="part-error-retry">
            重试
          </Button>
        }
        style={{ margin: '8px 0' }}
      />
    );
  }
}
