#!/usr/bin/env bash
# Checks that serving requests loads no classes and spends no samples in reflection or regex
# compilation once warm: runs the helloworld sample under wrk (127.0.0.1 only), records JFR during
# a second, measured load, and counts the offending events. Needs the samples jar and wrk.
# Usage: bench/hotpath-check.sh [seconds]   (default 10; bounded: two wrk runs of that length)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
jar=samples/target/jornado-samples.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
port=${PORT:-18931}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cat >"$work/logback.xml" <<'XML'
<configuration><root level="WARN"/></configuration>
XML
java -Dvertx.disableDnsResolver=true -Dlogback.configurationFile="$work/logback.xml" -jar "$jar" helloworld --port="$port" \
  >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 100); do grep -q Listening "$work/out" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port/"
wrk -t1 -c16 -d"${seconds}s" "$url" >/dev/null                        # warm-up
jcmd "$pid" JFR.start name=hot settings=profile filename="$work/hot.jfr" >/dev/null
wrk -t1 -c16 -d"${seconds}s" "$url" | grep -E "Requests/sec"
jcmd "$pid" JFR.stop name=hot >/dev/null
loads=$(jfr print --events jdk.ClassLoad "$work/hot.jfr" | grep -c "loadedClass = " || true)
samples=$(jfr print --events jdk.ExecutionSample "$work/hot.jfr" | grep -c "jdk.ExecutionSample" || true)
reflective=$(jfr print --events jdk.ExecutionSample "$work/hot.jfr" \
  | grep -cE "java\.lang\.reflect\.Method\.invoke|Class\.forName|Class\.getMethod|Class\.getDeclared" || true)
regex=$(jfr print --events jdk.ExecutionSample "$work/hot.jfr" | grep -cE "java\.util\.regex\.Pattern\.compile|Pattern\.<init>" || true)
echo "classes loaded while serving: $loads"
[ -n "${KEEP:-}" ] && echo "recording: $work/hot.jfr"
echo "execution samples: $samples; in reflection: $reflective; in regex compilation: $regex"
