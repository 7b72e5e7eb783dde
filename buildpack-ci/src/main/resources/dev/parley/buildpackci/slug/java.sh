# Written into every slug by buildpack-ci. The dyno sources it before any process (web, release, one-off).

export JAVA_HOME="$HOME/jdk"
export PATH="$JAVA_HOME/bin:$PATH"

# The dyno's memory in MB: PARLEY_JVM_MEMORY_MB (Terraform sets it from the formation size), else the cgroup limit,
# else the size Heroku's process limit reveals, else 512.
parley_dyno_memory_mb() {
  if [ -n "${PARLEY_JVM_MEMORY_MB:-}" ]; then
    echo "$PARLEY_JVM_MEMORY_MB"
    return
  fi
  local limit=""
  if [ -r /sys/fs/cgroup/memory.max ]; then
    limit=$(cat /sys/fs/cgroup/memory.max)
  elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
    limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
  fi
  # "max" or a huge number means no limit of its own.
  if [ -n "$limit" ] && [ "$limit" != "max" ] && [ "$limit" -lt 549755813888 ] 2>/dev/null; then
    echo $((limit / 1048576))
    return
  fi
  case "$(ulimit -u)" in
    256) echo 512 ;;      # standard-1x
    512) echo 1024 ;;     # standard-2x
    16384) echo 2560 ;;   # performance-m, private-m, shield-m
    32768) echo 14336 ;;  # performance-l, private-l, shield-l
    *) echo 512 ;;
  esac
}

PARLEY_DYNO_MEMORY_MB=$(parley_dyno_memory_mb)
export PARLEY_DYNO_MEMORY_MB

# Heap and other pools from the dyno's memory (the JVM would otherwise size them from the host's), and exit on the
# first OutOfMemoryError so that Heroku restarts the dyno.
PARLEY_JAVA_OPTS="-XX:MaxRAM=${PARLEY_DYNO_MEMORY_MB}m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
case "${DYNO:-}" in
  # The release phase only migrates and exits: the quick-starting compiler is enough.
  release.*) PARLEY_JAVA_OPTS="$PARLEY_JAVA_OPTS -XX:TieredStopAtLevel=1" ;;
  # Web processes answer within milliseconds. G1's remark pause, every few seconds under load, took 10-20 ms in the
  # callout benchmark and under 1 ms without looking for classes to unload (docs/operators/callout.md). The services
  # generate no classes once warm, so unloading is left to full collections.
  web.*) PARLEY_JAVA_OPTS="$PARLEY_JAVA_OPTS -XX:-ClassUnloadingWithConcurrentMark" ;;
esac
# The app's own JAVA_OPTS config var comes last, so it wins.
export JAVA_OPTS="$PARLEY_JAVA_OPTS ${JAVA_OPTS:-}"
unset PARLEY_JAVA_OPTS
