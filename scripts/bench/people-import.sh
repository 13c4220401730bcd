#!/usr/bin/env bash
# Benchmark: import 10 000 people from a CSV file through the real app, the way a user does it.
#
# Builds Release, starts the app on a loopback port with a fresh data folder (embedded SQLite, Hangfire server on,
# a bootstrap admin), adds a village, writes a deterministic 10 000-row CSV (3 % bad rows: wrong ID checksum, a date
# that does not exist, an unknown village), signs in with curl, uploads, maps the columns, commits, polls the progress
# until the job is done, and prints the seconds from upload to done. The app is stopped at the end.
#
#   scripts/bench/people-import.sh            # 10 000 rows on port 5087
#   ROWS=50000 PORT=5099 scripts/bench/people-import.sh
#
# Needs: the .NET SDK, curl, awk.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
rows=${ROWS:-10000}
port=${PORT:-5087}
base="http://127.0.0.1:$port"
email=bench@example.org
password=bench-password-2569

work=$(mktemp -d)
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
jar="$work/cookies.txt"
web() { curl -sS -b "$jar" -c "$jar" "$@"; }

echo "== build (Release)"
dotnet build src/Livelihood.Web -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

echo "== start the app on $base (data in $work/data)"
(
  cd src/Livelihood.Web
  exec env ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
    Database__DataFolder="$work/data" Hangfire__Server=true \
    Livelihood__Bootstrap__AdminEmail="$email" Livelihood__Bootstrap__AdminPassword="$password" \
    Logging__LogLevel__Default=Warning \
    dotnet "$root/src/Livelihood.Web/bin/Release/net10.0/Livelihood.Web.dll"
) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.5
done
curl -sf "$base/health" >/dev/null || { echo "the app did not become healthy"; cat "$work/app.log"; exit 1; }

echo "== sign in as $email"
t=$(web "$base/Account/SignIn" | token)
status=$(web -o /dev/null -w '%{http_code}' --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$t" "$base/Account/SignIn")
[[ "$status" == 302 ]] || { echo "sign-in failed ($status)"; exit 1; }
t=$(web "$base/People/Import" | token)

echo "== add the village หมู่ 3 บ้านปินใต้ (ต.บ้านปิน อ.ดอกคำใต้ จ.พะเยา)"
web -f -o /dev/null --data-urlencode "VillageNumber=3" --data-urlencode "NameTh=บ้านปินใต้" --data-urlencode "SubdistrictId=560504" \
  --data-urlencode "__RequestVerificationToken=$t" "$base/Locations?handler=Village"

echo "== write $rows rows"
csv="$work/people-$rows.csv"
awk -v rows="$rows" 'BEGIN {
  print "ชื่อ-นามสกุล,เพศ,วันเกิด,หมู่บ้าน,เบอร์โทร,เลขบัตรประชาชน,ผู้ปกครอง,ความเกี่ยวข้อง,เบอร์โทรผู้ปกครอง"
  for (i = 1; i <= rows; i++) {
    twelve = sprintf("1%06d%05d", i, (i * 7919) % 100000)
    sum = 0
    for (k = 1; k <= 12; k++) sum += substr(twelve, k, 1) * (14 - k)
    check = (11 - sum % 11) % 10
    bad = i % 100
    if (bad == 7) check = (check + 1) % 10                       # wrong checksum
    id = twelve check
    minor = (i % 10 == 3)
    year = minor ? 2555 : 2500 + i % 40                         # Buddhist era
    date = sprintf("%d/%d/%d", 1 + i % 28, 1 + i % 12, year)
    if (bad == 41) date = "31/02/2530"                          # no such day
    village = (bad == 77) ? "หมู่ 9 บ้านไม่มี" : "หมู่ 3 บ้านปินใต้"   # unknown village
    sex = (i % 2) ? "ชาย" : "หญิง"
    name = ((i % 2) ? (minor ? "เด็กชาย" : "นาย") : (minor ? "เด็กหญิง" : "นางสาว")) "ทดสอบ ลำดับที่" i
    guardian = minor ? ("นางแม่ ลำดับที่" i ",แม่," sprintf("089%07d", i)) : ",,"
    printf "%s,%s,%s,%s,%s,%s,%s\n", name, sex, date, village, sprintf("08%08d", i), id, guardian
  }
}' >"$csv"
expected_bad=$(awk -v rows="$rows" 'BEGIN { n = 0; for (i = 1; i <= rows; i++) if (i % 100 == 7 || i % 100 == 41 || i % 100 == 77) n++; print n }')
echo "   $(wc -c <"$csv") bytes, $expected_bad bad rows"

