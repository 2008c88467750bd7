import { benchEnterpriseImport, enterpriseImportLines } from '/work/main/bench/enterprise-import.bench.ts';
for (const line of enterpriseImportLines(await benchEnterpriseImport('postgres://postgres@127.0.0.1:5432/test'))) console.log(line);
