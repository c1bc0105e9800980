// What each role may see and do in the console (the gateway and services decide; this only hides what would fail).
// Taken from the "Roles:" lines of the API document for the calls each view makes.

export const ROLE_LABELS = {
  operator: '运营人员',
  reviewer: '审查员',
  auditor: '审计员',
  'lead-unit': '牵头单位',
  handler: '服务团联络人',
  partner: '合作系统',
};

export function roleLabel(role) {
  return ROLE_LABELS[role] ?? role;
}

/** The views in navigation order: route, Chinese title, roles that may open it. */
export const VIEWS = [
  { id: 'events', title: '事件流', roles: ['operator', 'auditor'] },
  { id: 'reviews', title: '资格审查', roles: ['operator', 'reviewer', 'auditor'] },
  { id: 'tickets', title: '需求大厅', roles: ['operator', 'auditor'] },
  { id: 'assessment', title: '年度考核', roles: ['operator', 'auditor'] },
  { id: 'operations', title: '运行保障', roles: ['operator'] },
];

/** Actions inside the views, by the roles the API allows for the call behind them. */
export const ACTIONS = {
  'review.claim': ['reviewer'], // POST /reviews/{id}/claim
  'review.decide': ['reviewer'], // approve, reject, request-changes
  'review.assign': ['operator'], // POST /reviews/{id}/assign
  'ticket.matches': ['operator', 'auditor'], // GET /tickets/{id}/matches
  'ticket.assign': ['operator'], // POST /tickets/{id}/assign
  'assessment.start': ['operator'], // POST /assessments/{year}/runs
  'assessment.csv': ['operator', 'auditor'], // GET /assessments/{year}/lead-units as text/csv
  'deadletters.replay': ['operator'],
};

const anyOf = (roles, allowed) => roles.some((r) => allowed.includes(r));

export function visibleViews(roles) {
  return VIEWS.filter((v) => anyOf(roles, v.roles));
}

export function mayView(roles, viewId) {
  const v = VIEWS.find((x) => x.id === viewId);
  return !!v && anyOf(roles, v.roles);
}

export function may(roles, action) {
  const allowed = ACTIONS[action];
  if (!allowed) throw new Error(`unknown action ${action}`);
  return anyOf(roles, allowed);
}
