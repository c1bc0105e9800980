#!/usr/bin/env bash
# The README walk-through as one script, through the gateway only, re-runnable on a suite that has run before:
# every run registers its own lead unit (a fresh, valid credit code of a national society: 51…, GB 32100-2015
# check character), its own team name and demand externalId, works with the team its own application made,
# takes dates from today (Beijing time) and waits for events and runs by polling (bounded), never by sleeping.
#
#   docs/walkthrough.sh                      against http://localhost:8080, tokens from ./kczg token
#   KCZG_URL=http://host:port                another gateway
#   KCZG_HOME=/path                          the state directory of the suite (its keys sign ./kczg token)
#   KCZG_TOKEN_CMD='cmd args'                another token maker, called as: $KCZG_TOKEN_CMD ROLE [--org …] [--teams …] …
#   KCZG_WALKTHROUGH_PUBLISH=1               also publish the year's assessment — final for the whole year and
#                                            every team (POOR teams are disqualified), so not done by default
#   KCZG_WALKTHROUGH_TIMEOUT=60              seconds to wait for an event to travel or a run to finish
#
# Each step prints a caption (中文 / English) and the answer; the last line is WALKTHROUGH OK (exit 0).
# A step that fails prints the status and the problem body and exits non-zero.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
BASE=${KCZG_URL:-http://localhost:8080}
BASE=${BASE%/}
TOKEN_CMD=${KCZG_TOKEN_CMD:-"$ROOT/kczg token"}
WAIT=${KCZG_WALKTHROUGH_TIMEOUT:-60}
PUBLISH=${KCZG_WALKTHROUGH_PUBLISH:-0}
H='Content-Type: application/json'

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kczg-walkthrough.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT=$WORK/body
CODE=000
RC=0
STEP=0

# --- output -------------------------------------------------------------------------------------------------

step() { STEP=$((STEP + 1)); printf '\n== %d. %s\n' "$STEP" "$*"; }
note() { printf '   %s\n' "$*"; }
show() { # the last answer, shortened to 300 characters (not bytes: the answers are mostly Chinese)
  local text LC_ALL=C.UTF-8
  text=$(tr -d '\r\n' <"$OUT")
  [ ${#text} -le 300 ] || text="${text:0:300} …"
  printf '   → %s %s\n' "$CODE" "$text"
}
fail() { # why…: the problem, with the last answer, and exit 1
  printf '\nFAILED at step %d: %s\n' "$STEP" "$*" >&2
  printf '   last answer: HTTP %s\n' "$CODE" >&2
  [ -s "$OUT" ] && { cat "$OUT" >&2; echo >&2; }
  exit 1
}

# --- JSON: jq when installed, else python3 ------------------------------------------------------------------

if command -v jq >/dev/null 2>&1; then JSON=jq; else JSON=python3; fi

jpath() { # dotted path → a JSON array for jq's getpath: items.0.id → ["items",0,"id"]
  local IFS=. part out=""
  [ "$1" = . ] && { printf '[]'; return 0; }
  for part in $1; do
    if [[ $part =~ ^[0-9]+$ ]]; then out+="${out:+,}$part"; else out+="${out:+,}\"$part\""; fi
  done
  printf '[%s]' "$out"
}

j() { # PATH [FILE]: the value at a dotted path (items.0.id) of the last answer, empty when absent or null
  local file=${2:-$OUT}
  if [ "$JSON" = jq ]; then
    jq -r --argjson p "$(jpath "$1")" 'getpath($p) // empty | if type == "object" or type == "array" then tojson else . end' \
      "$file" 2>/dev/null || true
  else
    python3 - "$1" "$file" <<'PY' 2>/dev/null || true
import json, sys
v = json.load(open(sys.argv[2], encoding="utf-8"))
for p in sys.argv[1].split("."):
    if isinstance(v, list) and p.isdigit():
        v = v[int(p)] if int(p) < len(v) else None
    elif isinstance(v, dict):
        v = v.get(p)
    else:
        v = None
    if v is None:
        break
if v is not None:
    if isinstance(v, bool):
        print("true" if v else "false")
    elif isinstance(v, (dict, list)):
        print(json.dumps(v, ensure_ascii=False))
    else:
        print(v)
PY
  fi
}

jfind() { # LIST KEY VALUE FIELD: FIELD of the first item of the list at LIST whose KEY is VALUE (as text)
  if [ "$JSON" = jq ]; then
    jq -r --argjson l "$(jpath "$1")" --arg k "$2" --arg v "$3" --arg f "$4" \
      '[getpath($l)[]? | select((.[$k] | tostring) == $v) | .[$f]] | first // empty | tostring' "$OUT" 2>/dev/null || true
  else
    python3 - "$1" "$2" "$3" "$4" "$OUT" <<'PY' 2>/dev/null || true
import json, sys
lst, key, val, field, file = sys.argv[1:6]
v = json.load(open(file, encoding="utf-8"))
for p in ([] if lst == "." else lst.split(".")):
    v = v[int(p)] if isinstance(v, list) else (v or {}).get(p)
def text(x):
    return x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
for item in v or []:
    if isinstance(item, dict) and text(item.get(key)) == val:
        print(text(item.get(field)))
        break
PY
  fi
}

# --- HTTP ---------------------------------------------------------------------------------------------------

req() { # METHOD PATH [curl args…]: the answer's status in CODE, its body in OUT; RC is curl's exit status
  local method=$1 path=$2
  shift 2
  RC=0
  CODE=$(curl -sS --fail-with-body -m 30 -o "$OUT" -w '%{http_code}' -X "$method" "$BASE$path" "$@" \
    2>"$WORK/curl-error") || RC=$?
  # 22: --fail-with-body saw a status of 400 or more (the body is in OUT); anything else: no answer at all
  if [ "$RC" != 0 ] && [ "$RC" != 22 ]; then
    cat "$WORK/curl-error" >&2
    : >"$OUT"
    fail "curl $method $BASE$path: exit status $RC (is the suite up? ./kczg status)"
  fi
}

must() { # EXPECTED METHOD PATH [curl args…]: the request, which must answer EXPECTED (e.g. 200 or 201|200)
  local expected=$1
  shift
  req "$@"
  [[ $CODE =~ ^($expected)$ ]] || fail "$1 $2 answered $CODE, expected $expected"
  show
}

code() { j code; } # a problem's machine-readable code (stable whatever the language of its text)

until_ok() { # WHAT EXPECTED TEST METHOD PATH [curl args…]: repeat the request every 0.5 s until it answers
  # EXPECTED and TEST (a shell command run on the answer) holds, at most $WAIT seconds
  local what=$1 expected=$2 test=$3 deadline=$((SECONDS + WAIT))
  shift 3
  while :; do
    req "$@"
    if [[ $CODE =~ ^($expected)$ ]] && eval "$test"; then
      show
      return 0
    fi
    [ $SECONDS -lt "$deadline" ] || fail "$what: not within $WAIT s ($1 $2)"
    sleep 0.5
  done
}

token() { # ROLE [options]
  # shellcheck disable=SC2086
  $TOKEN_CMD "$@" || { CODE=-; : >"$OUT"; fail "no token from: $TOKEN_CMD $*"; }
}

credit_code() { # PREFIX (4 characters): a fresh code with its GB 32100-2015 check character
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY body i sum=0 check
  local -a weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
  body=$1$(printf '%010d%03d' "$(($(date +%s) % 10000000000))" "$((RANDOM % 1000))")
  for ((i = 0; i < 17; i++)); do
    local c=${body:i:1} prefix=${alphabet%%"${body:i:1}"*}
    [ "$prefix" != "$alphabet" ] || { echo "bad character $c" >&2; return 1; }
    sum=$((sum + ${#prefix} * weights[i]))
  done
  check=$((31 - sum % 31))
  [ $check = 31 ] && check=0
  printf '%s%s' "$body" "${alphabet:check:1}"
}

command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
[ "$JSON" = jq ] || command -v python3 >/dev/null || { echo "jq or python3 is needed" >&2; exit 1; }

# --- this run's own names and today's dates (Beijing time) ---------------------------------------------------

RUNID=$(TZ=Asia/Shanghai date +%m%d%H%M%S)$((RANDOM % 100))
YEAR=$(TZ=Asia/Shanghai date +%Y)
TODAY=$(TZ=Asia/Shanghai date +%F)
MONTH=$((10#$(TZ=Asia/Shanghai date +%m)))
CODE_NS=$(credit_code 5110)            # 51: a social organisation, as national societies are
CONTENT="智能制造产业演练${RUNID}号"      # the team's service content: its name is unique per run
TEAM_NAME="“科创中国”${CONTENT}科技服务团"
EXTERNAL_ID="XQ-WALK-${RUNID}"

printf '科创中国 walk-through 演练 — gateway %s, year %s (Beijing date %s), run %s, JSON via %s\n' \
  "$BASE" "$YEAR" "$TODAY" "$RUNID" "$JSON"

OP=$(token operator)
LU=$(token lead-unit --org "$CODE_NS")
RV=$(token reviewer --sub reviewer-li)
AU=$(token auditor)
PT=$(token partner --partner kczg-demand-feeder)

# --- 1. lead unit and eligibility ---------------------------------------------------------------------------

step "注册牵头单位 / register the lead unit (Art. 5): $CODE_NS"
must 201 POST /api/v1/lead-units -H "Authorization: Bearer $LU" -H "$H" -d "{
  \"creditCode\": \"$CODE_NS\", \"name\": \"中国机械工程学会（演练$RUNID）\", \"category\": \"NATIONAL_SOCIETY\",
  \"contact\": {\"name\": \"李华\", \"phone\": \"010-68595000\", \"email\": \"lihua@cmes.org\"}}"

step "资格与名额 / eligibility and quota, once lead-unit.registered reached review-service (Art. 5, 8, 20)"
until_ok "review-service knows the lead unit" 200 true GET "/api/v1/eligibility/$CODE_NS" -H "Authorization: Bearer $LU"
[ "$(j eligible)" = true ] || fail "the national society is not eligible"

# --- 2. registration window ---------------------------------------------------------------------------------

step "年度申报窗口 / this year's registration window (Art. 3): reuse the open one, or open it"
must 200 GET "/api/v1/registration-windows?year=$YEAR&size=100" -H "Authorization: Bearer $OP"
WINDOW=$(jfind items open true id)
if [ -n "$WINDOW" ]; then
  note "open window $WINDOW is reused"
else
  req POST /api/v1/registration-windows -H "Authorization: Bearer $OP" -H "$H" -d "{
    \"year\": $YEAR, \"opensAt\": \"$(date -u -d '-1 min' +%FT%TZ)\",
    \"closesAt\": \"$(date -u -d '+30 days' +%FT%TZ)\", \"note\": \"年度申报\"}"
  show
  if [ "$CODE" = 409 ] && [ "$(code)" = window-overlap ]; then
    note "window-overlap: a $YEAR window is there already"
  elif [ "$CODE" != 201 ]; then
    fail "could not open the $YEAR window"
  fi
  must 200 GET /api/v1/registration-windows/current -H "Authorization: Bearer $OP"
  [ "$(j open)" = true ] || fail "no registration window is open now"
fi

# --- 3. application -----------------------------------------------------------------------------------------

step "起草申报 / draft the application (Art. 4, 6, 7, 9, 11, 12, 14): $TEAM_NAME"
must 201 POST /api/v1/applications -H "Authorization: Bearer $LU" -H "$H" -d "{
  \"name\": \"$TEAM_NAME\", \"categories\": [\"TECH_DISSEMINATION\", \"RD_SUPPORT\"],
  \"pilotCities\": [\"苏州市\"], \"keyFields\": [\"智能制造\"], \"experience\": \"十年产学研合作\",
  \"distinctiveServices\": \"产线诊断\", \"organisingCapacity\": \"12个专业委员会\", \"workFoundation\": \"服务企业200余家\",
  \"resourcesCommitted\": {\"text\": \"专职人员与经费\", \"yearlyBudget\": 500000, \"staff\": 6},
  \"continuityPlan\": \"季度例会\", \"partnerUnits\": [{\"name\": \"苏州工业园区管委会\", \"duties\": \"对接企业需求\"}],
  \"members\": [{\"name\": \"张伟\", \"field\": \"机械工程\", \"title\": \"教授\", \"affiliation\": \"清华大学\", \"role\": \"LEADER\"}],
  \"handler\": {\"name\": \"赵强\", \"phone\": \"13800138000\", \"email\": \"zq@cmes.org\", \"userId\": \"zhao.qiang\"}}"
APP=$(j id)
[ -n "$APP" ] || fail "no application id"

step "提交申报 / submit it"
must 200 POST "/api/v1/applications/$APP/submit" -H "Authorization: Bearer $LU"

# --- 4. review ----------------------------------------------------------------------------------------------

step "审核案件 / the review case review-service opened (ELIGIBILITY, BAN, QUOTA, COMPLETENESS)"
until_ok "the review case of application $APP" 200 '[ -n "$(j items.0.id)" ]' \
  GET "/api/v1/reviews?applicationId=$APP" -H "Authorization: Bearer $RV"
CASE=$(j items.0.id)

step "领取并批准 / claim and approve the case"
must 200 POST "/api/v1/reviews/$CASE/claim" -H "Authorization: Bearer $RV"
must 200 POST "/api/v1/reviews/$CASE/approve" -H "Authorization: Bearer $RV" -H "$H" -d '{"reason": "符合第五条、第八条"}'

# --- 5. the team ----------------------------------------------------------------------------------------------

step "团队成立 / review.decided → registration-service makes the team of this application"
until_ok "application $APP approved with a team" 200 '[ "$(j status)" = APPROVED ] && [ -n "$(j teamId)" ]' \
  GET "/api/v1/applications/$APP" -H "Authorization: Bearer $LU"
TEAM=$(j teamId)
note "TEAM=$TEAM"

step "公开名单 / the public sees the team (Art. 15), without contacts"
until_ok "team $TEAM in the public list" 200 '[ -n "$(jfind items id "$TEAM" id)" ]' \
  GET /api/v1/public/teams -G --data-urlencode "q=$CONTENT"
if grep -q -e 13800138000 -e zhao.qiang -e '@cmes.org' "$OUT"; then fail "the public list shows contact data"; fi

# --- 6. demand hall -----------------------------------------------------------------------------------------

step "需求大厅 / a partner system pushes a demand (Art. 12), idempotent on externalId $EXTERNAL_ID"
TICKET_BODY="{
  \"projectName\": \"产线柔性装配改造\", \"industryField\": \"智能制造\", \"technicalProblems\": \"多品种小批量柔性装配\",
  \"region\": \"苏州市\", \"demandSide\": {\"name\": \"苏州某精密机械有限公司\"}, \"externalId\": \"$EXTERNAL_ID\",
  \"categories\": [\"TECH_TRANSFER\"], \"keywords\": [\"机器人\"]}"
must 201 POST /api/v1/tickets -H "Authorization: Bearer $PT" -H "$H" -d "$TICKET_BODY"
TICKET=$(j id)
[ -n "$TICKET" ] || fail "no ticket id"
must 200 POST /api/v1/tickets -H "Authorization: Bearer $PT" -H "$H" -d "$TICKET_BODY"
[ "$(j id)" = "$TICKET" ] || fail "pushing the same externalId again made another ticket"

step "合作方的工单列表 / the partner's own tickets, newest change first; \`next\` is the cursor of the following page"
must 200 GET "/api/v1/tickets?size=1" -H "Authorization: Bearer $PT"
[ "$(j items.0.id)" = "$TICKET" ] || fail "the partner's newest ticket is not first in its list"

step "匹配排名 / the ranked matches with their score parts (every active team of the platform)"
must 200 GET "/api/v1/tickets/$TICKET/matches" -H "Authorization: Bearer $OP"

step "指派给本次的团队 / assign the ticket to this run's team, once activity-service knows it"
until_ok "activity-service knows team $TEAM" 200 true POST "/api/v1/tickets/$TICKET/assign" \
  -H "Authorization: Bearer $OP" -H "$H" -d "{\"teamId\": \"$TEAM\", \"reason\": \"最佳匹配\"}"
[ "$(j status)" = ASSIGNED ] || fail "the ticket is not ASSIGNED"

step "经办人收到指派通知 / the team's handler is told of the assignment (a notice, also live on /notifications/stream)"
HD=$(token handler --teams "$TEAM" --sub zhao.qiang)
until_ok "the assignment notice" 200 '[ -n "$(jfind items link "/tickets/$TICKET" title)" ]' \
  GET "/api/v1/notifications?kind=ticket.assigned" -H "Authorization: Bearer $HD"
must 200 GET /api/v1/notifications/unread-count -H "Authorization: Bearer $HD"

step "经办人受理、答复、办结 / the team's handler accepts, answers, resolves"
must 200 POST "/api/v1/tickets/$TICKET/accept" -H "Authorization: Bearer $HD"
must 200 POST "/api/v1/tickets/$TICKET/answer" -H "Authorization: Bearer $HD" -H "$H" \
  -d '{"text": "建议采用柔性夹具与视觉定位", "links": []}'
must 200 POST "/api/v1/tickets/$TICKET/resolve" -H "Authorization: Bearer $HD"

step "需求方评价 / the partner rates the service once (1–5; counts as tickets.satisfaction-rate, Art. 18)"
must 200 POST "/api/v1/tickets/$TICKET/rating" -H "Authorization: Bearer $PT" -H "$H" \
  -d '{"score": 5, "comment": "方案可行，已落地实施"}'

step "合作方关闭 / the partner closes it (full history inside)"
must 200 POST "/api/v1/tickets/$TICKET/close" -H "Authorization: Bearer $PT"
[ "$(j status)" = CLOSED ] || fail "the ticket is not CLOSED"

step "节假日与调休 / holidays and 调休 working days (due times count working days, Beijing time)"
must 200 PUT "/api/v1/calendar/holidays/$YEAR-10-01" -H "Authorization: Bearer $OP" -H "$H" -d '{"name": "国庆节"}'
must 200 GET "/api/v1/calendar/holidays?year=$YEAR" -H "Authorization: Bearer $OP"

# --- 7. the team's own work ---------------------------------------------------------------------------------

step "活动报告 / an activity report of today ($TODAY), no fee charged (Art. 10–16)"
until_ok "activity report accepted" 201 true POST /api/v1/activities -H "Authorization: Bearer $LU" -H "$H" -d "{
  \"teamId\": \"$TEAM\", \"category\": \"TECH_DISSEMINATION\", \"form\": \"CONFERENCE\",
  \"title\": \"智能制造产业对接会\", \"startDate\": \"$TODAY\", \"endDate\": \"$TODAY\",
  \"place\": {\"city\": \"苏州市\"}, \"participants\": 200, \"enterprisesServed\": 30,
  \"feesCharged\": {\"amount\": 0}}"

step "公众投诉 / a public complaint (no token); its receipt code follows it"
must 201 POST /api/v1/public/complaints -H "$H" \
  -d "{\"teamId\": \"$TEAM\", \"kind\": \"SERVICE_QUALITY\", \"text\": \"答复不够具体\"}"
COMPLAINT=$(j id)
RECEIPT=$(j receipt)
[ -n "$RECEIPT" ] || fail "no receipt code for the complaint"

step "服务团答复投诉 / the team's lead unit answers it, once, before the operator decides"
must 200 POST "/api/v1/complaints/$COMPLAINT/response" -H "Authorization: Bearer $LU" -H "$H" \
  -d '{"text": "已与企业沟通，补充了具体实施方案"}'

step "投诉人查询 / the complainant reads its status by the receipt $RECEIPT (no token)"
must 200 GET "/api/v1/public/complaints/$RECEIPT"
[ "$(j teamResponded)" = true ] || fail "the receipt does not show that the team answered"

step "三库 / a problem-library entry"
must 201 POST /api/v1/library -H "Authorization: Bearer $LU" -H "$H" -d "{
  \"teamId\": \"$TEAM\", \"kind\": \"PROBLEM\", \"title\": \"车规级芯片可靠性测试难题\", \"region\": \"苏州市\"}"

step "定期上传 / the PROGRESS upload schedule (set when missing) and this period's upload (a tiny PDF)"
must 200 GET /api/v1/upload-schedules -H "Authorization: Bearer $OP"
PERIOD_KIND=$(jfind . kind PROGRESS period)
if [ -z "$PERIOD_KIND" ]; then
  must 200 PUT /api/v1/upload-schedules/PROGRESS -H "Authorization: Bearer $OP" -H "$H" \
    -d '{"period": "QUARTERLY", "dueDay": 15}'
  PERIOD_KIND=QUARTERLY
fi
case $PERIOD_KIND in
  QUARTERLY) PERIOD="$YEAR-Q$(((MONTH - 1) / 3 + 1))" ;;
  HALF_YEAR) PERIOD="$YEAR-H$((MONTH <= 6 ? 1 : 2))" ;;
  *) PERIOD=$YEAR ;;
esac
printf '%%PDF-1.7\n%%%%EOF\n' >"$WORK/progress.pdf"
must 201 POST /api/v1/uploads -H "Authorization: Bearer $LU" -F "teamId=$TEAM" -F kind=PROGRESS \
  -F "period=$PERIOD" -F "title=${PERIOD}工作进展" -F "file=@$WORK/progress.pdf;type=application/pdf"
UPLOAD=$(j id)

# --- 7b. records kept right ----------------------------------------------------------------------------------

step "退回与重传 / the operator returns the upload with a comment; version 2 keeps the due date; accepted"
must 200 POST "/api/v1/uploads/$UPLOAD/return" -H "Authorization: Bearer $OP" -H "$H" -d '{"comment": "请补充活动照片"}'
must 201 POST /api/v1/uploads -H "Authorization: Bearer $LU" -F "teamId=$TEAM" -F kind=PROGRESS \
  -F "period=$PERIOD" -F "title=${PERIOD}工作进展（补充）" -F "file=@$WORK/progress.pdf;type=application/pdf"
[ "$(j version)" = 2 ] || fail "the upload after a return is not version 2"
must 200 POST "/api/v1/uploads/$(j id)/accept" -H "Authorization: Bearer $OP" -H "$H" -d '{}'
must 200 GET /api/v1/uploads/completeness -G -d "year=$YEAR" -d kind=PROGRESS -H "Authorization: Bearer $LU"

step "更正活动报告 / the lead unit corrects the activity report with a reason; its history shows old → new"
must 200 GET /api/v1/activities -G -d "teamId=$TEAM" -H "Authorization: Bearer $LU"
ACTIVITY=$(j items.0.id)
must 200 PATCH "/api/v1/activities/$ACTIVITY" -H "Authorization: Bearer $LU" \
  -H 'Content-Type: application/merge-patch+json; charset=UTF-8' \
  -d '{"reason": "参加人数以签到表为准", "participants": 180}'
must 200 GET "/api/v1/activities/$ACTIVITY/history" -H "Authorization: Bearer $AU"

step "协作单位与牵头单位信息 / partner units with credit codes after activation (Art. 14); the lead unit's contact"
PARTNER_CODE=$(credit_code 1232)
must 200 PUT "/api/v1/teams/$TEAM/partner-units" -H "Authorization: Bearer $LU" -H "$H" -d "{\"partnerUnits\": [
  {\"name\": \"苏州工业园区管委会\", \"duties\": \"对接园区企业需求\", \"creditCode\": \"$PARTNER_CODE\"}]}"
must 200 PATCH "/api/v1/lead-units/$CODE_NS" -H "Authorization: Bearer $LU" \
  -H 'Content-Type: application/merge-patch+json; charset=UTF-8' -d '{"contact": {"phone": "010-68571111"}}'

# --- 8. evaluation ------------------------------------------------------------------------------------------

step "年度指标 / the team's $YEAR metrics from the events, once the activity has arrived (Art. 18)"
until_ok "the activity in the team's metrics" 200 '[[ $(jfind metrics metric enterprises-served value) =~ ^30(\.0*)?$ ]]' \
  GET "/api/v1/teams/$TEAM/metrics/$YEAR" -H "Authorization: Bearer $AU"
must 200 GET "/api/v1/teams/$TEAM/metrics/$YEAR/enterprises-served" -H "Authorization: Bearer $AU"

step "指标体系 / the year's indicator system and the metric catalogue"
must 200 GET "/api/v1/indicator-systems?year=$YEAR" -H "Authorization: Bearer $AU"
must 200 GET /api/v1/indicator-systems/metrics -H "Authorization: Bearer $AU"

step "年度考核 / the annual assessment of $YEAR, run in the background and polled to its end (Art. 19)"
req GET "/api/v1/assessments/$YEAR" -H "Authorization: Bearer $OP"
if [ "$CODE" = 200 ] && [ "$(j status)" = PUBLISHED ]; then
  show
  note "the $YEAR assessment is published already (final): no new run, no grade change, no publishing"
  ASSESSED=0
else
  until_ok "an assessment run started (none in progress)" 202 true POST "/api/v1/assessments/$YEAR/runs" \
    -H "Authorization: Bearer $OP"
  RUN=$(j id)
  until_ok "run $RUN finished" 200 '[ "$(j state)" != RUNNING ]' GET "/api/v1/assessments/$YEAR/runs/$RUN" \
    -H "Authorization: Bearer $OP"
  [ "$(j state)" = DONE ] || fail "run $RUN ended $(j state)"
  ASSESSED=1
fi

if [ "$ASSESSED" = 1 ]; then
  step "考核结果 / this team's result, indicator by indicator"
  must 200 GET "/api/v1/assessments/$YEAR/results/$TEAM" -H "Authorization: Bearer $AU"

  step "调整等次 / before publishing, the operator changes a grade with a reason auditors see"
  must 200 POST "/api/v1/assessments/$YEAR/results/$TEAM/grade" -H "Authorization: Bearer $OP" -H "$H" \
    -d '{"grade": "PASS", "reason": "新组建团队，组建当年按合格认定"}'
fi

step "牵头单位排名 / lead units ranked by their teams' average, also as CSV (Art. 19)"
must 200 GET "/api/v1/assessments/$YEAR/lead-units" -H "Authorization: Bearer $AU"
must 200 GET "/api/v1/assessments/$YEAR/lead-units" -H "Accept: text/csv" -H "Authorization: Bearer $AU"

step "数据质量与审计 / data-quality flags and the year's audit trail (Art. 21)"
must 200 GET "/api/v1/assessments/$YEAR/data-quality" -H "Authorization: Bearer $AU"
must 200 GET "/api/v1/assessments/$YEAR/history" -H "Authorization: Bearer $AU"

if [ "$ASSESSED" = 1 ] && [ "$PUBLISH" = 1 ]; then
  step "发布考核结果 / publish the $YEAR assessment (final: POOR teams end, EXCELLENT get stable support)"
  must 200 POST "/api/v1/assessments/$YEAR/publish" -H "Authorization: Bearer $OP"
elif [ "$ASSESSED" = 1 ]; then
  step "发布（跳过）/ publishing skipped: it is final for the year and every team"
  note "KCZG_WALKTHROUGH_PUBLISH=1 docs/walkthrough.sh publishes; by hand:"
  note "curl -sS --fail-with-body -X POST $BASE/api/v1/assessments/$YEAR/publish -H \"Authorization: Bearer \$OP\""
fi

step "处理 / a serious legal problem bans this run's lead unit for 3 years and ends its team (Art. 20)"
must 201 POST /api/v1/sanctions -H "Authorization: Bearer $OP" -H "$H" \
  -d "{\"teamId\": \"$TEAM\", \"reasonClass\": \"LEGAL\", \"note\": \"团队负责人涉嫌违法，已被依法立案调查\"}"
SANCTION=$(j id)

step "申诉 / the lead unit appeals the ban within 30 days; the operator upholds it and the ban is lifted everywhere"
must 201 POST /api/v1/appeals -H "Authorization: Bearer $LU" -H "$H" -d "{\"subject\": \"BAN\",
  \"sanctionId\": \"$SANCTION\", \"reason\": \"立案调查已撤销，公安机关出具了不予立案通知书，请求撤销禁止申报\"}"
APPEAL=$(j id)
must 200 POST "/api/v1/appeals/$APPEAL/decision" -H "Authorization: Bearer $OP" -H "$H" \
  -d '{"outcome": "UPHELD", "reason": "经核实不予立案通知书真实有效，撤销禁止申报处理"}'
until_ok "the ban lifted in review-service" 200 '[ -z "$(j ban)" ]' \
  GET "/api/v1/eligibility/$CODE_NS" -H "Authorization: Bearer $LU"

step "审计记录 / auditors read each service's audit trail, also as CSV (Art. 21)"
must 200 GET /api/v1/audit-trail/registration -G -d "aggregateId=$TEAM" -H "Authorization: Bearer $AU"
must 200 GET /api/v1/audit-trail/evaluation -G -d "aggregateId=$APPEAL" -H "Accept: text/csv" -H "Authorization: Bearer $AU"

# --- 9. events, lists, errors -------------------------------------------------------------------------------

step "事件 / the latest events of the platform (also live: /api/v1/events/stream)"
must 200 GET /api/v1/events -G -d size=5 -d 'type=team.*' -H "Authorization: Bearer $AU"

step "运行保障 / each service's outbox: nothing waiting to be published (the operator console shows the same)"
must 200 GET /api/v1/outbox -H "Authorization: Bearer $OP"
note "the console: ./kczg console prints a sign-in link to http://localhost:8080/console/"

step "分页与筛选 / lists page and filter: {items, page, size, total}"
must 200 GET /api/v1/lead-units -G --data-urlencode "name=演练$RUNID" -d category=NATIONAL_SOCIETY \
  -d size=20 -d sort=name,asc -H "Authorization: Bearer $OP"
[ "$(j total)" = 1 ] || fail "the lead-unit list does not find this run's lead unit"

step "错误 / errors are RFC 9457 problem+json naming the fields (a wrong check character: 400 expected)"
must 400 POST /api/v1/lead-units -H "Authorization: Bearer $OP" -H "$H" -d '{"creditCode":"91350100M000100Y44"}'

printf '\n lead unit %s, application %s, team %s, ticket %s\n' "$CODE_NS" "$APP" "$TEAM" "$TICKET"
echo "WALKTHROUGH OK"