echo "== import"
start=$(now)
location=$(web -o /dev/null -w '%{redirect_url}' -F "__RequestVerificationToken=$t" -F "Upload=@$csv;type=text/csv" "$base/People/Import?handler=Upload")
id=$(echo "$location" | grep -o '/People/Import/[0-9]*' | grep -o '[0-9]*$') || { echo "upload failed: $location"; exit 1; }
uploaded=$(now)
status=$(web -o /dev/null -w '%{http_code}' \
  --data-urlencode "Mapping[FullNameTh]=0" --data-urlencode "Mapping[Sex]=1" --data-urlencode "Mapping[BirthDate]=2" \
  --data-urlencode "Mapping[VillageId]=3" --data-urlencode "Mapping[Phone]=4" --data-urlencode "Mapping[IdNumber]=5" \
  --data-urlencode "Mapping[GuardianName]=6" --data-urlencode "Mapping[GuardianRelation]=7" --data-urlencode "Mapping[GuardianPhone]=8" \
  --data-urlencode "__RequestVerificationToken=$t" "$base/People/Import/$id?handler=Map")
[[ "$status" == 302 ]] || { echo "mapping failed ($status)"; exit 1; }
checked=$(now)
status=$(web -o /dev/null -w '%{http_code}' --data-urlencode "__RequestVerificationToken=$t" "$base/People/Import/$id?handler=Commit")
[[ "$status" == 302 ]] || { echo "commit failed ($status)"; exit 1; }
committed=$(now)
picked=""
while :; do
  progress=$(web "$base/People/Import/$id?handler=Progress")
  if [[ -z "$picked" && ( "$progress" == *'"state":"Processing"'* || "$progress" == *'"finished":true'* ) ]]; then picked=$(now); fi
  [[ "$progress" == *'"finished":true'* ]] && break
  [[ "$progress" == *'"failed":true'* ]] && { echo "the import job failed: $progress"; exit 1; }
  awk -v s="$start" -v n="$(now)" 'BEGIN { exit (n - s > 300) ? 0 : 1 }' && { echo "gave up after 300 s: $progress"; exit 1; }
  sleep 0.2
done
done_at=$(now)
imported=$(echo "$progress" | grep -o '"imported":[0-9]*' | grep -o '[0-9]*$')
rejected=$(echo "$progress" | grep -o '"rejected":[0-9]*' | grep -o '[0-9]*$')

echo
echo "rows in file:        $rows"
echo "imported:            $imported"
echo "rejected:            $rejected (expected $expected_bad)"
echo "upload (staged):     $(seconds "$start" "$uploaded") s"
echo "map + check rows:    $(seconds "$uploaded" "$checked") s"
echo "commit request:      $(seconds "$checked" "$committed") s"
echo "wait for a worker:   $(seconds "$committed" "${picked:-$done_at}") s (Hangfire picks the job up from its queue)"
echo "job until done:      $(seconds "${picked:-$done_at}" "$done_at") s"
echo "upload to done:      $(seconds "$start" "$done_at") s"
[[ "$imported" == $((rows - expected_bad)) ]] || { echo "unexpected number of imported rows"; exit 1; }
