// Display helpers: times in Asia/Shanghai, Chinese labels.

const TZ = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** An instant as 2026-12-01 13:05:09 (Beijing time); '—' when missing, the input itself when unreadable. */
export function fmtTime(value) {
  if (value === null || value === undefined || value === '') return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
  const hour = p.hour === '24' ? '00' : p.hour;
  return `${p.year}-${p.month}-${p.day} ${hour}:${p.minute}:${p.second}`;
}

/** This year in Asia/Shanghai. */
export function currentYear(now = new Date()) {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric' }).format(now));
}

export const REVIEW_STATUS = {
  PENDING: '待审查', CHANGES_REQUESTED: '待修改', APPROVED: '已通过', REJECTED: '已驳回', WITHDRAWN: '已撤回', ANY: '全部',
};
export const CHECK_NAMES = { ELIGIBILITY: '申报资格', BAN: '禁入', QUOTA: '名额', COMPLETENESS: '材料完整性' };
export const CATEGORIES = {
  NATIONAL_SOCIETY: '全国学会、协会、研究会',
  PROVINCIAL_CAST: '省级科协',
  PROVINCIAL_CAST_AFFILIATE: '省级科协直属单位',
  PROVINCIAL_SOCIETY: '省级学会',
  UNIVERSITY_INSTITUTE_ENTERPRISE: '高校、科研院所、企业',
  CONSORTIUM_INSTITUTION: '联合体、机构',
  OTHER: '其他',
};
export const SERVICE_CATEGORIES = {
  TECH_DISSEMINATION: '技术传播', INDUSTRY_CONSULTING: '产业咨询', RD_SUPPORT: '支撑技术研发',
  INNOVATION_ENTREPRENEURSHIP: '创新创业', TALENT_ECOSYSTEM: '人才生态', TECH_TRANSFER: '成果转化',
  GROUP_STANDARDS: '团体标准', INTERNATIONAL_EXCHANGE: '国际交流',
};
export const TICKET_STATUS = {
  NEW: '待分派', ASSIGNED: '已分派', ACCEPTED: '已接单', IN_PROGRESS: '处理中', WAITING_ON_DEMAND: '等待需求方',
  ANSWERED: '已答复', RESOLVED: '已解决', CLOSED: '已关闭', REOPENED: '已重开', WITHDRAWN: '已撤回',
};
export const OPEN_TICKET_STATUSES = ['NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_DEMAND', 'ANSWERED', 'REOPENED'];
export const GRADES = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', POOR: '较差' };
export const RUN_STATE = { RUNNING: '进行中', DONE: '已完成', FAILED: '失败' };
export const MATCH_PARTS = { categories: '服务类别', place: '地域', text: '文本相关', outcomes: '履约记录' };
export const PRIORITY_PARTS = {
  workFoundation: '工作基础', budget: '经费', staff: '人员', continuity: '连续性', keyFields: '重点领域', weight: '权重',
};
export const SERVICES = {
  registration: '申报登记服务', review: '资格审查服务', activity: '活动与需求服务', evaluation: '考核评价服务',
};

export function label(map, key) {
  if (key === null || key === undefined) return '—';
  return map[key] ?? String(key);
}

/** A number with at most `digits` decimals, '—' when missing. */
export function num(v, digits = 2) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '—';
  return String(Math.round(Number(v) * 10 ** digits) / 10 ** digits);
}

/** A run's progress in whole percent: processed of total; a DONE run is 100 even with no teams. */
export function runPercent(run) {
  if (!run) return 0;
  if (run.state === 'DONE') return 100;
  const total = Number(run.total) || 0;
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((Number(run.processed) * 100) / total)));
}
