/**
 * Common Chinese passwords (#10.10): pinyin words, names, QQ-style and keyboard patterns that lists of leaked
 * Chinese passwords put at the top, and which an English word list does not know. Compared in lower case, and
 * given to the strength estimator as a dictionary, so "Woaini1314!" is as weak as "woaini1314".
 */
export const COMMON_PASSWORDS_ZH: readonly string[] = [
  'woaini', 'woaini1314', 'woaini520', 'woaini521', 'woaini123', 'woaini1314520', '5201314', '1314520', 'wo5201314',
  'iloveyou1314', 'aini1314', 'woainima', 'woaiwojia', 'woshishui', 'nihao', 'nihao123', 'nihaoma',
  'zhang123456', 'wang123456', 'li123456', 'liu123456', 'chen123456', 'yang123456', 'huang123456', 'zhao123456',
  'zhou123456', 'wu123456', 'xu123456', 'sun123456', 'lin123456', 'zhangwei', 'wangwei', 'wangfang', 'liwei',
  'zhangsan', 'lisi', 'wangwu', 'zhangsan123', 'lisi123456',
  'qq123456', 'qq123456789', 'qq5201314', 'qqqqqq', 'qwe123', 'qwe123456', 'qweasd', 'qweasdzxc', 'qweasd123',
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'zxcvbnm', 'asdfghjkl', 'a123456', 'a123456789', 'aa123456', 'aa123456789',
  'abc123456', 'abc123456789', 'admin123', 'admin888', 'admin123456', 'root123', 'test123', 'pass123456',
  'p@ssw0rd', 'password123', 'mima123', 'mima123456', 'mima1234', 'wodemima', 'zhongguo', 'zhongguo123',
  'beijing', 'beijing123', 'shanghai', 'wenzhou', 'wenzhou123', 'zhejiang', 'china123', 'china2026',
  '123456', '12345678', '123456789', '1234567890', '111111', '888888', '666666', '147258369', '159357',
  '123123', '123321', '112233', '520520', '201314', 'a5201314', 'ai1314', 'xiaoming', 'xiaohong', 'dongdong',
  'yangyang', 'tiantian', 'feifei', 'lele', 'baobao', 'woaibaobao', 'laogong', 'laopo', 'laopo520', 'laogong520',
  'pingtai', 'pingtai123', 'guanli', 'guanliyuan', 'admin2026', 'pgs123456',
];

/**
 * Passwords that are public: the demo accounts' password is printed in README and on the console, so it may
 * never be chosen for a real account (demo seeding alone uses it, without this check).
 */
export const PUBLIC_PASSWORDS: readonly string[] = ['Demo-Pgs-2026'];
