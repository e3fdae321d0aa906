# Sourced (POSIX sh) by ./mvnw and ./fraudops. Exports JAVA_HOME pointing at a JDK >= 21, looking at
# $JAVA_HOME, then `java` on PATH, then the JDKs under /usr/lib/jvm (and macOS' usual place).
# Prints one clear line and returns 1 when there is none. Works under `set -euf` (no globbing).
FRAUDOPS_MIN_JAVA=21

fraudops_java_major() { # $1 = path to a java binary -> its major version, or nothing
  "$1" -version 2>&1 | awk -F'"' '/version "/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

fraudops_try_jdk() { # $1 = candidate JAVA_HOME; succeeds and exports it when it is a JDK >= 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _fraudops_major=$(fraudops_java_major "$1/bin/java")
  [ -n "$_fraudops_major" ] && [ "$_fraudops_major" -ge "$FRAUDOPS_MIN_JAVA" ] 2>/dev/null || return 1
  JAVA_HOME="$1"
  export JAVA_HOME
}

fraudops_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && fraudops_try_jdk "$JAVA_HOME"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    _fraudops_java=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
    if fraudops_try_jdk "$(dirname "$(dirname "$_fraudops_java")")"; then return 0; fi
  fi
  for _fraudops_root in /usr/lib/jvm /Library/Java/JavaVirtualMachines; do
    [ -d "$_fraudops_root" ] || continue
    for _fraudops_dir in $(ls -1 "$_fraudops_root" | sort -rV); do
      for _fraudops_home in "$_fraudops_root/$_fraudops_dir" "$_fraudops_root/$_fraudops_dir/Contents/Home"; do
        if fraudops_try_jdk "$_fraudops_home"; then return 0; fi
      done
    done
  done
  echo "fraudops: no JDK $FRAUDOPS_MIN_JAVA or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm). Install one (e.g. Temurin 21+) and set JAVA_HOME." >&2
  return 1
}
