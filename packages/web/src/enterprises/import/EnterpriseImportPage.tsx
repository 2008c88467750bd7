import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Steps, Typography, Upload } from 'antd';
import { CheckOutlined, DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { handleError } from '../../api/queryClient.ts';
import { useMe } from '../../auth/session.ts';
import { todayInShanghai } from '../../shared/format.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { downloadRecordTemplate, enterpriseKeys, type RecordImportReport } from '../enterprises.api.ts';
import { evaluationKeys } from '../../mu-evaluation/mu-evaluation.api.ts';
import { ownPlatformOf, platformFull } from '../components/enterprise-format.ts';
import { useSelectedYear, YearSelect } from '../components/YearSelect.tsx';
import { uploadWithProgress, type UploadProgress } from '../upload-with-progress.ts';
import { newProgressKey, usePolledProgress } from '../../shared/usePolledProgress.ts';
import type { ImportProgress } from '@pgs/domain/enterprise-records/import-progress';
import { RowErrorsTable } from './RowErrorsTable.tsx';
import { UploadProgressBar } from './UploadProgressBar.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report of a 422 (a file with errors sent to be written): in the error's details, or the body itself. */
function reportOf(error: unknown, year: number): RecordImportReport | null {
  if (!isApiError(error)) return null;
  const details = error.details as Partial<RecordImportReport> | RecordImportReport['errors'] | undefined;
  if (Array.isArray(details)) return { year, dryRun: true, rows: 0, valid: false, errors: details, warnings: [] };
  if (details && Array.isArray(details.errors))
    return {
      year,
      dryRun: true,
      rows: details.rows ?? 0,
      valid: false,
      errors: details.errors,
      warnings: details.warnings ?? [],
    };
  return null;
}

function importFile(
  year: number,
  file: File,
  dryRun: boolean,
  onProgress: (progress: UploadProgress) => void,
  progressKey: string,
) {
  return uploadWithProgress<RecordImportReport>('/enterprise-records/import', file, {
    query: { year, dryRun, progressKey },
    onProgress,
  });
}

/**
 * 导入向导 (R3.1): choose the year and download the template; upload the filled workbook for a dry run that lists
 * every bad cell (nothing is written); confirm, and the whole file is written in one transaction. Re-importing a
 * year updates each enterprise's record of that year by its credit code.
 */
export function EnterpriseImportPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { year, setYear, years } = useSelectedYear();
  const ownPlatform = ownPlatformOf(me);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  // Once the file is in, the server's own progress (checking row by row, writing) under a key made per upload.
  const [progressKey, setProgressKey] = useState<string | null>(null);
  const serverProgress =
    usePolledProgress<ImportProgress>(progressKey && `/enterprise-records/import/progress/${progressKey}`, busy).data ??
    null;
  const send = (chosen: File, dryRun: boolean) => {
    const key = newProgressKey();
    setProgressKey(key);
    return importFile(year!, chosen, dryRun, setProgress, key);
  };
  const [check, setCheck] = useState<RecordImportReport | null>(null);
  const [written, setWritten] = useState<RecordImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const template = useDownload(downloadRecordTemplate);
  const thisYear = Number(todayInShanghai().slice(0, 4));

  const step = written ? 3 : check && check.errors.length === 0 ? 2 : file || check ? 1 : 0;
  const reset = () => {
    setFile(null);
    setCheck(null);
    setWritten(null);
    setFailure(null);
    setProgress(null);
  };

  const dryRun = async (chosen: File) => {
    if (year === undefined) return;
    setFile(chosen);
    setCheck(null);
    setWritten(null);
    setFailure(null);
    setProgress(null);
    setBusy(true);
    try {
      setCheck(await send(chosen, true));
    } catch (error) {
      const report = reportOf(error, year);
      if (report) setCheck(report);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (year === undefined || !file) return;
    setBusy(true);
    setFailure(null);
    setProgress(null);
    try {
      const result = await send(file, false);
      setWritten(result);
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      void queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    } catch (error) {
      const report = reportOf(error, year);
      if (report)
        setCheck({ ...report, rows: report.rows || (check?.rows ?? 0), warnings: check?.warnings ?? report.warnings });
      else if (isApiError(error) && error.status !== 422) handleError(error);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const picker = (label: string, testId: string, primary = true) => (
    <Upload
      accept={XLSX_ACCEPT}
      maxCount={1}
      showUploadList={false}
      disabled={busy || year === undefined}
      beforeUpload={(chosen) => {
        void dryRun(chosen);
        return false;
      }}
    >
      <Button
        type={primary ? 'primary' : 'default'}
        icon={primary ? <UploadOutlined /> : <ReloadOutlined />}
        loading={busy}
        disabled={year === undefined}
        data-testid={testId}
      >
        {label}
      </Button>
    </Upload>
  );

  const errorCount = check?.errors.length ?? 0;
  // Data rows with an error (row 1 is the header, 0 the whole file).
  const errorRows = check ? new Set(check.errors.filter((error) => error.row > 1).map((error) => error.row)).size : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Steps
          current={step}
          items={[
            { title: '选择年度，下载模板' },
            { title: '上传并检查', content: '逐格检查，不写入数据' },
            { title: '确认导入', content: '整个文件一次写入' },
            { title: '完成' },
          ]}
          data-testid="import-steps"
        />
      </Card>

      <Card title="第一步：选择年度，下载模板" size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space size="large" wrap>
            <YearSelect
              value={year}
              onChange={(next) => {
                setYear(next);
                reset();
              }}
              years={years}
              extraYears={[thisYear - 1, thisYear]}
              label="数据年度"
              data-testid="import-year"
            />
            <Button
              icon={<DownloadOutlined />}
              loading={template.downloading}
              onClick={() => void template.start()}
              data-testid="import-template"
            >
              下载导入模板（.xlsx）
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            每家企业一行，以统一社会信用代码区分。金额单位为万元，面积为亩，能耗为吨标煤，排放为当量吨，用电为千瓦时，用水为吨；没有的数据留空（按评价办法的缺失值规则处理）。
            承租企业只填承租用地面积。同一年度重复导入时，按统一社会信用代码更新该年度数据。
            {ownPlatform ? `平台用户只能导入${platformFull(ownPlatform)}的企业。` : ''}
          </Typography.Paragraph>
        </Space>
      </Card>

      <Card title="第二步：上传填好的文件并检查" size="small">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            {picker('选择 .xlsx 文件并检查', 'import-upload')}
            {file && <Typography.Text data-testid="import-file-name">{file.name}</Typography.Text>}
          </Space>
          {busy && (
            <UploadProgressBar
              progress={progress}
              server={serverProgress}
              fileSize={file?.size ?? 0}
              checking={step === 2 ? '正在写入…' : '正在逐行检查…'}
            />
          )}
          {failure && <Alert type="error" showIcon title={failure} data-testid="import-failure" />}
          {check && errorCount > 0 && (
            <>
              <Alert
                type="error"
                showIcon
                data-testid="import-check-failed"
                title={
                  check.rows > 0
                    ? `发现 ${errorCount} 处错误（涉及 ${errorRows} 行），未写入任何数据`
                    : '文件未通过检查，未写入任何数据'
                }
                description={
                  check.rows > 0
                    ? `共 ${check.rows} 行数据，其中 ${Math.max(check.rows - errorRows, 0)} 行无误。请按下表逐项修正文件后重新上传；文件中只要有一处错误，整个文件都不会写入。`
                    : '文件或表头有问题，未读取数据行。请下载导入模板，在“企业年度数据”表第 2 行起填写后重新上传。'
                }
                action={picker('修正后重新上传', 'import-reupload', false)}
              />
              <RowErrorsTable errors={check.errors} />
            </>
          )}
          {check && !written && <ImportWarnings warnings={check.warnings} />}
          {check && errorCount === 0 && !written && (
            <Alert
              type="success"
              showIcon
              data-testid="import-check-passed"
              title={`检查通过：${check.rows} 行数据全部无误`}
              description={`确认后将新增 ${check.inserted ?? 0} 条、更新 ${check.updated ?? 0} 条 ${check.year} 年数据（按统一社会信用代码）；确认前不写入数据库。`}
            />
          )}
        </Space>
      </Card>

      <Card title="第三步：确认导入" size="small">
        {written ? (
          <Result
            status="success"
            title={`已导入 ${year} 年企业数据 ${written.rows} 行`}
            subTitle={
              <span data-testid="import-written">{`新增 ${written.inserted ?? 0} 条，更新 ${written.updated ?? 0} 条（按统一社会信用代码和年度）`}</span>
            }
            extra={[
              <Button
                key="list"
                type="primary"
                onClick={() => void navigate(`/enterprises?year=${year}`)}
                data-testid="import-to-list"
              >
                查看企业库
              </Button>,
              <Button key="again" onClick={reset}>
                继续导入
              </Button>,
            ]}
          />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {step === 2 && check && (
              <Descriptions size="small" column={3}>
                <Descriptions.Item label="年度">{year} 年</Descriptions.Item>
                <Descriptions.Item label="文件">{file?.name}</Descriptions.Item>
                <Descriptions.Item label="行数">{check.rows}</Descriptions.Item>
              </Descriptions>
            )}
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={step !== 2 || busy}
              loading={busy && step === 2}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              确认导入 {year ?? ''} 年数据
            </Button>
            {step !== 2 && <Typography.Text type="secondary">检查通过后才能确认导入。</Typography.Text>}
          </Space>
        )}
      </Card>
    </Space>
  );
}
